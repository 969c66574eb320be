/**
 * Paired comparison across replications that share their random numbers:
 * the mean difference, its 95% confidence interval (Student's t) and the paired
 * t test. Identical inputs give exactly zero difference and no test.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { mean, sampleVariance, tCritical } from './statistics.js';

export interface PairedDifference {
  n: number;
  meanA: number;
  meanB: number;
  /** Mean of (b - a). */
  difference: number;
  ciLow: number;
  ciHigh: number;
  /** t statistic; 0 when every difference is exactly zero, +-Infinity when constant and non-zero. */
  t: number;
  /** Two-sided p-value (1 when every difference is zero). */
  p: number;
}

export function pairedDifference(a: number[], b: number[], level = 0.95): PairedDifference {
  const n = Math.min(a.length, b.length);
  const d = Array.from({ length: n }, (_, i) => b[i] - a[i]);
  const m = n > 0 ? mean(d) : Number.NaN;
  const sd = Math.sqrt(sampleVariance(d, m));
  const se = sd / Math.sqrt(n);
  const base = { n, meanA: mean(a.slice(0, n)), meanB: mean(b.slice(0, n)), difference: m };
  if (d.every((x) => x === 0)) return { ...base, difference: 0, ciLow: 0, ciHigh: 0, t: 0, p: 1 };
  if (!(n > 1)) return { ...base, ciLow: Number.NaN, ciHigh: Number.NaN, t: Number.NaN, p: Number.NaN };
  if (se === 0) return { ...base, ciLow: m, ciHigh: m, t: m > 0 ? Infinity : -Infinity, p: 0 };
  const q = tCritical(n, level);
  const t = m / se;
  return { ...base, ciLow: m - q * se, ciHigh: m + q * se, t, p: 2 * (1 - tCdf(Math.abs(t), n - 1)) };
}
