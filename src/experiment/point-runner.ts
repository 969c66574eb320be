/**
 * The point runner without the scenario schema: a design point whose model
 * configuration is already resolved, run for R replications (each with its
 * counterfactual) and reduced to replication summaries (run-point.ts resolves
 * configurations). A worker thread imports this, the model and the summariser
 * only, so it starts without loading zod or the t quantile
 * (test/experiment/worker-imports.test.ts).
 */
import { runReplication } from '../model/run.js';
import { counterfactualConfig } from '../model/counterfactual.js';
import type { ParameterValue } from '../results/point-format.js';
import type { ModelConfig } from '../model/config.js';
import type { StepRecord } from '../model/step-record.js';
import { summarizeReplication, type ReplicationSummary } from './replication-summary.js';
import { createTrajectoryAccumulator } from './trajectory-moments.js';
import type { PointResult } from '../results/point-format.js';
import type { PointGroup } from './point-groups.js';
import { replicationSeries, type PointSeries, type ReplicationSeries } from './series.js';

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

export type { PointResult };

/** A point's result as a worker returns it: the summary (the point file) and, when asked, its trajectories (the series file). */
export type PointRun = PointResult & { series?: PointSeries };

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

/** A point whose configuration is resolved (`runPoint` resolves it from the scenario). */
export function runPreparedPoint(task: PointTask, prepared: PreparedPoint): PointRun {
  const config = prepared.config;
  const cf = task.counterfactual ? counterfactualConfig(config) : null;
  const replications: ReplicationSummary[] = [];
  const keys = task.series ?? [];
  const series: ReplicationSeries[] = [];
  const first = task.firstReplication ?? 0;
  const trajectories = task.trajectories ? createTrajectoryAccumulator() : null;
  const counterfactualRecords = (r: number): StepRecord[] => {
    const cached = prepared.counterfactuals?.get(r);
    if (cached) return cached;
    const records = runReplication(cf!, { seed: task.seed, replication: r, keepLog: false, ...limitsOf(task) }).records;
    prepared.counterfactuals?.set(r, records);
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

/**
 * A group's points (point-groups.ts), with one counterfactual run per
 * replication for a shared group; `resolve` gives the configuration of a point
 * the main thread did not resolve (e.g. to report its error).
 */
export function runResolvedGroup(group: PointGroup, resolve: (task: PointTask) => ModelConfig): PointRun[] {
  const counterfactuals = group.shared ? new Map<number, StepRecord[]>() : undefined;
  return group.tasks.map((task, i) => runPreparedPoint(task, { config: group.configs[i] ?? resolve(task), counterfactuals }));
}
