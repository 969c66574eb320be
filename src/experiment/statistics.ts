/** Descriptive statistics across replications. */

import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Stats } from '../results/stats-format.js';

/** The statistics of a quantity across replications, as summary files hold them. */
export type { Stats };

/** Quantile with linear interpolation between order statistics (R's type 7). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The arithmetic mean, summed in order (NaN for no values). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length > 0 ? sum / values.length : Number.NaN;
}

/** The sample variance about `centre` (n - 1 in the denominator; NaN for fewer than two values). */
export function sampleVariance(values: readonly number[], centre: number): number {
  let sum = 0;
  for (const v of values) sum += (v - centre) ** 2;
  return values.length > 1 ? sum / (values.length - 1) : Number.NaN;
}

export function describe(values: number[]): Stats {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, p05: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN, se: Number.NaN, n: 0 };
  const sorted = finite.slice().sort((a, b) => a - b);
  const centre = mean(finite);
  const variance = n > 1 ? sampleVariance(finite, centre) : 0;
  return { mean: centre, p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95), min: sorted[0], max: sorted[n - 1], se: Math.sqrt(variance / n), n };
}

/**
 * The two-sided Student-t critical value of a `level` interval of a mean of
 * `n` values (n - 1 degrees of freedom): 4.30 for n = 3 at 95%. Every Student-t
 * interval of the project takes its quantile here.
 */
export function tCritical(n: number, level = 0.95): number {
  return tQuantile(1 - (1 - level) / 2, n - 1);
}

/**
 * The mean of the finite values and its Student-t interval at `level` (95% by
 * default): mean ± tCritical(n) · s / √n. No interval (NaN bounds) for fewer
 * than two values.
 */
export function tInterval(values: readonly number[], level = 0.95): { mean: number; low: number; high: number; n: number } {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  const m = mean(xs);
  return momentInterval(m, n > 1 ? sampleVariance(xs, m) : Number.NaN, n, level);
}

/**
 * The same Student-t interval from a mean, a sample variance (n - 1 in the
 * denominator) and a count, for statistics kept as running moments (Welford)
 * instead of every value: mean ± tCritical(n) · √(variance / n). No interval
 * (NaN bounds) for fewer than two values.
 */
export function momentInterval(m: number, variance: number, n: number, level = 0.95): { mean: number; low: number; high: number; n: number } {
  if (n < 2) return { mean: m, low: Number.NaN, high: Number.NaN, n };
  const se = Math.sqrt(variance / n);
  const q = tCritical(n, level);
  return { mean: m, low: m - q * se, high: m + q * se, n };
}

/**
 * The normal 97.5% quantile as the game reports have always rounded it: the
 * game's payoff intervals (game.json `halfWidth`, the game text's "+-") are
 * mean ± 1.96 · se. They stay normal (z), not Student-t, because game.json and
 * the shipped game answers were made with it: switching to t would change
 * published numbers (a larger half-width at few replications).
 */
export const GAME_Z = 1.96;
