/**
 * Pieces shared by the sweep and comparison charts: the headline metrics
 * (which summary cell, label, unit, number format), region colours for a plain
 * region list, value formatting for labels and tables, and the 95% interval
 * of a mean (from experiment/statistics.ts).
 */
import { tInterval } from '../../experiment/statistics.js';
import { isFlowMetric } from '../../model/metric-registry.js';
import { NEUTRAL, regionColours } from './palette.js';
import { isShareUnit, metricLabel, metricUnit, unitText, wrap } from './chart-spec.js';

export type Statistic = 'final' | 'over_run';

/** One headline number of an experiment: a summary cell (`region|metric|statistic`) at zone or region scope. */
export interface HeadlineMetric {
  /** Short id, unique in a list (used in chart data). */
  id: string;
  metric: string;
  statistic: Statistic;
  scope: 'zone' | 'region';
  /** Also draw the zone next to the regions (region-scope metrics that have a zone cell). */
  withZone?: boolean;
  /** Panel title, e.g. `Similarity coefficient, final year`. */
  title: string;
  /** Axis title with unit, e.g. `Similarity coefficient (index)`. */
  axis: string;
  /** Unit from the metric registry (`share`, `index`, `billion yuan`...). */
  unit: string;
  /** Draw a reference rule at zero (changes against a counterfactual). */
  zeroLine: boolean;
  /** One sentence on what the number is. */
  description: string;
}

const BN_UNIT = () => metricUnit('cumulative_value_added', 'region');

export function defineHeadline(
  id: string,
  metric: string,
  statistic: Statistic,
  scope: 'zone' | 'region',
  title: string,
  description: string,
  extra: { label?: string; unit?: string; zeroLine?: boolean; withZone?: boolean } = {},
): HeadlineMetric {
  const unit = extra.unit ?? metricUnit(metric, scope);
  const label = extra.label ?? metricLabel(metric);
  return { id, metric, statistic, scope, title, axis: `${label} (${unitText(unit)})`, unit, zeroLine: extra.zeroLine ?? false, withZone: extra.withZone, description };
}

export const SIMILARITY = defineHeadline('similarity', 'similarity', 'final', 'zone', 'Similarity coefficient, final year', 'the similarity of the regions\' sector mixes in the final year (1 = identical)');
export const DUPLICATED = defineHeadline(
  'duplicated',
  'duplicated_investment_share',
  'over_run',
  'zone',
  'Duplicated investment share, mean over the run',
  'the share of new investment that went into the same sectors in several regions at once, averaged over the years',
);
export const VALUE_ADDED_CHANGE = defineHeadline(
  'va-change',
  'value_added_change',
  'final',
  'region',
  'Value added against the counterfactual',
  'the change of each region\'s cumulative value added against its counterfactual run (same seed, every government invests, no fund)',
  { label: 'Change in cumulative value added', unit: BN_UNIT(), zeroLine: true },
);
export const PAYOFF = defineHeadline('payoff', 'payoff', 'over_run', 'region', 'Government payoff, summed over the run', 'each government\'s payoff (value added less industrial spending plus fund distributions less forgone tax), summed over the run', {
  label: 'Cumulative payoff',
});
export const UTILIZATION = defineHeadline('utilization', 'utilization', 'over_run', 'zone', 'Capacity utilization, mean over the run', 'the capacity-weighted utilization of the zone, averaged over the years');
export const VALUE_ADDED = defineHeadline('value-added', 'value_added', 'over_run', 'region', 'Value added, summed over the run', 'each region\'s value added summed over the run (cumulative GDP proxy)', {
  label: 'Cumulative value added',
});
export const RELOCATIONS = defineHeadline('relocations', 'relocations', 'over_run', 'zone', 'Relocations, total over the run', 'the number of firms that moved between regions over the run');

/** Metrics whose final value is a total accumulated over the run (changes of cumulative value added). */
const CUMULATIVE_CHANGES: ReadonlySet<string> = new Set(['value_added_change', 'value_added_change_relative']);

/**
 * What a summary cell (metric, scope, statistic) really is, for table
 * headings: the final value of a cumulative metric is the total over the run
 * ("cumulative over the run"), of any other metric the final year's value;
 * over the run, flows are summed and everything else averaged
 * (experiment/replication-summary.ts).
 */
export function statisticText(metric: string, scope: 'zone' | 'region' | 'pair', statistic: Statistic): string {
  if (statistic === 'final') return CUMULATIVE_CHANGES.has(metric) || metric.includes('cumulative') ? 'cumulative over the run' : 'final year';
  return isFlowMetric(metric, scope) ? 'sum over the run' : 'mean over the run';
}

/** The headline metrics of a sweep, in chart order. */
export const SWEEP_HEADLINE: readonly HeadlineMetric[] = [SIMILARITY, DUPLICATED, VALUE_ADDED_CHANGE, PAYOFF, UTILIZATION];

/** Label of the zone series next to regions. */
export const ZONE_LABEL = 'Zone';

export interface Region {
  id: string;
  name: string;
}

/** Region colour scale (names in scenario order), with the zone in black when asked. */
export function regionScale(regions: readonly Region[], withZone = false): { domain: string[]; range: string[] } {
  const domain = regions.map((r) => r.name);
  const range = regionColours(regions.map((r) => r.id));
  return withZone ? { domain: [...domain, ZONE_LABEL], range: [...range, NEUTRAL.zone] } : { domain, range };
}

/** Vega number format of a headline metric's tooltips (shares as percentages). */
export function valueFormat(h: HeadlineMetric): string {
  if (isShareUnit(h.unit)) return '.1%';
  return h.unit === 'index' || h.unit === 'ratio' ? '.3f' : ',.1f';
}

/**
 * Axis label format: shares as percentages with the precision the tick step
 * needs (a d3 specifier without precision), otherwise Vega's default.
 */
export function axisLabelFormat(h: HeadlineMetric): string | undefined {
  return isShareUnit(h.unit) ? '%' : undefined;
}

/** An axis title broken into lines of at most `width` characters, the unit kept whole. */
export function axisLines(title: string, width: number): string | string[] {
  if (title.length <= width) return title;
  const unit = /\s(\([^()]*\))$/.exec(title);
  const head = unit ? title.slice(0, unit.index) : title;
  const lines = wrap(head, width);
  if (unit) {
    const last = lines[lines.length - 1];
    if (last.length + 1 + unit[1].length <= width) lines[lines.length - 1] = `${last} ${unit[1]}`;
    else lines.push(unit[1]);
  }
  return lines.length === 1 ? lines[0] : lines;
}

/**
 * A domain for values that are all equal (e.g. no relocations in any
 * scenario), which Vega would otherwise draw as a zero-width scale with
 * meaningless tick labels; null when the values spread (Vega's own domain).
 */
export function flatDomain(values: readonly (number | null | undefined)[], includeZero = false): [number, number] | null {
  const xs = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (includeZero) xs.push(0);
  if (xs.length === 0) return null;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (hi > lo) return null;
  const pad = lo !== 0 ? Math.abs(lo) * 0.1 : 1;
  return [lo - pad, hi + pad];
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

/** File-name-safe form of a parameter path or id. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** Mean and 95% Student-t interval of the mean (experiment/statistics.ts); no interval for fewer than two values. */
export const meanInterval = (values: readonly number[]) => tInterval(values, 0.95);

/** Scenario fields the experiment reports show (from a resolved scenario). */
export interface ScenarioText {
  name: string;
  title: string;
  description: string;
  /** The scenario's note on illustrative numbers ('' when it makes none). */
  illustrative: string;
  regions: Region[];
}

export function scenarioText(resolved: unknown, fallbackName: string): ScenarioText {
  const s = (resolved ?? {}) as { name?: unknown; title?: unknown; description?: unknown; illustrative?: unknown; regions?: { id?: unknown; name?: unknown }[] };
  const regions = Array.isArray(s.regions) ? s.regions.map((r) => ({ id: String(r.id), name: typeof r.name === 'string' && r.name ? r.name : String(r.id) })) : [];
  return {
    name: typeof s.name === 'string' ? s.name : fallbackName,
    title: typeof s.title === 'string' ? s.title : '',
    description: typeof s.description === 'string' ? s.description.trim() : '',
    illustrative: typeof s.illustrative === 'string' ? s.illustrative.trim() : '',
    regions,
  };
}
