/**
 * Trajectories in sweeps and sensitivity analyses as a user runs them (the CLI
 * as a process): each point's series written as it finishes, a tidy series.csv
 * at the end, resume keeping finished points' series, shards merging to the
 * unsharded bytes (CSV and Parquet), Parquet tables equal to their CSVs.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/results/csv-read.js';
import { runCli, runCliSignalled } from '../helpers/cli.js';
import { parquetVersusCsv } from '../helpers/parquet.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
// 3 points x 2 replications x 12 steps, 3 series (the pair's and the zone's similarity, Sichuan's value added).
const BASE = [SCENARIO, '-p', 'fund.leverage=0:1:0.5', '-r', '2', '--no-counterfactual', '--series', 'similarity,sichuan.value_added', '--format', 'vl', '--quiet'];
const SWEEP = [...BASE, '--workers', '1'];
const ROWS = 3 * 2 * 12 * 3;
const root = mkdtempSync(join(tmpdir(), 'chuanyu-series-'));
const one = join(root, 'one');
const bytes = (dir: string, file: string) => readFileSync(join(dir, file));
const csv = (file: string) => parseCsv(readFileSync(file, 'utf8'));

describe('chuanyu sweep --series', () => {
  it('writes each point\'s series beside its point file and a tidy series.csv, and Parquet equal to the CSVs', async () => {
    const result = runCli(['sweep', ...SWEEP, '--parquet', '--out', one]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(one, 'points')).filter((f) => f.startsWith('series-'))).toEqual(['series-000000.csv', 'series-000001.csv', 'series-000002.csv']);
    const [header, ...rows] = csv(join(one, 'series.csv'));
    expect(header).toEqual(['point', 'fund.leverage', 'replication', 'step', 'year', 'region', 'metric', 'unit', 'value']);
    expect(rows).toHaveLength(ROWS);
    const at = (names: string[], row: string[]) => (name: string) => row[names.indexOf(name)];
    expect(new Set(rows.map((r) => `${r[5]}.${r[6]}`))).toEqual(new Set(['sichuan~chongqing.similarity', 'zone.similarity', 'sichuan.value_added']));
    expect(new Set(rows.filter((r) => r[6] === 'value_added').map((r) => r[7]))).toEqual(new Set(['billion yuan']));
    // The last step of each trajectory is the sweep's final value of that replication.
    const [sweepHeader, ...sweepRows] = csv(join(one, 'sweep.csv'));
    const key = (get: (name: string) => string) => ['point', 'replication', 'region', 'metric'].map(get).join('|');
    const finals = new Map(sweepRows.map((r) => at(sweepHeader, r)).filter((get) => get('statistic') === 'final').map((get) => [key(get), get('value')]));
    for (const get of rows.map((r) => at(header, r)).filter((get) => get('step') === '11')) expect(get('value'), key(get)).toBe(finals.get(key(get)));
    for (const table of ['series', 'sweep', 'outcomes']) expect(await parquetVersusCsv(join(one, `${table}.csv`)), table).toEqual([]);
  });

  it('merges shards, each with its own series files, to the unsharded bytes (series.csv and the Parquet files)', () => {
    const shards = [1, 2].map((i) => join(root, `shard-${i}`));
    // Shard 1 on two worker threads: its series come back from the workers as messages, and give the same bytes.
    shards.forEach((dir, i) => expect(runCli(['sweep', ...BASE, '--workers', i === 0 ? '2' : '1', '--shard', `${i + 1}/2`, '--out', dir]).status).toBe(0));
    expect(readdirSync(join(shards[1], 'points'))).toEqual(['point-000001.json', 'series-000001.csv']);
    const merged = join(root, 'merged');
    const result = runCli(['merge', ...shards, '--out', merged, '--parquet', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['series.csv', 'series.parquet', 'sweep.csv', 'sweep.parquet', 'outcomes.parquet', 'points/series-000002.csv']) expect(bytes(merged, file).equals(bytes(one, file)), file).toBe(true);
  });

  it('resumes a killed sweep keeping the finished points\' series, and runs again a point whose series file is lost', async () => {
    const dir = join(root, 'killed');
    const killed = await runCliSignalled(['sweep', ...SWEEP, '--out', dir], { signal: 'SIGKILL', when: 'points:1' });
    expect(killed.signal, 'the sweep was not stopped by test/helpers/signal-self.mjs').toBe('SIGKILL');
    const kept = join(dir, 'points', 'series-000000.csv');
    expect(existsSync(kept)).toBe(true); // written before its point file
    const written = statSync(kept).mtimeMs;
    const resumed = runCli(['sweep', ...SWEEP, '--out', dir, '--resume', '--parquet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(statSync(kept).mtimeMs).toBe(written); // kept, not run again
    for (const file of ['series.csv', 'series.parquet']) expect(bytes(dir, file).equals(bytes(one, file)), file).toBe(true);
    rmSync(join(dir, 'points', 'series-000001.csv'));
    const again = runCli(['sweep', ...SWEEP, '--out', dir, '--resume']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/series-000001\.csv: its series file is missing; running point 1 again/);
    expect(bytes(dir, 'series.csv').equals(bytes(one, 'series.csv'))).toBe(true);
  });

  it('refuses an unknown metric before running anything, naming the closest', () => {
    const result = runCli(['sweep', SCENARIO, '-p', 'fund.leverage=0,1', '--series', 'similarity,valu_added', '--out', join(root, 'typo')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--series "valu_added": unknown metric "valu_added"; closest: "value_added"');
    expect(existsSync(join(root, 'typo'))).toBe(false);
  });

  it('writes nothing new without --series', () => {
    const dir = join(root, 'plain');
    expect(runCli(['sweep', SCENARIO, '-p', 'fund.leverage=0', '-r', '1', '--no-counterfactual', '--format', 'vl', '--quiet', '--workers', '1', '--out', dir]).status).toBe(0);
    expect(readdirSync(join(dir, 'points'))).toEqual(['point-000000.json']);
    expect(readdirSync(dir).filter((f) => f.startsWith('series') || f.endsWith('.parquet'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).not.toHaveProperty('series');
  });
});

describe('chuanyu sensitivity --series', () => {
  it('keeps the trajectories of every design point in series.csv', async () => {
    const dir = join(root, 'sensitivity');
    const args = ['sensitivity', SCENARIO, '-p', 'fund.leverage=0:1', '--samples', '1', '-r', '1', '--output', 'zone.similarity.final', '--bootstrap', '0', '--series', 'zone.firms', '--parquet', '--quiet', '--workers', '1', '--out', dir];
    const result = runCli(args);
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows] = csv(join(dir, 'series.csv'));
    expect(header).toEqual(['point', 'fund.leverage', 'replication', 'step', 'year', 'region', 'metric', 'unit', 'value']);
    expect(rows).toHaveLength(2 * 12); // Morris: 1 trajectory of 2 points, 1 replication, 12 steps
    expect(await parquetVersusCsv(join(dir, 'series.csv'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'sensitivity-plan.json'), 'utf8')).series).toEqual(['zone.firms']);
  });
});
