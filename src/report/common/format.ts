/** Numbers as the headline tables, chart labels and tooltips show them. */
import { quantile } from '../../experiment/statistics.js';
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
  /** Decimals for all three numbers (default: from this interval's width): one quantity's shared format (`quantityFormat`). */
  decimals?: number;
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
  const decimals = options.decimals ?? intervalDecimals(bounded ? k * (high - low) : Number.NaN, k * mean);
  const show = (x: number, signed = false) => (Number.isFinite(x) ? formatFixed(k * x, decimals, signed) + suffix : 'n/a');
  const m = show(mean, options.signed);
  return bounded ? `${m} [${show(low)}, ${show(high)}]` : m;
}

/**
 * One format for every number of one quantity (a metric in a report: its
 * table column, chart labels, intervals and tooltips), so that no two cells
 * of it show different precision: shares as percentages, a sign on changes,
 * and the decimals `intervalDecimals` gives for the median width of the
 * quantity's 95% intervals (two significant digits of a typical interval),
 * or, without intervals (one replication), three significant digits of the
 * median value.
 */
export interface QuantityFormat {
  decimals: number;
  /** 100 for shares shown as percentages, else 1. */
  scale: number;
  /** '%' for shares, else ''. */
  suffix: string;
  /** A leading + on positive values (changes). */
  signed: boolean;
}

const medianOf = (xs: number[]) => (xs.length > 0 ? quantile(xs.sort((a, b) => a - b), 0.5) : Number.NaN);

export function quantityFormat(intervals: readonly { mean: number; low: number; high: number }[], unit: string, options: { signed?: boolean } = {}): QuantityFormat {
  const scale = isShareUnit(unit) ? 100 : 1;
  const widths = intervals.map((i) => scale * (i.high - i.low)).filter((w) => Number.isFinite(w) && w > 0);
  const sizes = intervals.map((i) => Math.abs(scale * i.mean)).filter((x) => Number.isFinite(x) && x > 0);
  return { decimals: intervalDecimals(medianOf(widths), medianOf(sizes)), scale, suffix: isShareUnit(unit) ? '%' : '', signed: options.signed ?? false };
}

/** One number in a quantity's format; "n/a" when not finite. */
export function formatIn(f: QuantityFormat, x: number): string {
  return Number.isFinite(x) ? formatFixed(f.scale * x, f.decimals, f.signed) + f.suffix : 'n/a';
}

/** "mean [low, high]" in a quantity's format (the mean alone without finite bounds). */
export function formatIntervalIn(f: QuantityFormat, mean: number, low: number, high: number): string {
  return formatInterval(mean, low, high, f);
}

/** "[low, high]" in a quantity's format ('' without finite bounds). */
export function formatBoundsIn(f: QuantityFormat, low: number, high: number): string {
  return Number.isFinite(low) && Number.isFinite(high) ? `[${formatFixed(f.scale * low, f.decimals) + f.suffix}, ${formatFixed(f.scale * high, f.decimals) + f.suffix}]` : '';
}

/** The d3 (Vega) format specifier of a quantity's format, for chart tooltips. */
export function d3FormatOf(f: QuantityFormat): string {
  return `${f.signed ? '+' : ''}${f.scale === 100 ? `.${f.decimals}%` : `,.${f.decimals}f`}`;
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
