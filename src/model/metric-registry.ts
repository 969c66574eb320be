/**
 * Every reported metric in one place: name, scope, kind, unit, description and
 * the function that computes it (entries in metrics/region-metrics.ts,
 * metrics/pair-metrics.ts and metrics/zone-metrics.ts, computed from the
 * step's measures, metrics/step-measures.ts). The record (record.ts), the CSV
 * writer, the charts and docs/ODD.md all read this list, so adding a metric
 * is one entry here.
 */
import type { MetricDefinition, MetricScope } from './metrics/metric-definition.js';
import { REGION_METRICS } from './metrics/region-metrics.js';
import { PAIR_METRICS } from './metrics/pair-metrics.js';
import { ZONE_METRICS } from './metrics/zone-metrics.js';

export {
  METRIC_KINDS,
  METRIC_SCOPES,
  type MetricDefinition,
  type MetricKind,
  type MetricScope,
  type PairMetric,
  type RegionMetric,
  type ZoneMetric,
} from './metrics/metric-definition.js';

/** The registry in its documented order (docs/ODD.md section 9, metrics.csv): region, pair, then zone metrics. */
export const METRICS: readonly MetricDefinition[] = [...REGION_METRICS, ...PAIR_METRICS, ...ZONE_METRICS];

export function metricsOfScope(scope: MetricScope): MetricDefinition[] {
  return METRICS.filter((d) => d.scope === scope);
}

/**
 * Metrics that are flows within a step (summed over the run for "cumulative"
 * summaries); every other metric is a stock or a rate, summarised by its final
 * value and its mean over the run.
 */
export const FLOW_METRICS: ReadonlySet<string> = new Set(METRICS.filter((d) => d.kind === 'flow').map((d) => d.name));

/**
 * Whether a metric of this scope is a flow, as its registry entry declares.
 * One name means one kind in every scope: cumulative series are named `*_cumulative`.
 */
export function isFlowMetric(name: string, scope: MetricScope): boolean {
  const def = METRICS.find((d) => d.name === name && d.scope === scope);
  return def !== undefined ? def.kind === 'flow' : FLOW_METRICS.has(name);
}

/** Region label of a pair in tables, e.g. `sichuan~chongqing`. */
export function pairLabel(a: string, b: string): string {
  return `${a}~${b}`;
}
