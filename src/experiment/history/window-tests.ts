/**
 * Which windows are "supported": not significantly worse than the best one.
 * Two criteria, both paired by replication (every window ran on the same
 * seeds):
 *
 * - per replication: each replication's mean squared error against the target;
 *   the best window has the smallest mean of it; a window is compared with the
 *   best by the paired t interval of the differences. This error counts the
 *   spread of single replications too (a window whose runs scatter more is
 *   penalised even when its mean is on target).
 * - mean series: the squared error of the mean series over replications (the
 *   calibration's objective, RMSE squared); the best window has the smallest;
 *   the difference from the best gets a delete-one jackknife interval over
 *   replications (Student's t with R - 1 degrees of freedom).
 *
 * A window is supported when the 95% interval of (window - best) does not lie
 * wholly above zero. Intervals are per comparison, not simultaneous; with one
 * replication nothing can be told apart and every window counts as supported.
 */
import { pairedDifference, type PairedDifference } from '../paired.js';
import { mean, tCritical } from '../statistics.js';

export interface Interval {
  /** Window minus best. */
  difference: number;
  ciLow: number;
  ciHigh: number;
}

export interface WindowJudgement {
  /** Index of the best window. */
  best: number;
  /** Each window against the best (window minus best). */
  comparisons: Interval[];
  /** Not significantly worse than the best. */
  supported: boolean[];
}

const argmin = (values: readonly number[]) => values.reduce((best, v, i) => (v < values[best] ? i : best), 0);
const notWorse = (c: Interval) => !(c.ciLow > 0);

/** Per-replication criterion on errors[window][replication] (each replication's mean squared error). */
export function judgeWindows(errors: readonly number[][], level = 0.95): WindowJudgement & { comparisons: PairedDifference[] } {
  const best = argmin(errors.map((e) => mean(e)));
  const comparisons = errors.map((e) => pairedDifference(errors[best], e, level));
  return { best, comparisons, supported: comparisons.map(notWorse) };
}

/** Squared error of the mean series: deviations[replication][point] = simulated - observed; `skip` leaves one replication out. */
export function meanSquaredError(deviations: readonly number[][], skip = -1): number {
  const kept = deviations.filter((_, r) => r !== skip);
  const points = deviations[0]?.length ?? 0;
  if (kept.length === 0 || points === 0) return Number.NaN;
  let sum = 0;
  for (let p = 0; p < points; p++) sum += mean(kept.map((d) => d[p])) ** 2;
  return sum / points;
}

/** Mean-series criterion on deviations[window][replication][point]; jackknife intervals over replications. */
export function judgeMeanWindows(deviations: readonly number[][][], level = 0.95): WindowJudgement {
  const full = deviations.map((d) => meanSquaredError(d));
  const best = argmin(full);
  const n = deviations[best].length;
  const leaveOut = (w: number) => Array.from({ length: n }, (_, i) => meanSquaredError(deviations[w], i) - meanSquaredError(deviations[best], i));
  const comparisons = deviations.map((_, w): Interval => {
    const difference = full[w] - full[best];
    if (w === best) return { difference: 0, ciLow: 0, ciHigh: 0 };
    if (n < 2) return { difference, ciLow: Number.NaN, ciHigh: Number.NaN };
    const d = leaveOut(w);
    const m = mean(d);
    const se = Math.sqrt(((n - 1) / n) * d.reduce((s, x) => s + (x - m) ** 2, 0));
    const q = tCritical(n, level);
    return { difference, ciLow: difference - q * se, ciHigh: difference + q * se };
  });
  return { best, comparisons, supported: comparisons.map(notWorse) };
}
