/**
 * A calibration study: the same calibration fitted three ways, so its
 * out-of-sample skill is measured rather than asserted.
 *
 *   full      every target point not matched by construction
 *   forward   fit `calibrate.fitYears`, forecast `calibrate.holdoutYears`
 *   reverse   fit `calibrate.holdoutYears`, backcast `calibrate.fitYears`
 *
 * Each direction is a fresh calibration (its own CMA-ES run from the scenario
 * as written); a hold-out fit reads only its fitted years' target values (the
 * objective never reads a held-out year), and its hold-out error is measured
 * over several sets of fresh seeds against naive forecasts made from the
 * fitted years' target values.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { assessCalibration, type CalibrationAssessment } from './assessment.js';
import { executeCalibration, planCalibration, type CalibrationOptions } from './calibrate.js';

export interface StudyDirection {
  name: string;
  /** What the direction does, in words ("fit 1978-2002, forecast 2005-2015"). */
  label: string;
  fitYears?: [number, number];
  holdoutYears?: [number, number];
}

export interface CalibrationStudyOptions {
  iterations?: number;
  replications?: number;
  /** Replications of each fresh-seed set (default 30). */
  validationReplications?: number;
  /** Sets of fresh seeds for the hold-out error (default 5). */
  seedSets?: number;
  seed?: number;
  workers?: number;
  signal?: AbortSignal;
  /** Directions to fit (default: full, forward and reverse from the scenario's fitYears and holdoutYears). */
  directions?: StudyDirection[];
  onProgress?: (direction: string, evaluations: number, bestRmse: number) => void;
}

export interface StudyDirectionResult {
  direction: StudyDirection;
  parameters: { path: string; lower: number; upper: number; fitted: number }[];
  errors: { start: number; inSample: number; freshSeeds: number };
  assessment: CalibrationAssessment;
  evaluations: number;
  replications: number;
  validationReplications: number;
  runs: number;
  /** Wall-clock seconds of the fit and its validation (not part of any rendered figure: it varies with the machine). */
  seconds: number;
}

export interface CalibrationStudy {
  scenario: string;
  metric: string;
  source: string;
  seed: number;
  seedSets: number;
  choices: { name: string; count: number; why: string }[];
  directions: StudyDirectionResult[];
}

const span = (r: readonly [number, number]) => `${r[0]}-${r[1]}`;

/** Full, forward and reverse from the scenario's calibrate.fitYears and holdoutYears. */
export function defaultStudyDirections(loaded: LoadedScenario): StudyDirection[] {
  const section = loaded.scenario.calibrate;
  const fit = section?.fitYears as [number, number] | undefined;
  const hold = section?.holdoutYears as [number, number] | undefined;
  if (!fit || !hold)
    throw new UserError('a calibration study needs calibrate.fitYears and calibrate.holdoutYears (the forward split; the reverse swaps them)', { file: loaded.file, fieldPath: 'calibrate' });
  return [
    { name: 'full', label: 'fit every point not matched by construction' },
    { name: 'forward', label: `fit ${span(fit)}, forecast ${span(hold)}`, fitYears: fit, holdoutYears: hold },
    { name: 'reverse', label: `fit ${span(hold)}, backcast ${span(fit)}`, fitYears: hold, holdoutYears: fit },
  ];
}

export async function calibrationStudy(loaded: LoadedScenario, options: CalibrationStudyOptions = {}): Promise<CalibrationStudy> {
  const directions = options.directions ?? defaultStudyDirections(loaded);
  const base: CalibrationOptions = {
    iterations: options.iterations,
    replications: options.replications,
    validationReplications: options.validationReplications ?? 30,
    seedSets: options.seedSets ?? 5,
    seed: options.seed,
  };
  // Every plan first, so a bad setting fails before hours of fitting.
  const plans = directions.map((d) =>
    planCalibration(loaded, d.fitYears || d.holdoutYears ? { ...base, fitYears: d.fitYears, holdoutYears: d.holdoutYears } : { ...base, holdout: 0 }),
  );
  const results: StudyDirectionResult[] = [];
  for (const [i, plan] of plans.entries()) {
    const direction = directions[i];
    const t0 = performance.now();
    const result = await executeCalibration(plan, { workers: options.workers, signal: options.signal, onProgress: (e, b) => options.onProgress?.(direction.name, e, b) });
    results.push({
      direction,
      parameters: plan.parameters.map((p) => ({ path: p.path, lower: p.lower, upper: p.upper, fitted: result.fitted[p.path] })),
      errors: { start: result.errors.start, inSample: result.errors.inSample, freshSeeds: result.errors.freshSeeds },
      assessment: assessCalibration(plan, result),
      evaluations: result.optimizer.evaluations,
      replications: plan.replications,
      validationReplications: plan.validationReplications,
      runs: result.runs,
      seconds: (performance.now() - t0) / 1000,
    });
  }
  const first = plans[0];
  return {
    scenario: first.scenarioName,
    metric: first.target.metric,
    source: first.target.source,
    seed: first.seed,
    seedSets: first.seedSets,
    choices: first.choices,
    directions: results,
  };
}
