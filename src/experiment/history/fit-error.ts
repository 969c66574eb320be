/**
 * The error of simulated series against an observed one, per replication and
 * for the mean series. The first simulated year is left out of every error:
 * there the initial sector shares set the similarity by construction (they
 * were chosen to start near the observed 1978 value), so it says nothing about
 * the mechanisms or the switch years.
 */
import { mean } from '../statistics.js';
import type { TargetPoint } from '../calibration/target.js';
import type { VariantRuns } from './series-runs.js';

/** The target points an error is computed over: all but the one in the first simulated year. */
export function scoredPoints(target: readonly TargetPoint[], firstYear: number): TargetPoint[] {
  return target.filter((p) => p.year !== firstYear);
}

function valueAt(years: readonly number[], series: readonly number[], year: number): number {
  const t = years.indexOf(year);
  return t < 0 ? Number.NaN : series[t];
}

/** Mean squared error of one series over the points. */
export function squaredError(points: readonly TargetPoint[], years: readonly number[], series: readonly number[]): number {
  if (points.length === 0) return Number.NaN;
  return mean(points.map((p) => (valueAt(years, series, p.year) - p.value) ** 2));
}

/** The mean series over replications, year by year. */
export function meanSeries(runs: readonly number[][]): number[] {
  return runs[0].map((_, t) => mean(runs.map((r) => r[t])));
}

/** RMSE of the mean series over the points (the calibration's objective). */
export function rmseOfMean(points: readonly TargetPoint[], variant: VariantRuns): number {
  return Math.sqrt(squaredError(points, variant.years, meanSeries(variant.runs)));
}

/** Each replication's mean squared error over the points (what paired comparisons compare). */
export function replicationErrors(points: readonly TargetPoint[], variant: VariantRuns): number[] {
  return variant.runs.map((run) => squaredError(points, variant.years, run));
}

/** deviations[replication][point]: simulated minus observed at each point. */
export function deviations(points: readonly TargetPoint[], variant: VariantRuns): number[][] {
  return variant.runs.map((run) => points.map((p) => valueAt(variant.years, run, p.year) - p.value));
}

/** Each replication's change of the series from year `a` to year `b` (value at b minus value at a). */
export function replicationChanges(variant: VariantRuns, a: number, b: number): number[] {
  return variant.runs.map((run) => valueAt(variant.years, run, b) - valueAt(variant.years, run, a));
}
