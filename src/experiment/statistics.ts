/** Descriptive statistics across replications. */

export interface Stats {
  mean: number;
  /** 5th and 95th percentiles: the 90% interval across replications. */
  p05: number;
  p95: number;
  min: number;
  max: number;
  /** Standard error of the mean (0 for one replication). */
  se: number;
  n: number;
}

/** Quantile with linear interpolation between order statistics (R's type 7). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function describe(values: number[]): Stats {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, p05: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN, se: Number.NaN, n: 0 };
  const sorted = finite.slice().sort((a, b) => a - b);
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? finite.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95), min: sorted[0], max: sorted[n - 1], se: Math.sqrt(variance / n), n };
}
