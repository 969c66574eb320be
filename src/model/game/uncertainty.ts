/**
 * How sure a comparison of two estimated payoffs is.
 *
 * Payoffs estimated from simulations are means over replications with standard
 * errors. A conclusion ("deviating gains", "T exceeds R") is only as sure as the
 * gap that decides it: a gap whose |difference| < z * SE(difference) is
 * "uncertain" (a two-sided test at the 5% level for z = 1.96). Without standard
 * errors payoffs are exact and only a tie is neither higher nor lower.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */

/** A payoff: its mean and, when estimated, its standard error. */
export interface Estimate {
  mean: number;
  /** Standard error of the mean; absent for an exact (textbook) payoff. */
  se?: number;
  /**
   * Per-replication values, aligned by replication (replication i of every
   * profile used the same seed: common random numbers). When two estimates both
   * carry samples of the same length (>= 2), their difference gets the paired SE.
   */
  samples?: readonly number[];
}

/** Default z: two-sided 95%. */
export const DEFAULT_Z = 1.96;

/** Relative tolerance under which two exact payoffs count as tied (floating-point noise). */
export const TIE_TOLERANCE = 1e-12;

/** higher / lower: the first value exceeds / falls short of the second beyond doubt. */
export type GapStatus = 'higher' | 'lower' | 'equal' | 'uncertain';

export interface Gap {
  /** first - second */
  difference: number;
  /** SE of the difference (absent when both payoffs are exact). */
  se?: number;
  status: GapStatus;
  /** The comparison on the means alone, ignoring the SE. */
  onMeans: Exclude<GapStatus, 'uncertain'>;
}

export interface UncertaintyOptions {
  /** Critical value; default 1.96. */
  z?: number;
}

/** Mean, SE (sample SD / sqrt(n)) and the samples themselves. */
export function estimateFromSamples(samples: readonly number[]): Estimate {
  const n = samples.length;
  if (n === 0) throw new RangeError('estimateFromSamples: no samples');
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, samples: [...samples] };
  const variance = samples.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), samples: [...samples] };
}

/** Wraps a plain number as an exact estimate. */
export const exact = (value: number | Estimate): Estimate => (typeof value === 'number' ? { mean: value } : value);

/**
 * SE of `a - b`: an explicitly supplied paired SE wins; then the paired SE from
 * aligned samples (common random numbers make it smaller than the unpaired one);
 * then sqrt(se_a^2 + se_b^2), which treats the two estimates as independent.
 * Undefined when neither has an SE (both exact).
 */
export function differenceSe(a: Estimate, b: Estimate, pairedSe?: number): number | undefined {
  if (pairedSe !== undefined) return pairedSe;
  if (a.samples && b.samples && a.samples.length === b.samples.length && a.samples.length >= 2) {
    const d = a.samples.map((v, i) => v - (b.samples as readonly number[])[i]);
    return estimateFromSamples(d).se;
  }
  if (a.se === undefined && b.se === undefined) return undefined;
  return Math.sqrt((a.se ?? 0) ** 2 + (b.se ?? 0) ** 2);
}

/** True when `difference` is zero up to floating-point noise at the payoffs' scale. */
export function isTie(difference: number, scale = 1): boolean {
  return Math.abs(difference) <= TIE_TOLERANCE * Math.max(1, Math.abs(scale));
}

/** Compares two estimates: is `a` surely higher, lower, equal, or is the gap within z * SE? */
export function compareEstimates(a: Estimate, b: Estimate, options: UncertaintyOptions & { pairedSe?: number } = {}): Gap {
  const z = options.z ?? DEFAULT_Z;
  const difference = a.mean - b.mean;
  const se = differenceSe(a, b, options.pairedSe);
  const scale = Math.max(Math.abs(a.mean), Math.abs(b.mean));
  const onMeans = gapStatus(difference, undefined, z, scale) as Gap['onMeans'];
  return { difference, ...(se === undefined ? {} : { se }), status: gapStatus(difference, se, z, scale), onMeans };
}

export function gapStatus(difference: number, se: number | undefined, z: number, scale = 1): GapStatus {
  // A positive SE makes even an exact tie uncertain: the true gap may go either way.
  if (se !== undefined && se > 0 && Math.abs(difference) < z * se) return 'uncertain';
  if (isTie(difference, scale)) return 'equal';
  return difference > 0 ? 'higher' : 'lower';
}
