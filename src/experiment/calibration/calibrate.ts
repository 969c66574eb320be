/**
 * `chuanyu calibrate`: fits a scenario's free parameters to an observed
 * series and judges the fit on runs not used in fitting.
 *
 *   plan (parameters, target, seeds) -> CMA-ES over the box, each generation's
 *   points x R replications as one batch on the worker pool -> the best point
 *   -> validation on R fresh seeds -> a summary (errors, coverage, series).
 *
 * The objective of a point is the RMSE between the target values of the fitted
 * years and the simulated metric of those years (from each year's own step
 * record), averaged over R replications with common random numbers: every
 * evaluation uses the seeds (seed, 0..R-1), so two points differ by their
 * parameters, not by luck. The objective is then deterministic, but it is fit
 * to those R seeds: the error on fresh seeds (seed + 1000) says how much of the
 * fit was noise, and the hold-out error (the last K target years, left out of
 * the fit) how well the model predicts years it was not fit to.
 *
 * Cost: (evaluations + 1 validation) x R replication runs (plus nothing for
 * counterfactuals, which a calibration does not need), spread over the workers.
 */
import { AbortedError } from '../pool.js';
import { quantile } from '../statistics.js';
import { UserError } from '../../scenario/errors.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { minimizeCmaes, defaultPopulationSize } from './cmaes.js';
import { calibrationParameters, valuesOf, type CalibrationParameter } from './parameters.js';
import { createSeriesPool, type SeriesPool } from './series-pool.js';
import { checkMetric, type SeriesTask } from './series.js';
import { spreadOf, type Spread } from './fit-statistics.js';
import { loadTarget, splitTarget, type CalibrationTarget, type SplitRule, type TargetPoint } from './target.js';

/** Fresh seeds for validation: this far from the fitting seed. */
export const VALIDATION_SEED_OFFSET = 1000;
/** CMA-ES initial step size, as a share of each parameter's range. */
export const SIGMA0 = 0.3;

export interface CalibrationOptions {
  /** Hold out the last N target points (replaces the scenario's split settings; not with fitYears/holdoutYears). */
  holdout?: number;
  /** Fit only these years, inclusive (replaces the scenario's split settings). */
  fitYears?: [number, number];
  /** Hold out these years, inclusive (replaces the scenario's split settings). */
  holdoutYears?: [number, number];
  /** Sets of fresh seeds for validation (seed + 1000, seed + 2000, ...), each of validationReplications runs (default 1). */
  seedSets?: number;
  /** Budget of objective evaluations (default: the scenario's calibrate.iterations). */
  iterations?: number;
  replications?: number;
  /** Replications of the fresh-seed validation (default: as many as in fitting). */
  validationReplications?: number;
  seed?: number;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (evaluations: number, bestRmse: number) => void;
}

export interface CalibrationPlan {
  scenarioName: string;
  scenarioTitle: string;
  scenarioFile: string;
  /** The resolved scenario (every default filled in): the base of every evaluation. */
  scenario: Record<string, unknown>;
  parameters: CalibrationParameter[];
  target: CalibrationTarget;
  /** How the points were split (for the command that reproduces the calibration). */
  split: SplitRule;
  fit: TargetPoint[];
  holdout: TargetPoint[];
  /** Target points neither fitted nor held out (an explicit split of years leaves them out). */
  unused: TargetPoint[];
  /** Target points a hand choice matches by construction: in no error. */
  matched: TargetPoint[];
  /** Hand choices made with the target in view, counted with the fitted parameters. */
  choices: { name: string; count: number; why: string }[];
  seed: number;
  replications: number;
  evaluations: number;
  validationSeed: number;
  validationReplications: number;
  /** Sets of fresh seeds: set s (1-based) uses seed + s x 1000. */
  seedSets: number;
  years: [number, number];
}

/** The split rule: the command line's settings replace the scenario's as a whole. */
function splitRule(section: NonNullable<LoadedScenario['scenario']['calibrate']>, options: CalibrationOptions): SplitRule {
  const cliYears = options.fitYears !== undefined || options.holdoutYears !== undefined;
  if (cliYears && options.holdout !== undefined) throw new UserError('give either --holdout N or --fit-years/--holdout-years, not both');
  if (cliYears) return { kind: 'years', fitYears: options.fitYears, holdoutYears: options.holdoutYears };
  if (options.holdout !== undefined) return { kind: 'last', holdout: options.holdout };
  if (section.fitYears !== undefined || section.holdoutYears !== undefined) {
    if (section.holdout > 0) throw new UserError('calibrate: give either holdout or fitYears/holdoutYears, not both');
    return { kind: 'years', fitYears: section.fitYears as [number, number] | undefined, holdoutYears: section.holdoutYears as [number, number] | undefined };
  }
  return { kind: 'last', holdout: section.holdout };
}

export function planCalibration(loaded: LoadedScenario, options: CalibrationOptions = {}): CalibrationPlan {
  const section = loaded.scenario.calibrate;
  if (!section)
    throw new UserError(`the scenario has no \`calibrate:\` section: nothing says which parameters to fit`, {
      file: loaded.file,
      hint: 'add e.g.\n  calibrate:\n    parameters:\n      agglomeration.localization: [0.02, 0.25]\n    replications: 10\n    iterations: 200\n    holdout: 2',
    });
  const scenario = loaded.scenario as unknown as Record<string, unknown>;
  const parameters = calibrationParameters(scenario, section.parameters, loaded.file);
  const target = loadTarget(loaded);
  checkMetric(target.metric, loaded.file);
  const { start, steps } = loaded.scenario.time;
  const years: [number, number] = [start, start + steps - 1];
  for (const p of target.points)
    if (p.year < years[0] || p.year > years[1])
      throw new UserError(`the target year ${p.year} is outside the simulated years ${years[0]}-${years[1]}`, { file: target.file ?? loaded.file, fieldPath: target.file ? undefined : 'target.points' });
  const rule = splitRule(section, options);
  const split = splitTarget(target.points, rule, section.matchedByConstruction);
  const seedSets = options.seedSets ?? 1;
  if (!Number.isInteger(seedSets) || seedSets < 1) throw new UserError(`--seed-sets must be a positive whole number, got ${seedSets}`);
  const replications = options.replications ?? section.replications;
  const evaluations = options.iterations ?? section.iterations;
  for (const [name, v] of [['--replications', replications], ['--iterations', evaluations], ['--validation-replications', options.validationReplications ?? 1]] as const)
    if (!Number.isInteger(v) || v < 1) throw new UserError(`${name} must be a positive whole number, got ${v}`);
  const seed = options.seed ?? loaded.scenario.seed;
  return {
    scenarioName: loaded.scenario.name,
    scenarioTitle: loaded.scenario.title,
    scenarioFile: loaded.file,
    scenario,
    parameters,
    target,
    split: rule,
    fit: split.fit,
    holdout: split.holdout,
    unused: split.unused,
    matched: split.matched,
    choices: section.choices.map((c) => ({ name: c.name, count: c.count, why: c.why })),
    seed,
    replications,
    evaluations,
    validationSeed: seed + VALIDATION_SEED_OFFSET,
    validationReplications: options.validationReplications ?? replications,
    seedSets,
    years,
  };
}

/** Mean and 90% band (5th-95th percentile, type 7) across replications, per year. */
export interface YearBand {
  year: number;
  mean: number;
  p05: number;
  p95: number;
}

export interface CalibrationResult {
  /** Fitted values by parameter path (as written in the scenario). */
  fitted: Record<string, number>;
  /** The scenario's own values (clamped into the bounds), the first point evaluated. */
  start: Record<string, number>;
  errors: {
    /** RMSE of the scenario as written, fitted years, fitting seeds. */
    start: number;
    /** RMSE at the fitted values, fitted years, fitting seeds (the objective). */
    inSample: number;
    /** Fitted years, fresh seeds. */
    freshSeeds: number;
    /** Held-out years (null without hold-out). */
    holdout: { freshSeeds: number; fittingSeeds: number } | null;
  };
  /** Each set of fresh seeds (the first is the one above): RMSE of its mean series on the fitted and the held-out years. */
  seedSets: { seed: number; fit: number; holdout: number | null }[];
  /** RMSE of single fresh replications (all sets): how far one run lies from the target. */
  singleRuns: { fit: Spread | null; holdout: Spread | null };
  /** Target points inside the fresh seeds' 90% band. */
  coverage: { covered: number; total: number; fit: { covered: number; total: number }; holdout: { covered: number; total: number } };
  /** Per year over the whole run: fresh seeds at the fitted values (mean and band), fitting seeds at the fitted values and at the start (mean). */
  series: { fresh: YearBand[]; fitting: { year: number; mean: number }[]; start: { year: number; mean: number }[] };
  optimizer: { name: string; evaluations: number; generations: number; restarts: number; populationSize: number; sigma0: number; stopped: 'budget' | 'aborted' };
  /** Best RMSE after each batch. */
  history: { evaluations: number; best: number; median: number }[];
  /** Replication runs done (fitting and validation). */
  runs: number;
}

/** Mean series (per year) of a point from its replications' series. */
function meanSeries(runs: readonly number[][]): number[] {
  const n = runs.length;
  return runs[0].map((_, t) => runs.reduce((s, r) => s + r[t], 0) / n);
}

export function rmse(points: readonly TargetPoint[], years: readonly number[], mean: readonly number[]): number {
  if (points.length === 0) return Number.NaN;
  let sum = 0;
  for (const p of points) {
    const t = years.indexOf(p.year);
    const v = t < 0 ? Number.NaN : mean[t];
    sum += (v - p.value) ** 2;
  }
  return Math.sqrt(sum / points.length);
}

interface PointSeries {
  years: number[];
  /** One series per replication. */
  runs: number[][];
  mean: number[];
}

/** Runs every point for the given replications of `seed` as one batch; results per point, in order. */
async function simulate(pool: SeriesPool, plan: CalibrationPlan, points: Record<string, number>[], seed: number, replications: number): Promise<PointSeries[]> {
  const tasks: SeriesTask[] = [];
  points.forEach((values, i) => {
    for (let r = 0; r < replications; r++) tasks.push({ index: i * replications + r, scenario: plan.scenario, values, seed, replication: r, metric: plan.target.metric });
  });
  const results = await pool.run(tasks);
  return points.map((_, i) => {
    const mine = results.slice(i * replications, (i + 1) * replications);
    const runs = mine.map((r) => r.values);
    return { years: mine[0].years, runs, mean: meanSeries(runs) };
  });
}

const byPath = (parameters: readonly CalibrationParameter[], values: Record<string, number>) =>
  Object.fromEntries(parameters.map((p) => [p.path, values[p.indexPaths[0]]]));

export async function executeCalibration(plan: CalibrationPlan, options: Pick<CalibrationOptions, 'workers' | 'signal' | 'onProgress'> = {}): Promise<CalibrationResult> {
  const pool = createSeriesPool({ workers: options.workers ?? 1, signal: options.signal });
  try {
    const { parameters } = plan;
    let runs = 0;
    // The mean series of the best point and of the start, kept from the evaluations (no re-run needed).
    let bestMean: { value: number; years: number[]; mean: number[] } | null = null;
    let startSeries: PointSeries | null = null;
    const objective = async (xs: number[][]): Promise<number[]> => {
      const points = xs.map((x) => valuesOf(parameters, x));
      const series = await simulate(pool, plan, points, plan.seed, plan.replications);
      runs += points.length * plan.replications;
      startSeries ??= series[0];
      return series.map((s) => {
        const value = rmse(plan.fit, s.years, s.mean);
        if (bestMean === null || value < bestMean.value) bestMean = { value, years: s.years, mean: s.mean };
        return value;
      });
    };
    const bounds = parameters.map((p) => [p.lower, p.upper] as const);
    const result = await minimizeCmaes(objective, {
      bounds,
      x0: parameters.map((p) => p.start),
      evaluateStart: true,
      sigma0: SIGMA0,
      maxEvaluations: plan.evaluations,
      seed: plan.seed,
      signal: options.signal,
      onProgress: (p) => options.onProgress?.(p.evaluations, p.bestValue),
    });
    if (result.stopped === 'aborted') throw new AbortedError();
    const fittedValues = valuesOf(parameters, result.best);
    const start = startSeries as PointSeries | null;
    const best = bestMean as { value: number; years: number[]; mean: number[] } | null;
    if (!start || !best) throw new Error('calibration made no evaluation');

    // Validation: the fitted point on fresh seeds, set after set (the first set also gives the band).
    const sets: PointSeries[] = [];
    for (let s = 1; s <= plan.seedSets; s++) {
      const [series] = await simulate(pool, plan, [fittedValues], plan.seed + s * VALIDATION_SEED_OFFSET, plan.validationReplications);
      runs += plan.validationReplications;
      sets.push(series);
    }
    const fresh = sets[0];
    const single = (points: readonly TargetPoint[]) => (points.length === 0 ? null : spreadOf(sets.flatMap((set) => set.runs.map((r) => rmse(points, set.years, r)))));
    const band: YearBand[] = fresh.years.map((year, t) => {
      const sorted = fresh.runs.map((r) => r[t]).sort((a, b) => a - b);
      return { year, mean: fresh.mean[t], p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) };
    });
    const covers = (points: readonly TargetPoint[]) => {
      const covered = points.filter((p) => {
        const b = band.find((y) => y.year === p.year);
        return b !== undefined && p.value >= b.p05 && p.value <= b.p95;
      }).length;
      return { covered, total: points.length };
    };
    const fitCover = covers(plan.fit);
    const holdoutCover = covers(plan.holdout);
    return {
      fitted: byPath(parameters, fittedValues),
      start: byPath(parameters, valuesOf(parameters, parameters.map((p) => p.start))),
      errors: {
        start: rmse(plan.fit, start.years, start.mean),
        inSample: result.bestValue,
        freshSeeds: rmse(plan.fit, fresh.years, fresh.mean),
        holdout: plan.holdout.length > 0 ? { freshSeeds: rmse(plan.holdout, fresh.years, fresh.mean), fittingSeeds: rmse(plan.holdout, best.years, best.mean) } : null,
      },
      seedSets: sets.map((set, i) => ({ seed: plan.seed + (i + 1) * VALIDATION_SEED_OFFSET, fit: rmse(plan.fit, set.years, set.mean), holdout: plan.holdout.length > 0 ? rmse(plan.holdout, set.years, set.mean) : null })),
      singleRuns: { fit: single(plan.fit), holdout: single(plan.holdout) },
      coverage: { covered: fitCover.covered + holdoutCover.covered, total: plan.fit.length + plan.holdout.length, fit: fitCover, holdout: holdoutCover },
      series: {
        fresh: band,
        fitting: best.years.map((year, t) => ({ year, mean: best.mean[t] })),
        start: start.years.map((year, t) => ({ year, mean: start.mean[t] })),
      },
      optimizer: {
        name: 'CMA-ES (IPOP restarts, reflection at the bounds)',
        evaluations: result.evaluations,
        generations: result.generations,
        restarts: result.restarts,
        populationSize: defaultPopulationSize(parameters.length),
        sigma0: SIGMA0,
        stopped: result.stopped,
      },
      history: result.history.map((h) => ({ evaluations: h.evaluations, best: h.bestValue, median: h.batchMedian })),
      runs,
    };
  } finally {
    await pool.close();
  }
}
