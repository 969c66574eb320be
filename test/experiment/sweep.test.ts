/**
 * Sweeps as a user runs them (the CLI as a process): worker count does not
 * change a byte, a killed sweep resumes to the same table, shards merge to the
 * unsharded table, and the CLI rejects bad parameters.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliSignalled } from '../helpers/cli.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const PARAMS = ['-p', 'fund.leverage=0:1:0.5', '-p', 'policy.fundShare=0.2,0.4'];
const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-sweep-'));
const same = (a: string, b: string, file: string) => expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);

describe('chuanyu sweep', () => {
  const root = tmp();
  const one = join(root, 'one');
  const two = join(root, 'two');

  it('gives byte-identical tables with 1 and 2 workers', () => {
    expect(runCli(['sweep', SCENARIO, ...PARAMS, '--workers', '1', '--out', one, '--quiet']).status).toBe(0);
    expect(runCli(['sweep', SCENARIO, ...PARAMS, '--workers', '2', '--out', two, '--quiet']).status).toBe(0);
    for (const file of ['sweep.csv', 'outcomes.csv', 'summary.json']) same(one, two, file);
    const header = readFileSync(join(one, 'sweep.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('point,replication,fund.leverage,policy.fundShare,region,metric,unit,statistic,value');
    const summary = JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8'));
    expect(summary.points).toHaveLength(6);
    expect(summary.points[5].values).toEqual({ 'fund.leverage': 1, 'policy.fundShare': 0.4 });
  });

  it('merges shards into the unsharded table', () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard-${i}`));
    shards.forEach((dir, i) => expect(runCli(['sweep', SCENARIO, ...PARAMS, '--shard', `${i + 1}/3`, '--out', dir, '--quiet', '--workers', '1']).status).toBe(0));
    expect(readdirSync(join(shards[0], 'points'))).toEqual(['point-000000.json', 'point-000003.json']);
    const merged = join(root, 'merged');
    const result = runCli(['merge', ...shards, '--out', merged]);
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['sweep.csv', 'outcomes.csv', 'summary.json']) same(one, merged, file);
  });

  it('refuses to merge an incomplete set of shards', () => {
    const result = runCli(['merge', join(root, 'shard-1'), join(root, 'shard-2'), '--out', join(root, 'partial')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2 of 6 points are missing \(points 2, 5\)/);
  });

  it('resumes a killed sweep to the same table, ignoring partial files', async () => {
    const dir = join(root, 'killed');
    const big = ['-p', 'fund.leverage=0:2.9:0.1', '-r', '2'];
    // The sweep kills itself, as a crash would, right after saving its third point (no race with a clock or a poll).
    const killed = await runCliSignalled(['sweep', SCENARIO, ...big, '--workers', '1', '--out', dir, '--quiet'], { signal: 'SIGKILL', when: 'points:3' });
    expect(killed.signal, 'the sweep was not stopped by test/helpers/signal-self.mjs').toBe('SIGKILL');
    const points = join(dir, 'points');
    expect(readdirSync(points).filter((f) => /^point-\d{6}\.json$/.test(f))).toHaveLength(3);
    expect(existsSync(join(dir, 'sweep.csv'))).toBe(false);
    // A half-written point left by a crash must never be read as a result.
    writeFileSync(join(points, 'point-000029.json.tmp-999'), '{"index": 29, "replications": [');
    const resumed = runCli(['sweep', SCENARIO, ...big, '--workers', '2', '--out', dir, '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const straight = join(root, 'straight');
    expect(runCli(['sweep', SCENARIO, ...big, '--workers', '2', '--out', straight, '--quiet']).status).toBe(0);
    for (const file of ['sweep.csv', 'outcomes.csv', 'summary.json']) same(straight, dir, file);
  }, 600_000);

  it('refuses to resume with a different command', () => {
    const result = runCli(['sweep', SCENARIO, '-p', 'fund.leverage=0:1:0.25', '--out', one, '--resume', '--quiet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/different sweep/);
  });

  it('names the valid paths when a parameter path has a typo', () => {
    const result = runCli(['sweep', SCENARIO, '-p', 'fund.levrage=0:1:0.5', '--out', join(root, 'typo')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "fund.leverage"');
    expect(existsSync(join(root, 'typo'))).toBe(false);
  });

  it('rejects values that make an invalid scenario before running anything', () => {
    const result = runCli(['sweep', SCENARIO, '-p', 'fund.carry=0.5,1.5', '--out', join(root, 'invalid')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fund.carry');
    expect(existsSync(join(root, 'invalid'))).toBe(false);
  });

  it('rejects values the scenario checks refuse (not only the schema) as a user error, not an internal one', () => {
    const result = runCli(['sweep', SCENARIO, '-p', 'governments.sichuan.taxMin=0.1,0.9', '--out', join(root, 'invalid-normalize')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('governments.sichuan.taxMin=0.9 make an invalid scenario');
    expect(result.stderr).not.toContain('internal error');
    expect(existsSync(join(root, 'invalid-normalize'))).toBe(false);
  });
});

describe('Ctrl-C during a sweep', () => {
  it('stops cleanly, keeps finished points and says how to resume', async () => {
    const dir = join(tmp(), 'interrupted');
    // SIGINT arrives right after the second point is saved, as Ctrl-C would; points already running may still finish.
    const stopped = await runCliSignalled(['sweep', SCENARIO, '-p', 'fund.leverage=0:2.9:0.1', '--workers', '2', '--out', dir], { signal: 'SIGINT', when: 'points:2' });
    expect(stopped.status, stopped.stderr).toBe(130);
    // Not a terminal: progress comes as plain lines with counts, rate and ETA.
    expect(stopped.stderr).toMatch(/sweep small-cooperate: \d+\/30 points \(\d+%\), [\d.]+\/s, ETA/);
    expect(stopped.stdout).toMatch(/Stopped with \d+ of 30 points finished/);
    expect(stopped.stdout).toContain('--resume');
    const points = join(dir, 'points');
    const kept = readdirSync(points).filter((f) => /^point-\d{6}\.json$/.test(f)).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(stopped.stdout).toContain(`Stopped with ${kept} of 30 points finished`);
    expect(readdirSync(points).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(existsSync(join(dir, 'sweep.csv'))).toBe(false);
  });
});
