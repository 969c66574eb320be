/**
 * The numbers of a sweep report. Each headline metric is one quantity with
 * one format (common/format.ts `quantityFormat`) wherever it appears: the
 * points table, the heatmap labels and intervals, and every chart's
 * tooltips; its decimals come from the 95% intervals of the points' means
 * (every region and the zone), so a cell never shows more or fewer digits
 * than its neighbours, nor more than the replications resolve.
 */
import { tCritical, type Stats } from '../../experiment/statistics.js';
import { formatBoundsIn, quantityFormat, type QuantityFormat } from '../common/format.js';
import type { HeadlineMetric } from '../common/headline-metrics.js';
import { cell, seriesOf, type SweepData } from './read.js';

/** The 95% Student-t interval of a cell's mean across replications (NaN bounds for fewer than two). */
export function meanBounds(s: Stats): [number, number] {
  if (!(s.n >= 2) || !Number.isFinite(s.se)) return [Number.NaN, Number.NaN];
  const half = tCritical(s.n) * s.se;
  return [s.mean - half, s.mean + half];
}

/** Every point's cell of a metric, in every series (regions and the zone), with its interval. */
export function metricIntervals(data: SweepData, h: HeadlineMetric): { mean: number; low: number; high: number }[] {
  return seriesOf(data, h).flatMap((series) =>
    data.points.flatMap((point) => {
      const s = cell(point, series.key, h.metric, h.statistic);
      if (!s) return [];
      const [low, high] = meanBounds(s);
      return [{ mean: s.mean, low, high }];
    }),
  );
}

/** The one format of a metric in a sweep report; changes against the counterfactual carry a sign. */
export function metricFormat(data: SweepData, h: HeadlineMetric): QuantityFormat {
  return quantityFormat(metricIntervals(data, h), h.unit, { signed: h.zeroLine });
}

/** A cell's interval as text, `[low, high]` in the metric's format ('' without an interval). */
export function intervalLabel(s: Stats, format: QuantityFormat): string {
  const [low, high] = meanBounds(s);
  return formatBoundsIn(format, low, high);
}
