/**
 * Pieces shared by the sweep and comparison charts: the headline metrics
 * (which summary cell, label, unit, number format), region colours for a plain
 * region list, and the 95% interval
 * of a mean (from experiment/statistics.ts).
 */
import { tInterval } from '../../experiment/statistics.js';
import { isFlowMetric } from '../../model/metric-registry.js';
import { NEUTRAL, regionColours } from './palette.js';
import { isShareUnit, metricLabel, metricUnit, unitText, wrap } from './chart-spec.js';
import type { Region } from './scenario-text.js';

export type { Region } from './scenario-text.js';

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

/** Mean and 95% Student-t interval of the mean (experiment/statistics.ts); no interval for fewer than two values. */
export const meanInterval = (values: readonly number[]) => tInterval(values, 0.95);
