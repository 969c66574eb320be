/** Shared by the results-format tests: a scratch folder per file, the UserError a read rejects with, and small summaries of the experiment folders. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { UserError } from '../../src/scenario/errors.js';

/** A scratch folder made before the file's tests and removed after them; read `.path` inside a test. */
export function scratchFolder(prefix: string): { path: string } {
  const folder = { path: '' };
  beforeAll(async () => {
    folder.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}

/** The UserError a promise rejects with (fails the test when it resolves or throws something else). */
export async function userError(p: Promise<unknown>): Promise<UserError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

/** A calibration summary.json as `chuanyu calibrate` writes it (small, every field set). */
export const calibrationSummaryFixture = () => ({
  kind: 'chuanyu-calibration' as const,
  version: 1 as const,
  scenario: { name: 'historical', title: 'Historical', file: '../historical.yaml' },
  command: 'chuanyu calibrate historical -n 4 -r 1',
  target: { metric: 'similarity', source: 'Table 1', file: null, points: [{ year: 1990, value: 0.8, inFit: true, role: 'fit' as const }], holdout: 0 },
  choices: [{ name: 'episode window', count: 1, why: 'chosen with the target in view' }],
  assessment: {
    n: 1,
    kFitted: 1,
    kHand: 1,
    k: 2,
    inSample: 0.05,
    criteria: { n: 1, k: 2, K: 3, sse: 0.0025, aic: 0.1, aicc: null, aiccNote: 'n <= K + 1', bic: 0.2 },
    note: 'AICc and BIC treat the fitted points as independent.',
    matchedYears: [],
    unusedYears: [],
    fitYears: [1990],
    holdout: { years: [2000], model: { median: 0.1, min: 0.08, max: 0.12, count: 2 }, naive: [{ name: 'trend', description: 'a line', forecasts: null, rmse: null, skill: null, setsBeaten: 0 }] },
    singleRuns: { fit: null, holdout: null },
    seedSets: [{ seed: 2, fit: 0.05, holdout: null }],
  },
  parameters: [{ path: 'fund.leverage', lower: 0, upper: 2, integer: false, start: 1, fitted: 1.5 }],
  seeds: { fitting: { seed: 1, replications: 1 }, validation: { seed: 2, replications: 1, sets: 1 } },
  errors: { start: 0.1, inSample: 0.05, freshSeeds: null, holdout: null },
  coverage: { covered: 1, total: 1, fit: { covered: 1, total: 1 }, holdout: { covered: 0, total: 0 } },
  optimizer: { name: 'cma-es', evaluations: 4, generations: 1, restarts: 0, populationSize: 4, sigma0: 0.3, stopped: 'budget' },
  history: [{ evaluations: 4, best: 0.05, median: 0.07 }],
  series: { fresh: [{ year: 1990, mean: 0.79, p05: 0.7, p95: 0.85 }], fitting: [{ year: 1990, mean: 0.8 }], start: [{ year: 1990, mean: 0.7 }] },
  events: [],
  years: [1978, 2015] as [number, number],
  runs: 5,
});

const paired = { n: 2, meanA: 0.1, meanB: 0.1, difference: 0, ciLow: 0, ciHigh: 0, t: 0, p: 1 };
/** A history summary.json as `chuanyu history --profile` writes it (one window, no attribution). */
export const historySummaryFixture = () => ({
  kind: 'chuanyu-history' as const,
  command: 'chuanyu history historical --profile',
  profile: {
    scenario: 'historical',
    title: 'Historical',
    metric: 'similarity',
    targetSource: 'Table 1',
    target: [{ year: 1990, value: 0.8 }],
    scoredYears: [1990],
    years: [1978, 2015] as [number, number],
    governments: ['sichuan'],
    grid: { first: 1985, last: 2012, step: 10 },
    seed: 1,
    replications: 2,
    windows: [
      { window: { kind: 'none' as const }, label: 'no episode', rmse: 0.1, mse: 0.01, vsBest: paired, supported: true, best: true, vsBestMean: { difference: 0, ciLow: 0, ciHigh: 0 }, supportedMean: true, bestMean: true, scenario: false, means: [{ year: 1990, mean: 0.79 }] },
    ],
    best: 0,
    bestMean: 0,
    scenarioWindow: null,
    runs: 2,
  },
  attribution: null,
});
