/**
 * `chuanyu sweep`: a design over scenario parameters, R replications a point,
 * on worker threads, each finished point saved at once; resumable, shardable.
 *
 *   plan (design points) -> run missing points (pool) -> save each point
 *     -> when all are there: assemble tables, summary (and charts)
 */
import { UserError } from '../scenario/errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import { gridDesign, latinHypercubeDesign, type Design } from './design.js';
import { checkParameterPath, parseParameter, type ParameterSpec } from './parameters.js';
import { configForValues } from './run-point.js';
import { runPlan, type PlanRunOptions, type ResumableRun } from './resumable-points.js';
import { SWEEP_PLAN, pointsOfShard, type SweepPlan } from '../results/sweep-format.js';
import { parseSeries } from './series.js';

export interface SweepOptions {
  params: string[];
  design?: Design;
  samples?: number;
  seed?: number;
  replications?: number;
  counterfactual?: boolean;
  shard?: string;
  /** Metrics to keep at every step (`--series`), replacing the scenario's `sweep.series`. */
  series?: string[];
  workers?: number;
  quiet?: boolean;
  signal?: AbortSignal;
}

export function parseShard(text: string | undefined): { index: number; count: number } | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UserError(`--shard "${text}": expected i/n, e.g. 2/8`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UserError(`--shard "${text}": i must be between 1 and n`);
  return { index, count };
}

/** Parameters from the command line, else from the scenario's `sweep:` section. */
export function sweepParameters(loaded: LoadedScenario, params: string[]): ParameterSpec[] {
  const fromFile = loaded.scenario.sweep?.parameters ?? {};
  const specs =
    params.length > 0
      ? params.map((p) => parseParameter(p))
      : Object.entries(fromFile).map(([path, v]) =>
          Array.isArray(v) ? { path, values: v, interval: null } : parseParameter(`${path}=${v}`, `${loaded.file}: sweep.parameters`),
        );
  if (specs.length === 0) throw new UserError(`no parameters to sweep: give --param path=values or a sweep: section in ${loaded.file}`);
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.path)) throw new UserError(`--param ${s.path} is given twice`);
    seen.add(s.path);
    checkParameterPath(s.path, loaded.scenario as Record<string, unknown>);
  }
  return specs;
}

export function planSweep(loaded: LoadedScenario, options: SweepOptions): SweepPlan {
  const parameters = sweepParameters(loaded, options.params);
  const design: Design = options.design ?? loaded.scenario.sweep?.design ?? 'grid';
  const samples = design === 'lhs' ? (options.samples ?? loaded.scenario.sweep?.samples ?? 20) : null;
  const seed = options.seed ?? loaded.scenario.seed;
  const points = design === 'lhs' ? latinHypercubeDesign(parameters, samples!, seed) : gridDesign(parameters);
  // Fail before any work if a point makes an invalid scenario (e.g. a value out of range).
  for (const point of points) configForValues(loaded.scenario, point.values);
  const series = sweepSeries(loaded, options.series ?? []);
  return {
    kind: 'chuanyu-sweep',
    scenario: loaded.scenario.name,
    resolvedScenario: loaded.scenario,
    parameters,
    design,
    samples,
    seed,
    replications: options.replications ?? loaded.scenario.replications,
    counterfactual: options.counterfactual !== false,
    points,
    shard: parseShard(options.shard),
    ...(series.length > 0 ? { series } : {}),
  };
}

/** Trajectories to keep: `--series` when given, else the scenario's `sweep.series`. */
function sweepSeries(loaded: LoadedScenario, texts: readonly string[]): string[] {
  const regions = loaded.scenario.regions.map((r) => r.id);
  const fromFile = loaded.scenario.sweep?.series ?? [];
  return texts.length > 0 ? parseSeries(texts, regions) : parseSeries(fromFile, regions, `${loaded.file}: sweep.series`);
}

/** Runs the plan's missing points into `dir`; returns all finished points of this folder in point order. */
export function executeSweep(dir: string, plan: SweepPlan, options: PlanRunOptions): Promise<ResumableRun> {
  return runPlan(dir, plan, SWEEP_PLAN, pointsOfShard(plan), `sweep ${plan.scenario}`, options);
}
