/**
 * The model outputs a sensitivity analysis explains: replication-summary cells
 * named `region.metric.statistic` (`zone.similarity.final`,
 * `sichuan.value_added_change.final`, `sichuan~chongqing.similarity.final`).
 * Shorter forms take defaults: `metric` (the zone's value, or every region's
 * or pair's when the metric has no zone value), `metric.statistic`, and
 * `region.metric`; the statistic defaults to the sum or mean over the run for
 * flows and shares of flows, and to the final year otherwise.
 */
import { FLOW_METRICS, METRICS, pairLabel, type MetricScope } from '../../model/metric-registry.js';
import { regionPairs } from '../../model/record.js';
import { UserError, didYouMean } from '../../scenario/errors.js';
import { STATISTICS, type Statistic } from '../replication-summary.js';

export interface OutputSpec {
  /** `zone`, a region id or a pair label `a~b`. */
  region: string;
  metric: string;
  statistic: Statistic;
}

/** Cells written against the counterfactual run (final year only), at region and zone scope. */
export const COUNTERFACTUAL_METRICS: ReadonlySet<string> = new Set(['value_added_change', 'value_added_change_relative']);

/** Rates of flows, summarised by their mean over the run unless told otherwise. */
const OVER_RUN_RATES: ReadonlySet<string> = new Set(['duplicated_investment_share', 'wasted_expansion_share', 'utilization', 'fund_cross_border_share']);

export const outputKey = (o: OutputSpec) => `${o.region}.${o.metric}.${o.statistic}`;

export function parseOutputKey(key: string): OutputSpec {
  const parts = key.split('.');
  return { region: parts[0], metric: parts[1], statistic: parts[2] as Statistic };
}

/** The default statistic of a metric: over the run for flows and rates of flows, else the final year. */
export function defaultStatistic(metric: string): Statistic {
  if (COUNTERFACTUAL_METRICS.has(metric)) return 'final';
  return FLOW_METRICS.has(metric) || OVER_RUN_RATES.has(metric) ? 'over_run' : 'final';
}

/** Outputs when none are named: zone similarity, duplicated investment, each region's value added against the counterfactual, zone value added. */
export function defaultOutputs(regions: readonly string[]): OutputSpec[] {
  return [
    { region: 'zone', metric: 'similarity', statistic: 'final' },
    { region: 'zone', metric: 'duplicated_investment_share', statistic: 'over_run' },
    ...regions.map((region): OutputSpec => ({ region, metric: 'value_added_change', statistic: 'final' })),
    { region: 'zone', metric: 'value_added', statistic: 'over_run' },
  ];
}

/** Scopes a metric has cells at. */
function scopesOf(metric: string): MetricScope[] {
  if (COUNTERFACTUAL_METRICS.has(metric)) return ['region', 'zone'];
  return [...new Set(METRICS.filter((m) => m.name === metric).map((m) => m.scope))];
}

const metricNames = () => [...new Set([...METRICS.map((m) => m.name), ...COUNTERFACTUAL_METRICS])];

/** Parses `--output` texts against the scenario's regions; each may name several outputs. */
export function parseOutputs(texts: readonly string[], regions: readonly string[]): OutputSpec[] {
  const pairs = regionPairs(regions.length).map(([a, b]) => pairLabel(regions[a], regions[b]));
  const places = ['zone', ...regions, ...pairs];
  const scopeOfPlace = (place: string): MetricScope => (place === 'zone' ? 'zone' : place.includes('~') ? 'pair' : 'region');
  const out: OutputSpec[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const where = `--output "${text}"`;
    const parts = text.trim().split('.');
    let region: string | undefined;
    let metric: string;
    let statistic: string | undefined;
    if (parts.length === 3) [region, metric, statistic] = parts;
    else if (parts.length === 2 && (STATISTICS as readonly string[]).includes(parts[1])) [metric, statistic] = parts;
    else if (parts.length === 2) [region, metric] = parts;
    else if (parts.length === 1) [metric] = parts;
    else throw new UserError(`${where}: expected region.metric.statistic, e.g. zone.similarity.final, or a metric name`);
    const scopes = scopesOf(metric);
    if (scopes.length === 0) throw new UserError(`${where}: unknown metric "${metric}"${didYouMean(metric, metricNames())}`);
    if (statistic !== undefined && !(STATISTICS as readonly string[]).includes(statistic))
      throw new UserError(`${where}: unknown statistic "${statistic}"${didYouMean(statistic, STATISTICS)}; statistics: ${STATISTICS.join(', ')}`);
    if (statistic === 'over_run' && COUNTERFACTUAL_METRICS.has(metric)) throw new UserError(`${where}: ${metric} is measured in the final year only (use ${metric}.final)`);
    let targets: string[];
    if (region !== undefined) {
      if (!places.includes(region)) throw new UserError(`${where}: unknown region "${region}"${didYouMean(region, places)}; use zone, a region (${regions.join(', ')}) or a pair (${pairs.join(', ')})`);
      if (!scopes.includes(scopeOfPlace(region))) throw new UserError(`${where}: ${metric} is measured for ${scopes.map((s) => (s === 'zone' ? 'the zone' : `each ${s}`)).join(' and ')}, not for "${region}"`);
      targets = [region];
    } else if (scopes.includes('zone')) targets = ['zone'];
    else targets = scopes.includes('region') ? [...regions] : pairs;
    for (const target of targets) {
      const spec: OutputSpec = { region: target, metric, statistic: (statistic as Statistic | undefined) ?? defaultStatistic(metric) };
      if (seen.has(outputKey(spec))) continue;
      seen.add(outputKey(spec));
      out.push(spec);
    }
  }
  if (out.length === 0) throw new UserError('no outputs to analyse');
  return out;
}

/** Whether any output is measured against the counterfactual run. */
export const needsCounterfactual = (outputs: readonly OutputSpec[]) => outputs.some((o) => COUNTERFACTUAL_METRICS.has(o.metric));
