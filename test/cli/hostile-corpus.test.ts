/**
 * Hostile input (issue 12): every file of test/fixtures/hostile/ is given to
 * `chuanyu run` as a user would, in a child process. A bad file must end with
 * exit code 2 and a message naming it, never an internal error or a stack
 * trace, and nothing may be written. The `ok-*` files are odd but valid (BOM,
 * CRLF, -0, unicode names, JSON, aliases...) and must run. Files too large to
 * commit (180 000 keys) are generated here.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'chuanyu-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generated = (name: string, text: string) => {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
};
const manyKeys = (n: number) => `name: x\nx: {${Array.from({ length: n }, (_, i) => `k${i.toString(36)}: 0`).join(', ')}}\n`;

const files = [
  ...readdirSync(HOSTILE).map((f) => join(HOSTILE, f)),
  generated('keys-180k-flow.yaml', manyKeys(180_000)),
  generated('keys-180k-block.yaml', `name: x\nx:\n${Array.from({ length: 180_000 }, (_, i) => `  k${i}: 0`).join('\n')}\n`),
  generated('issues-many.yaml', `name: x\nsweep: { parameters: { ${Array.from({ length: 2000 }, (_, i) => `p${i}: 1`).join(', ')} } }\n`),
];

interface Outcome {
  file: string;
  status: number | null;
  stderr: string;
  out: string;
  cwd: string;
}

/** `chuanyu run <file> --out <tmp>/out -r 1 -q` in its own working directory. */
function runOne(file: string, index: number): Promise<Outcome> {
  const cwd = join(work, `cwd-${index}`);
  const out = join(work, `out-${index}`);
  return new Promise((resolve) => {
    mkdirSync(cwd);
    const child = spawn(process.execPath, [CLI, 'run', file, '--out', out, '-r', '1', '-q'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Only a guard against a hang (status null then fails the test), as generous as runCli's.
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ file, status, stderr, out, cwd });
    });
  });
}

/**
 * Runs all files, a few at a time (the machine may have only two busy cores):
 * file i on lane i mod `lanes`, one after another; each test awaits its own file.
 */
function runAll(lanes: number): Map<string, Promise<Outcome>> {
  const queues: Promise<unknown>[] = Array.from({ length: lanes }, () => Promise.resolve());
  return new Map(
    files.map((file, i) => {
      const outcome = queues[i % lanes].then(() => runOne(file, i));
      queues[i % lanes] = outcome;
      return [file, outcome];
    }),
  );
}

const name = (file: string) => file.slice(file.lastIndexOf('/') + 1);

describe('hostile scenario corpus', () => {
  const outcomes = runAll(3);

  it('has a corpus of bad and odd-but-valid files', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(files.filter((f) => name(f).startsWith('ok-')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.filter((f) => !name(f).startsWith('ok-')).map((f) => [name(f), f]))('refuses %s cleanly', async (_, file) => {
    const o = await outcomes.get(file)!;
    expect(o.status, o.stderr).toBe(2);
    expect(o.stderr).toMatch(/^error: /);
    expect(o.stderr).toContain(name(file).replace(/\.[^.]*$/, ''));
    expect(o.stderr).not.toMatch(/internal error/i);
    expect(o.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    expect(o.stderr).not.toMatch(/root:x:0:0|^include /m); // never another file's contents
    expect(o.stderr.split('\n').length).toBeLessThanOrEqual(53); // at most 50 issues, "... and N more", a hint
    expect(existsSync(o.out)).toBe(false);
    expect(readdirSync(o.cwd)).toEqual([]);
  });

  it.each(files.filter((f) => name(f).startsWith('ok-')).map((f) => [name(f), f]))('runs %s', async (_, file) => {
    const o = await outcomes.get(file)!;
    expect(o.status, o.stderr).toBe(0);
    expect(o.stderr).toBe('');
    expect(readdirSync(o.out)).toContain('summary.json');
  });

  it('refuses 180 000 keys with the entry limit (checked before parsing: test/scenario/source.test.ts)', async () => {
    const o = await outcomes.get(join(work, 'keys-180k-flow.yaml'))!;
    expect(o.stderr).toMatch(/keys-180k-flow\.yaml:2:\d+: too many keys and list items/);
  });

  it('prints the first 50 issues of a file, then how many more', async () => {
    const o = await outcomes.get(join(work, 'issues-many.yaml'))!;
    expect(o.stderr).toMatch(/\n\.\.\. and \d+ more\n$/);
  });
});
