/**
 * A user's files are never removed or overwritten, as a process sees it:
 * `--out` refuses a project folder, a file, another command's results and a
 * results folder the user added files to; replaces its own results only with
 * --force; sweeps never write into a folder of other files; interrupted writes
 * leave no staging folder; damaged point files are named, re-run on --resume
 * and refused by merge; flags obey the scenario file's limits.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess, runCliSignalled } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-out-'));

/** A small world so each run takes a moment. */
function tinyScenario(dir: string): string {
  const file = join(dir, 'tiny.yaml');
  writeFileSync(file, 'extends: cooperate\nname: tiny\ntime: { start: 2020, steps: 4 }\ninitial: { firms: 300 }\n');
  return file;
}

/** A folder that looks like a user's project. */
function projectFolder(): string {
  const dir = tmp();
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'index.ts'), 'export {};\n');
  writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
  return dir;
}

const snapshot = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('--out never removes what chuanyu did not write', () => {
  it('refuses a project folder (`--out .`) with exit 2, saying what is there, and leaves it untouched', () => {
    const project = projectFolder();
    const before = snapshot(project);
    const result = runCli(['run', tinyScenario(tmp()), '-r', '1', '--out', '.', '--force'], { cwd: project });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is a folder that chuanyu did not write; it holds \.git, notes\.txt, src/);
    expect(result.stderr).toMatch(/new or empty folder/);
    expect(snapshot(project)).toEqual(before);
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('my notes\n');
  });

  it('refuses a file (`--out notes.txt`) for run, compare, game and calibrate, before computing anything', () => {
    const project = projectFolder();
    const scenario = tinyScenario(tmp());
    for (const args of [
      ['run', scenario, '-r', '1'],
      ['compare', scenario, scenario, '-r', '2'],
      ['game', scenario, '-r', '2'],
      ['calibrate', 'historical', '-n', '2', '-r', '1'],
    ]) {
      const result = runCli([...args, '--out', 'notes.txt', '--force', '-q'], { cwd: project });
      expect(result.status, args[0]).toBe(2);
      expect(result.stderr, args[0]).toMatch(/--out .*notes\.txt is a file, not a results folder/);
      expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('my notes\n');
    }
    expect(snapshot(project).filter((f) => f.startsWith('.') && f !== '.git' && !f.startsWith('.git/'))).toEqual([]);
  });

  it('replaces its own results only with --force, never another command\'s, nor a folder with a user file added', () => {
    const dir = tmp();
    const scenario = tinyScenario(dir);
    const out = join(dir, 'out');
    expect(runCli(['run', scenario, '-r', '1', '--out', out, '-q']).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('chuanyu-run');
    expect(manifest.files).toContain('metrics.csv');
    expect(manifest.files).toContain('charts/report.html');

    const again = runCli(['run', scenario, '-r', '1', '--out', out, '-q']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds results of an earlier `chuanyu run`; add --force/);

    const other = runCli(['compare', scenario, scenario, '-r', '2', '--out', out, '--force', '-q']);
    expect(other.status, other.stderr).toBe(2);
    expect(other.stderr).toMatch(/holds results of `chuanyu run`, not of `chuanyu compare`/);

    expect(runCli(['run', scenario, '-r', '1', '--seed', '5', '--out', out, '--force', '-q']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).toBe(5);

    writeFileSync(join(out, 'my-analysis.md'), 'mine\n');
    const withMine = runCli(['run', scenario, '-r', '1', '--out', out, '--force', '-q']);
    expect(withMine.status).toBe(2);
    expect(withMine.stderr).toMatch(/files chuanyu did not write \(my-analysis\.md\)/);
    expect(readFileSync(join(out, 'my-analysis.md'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('fills an empty folder, and refuses a place it cannot write before computing', () => {
    const dir = tmp();
    const scenario = tinyScenario(dir);
    mkdirSync(join(dir, 'empty'));
    expect(runCli(['run', scenario, '-r', '1', '--out', join(dir, 'empty'), '-q']).status).toBe(0);
    expect(existsSync(join(dir, 'empty', 'metrics.csv'))).toBe(true);
    writeFileSync(join(dir, 'afile'), 'x');
    const under = runCli(['run', scenario, '-r', '1', '--out', join(dir, 'afile', 'sub'), '-q']);
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(/afile is a file, not a folder/);
    const proc = runCli(['run', scenario, '-r', '1', '--out', '/proc/chuanyu-results', '-q']);
    expect(proc.status).toBe(2);
    expect(proc.stderr).toMatch(/^error: cannot create \/proc/);
    expect(proc.stderr).not.toMatch(/internal error/);
  });

  it('removes staging folders that a killed process left, and its own when stopped by a signal', async () => {
    const dir = tmp();
    const scenario = tinyScenario(dir);
    const dead = 2 ** 22 + 4321; // above any pid_max Linux allows by default: no such process
    mkdirSync(join(dir, `.out.tmp-${dead}-1700000000000`, 'out'), { recursive: true });
    expect(runCli(['run', scenario, '-r', '1', '--out', join(dir, 'out'), '-q']).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);

    // SIGTERM while the results are being written: the process signals itself right after creating its staging folder.
    const stopped = await runCliSignalled(['run', scenario, '-r', '2', '--out', join(dir, 'second'), '-q'], { signal: 'SIGTERM', when: 'staging' });
    expect(stopped.status, `not stopped by test/helpers/signal-self.mjs: ${stopped.stderr}`).toBe(143);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(existsSync(join(dir, 'second'))).toBe(false);
  });
});

describe('single files', () => {
  it('validate --write refuses to overwrite a file it did not write, before computing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'README.md'), '# my readme\n');
    const result = runCli(['validate', '--write', join(dir, 'README.md'), '-q']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/README\.md exists and is not a validation report chuanyu wrote/);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# my readme\n');
  });
});

describe('sweeps write only into new or empty folders, and check every point file they read', () => {
  it('refuses a non-empty folder without a plan, leaving the user\'s summary.json alone', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'summary.json'), '{"mine": true}\n');
    const result = runCli(['sweep', tinyScenario(tmp()), '-p', 'fund.leverage=0,1', '-r', '1', '--out', dir, '-q']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/holds other files \(summary\.json\) and no plan\.json/);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('{"mine": true}\n');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('names a truncated or swapped point file: merge refuses it, --resume runs it again to the same table', () => {
    const dir = tmp();
    const scenario = tinyScenario(dir);
    const sweep = ['sweep', scenario, '-p', 'fund.leverage=0,0.5,1', '-r', '2', '-j', '1', '--no-counterfactual', '-q'];
    const out = join(dir, 'sweep');
    expect(runCli([...sweep, '--out', out]).status).toBe(0);
    const table = readFileSync(join(out, 'sweep.csv'), 'utf8');
    const points = join(out, 'points');
    const [p0, p1] = readdirSync(points).sort();

    truncateSync(join(points, p1), 40);
    const merged = runCli(['merge', out, '--out', join(dir, 'merged'), '-q']);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain(join(points, p1));
    expect(merged.stderr).toMatch(/point 1 is damaged \(it is not complete JSON/);
    expect(merged.stderr).not.toMatch(/internal error/);

    const resumed = runCli([...sweep, '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/point-000001\.json: it is not complete JSON .*running point 1 again/);
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe(table);

    // A file copied over another point's: its index and values are not the plan's for that file.
    writeFileSync(join(points, p1), readFileSync(join(points, p0)));
    const swapped = runCli(['merge', out, '--out', join(dir, 'merged2'), '-q']);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toMatch(/point 1 is damaged \(it holds point 0, not point 1\)/);
  });
});

describe('numeric flags obey the limits a scenario file has', () => {
  it.each([
    [['run', 'baseline', '--seed', 'abc'], /--seed must be a whole number, got "abc"/],
    [['run', 'baseline', '--seed', '1e300'], /--seed must be a whole number of at most 9007199254740991, got "1e300"/],
    [['run', 'baseline', '--seed', '9007199254740993'], /--seed must be a whole number of at most/],
    [['run', 'baseline', '-r', '1000000000'], /--replications must be at most 10000/],
    [['run', 'baseline', '-r', '0'], /--replications must be at least 1/],
    [['sweep', 'baseline', '-p', 'fund.leverage=0,1', '--samples', '1000000000'], /--samples must be at most/],
    [['sensitivity', 'baseline', '-p', 'fund.leverage=0:1', '--samples', '1000000000'], /--samples must be at most/],
    [['sweep', 'baseline', '-p', 'fund.leverage=0,1', '--workers', '999'], /--workers must be at most 64/],
    [['run', 'baseline', '--replication', '3'], /did you mean --replications\?/],
  ])('%j (in-process)', async (args, message) => {
    const result = await runCliInProcess([...args, '--out', join(tmp(), 'x')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error|    at /);
  });

  it('prints a long error in full through a pipe (no output cut at 64 KB)', () => {
    const junk = Array.from({ length: 3000 }, (_, i) => `--unknown-option-number-${i}-${'x'.repeat(20)}`);
    const result = runCli(['run', 'baseline', ...junk]);
    expect(result.status).toBe(2);
    expect(result.stderr.length).toBeGreaterThan(100_000);
    expect(result.stderr.endsWith('Run `chuanyu --help` for usage.\n')).toBe(true);
  });
});
