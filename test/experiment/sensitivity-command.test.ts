/**
 * `chuanyu sensitivity` through its action, in-process on the small scenario
 * with tiny designs: the files it writes, finite indices, valid charts, resume
 * after lost points to the same tables, and clear errors for bad input.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { sensitivityCommand } from '../../src/cli/commands/sensitivity.js';
import { sensitivityAction, type SensitivityActionOptions } from '../../src/cli/actions/sensitivity-action.js';
import { MAX_POINTS } from '../../src/experiment/sensitivity-run.js';
import { UserError } from '../../src/scenario/errors.js';
import { compileWithWarnings, validate } from '../report/vega-helpers.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const PARAMS = ['fund.leverage=0:2', 'policy.fundShare=0.1:0.5'];
const OUTPUTS = 5; // zone similarity, duplicated share, 2 regions' value added change, zone value added
const TABLES = ['sensitivity.csv', 'points.csv', 'summary.json'];

let root: string;
const base = (method: string, samples: number, out: string): SensitivityActionOptions => ({ scenario: SCENARIO, params: PARAMS, method, samples, replications: 1, workers: 1, quiet: true, out });
const csv = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chuanyu-sensitivity-'));
});

describe.each([
  { method: 'morris', samples: 3, points: 9, indices: ['mu_star', 'mu', 'sigma'], charts: ['morris', 'morris-plane'] },
  { method: 'sobol', samples: 8, points: 32, indices: ['S1', 'ST'], charts: ['sobol'] },
])('chuanyu sensitivity --method $method', ({ method, samples, points, indices, charts }) => {
  let dir: string;
  beforeAll(async () => {
    dir = join(root, method);
    const result = await sensitivityAction(base(method, samples, dir));
    expect(result).toEqual({ outDir: dir, complete: true });
  });

  it('runs every design point once and keeps it', () => {
    expect(readdirSync(join(dir, 'points')).filter((f) => /^point-\d{6}\.json$/.test(f))).toHaveLength(points);
    const plan = JSON.parse(readFileSync(join(dir, 'sensitivity-plan.json'), 'utf8'));
    expect(plan).toMatchObject({ kind: 'chuanyu-sensitivity', method, samples, replications: 1, counterfactual: true });
    expect(plan.points).toHaveLength(points);
    for (const p of plan.points) {
      expect(p.values['fund.leverage']).toBeGreaterThanOrEqual(0);
      expect(p.values['fund.leverage']).toBeLessThanOrEqual(2);
      expect(p.values['policy.fundShare']).toBeGreaterThanOrEqual(0.1);
      expect(p.values['policy.fundShare']).toBeLessThanOrEqual(0.5);
    }
  });

  it('writes finite indices with intervals to sensitivity.csv', () => {
    const [header, ...rows] = csv(join(dir, 'sensitivity.csv'));
    expect(header).toEqual(['method', 'output', 'parameter', 'index', 'value', 'ci_low', 'ci_high']);
    expect(rows).toHaveLength(OUTPUTS * 2 * indices.length);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(indices));
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['fund.leverage', 'policy.fundShare']));
    for (const [m, , , , value, low, high] of rows) {
      expect(m).toBe(method);
      for (const x of [value, low, high]) expect(Number.isFinite(Number(x)) && x !== '', `${x} in ${rows}`).toBe(true);
      expect(Number(low)).toBeLessThanOrEqual(Number(high));
    }
  });

  it('writes each output at each point to points.csv and the indices to summary.json', () => {
    const [header, ...rows] = csv(join(dir, 'points.csv'));
    expect(header).toEqual(['point', 'fund.leverage', 'policy.fundShare', 'output', 'value']);
    expect(rows).toHaveLength(points * OUTPUTS);
    expect(rows.slice(0, OUTPUTS).map((r) => r[3])).toEqual([
      'zone.similarity.final',
      'zone.duplicated_investment_share.over_run',
      'sichuan.value_added_change.final',
      'chongqing.value_added_change.final',
      'zone.value_added.over_run',
    ]);
    for (const r of rows) expect(Number.isFinite(Number(r[4]))).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ kind: 'sensitivity', method, samples, points, indexNames: indices });
    expect(summary.outputs).toHaveLength(OUTPUTS);
    expect(summary.outputs[0].parameters[0].indices[indices[0]].value).toEqual(expect.any(Number));
  });

  it('draws valid charts and a report', () => {
    for (const name of charts) {
      for (const ext of ['.vl.json', '.svg', '.png']) expect(existsSync(join(dir, 'charts', name + ext)), name + ext).toBe(true);
      const spec = JSON.parse(readFileSync(join(dir, 'charts', `${name}.vl.json`), 'utf8')) as TopLevelSpec;
      expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(compileWithWarnings(spec)).toEqual([]);
    }
    const html = readFileSync(join(dir, 'charts', 'report.html'), 'utf8');
    for (const name of charts) expect(html).toContain(`id="chart-${name}"`);
    expect(html).toContain('Indices by output');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('resumes after lost points to the same tables', async () => {
    const copy = join(root, `${method}-resumed`);
    await sensitivityAction(base(method, samples, copy));
    for (const f of readdirSync(join(copy, 'points')).filter((_, i) => i % 3 !== 1)) rmSync(join(copy, 'points', f));
    for (const f of TABLES) rmSync(join(copy, f));
    const result = await sensitivityAction({ ...base(method, samples, copy), resume: true });
    expect(result.complete).toBe(true);
    for (const f of TABLES) expect(readFileSync(join(copy, f), 'utf8'), f).toBe(readFileSync(join(dir, f), 'utf8'));
  });

  it('refuses to overwrite a folder or resume a different analysis', async () => {
    await expect(sensitivityAction(base(method, samples, dir))).rejects.toThrow(/already holds a sensitivity analysis/);
    await expect(sensitivityAction({ ...base(method, samples + 2, dir), resume: true })).rejects.toThrow(/different sensitivity analysis/);
  });
});

describe('an interrupted chuanyu sensitivity', () => {
  it('keeps its folder, prints the command that finishes it, and that command does', async () => {
    const dir = join(root, 'interrupted');
    const controller = new AbortController();
    controller.abort();
    const lines: string[] = [];
    const options = { ...base('sobol', 4, dir), outputs: ['similarity', 'sichuan.value_added_change'], bootstrap: 50 };
    const result = await sensitivityAction({ ...options, signal: controller.signal, log: (line) => lines.push(line) });
    expect(result.complete).toBe(false);
    expect(lines[0]).toBe(`Stopped with 0 of 16 points finished and kept in ${dir}.`);
    expect(existsSync(join(dir, 'sensitivity-plan.json'))).toBe(true);
    expect(existsSync(join(dir, 'sensitivity.csv'))).toBe(false);
    const command = lines[1].replace(/^Finish it with: chuanyu /, '');
    expect(command).toContain('--output zone.similarity.final --output sichuan.value_added_change.final');
    await yargs([...command.split(' '), '--quiet', '--workers', '1']).command(sensitivityCommand).strict().parseAsync();
    expect(readFileSync(join(dir, 'sensitivity.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 2 * 2);
    expect(process.exitCode ?? 0).toBe(0);
  });
});

describe('chuanyu sensitivity input errors', () => {
  const attempt = (options: Partial<SensitivityActionOptions>) => sensitivityAction({ ...base('morris', 2, join(root, 'never')), ...options });

  it.each([
    [{ method: 'sobel' }, /unknown method "sobel" \(did you mean "sobol"\?\)/],
    [{ params: ['fund.leverage=0,1,2'] }, /needs an interval lo:hi/],
    [{ params: ['fund.leverage=0:2:0.5'] }, /needs an interval lo:hi/],
    [{ params: ['fund.leverage=1:1'] }, /lo < hi/],
    [{ params: [] }, /no parameters/],
    [{ params: ['fund.levrage=0:1'] }, /did you mean "fund.leverage"/],
    [{ params: ['fund.leverage=0:1', 'fund.leverage=1:2'] }, /given twice/],
    [{ method: 'sobol', samples: MAX_POINTS }, /at most 100000/],
    [{ levels: 5 }, /--levels must be even/],
    [{ method: 'sobol', sampling: 'sobol' }, /unknown sampling/],
    [{ outputs: ['zone.similarity.mean'] }, /unknown statistic "mean"/],
    [{ params: ['fund.carry=0.5:1.5'] }, /fund\.carry/],
  ] as [Partial<SensitivityActionOptions>, RegExp][])('%j', async (options, message) => {
    const error = await attempt(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect(existsSync(join(root, 'never'))).toBe(false);
  });
});
