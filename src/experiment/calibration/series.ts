/**
 * The unit of work of a calibration: one replication of the scenario with a
 * point's parameter values, reduced to the per-year series of one zone metric
 * (e.g. `zone.similarity`). Pure computation, so it runs in a worker thread
 * too. Replication r of seed s uses the model's streams of (s, r), so every
 * point evaluated with the same seed and replication numbers shares its random
 * numbers (common random numbers): differences between points are not luck.
 */
import { METRICS } from '../../model/metric-registry.js';
import { runReplication } from '../../model/run.js';
import { UserError } from '../../scenario/errors.js';
import { configForValues } from '../run-point.js';

export interface SeriesTask {
  index: number;
  /** The resolved scenario (as parsed, every default filled in). */
  scenario: unknown;
  /** Values by dotted path. */
  values: Record<string, number>;
  seed: number;
  replication: number;
  /** Zone metric recorded per year. */
  metric: string;
}

export interface SeriesResult {
  index: number;
  /** Year of each step, in order. */
  years: number[];
  /** The metric in each step's record. */
  values: number[];
}

/** Names of the zone metrics a target can name. */
export const ZONE_METRICS: readonly string[] = METRICS.filter((m) => m.scope === 'zone').map((m) => m.name);

export function checkMetric(metric: string, where: string): void {
  if (!ZONE_METRICS.includes(metric))
    throw new UserError(`${where}: cannot calibrate to "${metric}": calibration targets are zone metrics, one of ${ZONE_METRICS.join(', ')}`);
}

export function runSeriesTask(task: SeriesTask): SeriesResult {
  const config = configForValues(task.scenario, task.values);
  const { records } = runReplication(config, { seed: task.seed, replication: task.replication, keepLog: false });
  return {
    index: task.index,
    years: records.map((r) => r.year),
    values: records.map((r) => r.zone[task.metric] ?? Number.NaN),
  };
}
