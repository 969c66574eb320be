/**
 * Runs that cannot finish are refused up front, as a process sees it: exit 2,
 * the scenario file named, the estimate in the message, nothing written (the
 * run itself would grow for minutes before dying in the engine).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('runs whose size cannot fit', () => {
  it.each([
    ['400 steps of exponential firm growth', 'time: { start: 2020, steps: 400 }\n', /projected to pass the 25,000,000 firms a run can hold by step \d+ \(year \d+\)/],
    ['every size at its maximum', 'time: { start: 2020, steps: 1000 }\ninitial: { firms: 1000000 }\nreplications: 10000\n', /projected to pass the 25,000,000 firms/],
  ])('%s: refused before it starts', (_, body, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'chuanyu-limits-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `extends: baseline\nname: big\n${body}`);
    for (const args of [['run', file], ['sweep', file, '-p', 'fund.leverage=0,1'], ['game', file, '-r', '2']]) {
      const result = runCli([...args, '--out', join(dir, 'out'), '-q'], { timeout: 120_000 });
      expect(result.status, args[0]).toBe(2);
      expect(result.stderr, args[0]).toContain(`${file}: cannot run this scenario`);
      expect(result.stderr, args[0]).toMatch(message);
      expect(result.stderr, args[0]).toMatch(/reduce time\.steps/);
      expect(existsSync(join(dir, 'out')), args[0]).toBe(false);
    }
    expect(readdirSync(dir)).toEqual(['big.yaml']);
    // With the default results folder too: no empty results/<name>/ is left behind.
    const byDefault = runCli(['run', file, '-q'], { cwd: dir });
    expect(byDefault.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['big.yaml']);
  });
});
