/**
 * The declarative chart list of an experiment report (sweep, compare, game,
 * sensitivity, calibration, history, study), like run/charts.ts: each entry
 * names a chart, says how to read it, builds its Vega-Lite spec from the
 * folder's data (null when the folder has nothing to show) and says why not.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentChart } from './write-charts.js';

export interface ChartEntry<D> {
  /** File stem: charts/NAME.vl.json, NAME.svg, NAME.png (a function when it depends on the data, e.g. a lens). */
  name: string | ((data: D) => string);
  heading: string | ((data: D) => string);
  /** How to read the chart, in a sentence or two. */
  caption: string | ((data: D) => string);
  /** The chart's spec, or null when the folder has nothing to show. */
  build: (data: D) => TopLevelSpec | null;
  /** Why `build` returned null (documentation; the experiment pages list only drawn charts). */
  skipped: string;
}

const text = <D>(value: string | ((data: D) => string), data: D) => (typeof value === 'string' ? value : value(data));

/** The charts of a list that have something to show, in list order; each `build` runs once. */
export function drawnCharts<D>(entries: readonly ChartEntry<D>[], data: D): ExperimentChart[] {
  const charts: ExperimentChart[] = [];
  for (const entry of entries) {
    const spec = entry.build(data);
    if (spec) charts.push({ name: text(entry.name, data), heading: text(entry.heading, data), caption: text(entry.caption, data), spec });
  }
  return charts;
}
