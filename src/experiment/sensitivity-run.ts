/**
 * `chuanyu sensitivity`: Morris screening or Sobol' indices of model outputs
 * with respect to scenario parameters, each design point a sweep point (R
 * replications with common random numbers, on worker threads, saved at once).
 *
 *   plan (design points) -> run missing points (pool) -> save each point
 *     -> when all are there: output means per point -> indices -> tables
 *
 * A folder holds `sensitivity-plan.json` and `points/` (one file per finished
 * point, written atomically as in sweeps), so an interrupted run resumes.
 */
import { UserError, didYouMean } from '../scenario/errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import { checkParameterPath, parseParameter } from './parameters.js';
import { configForValues, type PointResult } from './run-point.js';
import { runPlan, type PlanRunOptions, type ResumableRun } from './resumable-points.js';
import { readPlanFile } from '../results/plan-folder.js';
import { SENSITIVITY_PLAN, type SensitivityPlanFile } from '../results/sensitivity-format.js';
import type { DesignPoint } from './design.js';
import { DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE } from './sensitivity/common.js';
import { DEFAULT_MORRIS_LEVELS } from './sensitivity/morris.js';
import { SALTELLI_MAX_QUASI_PARAMETERS, SAMPLINGS, type Sampling } from './sensitivity/saltelli.js';
import { INDEX_NAMES, METHODS, analyzeOutput, buildDesign, designSize, type OutputAnalysis, type SensitivityMethod } from './sensitivity/analysis.js';
import { defaultOutputs, needsCounterfactual, outputKey, parseOutputKey, parseOutputs } from './sensitivity/outputs.js';
import { parseSeries } from './series.js';

export const PLAN_FILE = SENSITIVITY_PLAN.file;
/** Most model points (design points, each with R replications) one analysis may plan. */
export const MAX_POINTS = 100_000;
export const DEFAULT_SAMPLES: Record<SensitivityMethod, number> = { morris: 10, sobol: 64 };

export interface SensitivityOptions {
  params: string[];
  method?: string;
  /** Morris trajectories r, or Sobol base samples N. */
  samples?: number;
  levels?: number;
  sampling?: string;
  outputs?: string[];
  seed?: number;
  replications?: number;
  bootstrap?: number;
  confidence?: number;
  /** Metrics to keep at every step of every point (`--series`). */
  series?: string[];
}

export type SensitivityParameter = SensitivityPlanFile['parameters'][number];
export type SensitivityPlan = SensitivityPlanFile;

function sensitivityParameters(loaded: LoadedScenario, params: string[]): SensitivityParameter[] {
  if (params.length === 0) throw new UserError('no parameters: give at least one --param path=lo:hi');
  const seen = new Set<string>();
  return params.map((text) => {
    const spec = parseParameter(text);
    if (!spec.interval) throw new UserError(`--param "${text}": sensitivity analysis needs an interval lo:hi (e.g. ${spec.path}=0:2), not a list or a stepped range`);
    const [lo, hi] = spec.interval;
    if (!(hi > lo)) throw new UserError(`--param "${text}": the interval needs lo < hi`);
    if (seen.has(spec.path)) throw new UserError(`--param ${spec.path} is given twice`);
    seen.add(spec.path);
    checkParameterPath(spec.path, loaded.scenario as Record<string, unknown>);
    return { path: spec.path, interval: [lo, hi] };
  });
}

const positiveInteger = (value: number | undefined, name: string, min = 1) => {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) throw new UserError(`--${name} must be an integer of at least ${min}, got ${value}`);
  return value;
};

export function planSensitivity(loaded: LoadedScenario, options: SensitivityOptions): SensitivityPlan {
  const methodText = options.method ?? 'morris';
  if (!(METHODS as readonly string[]).includes(methodText)) throw new UserError(`unknown method "${methodText}"${didYouMean(methodText, METHODS)}; methods: ${METHODS.join(', ')}`);
  const method = methodText as SensitivityMethod;
  const parameters = sensitivityParameters(loaded, options.params);
  const samples = positiveInteger(options.samples, 'samples', method === 'sobol' ? 2 : 1) ?? DEFAULT_SAMPLES[method];
  const levels = method === 'morris' ? (positiveInteger(options.levels, 'levels', 2) ?? DEFAULT_MORRIS_LEVELS) : null;
  if (levels !== null && levels % 2 !== 0) throw new UserError(`--levels must be even (Morris' step is half the levels), got ${levels}`);
  let sampling: Sampling | null = null;
  if (method === 'sobol') {
    const text = options.sampling ?? 'quasi';
    if (!(SAMPLINGS as readonly string[]).includes(text)) throw new UserError(`unknown sampling "${text}"${didYouMean(text, SAMPLINGS)}; samplings: ${SAMPLINGS.join(', ')}`);
    sampling = text as Sampling;
    if (sampling === 'quasi' && parameters.length > SALTELLI_MAX_QUASI_PARAMETERS)
      throw new UserError(`quasi-random Sobol sampling supports at most ${SALTELLI_MAX_QUASI_PARAMETERS} parameters (${parameters.length} given); use --sampling random or fewer parameters`);
  }
  const bootstrap = positiveInteger(options.bootstrap, 'bootstrap', 0) ?? DEFAULT_BOOTSTRAP;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!(confidence > 0 && confidence < 1)) throw new UserError(`--confidence must be between 0 and 1, got ${confidence}`);
  const size = designSize(method, parameters.length, samples);
  if (size > MAX_POINTS)
    throw new UserError(`the ${method} design has ${size} points (${method === 'morris' ? 'trajectories x (parameters + 1)' : 'samples x (parameters + 2)'}); at most ${MAX_POINTS} are allowed: lower --samples or use fewer parameters`);
  const regions = ((loaded.scenario as { regions?: { id: string }[] }).regions ?? []).map((r) => r.id);
  const outputs = options.outputs && options.outputs.length > 0 ? parseOutputs(options.outputs, regions) : defaultOutputs(regions);
  const series = parseSeries(options.series ?? [], regions);
  const seed = options.seed ?? loaded.scenario.seed;
  const design = buildDesign({ method, intervals: parameters.map((p) => p.interval), samples, levels: levels ?? DEFAULT_MORRIS_LEVELS, sampling: sampling ?? 'quasi', seed });
  const points: DesignPoint[] = design.values.map((row, index) => ({ index, values: Object.fromEntries(parameters.map((p, i) => [p.path, row[i]])) }));
  // Fail before any work if a point makes an invalid scenario (e.g. a value out of range).
  const checked = new Set<string>();
  for (const point of points) {
    const key = JSON.stringify(point.values);
    if (checked.has(key)) continue;
    checked.add(key);
    configForValues(loaded.scenario, point.values);
  }
  return {
    kind: 'chuanyu-sensitivity',
    scenario: loaded.scenario.name,
    resolvedScenario: loaded.scenario,
    method,
    parameters,
    samples,
    levels,
    sampling,
    seed,
    replications: options.replications ?? loaded.scenario.replications,
    counterfactual: needsCounterfactual(outputs),
    outputs: outputs.map(outputKey),
    bootstrap,
    confidence,
    points,
    ...(series.length > 0 ? { series } : {}),
  };
}


export function readSensitivityPlan(dir: string): Promise<SensitivityPlan> {
  return readPlanFile(dir, SENSITIVITY_PLAN);
}

/** Runs the plan's missing points into `dir`; returns every finished point in point order. */
export function executeSensitivity(dir: string, plan: SensitivityPlan, options: PlanRunOptions): Promise<ResumableRun> {
  return runPlan(dir, plan, SENSITIVITY_PLAN, plan.points, `sensitivity ${plan.scenario}`, options);
}

/** An output's value at a point: the mean over replications of its finite values (NaN if none). */
export function pointValue(point: PointResult, output: string): number {
  const { region, metric, statistic } = parseOutputKey(output);
  let sum = 0;
  let n = 0;
  for (const rep of point.replications)
    for (const [r, m, s, v] of rep.cells)
      if (r === region && m === metric && s === statistic && Number.isFinite(v)) {
        sum += v;
        n++;
      }
  return n > 0 ? sum / n : Number.NaN;
}

/** Output values [output][point] in point order. */
export function outputValues(plan: SensitivityPlan, points: readonly PointResult[]): number[][] {
  const byIndex = new Map(points.map((p) => [p.index, p]));
  return plan.outputs.map((output) =>
    plan.points.map((p) => {
      const point = byIndex.get(p.index);
      if (!point) throw new Error(`point ${p.index} has no result`);
      return pointValue(point, output);
    }),
  );
}

/** The indices of every output. */
export function analyzeSensitivity(plan: SensitivityPlan, points: readonly PointResult[]): OutputAnalysis[] {
  const design = buildDesign({
    method: plan.method,
    intervals: plan.parameters.map((p) => p.interval),
    samples: plan.samples,
    levels: plan.levels ?? DEFAULT_MORRIS_LEVELS,
    sampling: plan.sampling ?? 'quasi',
    seed: plan.seed,
  });
  const paths = plan.parameters.map((p) => p.path);
  const values = outputValues(plan, points);
  return plan.outputs.map((output, o) => analyzeOutput(design, paths, output, values[o], { bootstrap: plan.bootstrap, confidence: plan.confidence, seed: plan.seed }));
}

/** summary.json: the plan's settings (without the scenario text and the points), and the analyses. */
export interface SensitivitySummary extends Omit<SensitivityPlan, 'kind' | 'resolvedScenario' | 'outputs' | 'points'> {
  kind: 'sensitivity';
  /** Design points (model points, each run for every replication). */
  points: number;
  indexNames: readonly string[];
  outputs: OutputAnalysis[];
}

/** JSON has no NaN: non-finite numbers become null. */
export const jsonNumbers = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

export function sensitivitySummary(plan: SensitivityPlan, analyses: OutputAnalysis[]): SensitivitySummary {
  const { kind: _kind, resolvedScenario: _scenario, outputs: _outputs, points, ...settings } = plan;
  return { kind: 'sensitivity', ...settings, points: points.length, indexNames: INDEX_NAMES[plan.method], outputs: analyses };
}
