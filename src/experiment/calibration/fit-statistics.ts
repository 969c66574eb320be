/**
 * Yardsticks for a fit: penalised errors that count every choice (AIC, AICc,
 * BIC from the sum of squared errors) and the naive forecasts a model must
 * beat on held-out years (persistence, linear trend, constant mean), with the
 * skill score 1 - RMSE_model / RMSE_naive.
 *
 * Least-squares forms after Burnham & Anderson (2002), Model Selection and
 * Multimodel Inference, section 2.2: with n points, sum of squared errors SSE
 * and K estimated quantities, AIC = n ln(SSE / n) + 2K, AICc = AIC +
 * 2K(K + 1) / (n - K - 1) (defined only when n > K + 1), BIC = n ln(SSE / n) +
 * K ln(n). K counts the residual variance too (K = k + 1, k the fitted and hand
 * choices), as Burnham & Anderson do. These treat the points as independent;
 * a series' points are autocorrelated, so the effective n is smaller and the
 * penalties are, if anything, too mild.
 */
import { quantile } from '../statistics.js';
import type { TargetPoint } from './target.js';

export interface InformationCriteria {
  /** Points the errors are taken over. */
  n: number;
  /** Choices counted (fitted parameters plus hand choices). */
  k: number;
  /** Estimated quantities in the penalty: k plus the residual variance. */
  K: number;
  sse: number;
  aic: number;
  /** null when n <= K + 1 (the small-sample correction is then undefined); `aiccNote` says so. */
  aicc: number | null;
  aiccNote: string | null;
  bic: number;
}

export function informationCriteria(sse: number, n: number, k: number): InformationCriteria {
  const K = k + 1;
  const fit = n * Math.log(sse / n);
  const aic = fit + 2 * K;
  const defined = n > K + 1;
  return {
    n,
    k,
    K,
    sse,
    aic,
    aicc: defined ? aic + (2 * K * (K + 1)) / (n - K - 1) : null,
    aiccNote: defined ? null : `undefined: n = ${n} points is not more than K + 1 = ${K + 1} (k = ${k} choices plus the residual variance, plus one)`,
    bic: fit + K * Math.log(n),
  };
}

/** Root mean squared difference between a forecast and the target points (NaN when there are none). */
export function rmseAgainst(points: readonly TargetPoint[], forecast: (year: number) => number): number {
  if (points.length === 0) return Number.NaN;
  return Math.sqrt(points.reduce((s, p) => s + (forecast(p.year) - p.value) ** 2, 0) / points.length);
}

export const NAIVE_FORECASTS = ['persistence', 'trend', 'mean'] as const;
export type NaiveName = (typeof NAIVE_FORECASTS)[number];
export const isNaiveName = (x: unknown): x is NaiveName => (NAIVE_FORECASTS as readonly unknown[]).includes(x);

export const NAIVE_DESCRIPTIONS: Record<NaiveName, string> = {
  persistence: 'persistence of the fitted value nearest in time (the last fitted value for a forecast, the first for a backcast)',
  trend: 'ordinary least-squares line through the fitted points, extrapolated',
  mean: 'constant mean of the fitted points',
};

/**
 * The naive forecasts of a year from the fitted points' TARGET values only
 * (never the held-out values): null for the trend with fewer than two points.
 */
export function naiveForecasts(fit: readonly TargetPoint[]): Record<NaiveName, ((year: number) => number) | null> {
  const n = fit.length;
  if (n === 0) return { persistence: null, trend: null, mean: null };
  const meanYear = fit.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = fit.reduce((s, p) => s + p.value, 0) / n;
  const sxx = fit.reduce((s, p) => s + (p.year - meanYear) ** 2, 0);
  const slope = sxx > 0 ? fit.reduce((s, p) => s + (p.year - meanYear) * (p.value - meanValue), 0) / sxx : Number.NaN;
  const nearest = (year: number) => {
    // Ties go to the later point.
    let best = fit[0];
    for (const p of fit) if (Math.abs(p.year - year) <= Math.abs(best.year - year)) best = p;
    return best.value;
  };
  return {
    persistence: nearest,
    trend: n >= 2 && sxx > 0 ? (year: number) => meanValue + slope * (year - meanYear) : null,
    mean: () => meanValue,
  };
}

/** Skill of a model against a reference: 1 - RMSE_model / RMSE_reference (1 perfect, 0 no better, < 0 worse); null when the reference is exact or missing. */
export function skillScore(modelRmse: number, referenceRmse: number): number | null {
  if (!Number.isFinite(modelRmse) || !Number.isFinite(referenceRmse) || referenceRmse === 0) return null;
  return 1 - modelRmse / referenceRmse;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Values summarised. */
  count: number;
}

/** Median and range of finite values (null when there are none). */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  return { median: quantile(finite, 0.5), min: finite[0], max: finite[finite.length - 1], count: finite.length };
}
