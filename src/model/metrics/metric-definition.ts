/**
 * The shape of a metric registry entry (metric-registry.ts): what it is called,
 * where it applies, what kind of quantity it is, its unit and meaning, and the
 * function that computes it from the step's measures (step-measures.ts).
 */
import type { StepMeasures } from './step-measures.js';

export const METRIC_SCOPES = ['region', 'pair', 'zone'] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

/**
 * A flow happens within a step (summed over the run in "cumulative" summaries);
 * a stock is a level, a rate, an index or a running total (summarised by its
 * final value and its mean over the run).
 */
export const METRIC_KINDS = ['stock', 'flow'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

interface MetricInfo {
  name: string;
  kind: MetricKind;
  unit: string;
  description: string;
  /** NaN means "no value" at times (metrics.csv then has no row); any other metric that is not finite stops the run (finite-check.ts). */
  mayBeUndefined?: true;
}

/** One value per region: `compute(m, r)` for region index r. */
export interface RegionMetric extends MetricInfo {
  scope: 'region';
  compute: (m: StepMeasures, r: number) => number;
}

/** One value per pair of regions: `compute(m, a, b)` for the pair (a, b), a < b. */
export interface PairMetric extends MetricInfo {
  scope: 'pair';
  compute: (m: StepMeasures, a: number, b: number) => number;
}

/** One value for the zone. */
export interface ZoneMetric extends MetricInfo {
  scope: 'zone';
  compute: (m: StepMeasures) => number;
}

export type MetricDefinition = RegionMetric | PairMetric | ZoneMetric;

export const BILLION_YUAN = 'billion yuan';

/** Sum in index order from 0 (the same additions, in the same order, as `reduce((a, b) => a + b, 0)`). */
export function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}
