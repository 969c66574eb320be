/**
 * Trajectories of a comparison: for each scenario, each trajectory metric,
 * region (or the zone) and year, the mean over replications and its 95%
 * interval. Kept as running moments (Welford 1962: count, mean, sum of squared
 * deviations) while the replications run, so no replication's series is held
 * after its summary is made. A scenario's replications run in one point task,
 * in replication order, so the moments are the same for any number of workers.
 */
import type { TrajectoryMoments } from '../results/point-format.js';
import type { TrajectoryRow } from '../results/trajectory-format.js';
import { momentInterval } from './statistics.js';

// The moments live apart (no statistics, so no t quantile, on a worker thread's import path).
export * from './trajectory-moments.js';

/** The rows of trajectories.csv for one scenario: mean and 95% Student-t interval per year (statistics.ts). */
export function trajectoryRows(scenario: string, moments: readonly TrajectoryMoments[]): TrajectoryRow[] {
  const rows: TrajectoryRow[] = [];
  for (const s of moments)
    s.years.forEach((year, k) => {
      const n = s.n[k];
      const c = momentInterval(s.mean[k], n > 1 ? s.m2[k] / (n - 1) : Number.NaN, n);
      rows.push({ scenario, metric: s.metric, region: s.region, year, mean: c.mean, low: c.low, high: c.high, n });
    });
  return rows;
}
