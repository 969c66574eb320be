/** Descriptive statistics across replications. */

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
