/**
 * Pieces of the run chart specs drawn from a run's results folder: the year
 * axis, region and pair names and colours, metric statistics by year, the
 * replication count (the theme and labels are in common/chart-spec.ts).
 */
import type { MetricScope } from '../../../model/metric-registry.js';
import { PAIR_COLOURS, regionColours } from '../../common/palette.js';
import { scopeOf, statsByYear, type Spec, type YearStats } from '../../common/chart-spec.js';
import type { MetricRecord, ResultsData } from '../read.js';

/** Rows of one metric at one scope. */
export function metricRecords(rows: readonly MetricRecord[], name: string, scope: MetricScope): MetricRecord[] {
  return rows.filter((r) => r.metric === name && scopeOf(r.region) === scope);
}

/** Mean (and band) of one metric per region / pair / zone, by year. */
export function metricStats(rows: readonly MetricRecord[], name: string, scope: MetricScope): Map<string, YearStats[]> {
  return statsByYear(metricRecords(rows, name, scope), (r) => r.region, (r) => r.value);
}

/** First and last year drawn on time axes. */
export function yearDomain(data: ResultsData): [number, number] {
  const [a, b] = data.summary.years;
  if (Number.isFinite(a) && Number.isFinite(b)) return [a, b];
  const years = data.metrics.map((r) => r.year);
  return [Math.min(...years), Math.max(...years)];
}

/** The shared x encoding of every time chart. */
export function yearX(data: ResultsData): Spec {
  const [a, b] = yearDomain(data);
  return {
    field: 'year',
    type: 'quantitative',
    title: 'Year',
    scale: { domain: [a, b], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1, labelFlush: true },
  };
}

export function regionNames(data: ResultsData): Map<string, string> {
  return new Map(data.scenario.regions.map((r) => [r.id, r.name]));
}

/** Region colour scale (names in scenario order, fixed colours from palette.ts). */
export function regionColourScale(data: ResultsData): { domain: string[]; range: string[] } {
  const regions = data.scenario.regions;
  return { domain: regions.map((r) => r.name), range: regionColours(regions.map((r) => r.id)) };
}

/** Colour scale of region pairs (labels as pairName). */
export function pairColourScale(data: ResultsData, pairs: string[]): { domain: string[]; range: string[] } {
  return { domain: pairs.map((p) => pairName(data, p)), range: pairs.map((_, i) => PAIR_COLOURS[i % PAIR_COLOURS.length]) };
}

/** Pair label `a~b` as `Sichuan – Chongqing`. */
export function pairName(data: ResultsData, pair: string): string {
  const names = regionNames(data);
  return pair
    .split('~')
    .map((id) => names.get(id) ?? id)
    .join(' – ');
}

/** Replications in the folder. */
export function replicationCount(data: ResultsData): number {
  return data.summary.replications ?? new Set(data.metrics.map((r) => r.replication)).size;
}

export const bandText = (data: ResultsData) => {
  const n = replicationCount(data);
  return n > 1 ? `Lines: mean of ${n} replications; shaded: 90% band (5th-95th percentile).` : 'One replication (no band).';
};
