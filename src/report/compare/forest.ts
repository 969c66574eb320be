/**
 * Forest plot of the paired differences against the reference scenario: one
 * panel per headline metric (each with its own unit), one row per scenario and
 * region (or the zone), the mean difference as a dot with its 95% confidence
 * interval, and a rule at zero. Shares are in percentage points.
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../common/palette.js';
import { isShareUnit, round, topLevel, unitText, type Spec } from '../common/chart-spec.js';
import { flatDomain, regionScale, type HeadlineMetric } from '../common/headline-metrics.js';
import type { ComparisonData, ScenarioDifference } from './read.js';
import { DIFFERENCE_METRICS, comparisonSeries } from './metrics.js';

const ROW_STEP = 16;
const WIDTH = 300;

/** The difference rows of a metric, in scenario then series order. */
export function differenceRows(data: ComparisonData, h: HeadlineMetric): { row: ScenarioDifference; series: { key: string; name: string } }[] {
  const out: { row: ScenarioDifference; series: { key: string; name: string } }[] = [];
  const series = comparisonSeries(data, h);
  for (const s of data.scenarios.slice(1))
    for (const r of series) {
      const row = data.differences.find((d) => d.index === s.index && d.region === r.key && d.metric === h.metric && d.statistic === h.statistic);
      if (row) out.push({ row, series: r });
    }
  return out;
}

/** Axis title of a difference: shares in percentage points. */
export function differenceTitle(data: ComparisonData, h: HeadlineMetric): string {
  return `Difference from ${data.reference.label} (${isShareUnit(h.unit) ? 'percentage points' : unitText(h.unit)})`;
}

function panel(data: ComparisonData, h: HeadlineMetric, withZone: boolean): Spec | null {
  const rows = differenceRows(data, h);
  if (rows.length === 0) return null;
  const scale = isShareUnit(h.unit) ? 100 : 1;
  const label = (i: number) => data.scenarios[i].label;
  const values = rows.map(({ row, series }) => ({
    scenario: label(row.index),
    series: series.name,
    difference: round(row.difference * scale),
    low: round(row.ciLow * scale),
    high: round(row.ciHigh * scale),
    reference: round(row.meanA * scale),
    value: round(row.meanB * scale),
    p: round(row.p),
  }));
  const coloured = h.scope === 'region';
  const seriesNames = [...new Set(rows.map((r) => r.series.name))];
  const scenarios = data.scenarios.slice(1).map((s) => s.label);
  const y = { field: 'scenario', type: 'nominal', title: null, sort: scenarios, scale: { paddingInner: 0.2 } };
  const yOffset = coloured ? { yOffset: { field: 'series', type: 'nominal', sort: seriesNames } } : {};
  const flat = flatDomain(values.flatMap((v) => [v.difference, v.low, v.high]), true);
  const x = { field: 'difference', type: 'quantitative', title: differenceTitle(data, h), scale: { zero: true, nice: true, ...(flat ? { domain: flat } : {}) }, axis: { tickCount: 5 } };
  const colour = coloured ? { color: { field: 'series', type: 'nominal', title: 'Region', scale: regionScale(data.regions, withZone), legend: { symbolType: 'circle' } } } : {};
  const ink = coloured ? {} : { color: NEUTRAL.zone };
  const format = isShareUnit(h.unit) || h.unit === 'index' ? '.3f' : ',.1f';
  const tooltip = [
    { field: 'scenario', type: 'nominal', title: 'Scenario' },
    ...(coloured ? [{ field: 'series', type: 'nominal', title: 'Region' }] : []),
    { field: 'difference', type: 'quantitative', title: 'Difference', format },
    { field: 'low', type: 'quantitative', title: '95% CI low', format },
    { field: 'high', type: 'quantitative', title: '95% CI high', format },
    { field: 'p', type: 'quantitative', title: 'p (paired t test)', format: '.3f' },
  ];
  return {
    title: { text: h.title, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: WIDTH,
    // With yOffset the step is that of one region's row inside a scenario's band.
    height: { step: coloured ? ROW_STEP : ROW_STEP + 6 },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [5, 4], strokeWidth: 1.3 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2, ...ink }, encoding: { y, ...yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' }, ...colour } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1, ...ink }, encoding: { y, ...yOffset, x, ...colour, tooltip } },
    ],
  };
}

export function forestChart(data: ComparisonData): TopLevelSpec | null {
  // One colour scale for every panel: the regions, and the zone if a regional panel shows it.
  const withZone = DIFFERENCE_METRICS.some((h) => h.scope === 'region' && differenceRows(data, h).some((r) => r.series.key === 'zone'));
  const panels = DIFFERENCE_METRICS.map((h) => panel(data, h, withZone)).filter((p): p is Spec => p !== null);
  if (panels.length === 0) return null;
  const n = data.replications;
  return topLevel(
    `Paired differences from ${data.reference.label}, with 95% confidence intervals`,
    `Each dot is the mean over ${n} replication${n === 1 ? '' : 's'} of (scenario − ${data.reference.label}), each pair run with the same seed; the line is its 95% confidence interval (paired t). An interval that crosses the dashed zero line is not a clear difference. Shares in percentage points.`,
    { columns: Math.min(2, panels.length), concat: panels, resolve: { scale: { x: 'independent', y: 'independent' } } },
  );
}
