/**
 * Pieces shared by the sensitivity estimators: an index with its bootstrap
 * interval, percentile intervals, resampling with a seeded stream, and the
 * scaling of unit-cube designs to parameter intervals. Pure functions.
 */
import type { Uniform } from '../../model/rng.js';
import { quantile } from '../statistics.js';

/** An estimated index and its bootstrap percentile interval (NaN where undefined). */
export interface IndexEstimate {
  value: number;
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Bootstrap resamples (default 1000; 0 for no intervals). */
  bootstrap?: number;
  /** Coverage of the intervals (default 0.95). */
  confidence?: number;
  /** The stream the resamples are drawn from. */
  random: Uniform;
}

export const DEFAULT_BOOTSTRAP = 1000;
export const DEFAULT_CONFIDENCE = 0.95;

/** `n` indices drawn from 0..n-1 with replacement. */
export function resample(n: number, random: Uniform): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(n - 1, Math.floor(random() * n));
  return out;
}

/** The central `confidence` interval of bootstrap values (percentile method; non-finite values left out). */
export function percentileInterval(values: readonly number[], confidence: number): [number, number] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [Number.NaN, Number.NaN];
  const tail = (1 - confidence) / 2;
  return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
}

export function checkBootstrapOptions(options: BootstrapOptions): { bootstrap: number; confidence: number } {
  const bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`bootstrap resamples must be a non-negative integer, not ${bootstrap}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, not ${confidence}`);
  return { bootstrap, confidence };
}

/** Unit-cube rows scaled to each column's [lo, hi]. */
export function scaleToIntervals(points: readonly (readonly number[])[], intervals: readonly (readonly [number, number])[]): number[][] {
  return points.map((row) => row.map((u, i) => intervals[i][0] + u * (intervals[i][1] - intervals[i][0])));
}

/** Fisher-Yates shuffle of 0..n-1. */
export function permutation(n: number, random: Uniform): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}


