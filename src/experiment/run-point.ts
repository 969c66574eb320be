/**
 * One design point: the base scenario with the point's parameter values set,
 * run for R replications (each with its counterfactual), reduced to
 * replication summaries. Pure computation, so it runs in a worker thread too.
 * Replication r of every point uses the streams of (seed, r): points share
 * their random numbers, so differences between points are not luck.
 */
import { runReplication } from '../model/run.js';
import { counterfactualConfig } from '../model/counterfactual.js';
import { NormalizeError, normalizeScenario } from '../scenario/normalize.js';
import { ScenarioSchema } from '../scenario/schema.js';
import { setPath } from '../scenario/merge.js';
import { canonicalParameterPath } from './parameter-paths.js';
import { invalidValuesError } from './validation.js';
import type { ParameterValue } from './parameters.js';
import type { ModelConfig } from '../model/config.js';
import type { StepRecord } from '../model/step-record.js';
import { summarizeReplication, type ReplicationSummary } from './replication-summary.js';
import { createTrajectoryAccumulator } from './trajectories.js';

export interface PointTask {
  index: number;
  /** The resolved scenario (as parsed, every default filled in). */
  scenario: unknown;
  values: Record<string, ParameterValue>;
  seed: number;
  replications: number;
  /** First replication number (default 0): lets one point's replications be split over workers. */
  firstReplication?: number;
  counterfactual: boolean;
  /** Keep the parts of every lens value (the game's payoff decomposition). */
  parts?: boolean;
  /** A lower firm cap than the model's (tests reach it with small worlds). */
  maxFirms?: number;
  /** Also keep the running moments of the trajectory metrics per year (compare; trajectories.ts). */
  trajectories?: boolean;
  /** Trajectories to keep, as `place.metric` keys (series.ts); none when absent or empty. */
  series?: string[];
}

import type { PointResult } from '../results/point-format.js';
import { replicationSeries, type PointSeries, type ReplicationSeries } from './series.js';

export type { PointResult };

/** A point's result as a worker returns it: the summary (the point file) and, when asked, its trajectories (the series file). */
export type PointRun = PointResult & { series?: PointSeries };

/** The scenario object with the point's values set (no mutation of the input). */
export function applyValues(scenario: unknown, values: Record<string, ParameterValue>): unknown {
  let out = scenario;
  // Paths as the user wrote them (ids or indices of sectors and regions), set where the scenario holds them.
  for (const [path, value] of Object.entries(values)) out = setPath(out as Record<string, unknown>, canonicalParameterPath(path, scenario), value);
  return out;
}

/** The model configuration for the scenario with `values` set; invalid values are a user error naming them. */
export function configForValues(scenario: unknown, values: Record<string, ParameterValue>) {
  const parsed = ScenarioSchema.safeParse(applyValues(scenario, values));
  if (!parsed.success) throw invalidValuesError(parsed.error.issues, values);
  try {
    return normalizeScenario(parsed.data);
  } catch (error) {
    if (error instanceof NormalizeError) throw invalidValuesError(error.issues, values);
    throw error;
  }
}

const limitsOf = (task: PointTask) => (task.maxFirms ? { limits: { maxFirms: task.maxFirms } } : {});

/**
 * What the main thread already did for a point (point-groups.ts): its
 * configuration, and a store of counterfactual runs by replication shared by
 * points whose counterfactual configurations are equal (same records, so the
 * same output as running it again).
 */
export interface PreparedPoint {
  config: ModelConfig;
  counterfactuals?: Map<number, StepRecord[]>;
}

export function runPoint(task: PointTask, prepared?: PreparedPoint): PointRun {
  const config = prepared?.config ?? configForValues(task.scenario, task.values);
  const cf = task.counterfactual ? counterfactualConfig(config) : null;
  const replications: ReplicationSummary[] = [];
  const keys = task.series ?? [];
  const series: ReplicationSeries[] = [];
  const first = task.firstReplication ?? 0;
  const trajectories = task.trajectories ? createTrajectoryAccumulator() : null;
  const counterfactualRecords = (r: number): StepRecord[] => {
    const cached = prepared?.counterfactuals?.get(r);
    if (cached) return cached;
    const records = runReplication(cf!, { seed: task.seed, replication: r, keepLog: false, ...limitsOf(task) }).records;
    prepared?.counterfactuals?.set(r, records);
    return records;
  };
  for (let r = first; r < first + task.replications; r++) {
    const main = runReplication(config, { seed: task.seed, replication: r, keepLog: false, ...limitsOf(task) });
    const base = cf ? counterfactualRecords(r) : null;
    replications.push(summarizeReplication(config, r, main.records, base, { parts: task.parts }));
    trajectories?.add(config, main.records, base);
    if (keys.length > 0) series.push(replicationSeries(config, keys, r, main.records));
  }
  return {
    index: task.index,
    values: task.values,
    replications,
    ...(trajectories ? { trajectories: trajectories.moments() } : {}),
    ...(keys.length > 0 ? { series: { keys, replications: series } } : {}),
  };
}
