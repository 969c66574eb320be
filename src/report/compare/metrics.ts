/**
 * Which headline metrics a comparison report shows: zone-level numbers for
 * the distributions, the same plus the regional ones for the paired
 * differences, and the regional ones for the grouped bars.
 */
import { DUPLICATED, PAYOFF, RELOCATIONS, SIMILARITY, UTILIZATION, VALUE_ADDED, VALUE_ADDED_CHANGE, defineHeadline, type HeadlineMetric } from '../common/headline-metrics.js';
import { metricUnit } from '../common/chart-spec.js';
import { replicationValues, type ComparisonData } from './read.js';

export const ZONE_VALUE_ADDED = defineHeadline('zone-value-added', 'value_added', 'over_run', 'zone', 'Zone value added, summed over the run', 'the zone\'s value added summed over the run (cumulative GDP proxy)', {
  label: 'Cumulative value added',
});
export const ZONE_VALUE_ADDED_CHANGE = defineHeadline(
  'zone-va-change',
  'value_added_change',
  'final',
  'zone',
  'Zone value added against the counterfactual',
  'the change of the zone\'s cumulative value added against the counterfactual run (same seed, every government invests, no fund)',
  { label: 'Change in cumulative value added', unit: metricUnit('cumulative_value_added', 'region'), zeroLine: true },
);

/** Per-replication distributions (zone numbers). */
export const DISTRIBUTION_METRICS: readonly HeadlineMetric[] = [SIMILARITY, DUPLICATED, UTILIZATION, ZONE_VALUE_ADDED, ZONE_VALUE_ADDED_CHANGE, RELOCATIONS];

/** Paired differences against the reference (forest plot and table). */
export const DIFFERENCE_METRICS: readonly HeadlineMetric[] = [SIMILARITY, DUPLICATED, UTILIZATION, { ...VALUE_ADDED, withZone: true }, PAYOFF, RELOCATIONS];

/** Grouped bars per scenario and region. */
export const REGIONAL_METRICS: readonly HeadlineMetric[] = [VALUE_ADDED, PAYOFF, VALUE_ADDED_CHANGE];

export interface SeriesKey {
  key: string;
  name: string;
}

/** Regions (and the zone when asked) of a metric that the comparison has values for. */
export function comparisonSeries(data: ComparisonData, h: HeadlineMetric): SeriesKey[] {
  const all: SeriesKey[] = h.scope === 'zone' ? [{ key: 'zone', name: 'Zone' }] : data.regions.map((r) => ({ key: r.id, name: r.name }));
  if (h.scope === 'region' && h.withZone) all.push({ key: 'zone', name: 'Zone' });
  return all.filter((s) => data.scenarios.some((sc) => replicationValues(data, sc.index, s.key, h.metric, h.statistic).length > 0));
}
