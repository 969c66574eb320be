/**
 * Headline metrics against one parameter, one small panel per metric:
 *
 * - one swept parameter: the mean across replications at every point as a
 *   line with its 90% band (5th-95th percentile across replications);
 * - a parameter among several (main effects): the mean over the other
 *   parameters at each value of this one, the band spanning the lowest to the
 *   highest point mean over the others;
 * - a categorical parameter (strategies, flags): points with error bars
 *   instead of a line;
 * - a Latin hypercube among several parameters: one point per sampled point
 *   with its 90% band as an error bar (no line: neighbours differ in the other
 *   parameters too).
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../common/palette.js';
import { AXIS_CHARS, LINE_LEGEND, PANEL, round, topLevel, type Spec } from '../common/chart-spec.js';
import { cell, levelText, levelsOf, seriesOf, type Series, type SweepData, type SweepParameter } from './read.js';
import { axisLabelFormat, axisLines, flatDomain, regionScale, type HeadlineMetric } from '../common/headline-metrics.js';
import { d3FormatOf } from '../common/format.js';
import { metricFormat } from './numbers.js';

export type EffectStyle = 'line' | 'errorbar' | 'scatter';

/** How a parameter is drawn, and what its band means. */
export function effectMode(data: SweepData, parameter: SweepParameter): { style: EffectStyle; aggregate: boolean } {
  const alone = data.parameters.length === 1;
  if (parameter.categorical) return { style: 'errorbar', aggregate: !alone };
  if (parameter.continuous && !alone) return { style: 'scatter', aggregate: false };
  return { style: 'line', aggregate: !alone };
}

interface EffectRow {
  x: number | string;
  series: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

function rows(data: SweepData, parameter: SweepParameter, h: HeadlineMetric, series: Series[], aggregate: boolean): EffectRow[] {
  const out: EffectRow[] = [];
  const xOf = (v: unknown) => (parameter.categorical ? levelText(v as string) : (v as number));
  if (!aggregate) {
    const sorted = data.points.slice().sort((a, b) => (parameter.categorical ? 0 : Number(a.values[parameter.path]) - Number(b.values[parameter.path])) || a.point - b.point);
    for (const s of series)
      for (const p of sorted) {
        const st = cell(p, s.key, h.metric, h.statistic);
        if (st) out.push({ x: xOf(p.values[parameter.path]), series: s.name, mean: round(st.mean), lo: round(st.p05), hi: round(st.p95) });
      }
    return out;
  }
  const groups = levelsOf(data, parameter);
  for (const s of series)
    for (const g of groups) {
      const means = g.points.map((p) => cell(p, s.key, h.metric, h.statistic)?.mean).filter((m): m is number => m !== undefined);
      if (means.length === 0) continue;
      out.push({ x: xOf(g.x), series: s.name, mean: round(means.reduce((a, b) => a + b, 0) / means.length), lo: round(Math.min(...means)), hi: round(Math.max(...means)) });
    }
  return out;
}

/** The x encoding of a parameter. */
export function parameterX(parameter: SweepParameter, field = 'x'): Spec {
  if (parameter.categorical)
    return { field, type: 'nominal', title: parameter.path, sort: parameter.levels.map(levelText), scale: { type: 'band', paddingInner: 0.35, paddingOuter: 0.2 }, axis: { labelAngle: 0 } };
  const levels = parameter.levels as number[];
  const axis: Spec = { tickCount: 6 };
  if (!parameter.continuous && levels.length <= 11) axis.values = levels;
  const scale: Spec = { zero: false, nice: false, padding: 10 };
  if (parameter.continuous && parameter.interval && parameter.interval[1] > parameter.interval[0]) scale.domain = parameter.interval;
  return { field, type: 'quantitative', title: parameter.path, scale, axis };
}

/** One metric's panel. Null when no point has the metric. */
export function effectPanel(data: SweepData, parameter: SweepParameter, h: HeadlineMetric): Spec | null {
  const series = seriesOf(data, h);
  if (series.length === 0) return null;
  const { style, aggregate } = effectMode(data, parameter);
  const values = rows(data, parameter, h, series, aggregate);
  if (values.length === 0) return null;
  const coloured = h.scope === 'region';
  const colour: Spec | null = coloured
    ? { field: 'series', type: 'nominal', title: 'Region', scale: regionScale(data.scenario.regions, h.withZone), legend: style === 'line' ? LINE_LEGEND : { symbolType: 'circle' } }
    : null;
  const x = parameterX(parameter);
  const format = d3FormatOf(metricFormat(data, h));
  const labels = axisLabelFormat(h);
  const flat = flatDomain(values.flatMap((v) => [v.mean, v.lo, v.hi]), h.zeroLine);
  const y = { field: 'mean', type: 'quantitative', title: axisLines(h.axis, AXIS_CHARS), scale: { zero: false, padding: 6, ...(flat ? { domain: flat } : {}) }, axis: { ...(labels ? { format: labels } : {}), tickCount: 5 } };
  const ink = coloured ? {} : { color: NEUTRAL.zone };
  const enc = (extra: Spec): Spec => (colour ? { ...extra, color: colour } : extra);
  const offset: Spec = coloured && parameter.categorical && series.length > 1 ? { xOffset: { field: 'series', type: 'nominal', sort: series.map((s) => s.name), scale: { paddingInner: 0.2 } } } : {};
  const tooltip = [
    ...(coloured ? [{ field: 'series', type: 'nominal', title: 'Region' }] : []),
    { field: 'x', type: parameter.categorical ? 'nominal' : 'quantitative', title: parameter.path },
    { field: 'mean', type: 'quantitative', title: aggregate ? 'Mean over the other parameters' : 'Mean', format },
    { field: 'lo', type: 'quantitative', title: aggregate && style !== 'scatter' ? 'Lowest point mean' : '5th percentile', format },
    { field: 'hi', type: 'quantitative', title: aggregate && style !== 'scatter' ? 'Highest point mean' : '95th percentile', format },
  ];
  const layers: Spec[] = [];
  if (h.zeroLine) layers.push({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [5, 4], strokeWidth: 1.2 }, encoding: { y: { field: 'zero', type: 'quantitative' } } });
  if (style === 'line') {
    layers.push(
      { mark: { type: 'area', opacity: 0.18, ...ink }, encoding: enc({ x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } }) },
      { mark: { type: 'line', strokeWidth: 2.2, ...ink, point: { filled: true, size: 36, ...ink } }, encoding: enc({ x, y, tooltip }) },
    );
  } else {
    layers.push(
      { mark: { type: 'rule', strokeWidth: 1.8, ...ink }, encoding: enc({ x, ...offset, y: { ...y, field: 'lo' }, y2: { field: 'hi' } }) },
      { mark: { type: 'point', filled: true, size: style === 'scatter' ? 42 : 70, opacity: 1, ...ink }, encoding: enc({ x, ...offset, y, tooltip }) },
    );
  }
  return {
    title: { text: h.title, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: PANEL.width,
    height: PANEL.height,
    data: { values },
    layer: layers,
  };
}

/** What the panels show, for subtitles and captions. */
export function effectDescription(data: SweepData, parameter: SweepParameter): string {
  const { style, aggregate } = effectMode(data, parameter);
  const n = data.replications;
  const reps = `${n} replication${n === 1 ? '' : 's'}`;
  const others = data.parameters.filter((p) => p !== parameter).map((p) => p.path);
  if (style === 'scatter')
    return `One point per sampled design point (Latin hypercube; ${others.length === 1 ? `the other parameter, ${others[0]}, varies` : `the other parameters, ${others.join(', ')}, vary`} too): mean of ${reps}, bars the 90% band (5th-95th percentile across replications).`;
  if (aggregate)
    return `Main effect: ${style === 'line' ? 'the line is' : 'points are'} the mean over every combination of the other parameters (${others.join(', ')}); ${
      style === 'line' ? 'the band spans' : 'bars span'
    } the lowest to the highest of those combinations' means (each a mean of ${reps}).`;
  return style === 'line'
    ? `Line: mean of ${reps} at each value; shaded: 90% band (5th-95th percentile across replications).`
    : `Points: mean of ${reps} at each value; bars: 90% band (5th-95th percentile across replications).`;
}

/** Small multiples of the headline metrics against one parameter. Null when no metric has data. */
export function effectChart(data: SweepData, parameter: SweepParameter, metrics: readonly HeadlineMetric[]): TopLevelSpec | null {
  const panels = metrics.map((h) => effectPanel(data, parameter, h)).filter((p): p is Spec => p !== null);
  if (panels.length === 0) return null;
  const { style, aggregate } = effectMode(data, parameter);
  const title = aggregate
    ? `Main effect of ${parameter.path} on the headline metrics`
    : `Headline metrics against ${parameter.path}${style === 'scatter' ? ' (Latin hypercube sample)' : ''}`;
  return topLevel(title, `${effectDescription(data, parameter)} Sweep of ${data.scenario.name}, ${data.points.length} points.`, {
    columns: Math.min(3, panels.length),
    concat: panels,
    resolve: { scale: { color: 'shared', y: 'independent', x: 'independent' } },
  });
}
