/** Result files read back against their formats: a damaged file is a UserError naming the file and the field. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, userError } from '../helpers/results.js';
import { readGameJson } from '../../src/report/game/report.js';
import { readSweep } from '../../src/report/sweep/read.js';
import { fileFormat, parseJsonFile, readJsonFile, stableJson } from '../../src/results/json-file.js';
import { checkedPoints, loadPoint, savePoint } from '../../src/results/plan-folder.js';
import type { PointResult } from '../../src/results/point-format.js';
import { SWEEP_PLAN, type SweepPlan } from '../../src/results/sweep-format.js';
import { statsSchema } from '../../src/results/stats-format.js';
import { UserError } from '../../src/scenario/errors.js';

const scratch = scratchFolder('chuanyu-formats-');


const point = (cells: unknown[][]): PointResult =>
  ({ index: 0, values: { 'fund.leverage': 1 }, replications: [{ replication: 0, cells, outcome: null, lensOutcomes: null }] }) as unknown as PointResult;

describe('validated JSON files', () => {
  it('returns the value as written (null for a NaN kept, key order and unknown fields kept)', () => {
    const format = fileFormat('a statistics record', statsSchema);
    const text = '{"n":2,"se":null,"mean":1,"p05":0,"p95":2,"min":0,"max":2,"note":"extra"}';
    const value = parseJsonFile(text, '/x/stats.json', format);
    expect(JSON.stringify(value)).toBe(text);
    expect(stableJson({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });

  it('names the file, the field and what was expected', async () => {
    const format = fileFormat('a statistics record', statsSchema);
    await writeFile(join(scratch.path, 'stats.json'), '{"mean":1,"p05":0,"p95":2,"min":0,"max":[],"se":0,"n":1}');
    const e = await userError(readJsonFile(scratch.path, 'stats.json', format, 'a test folder'));
    expect(e.file).toBe(join(scratch.path, 'stats.json'));
    expect(e.fieldPath).toBe('max');
    expect(e.detail).toBe('not a statistics record: expected a number or null, found a list');
    const missing = await userError(readJsonFile(scratch.path, 'none.json', format, 'a test folder'));
    expect(missing.detail).toBe(`${scratch.path} is not a test folder (no none.json)`);
  });
});

describe('game.json', () => {
  it('names the field of a damaged game.json', async () => {
    const dir = join(scratch.path, 'game');
    await mkdir(dir);
    const game = { kind: 'game', scenario: 'g', seed: 1, replications: 2, sweep: [], lens: 'objective', objectives: {}, points: [{ lens: 'objective', profiles: 'none' }] };
    await writeFile(join(dir, 'game.json'), JSON.stringify(game));
    const e = await userError(readGameJson(dir));
    expect(e.file).toBe(join(dir, 'game.json'));
    expect(e.fieldPath).toBe('points.0.profiles');
    expect(e.message).toContain('game.json: points.0.profiles: not a game analysis (game.json): expected a list, found "none"');
    await writeFile(join(dir, 'game.json'), JSON.stringify({ ...game, kind: 'sweep' }));
    expect((await userError(readGameJson(dir))).fieldPath).toBe('kind');
  });
});

describe('sweep files', () => {
  it('names the field of a damaged point file, and treats it as damaged on resume', async () => {
    const dir = join(scratch.path, 'sweep');
    await mkdir(join(dir, 'points'), { recursive: true });
    await savePoint(dir, point([['zone', 'similarity', 'final', 0.5]]));
    expect((await loadPoint(dir, 0)).replications[0].cells[0][3]).toBe(0.5);

    await writeFile(join(dir, 'points', 'point-000000.json'), JSON.stringify(point([['zone', 'similarity', 'final', 0.5, 'x'], ['zone', 'similarity', 'total', 1]])));
    const e = await userError(loadPoint(dir, 0));
    expect(e.file).toBe(join(dir, 'points', 'point-000000.json'));
    expect(e.fieldPath).toBe('replications.0.cells.0');

    await writeFile(join(dir, 'points', 'point-000000.json'), JSON.stringify(point([['zone', 'similarity', 'total', 1]])));
    expect((await userError(loadPoint(dir, 0))).fieldPath).toBe('replications.0.cells.0.2');
    const { good, damaged } = await checkedPoints(dir, [{ index: 0, values: { 'fund.leverage': 1 } }], 1);
    expect(good.size).toBe(0);
    expect(damaged[0].problem).toMatch(/^replications\.0\.cells\.0\.2: /);
  });

  it('names the field of a damaged plan or summary', async () => {
    const dir = join(scratch.path, 'sweep-summary');
    await mkdir(dir);
    const plan: SweepPlan = {
      kind: 'chuanyu-sweep', scenario: 's', resolvedScenario: {}, parameters: [{ path: 'fund.leverage', values: [0, 1], interval: null }],
      design: 'grid', samples: null, seed: 1, replications: 1, counterfactual: true, points: [{ index: 0, values: { 'fund.leverage': 0 } }], shard: null,
    };
    await writeFile(join(dir, SWEEP_PLAN.file), stableJson({ ...plan, replications: 'two' }));
    const e = await userError(readSweep(dir));
    expect([e.file, e.fieldPath]).toEqual([join(dir, 'plan.json'), 'replications']);
    await writeFile(join(dir, SWEEP_PLAN.file), stableJson(plan));
    const summary = { kind: 'sweep', scenario: 's', parameters: plan.parameters, design: 'grid', samples: null, seed: 1, replications: 1, counterfactual: true, shard: null };
    await writeFile(join(dir, 'summary.json'), stableJson({ ...summary, points: [{ point: 0, values: {}, metrics: { 'zone|similarity|final': { mean: 1 } }, outcomes: null }] }));
    const s = await userError(readSweep(dir));
    expect([s.file, s.fieldPath]).toEqual([join(dir, 'summary.json'), 'points.0.metrics["zone|similarity|final"].p05']);
  });
});
