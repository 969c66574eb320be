/**
 * The last result files given a format (issue 16): `calibrate --study`'s
 * study.json, the game and study manifest.json and the game's payoffs.csv
 * and decomposition.csv,
 * written and read back; a damaged file names the file and the field (or line).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, userError } from '../helpers/results.js';
import {
  readCalibrationStudyJson,
  readGameManifest,
  readPayoffsCsv,
  readStudyManifest,
  writeCalibrationStudyJson,
  writeDecompositionCsv,
  writeGameManifest,
  writePayoffsCsv,
  writeStudyManifest,
} from '../../src/results/experiment-files.js';
import { writeInventory } from '../../src/results/output-folder.js';
import type { DecompositionSource, PayoffsSource } from '../../src/results/game-format.js';

const scratch = scratchFolder('chuanyu-game-study-files-');

async function folder(name: string): Promise<string> {
  const dir = join(scratch.path, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Parses a written JSON file, edits it, writes it back. */
async function damage(file: string, edit: (data: any) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, JSON.stringify(data));
}

const spread = { median: 0.1, min: 0.05, max: 0.2, count: 2 };
const calibrationStudy = () => ({
  scenario: 'historical',
  metric: 'similarity',
  source: 'Table 1',
  seed: 1,
  seedSets: 2,
  choices: [{ name: 'strategy of each period', count: 3, why: 'read off the target' }],
  directions: [
    {
      direction: { name: 'forward', label: 'fit 1978-2002, forecast 2005-2015', fitYears: [1978, 2002] as [number, number], holdoutYears: [2005, 2015] as [number, number] },
      parameters: [{ path: 'agglomeration.localization', lower: 0, upper: 2, fitted: 1.2 }],
      errors: { start: 0.2, inSample: 0.02, freshSeeds: 0.03 },
      assessment: {
        n: 4, kFitted: 1, kHand: 3, k: 4, inSample: 0.02,
        criteria: { n: 4, k: 4, K: 5, sse: 0.0016, aic: -20, aicc: Number.NaN, aiccNote: 'undefined: n = 4 points is not more than K + 1', bic: -21 },
        note: 'a note', matchedYears: [1978], unusedYears: [], fitYears: [1993, 1996, 1999, 2002],
        holdout: { years: [2005, 2010], model: spread, naive: [{ name: 'trend', description: 'a line', forecasts: [{ year: 2005, value: 0.7 }], rmse: 0.13, skill: spread, setsBeaten: 2 }] },
        singleRuns: { fit: spread, holdout: null },
        seedSets: [{ seed: 1001, fit: 0.03, holdout: 0.1 }],
      },
      evaluations: 4, replications: 1, validationReplications: 2, runs: 12,
    },
  ],
});

const provenance = {
  scenario: 'cooperate', scenarioFile: '/scenarios/cooperate.yaml', seed: 1, replications: 2,
  packageVersion: '0.1.0', gitCommit: null, node: 'v20.0.0', startedAt: '2026-01-01T00:00:00.000Z', wallTimeSeconds: 1.5,
};
const resolvedScenario = { name: 'cooperate', title: 'Cooperation', description: 'Both cooperate.', regions: [{ id: 'sichuan' }] };

describe('calibrate --study: study.json', () => {
  it('is read back as written (NaN stored as null)', async () => {
    const dir = await folder('calibration-study');
    await writeCalibrationStudyJson(dir, calibrationStudy());
    const text = await readFile(join(dir, 'study.json'), 'utf8');
    expect(text).toBe(JSON.stringify(calibrationStudy(), null, 2) + '\n');
    const read = await readCalibrationStudyJson(dir);
    expect(read.directions[0].assessment.criteria.aicc).toBe(null);
    expect(read.directions[0].parameters[0].fitted).toBe(1.2);
  });

  it('a damaged study.json names the file and the field', async () => {
    const dir = await folder('calibration-study-damaged');
    await writeCalibrationStudyJson(dir, calibrationStudy());
    await damage(join(dir, 'study.json'), (d) => (d.directions[0].errors.freshSeeds = 'low'));
    const e = await userError(readCalibrationStudyJson(dir));
    expect(e.file).toBe(join(dir, 'study.json'));
    expect(e.fieldPath).toBe('directions.0.errors.freshSeeds');
  });
});

describe('manifest.json of a game and of a study', () => {
  it('a game manifest is read back with its resolved scenario and fields it does not name', async () => {
    const dir = await folder('game-manifest');
    await writeGameManifest(dir, { command: 'game', ...provenance, strategies: ['cooperate', 'compete'], lens: 'objective', sweep: [{ path: 'policy.sidePayment', values: [0, 0.5], interval: null }], resolvedScenario });
    await writeInventory(dir, 'game'); // as the filled folder is marked: kind and files added
    const read = await readGameManifest(dir);
    expect(read.kind).toBe('chuanyu-game');
    expect(read.files).toEqual(['manifest.json']);
    expect(read.resolvedScenario.title).toBe('Cooperation');
    expect(read.resolvedScenario.regions).toEqual([{ id: 'sichuan' }]);
    expect(read.sweep[0].values).toEqual([0, 0.5]);
  });

  it('a damaged game manifest names the file and the field', async () => {
    const dir = await folder('game-manifest-damaged');
    await writeGameManifest(dir, { command: 'game', ...provenance, strategies: ['cooperate'], lens: 'objective', sweep: [], resolvedScenario });
    await damage(join(dir, 'manifest.json'), (d) => (d.resolvedScenario.title = 3));
    const e = await userError(readGameManifest(dir));
    expect(e.file).toBe(join(dir, 'manifest.json'));
    expect(e.fieldPath).toBe('resolvedScenario.title');
  });

  it('a study manifest is read back; one without its seed names the field', async () => {
    const dir = await folder('study-manifest');
    await writeStudyManifest(dir, { command: 'study', studyFile: '/studies/which-game.yaml', study: 'which-game.yaml', scale: 'tiny', ...provenance, strategies: ['cooperate', 'compete'], resolvedScenario });
    await writeInventory(dir, 'study');
    expect((await readStudyManifest(dir)).scale).toBe('tiny');
    await damage(join(dir, 'manifest.json'), (d) => delete d.seed);
    const e = await userError(readStudyManifest(dir));
    expect(e.file).toBe(join(dir, 'manifest.json'));
    expect(e.fieldPath).toBe('seed');
  });

  it('a game folder\'s manifest is not a study\'s', async () => {
    const dir = await folder('game-not-study');
    await writeGameManifest(dir, { command: 'game', ...provenance, strategies: ['cooperate'], lens: 'objective', sweep: [], resolvedScenario });
    expect((await userError(readStudyManifest(dir))).fieldPath).toBe('command');
  });
});

describe('payoffs.csv of a game', () => {
  const lensValues = (a: number[], b: number[]) => ({ objective: [a, b], welfare: [a, b], gdp: [a, b], fiscal: [a, b] });
  const points: PayoffsSource[] = [
    {
      values: { 'policy.sidePayment': 0.5 },
      empirical: {
        regions: ['sichuan', 'chongqing'],
        profiles: [{ strategies: ['cooperate', 'compete'], values: lensValues([1, 2], [3, 4]), changes: lensValues([0.1, 0.2], [0.3, 0.4]) }],
      },
    },
  ];

  it('has one row per replication, region and lens, with the swept value in its own column', async () => {
    const dir = await folder('payoffs');
    await writePayoffsCsv(dir, points, ['policy.sidePayment']);
    const lines = (await readFile(join(dir, 'payoffs.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('point,policy.sidePayment,profile,replication,region,lens,payoff,change_vs_counterfactual');
    expect(lines[1]).toBe('0,0.5,cooperate/compete,0,sichuan,objective,1,0.1');
    expect(lines).toHaveLength(1 + 4 * 2 * 2);
    const rows = await readPayoffsCsv(dir);
    expect(rows[3]).toEqual({ point: 0, profile: 'cooperate/compete', replication: 1, region: 'chongqing', lens: 'objective', payoff: 4, change_vs_counterfactual: 0.4 });
  });

  it('a damaged payoffs.csv names the file, the line and the column', async () => {
    const dir = await folder('payoffs-damaged');
    await writePayoffsCsv(dir, points, []);
    const file = join(dir, 'payoffs.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2].replace(/,2,0\.2$/, ',two,0.2');
    await writeFile(file, lines.join('\n'));
    const e = await userError(readPayoffsCsv(dir));
    expect(e.file).toBe(file);
    expect(e.location?.line).toBe(3);
    expect(e.message).toMatch(/payoff: not a number/);
    expect((await userError(readPayoffsCsv(join(dir, 'missing')))).message).toMatch(/no payoffs\.csv/);
  });
});

describe('decomposition.csv of a game', () => {
  const change = (mean: number) => ({ mean, low: mean - 0.5, high: mean + 0.5 });
  const points: DecompositionSource[] = [
    {
      values: { 'fund.leverage': 1, 'policy.mode': 'joint' },
      report: {
        decomposition: [
          {
            lens: 'objective',
            profile: ['cooperate', 'compete'],
            reference: ['compete', 'compete'],
            regions: [{ region: 'sichuan', total: change(3), parts: [{ part: 'fund', change: change(1) }, { part: 'market', change: change(2) }] }],
          },
        ],
      },
    },
  ];

  it('has each part and the total per lens, profile and region, with the swept values in their own columns', async () => {
    const dir = await folder('decomposition');
    await writeDecompositionCsv(dir, points, ['fund.leverage', 'policy.mode']);
    expect(await readFile(join(dir, 'decomposition.csv'), 'utf8')).toBe(
      [
        'point,fund.leverage,policy.mode,lens,profile,reference,region,part,mean_difference,ci_low,ci_high',
        '0,1,joint,objective,cooperate/compete,compete/compete,sichuan,fund,1,0.5,1.5',
        '0,1,joint,objective,cooperate/compete,compete/compete,sichuan,market,2,1.5,2.5',
        '0,1,joint,objective,cooperate/compete,compete/compete,sichuan,total,3,2.5,3.5',
        '',
      ].join('\n'),
    );
  });
});
