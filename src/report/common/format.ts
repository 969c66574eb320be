/** Numbers as the headline tables, chart labels and tooltips show them. */
import { isShareUnit } from './chart-spec.js';

/** A signed percentage with one decimal (+4.2%); "n/a" when not finite. */
export function formatSignedPercent(x: number): string {
  return Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%` : 'n/a';
}

/** Thousands without decimals (1,469), hundreds with one (949.3), smaller with `digits` (0.708); "n/a" when not finite. */
export function formatQuantity(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const abs = Math.abs(x);
  if (abs >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 100) return x.toFixed(1);
  return x.toFixed(digits);
}

/**
 * Decimals for showing numbers whose spread is `width`: enough for two
 * significant digits of the width (an interval 863 wide: none; 0.0126 wide:
 * three), so a mean and its bounds share one format chosen by how precisely
 * the interval pins the mean down. A zero or non-finite width (one
 * replication, no spread) falls back to three significant digits of `scale`.
 */
export function intervalDecimals(width: number, scale: number, maxDecimals = 6): number {
  const from = (x: number, digits: number) => Math.max(0, Math.min(maxDecimals, digits - 1 - Math.floor(Math.log10(x))));
  if (Number.isFinite(width) && width > 0) return from(width, 2);
  const abs = Math.abs(scale);
  return Number.isFinite(abs) && abs > 0 ? from(abs, 3) : 0;
}

/** One number with `decimals` decimals and thousands separators; "n/a" when not finite; never "-0". */
export function formatFixed(x: number, decimals: number, signed = false): string {
  if (!Number.isFinite(x)) return 'n/a';
  const text = x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const clean = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  return signed && !clean.startsWith('-') && Number(clean.replace(/,/g, '')) !== 0 ? `+${clean}` : clean;
}

export interface IntervalFormat {
  /** A leading + on a positive mean (changes). */
  signed?: boolean;
  /** Multiply by this before showing (100 for shares as percentages). */
  scale?: number;
  /** Appended to the mean and each bound (e.g. '%'). */
  suffix?: string;
}

/**
 * "mean [low, high]" with one format for the three numbers: the decimals come
 * from the interval's width (`intervalDecimals`). Without finite bounds, the
 * mean alone.
 */
export function formatInterval(mean: number, low: number, high: number, options: IntervalFormat = {}): string {
  const k = options.scale ?? 1;
  const suffix = options.suffix ?? '';
  const bounded = Number.isFinite(low) && Number.isFinite(high);
  const decimals = intervalDecimals(bounded ? k * (high - low) : Number.NaN, k * mean);
  const show = (x: number, signed = false) => (Number.isFinite(x) ? formatFixed(k * x, decimals, signed) + suffix : 'n/a');
  const m = show(mean, options.signed);
  return bounded ? `${m} [${show(low)}, ${show(high)}]` : m;
}

/** A value as text for labels and tables (shares as percentages, amounts rounded to their size). */
export function formatValue(x: number, unit: string): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (isShareUnit(unit)) return `${(100 * x).toFixed(1)}%`;
  const abs = Math.abs(x);
  if (unit === 'index' || unit === 'ratio') return x.toFixed(abs >= 10 ? 1 : 3);
  if (abs >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** A difference as text: shares in percentage points, with a sign. */
export function formatDifference(x: number, unit: string): string {
  if (!Number.isFinite(x)) return 'n/a';
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  if (isShareUnit(unit)) return `${sign}${Math.abs(100 * x).toFixed(1)} pp`;
  return sign + formatValue(Math.abs(x), unit);
}
