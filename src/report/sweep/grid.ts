/**
 * Two parameters at once: for a grid, one heatmap per headline metric (and
 * region) of the mean across replications over the grid (x = first
 * parameter, y = second), every cell labelled with its mean and, below it, the
 * 95% interval of that mean; for a Latin hypercube (scattered points), a
 * scatter of the two parameters coloured by the metric. Sequential metrics use
 * viridis, changes against the counterfactual a diverging scale centred on
 * zero, neither narrower than the replications' intervals (`colourScale`).
 * Labels, intervals and tooltips are in the metric's one format
 * (numbers.ts). The panels of one metric (its regions and the zone)
 * sit in one row and share one colour scale and legend (Vega-Lite `resolve`),
 * so equal colours mean equal values across them; different metrics keep
 * their own scales.
 */
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { DIVERGING_SCHEME } from '../common/palette.js';
import { inkOn, isShareUnit, round, topLevel, unitText, wrap, type Spec } from '../common/chart-spec.js';
import { cell, levelText, seriesOf, type Series, type SweepData, type SweepParameter } from './read.js';
import { parameterX } from './effects.js';
import { axisLabelFormat, type HeadlineMetric } from '../common/headline-metrics.js';
import { d3FormatOf, formatIn, type QuantityFormat } from '../common/format.js';
import { intervalLabel, meanBounds, metricFormat, metricIntervals } from './numbers.js';

export { intervalLabel, meanBounds } from './numbers.js';

const SEQUENTIAL_SCHEME = 'viridis';

interface ColourScale {
  scale: Spec;
  /** Colour of a value (for the label's ink). */
  colourOf: (x: number) => string;
}

/**
 * The colour scale of a metric's panels. A colour difference must not claim
 * more than the replications can tell, so the domain is never narrower than
 * twice the widest 95% interval of the panels' means (W): two cells whose
 * means lie within one interval width of each other, which the intervals
 * cannot tell apart, are then at most half the colour ramp apart, however
 * close the means (a 90.1% and a 91.1% cell with intervals of a point or
 * more no longer span the whole ramp). Levels use viridis over the means'
 * range, widened about its centre to 2W when narrower (and shifted back
 * inside 0-100% for shares); changes against the counterfactual a diverging
 * scale symmetric about zero, reaching at least W on either side. This pads
 * the range rather than anchoring levels at zero, which would flatten real
 * differences of metrics far from zero (a payoff of 1,200 vs 1,500). Without
 * intervals (one replication) the means' range is used as it is.
 */
function colourScale(h: HeadlineMetric, cells: readonly { mean: number; low: number; high: number }[]): ColourScale {
  const finite = cells.map((c) => c.mean).filter(Number.isFinite);
  const widest = Math.max(0, ...cells.map((c) => c.high - c.low).filter(Number.isFinite));
  const diverging = h.zeroLine;
  const scheme = diverging ? DIVERGING_SCHEME : SEQUENTIAL_SCHEME;
  const interpolate = (vega as unknown as { scheme: (name: string) => (t: number) => string }).scheme(scheme);
  let lo: number;
  let hi: number;
  if (diverging) {
    const m = Math.max(1e-9, widest, ...finite.map(Math.abs));
    [lo, hi] = [-m, m];
  } else {
    lo = Math.min(...finite);
    hi = Math.max(...finite);
    if (hi - lo < 2 * widest) {
      const centre = (lo + hi) / 2;
      [lo, hi] = [centre - widest, centre + widest];
      if (isShareUnit(h.unit)) [lo, hi] = lo < 0 ? [0, Math.min(1, 2 * widest)] : hi > 1 ? [Math.max(0, 1 - 2 * widest), 1] : [lo, hi];
    }
    if (!(hi > lo)) [lo, hi] = [lo - Math.max(1e-9, Math.abs(lo) * 0.01), hi + Math.max(1e-9, Math.abs(hi) * 0.01)];
  }
  const domain = [round(lo), round(hi)];
  return {
    scale: { scheme, domain },
    colourOf: (x) => interpolate(Math.min(1, Math.max(0, (x - (domain[0] as number)) / ((domain[1] as number) - (domain[0] as number))))),
  };
}

function legendOf(h: HeadlineMetric, length: number): Spec {
  const format = axisLabelFormat(h);
  return { title: unitText(h.unit), gradientLength: Math.max(80, length), gradientThickness: 12, ...(format ? { format } : {}), titleFontWeight: 'normal', tickCount: 4 };
}

function panelTitle(h: HeadlineMetric, series: Series, width: number): Spec {
  return { text: wrap(h.title, Math.max(28, Math.floor((width + 70) / 8))), subtitle: series.name, fontSize: 12.5, subtitleFontSize: 11.5, frame: 'group', anchor: 'start', offset: 6 };
}

/** The points of a sweep with a cell of this metric and series, with the cell's statistics. */
function cellsOf(data: SweepData, h: HeadlineMetric, series: Series) {
  return data.points
    .map((point) => ({ point, s: cell(point, series.key, h.metric, h.statistic) }))
    .filter((c): c is { point: (typeof c)['point']; s: NonNullable<(typeof c)['s']> } => c.s !== undefined);
}

/** Width of a heatmap panel: room for the interval under each mean. */
const heatmapWidth = (p: SweepParameter) => Math.max(170, 92 * p.levels.length);

/** The heatmap of one metric and region (or the zone) over a two-parameter grid, in its metric's colour scale. */
function heatmapPanel(data: SweepData, [p, q]: [SweepParameter, SweepParameter], h: HeadlineMetric, series: Series, colour: ColourScale, numbers: QuantityFormat): Spec | null {
  const cells = cellsOf(data, h, series);
  if (cells.length === 0) return null;
  const values = cells.map(({ point, s }) => {
    const [low, high] = meanBounds(s);
    return {
      x: levelText(point.values[p.path]),
      y: levelText(point.values[q.path]),
      mean: round(s.mean),
      low: Number.isFinite(low) ? round(low) : null,
      high: Number.isFinite(high) ? round(high) : null,
      p05: round(s.p05),
      p95: round(s.p95),
      label: formatIn(numbers, s.mean),
      interval: intervalLabel(s, numbers),
      ink: inkOn(colour.colourOf(s.mean)),
    };
  });
  const width = heatmapWidth(p);
  const height = Math.max(100, 42 * q.levels.length);
  const format = d3FormatOf(numbers);
  const x = { field: 'x', type: 'ordinal', title: p.path, sort: p.levels.map(levelText), axis: { labelAngle: 0 } };
  const y = { field: 'y', type: 'ordinal', title: q.path, sort: q.levels.map(levelText).reverse() };
  const ink = { condition: { test: "datum.ink === '#ffffff'", value: '#ffffff' }, value: '#000000' };
  return {
    title: panelTitle(h, series, width),
    width,
    height,
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: { field: 'mean', type: 'quantitative', scale: colour.scale, legend: legendOf(h, height) },
          tooltip: [
            { field: 'x', type: 'ordinal', title: p.path },
            { field: 'y', type: 'ordinal', title: q.path },
            { field: 'mean', type: 'quantitative', title: 'Mean', format },
            { field: 'low', type: 'quantitative', title: '95% interval of the mean, low', format },
            { field: 'high', type: 'quantitative', title: '95% interval of the mean, high', format },
            { field: 'p05', type: 'quantitative', title: '5th percentile', format },
            { field: 'p95', type: 'quantitative', title: '95th percentile', format },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10.5, dy: -6 },
        encoding: { x, y, text: { field: 'label', type: 'nominal' }, color: ink },
      },
      {
        mark: { type: 'text', fontSize: 8.5, dy: 7 },
        encoding: { x, y, text: { field: 'interval', type: 'nominal' }, color: ink },
      },
    ],
  };
}

/** A Latin hypercube's points in the plane of two parameters, coloured by the metric. */
function scatterPanel(data: SweepData, [p, q]: [SweepParameter, SweepParameter], h: HeadlineMetric, series: Series, colour: ColourScale, numbers: QuantityFormat): Spec | null {
  const cells = cellsOf(data, h, series);
  if (cells.length === 0) return null;
  const value = (param: SweepParameter, v: unknown) => (param.categorical ? levelText(v as string) : (v as number));
  const values = cells.map(({ point, s }) => {
    const [low, high] = meanBounds(s);
    return { point: point.point, x: value(p, point.values[p.path]), y: value(q, point.values[q.path]), mean: round(s.mean), low: Number.isFinite(low) ? round(low) : null, high: Number.isFinite(high) ? round(high) : null, label: formatIn(numbers, s.mean) };
  });
  const width = 230;
  const height = 190;
  const format = d3FormatOf(numbers);
  const x = parameterX(p, 'x');
  const y = parameterX(q, 'y');
  return {
    title: panelTitle(h, series, width),
    width,
    height,
    data: { values },
    mark: { type: 'point', filled: true, size: 110, opacity: 1, stroke: '#333333', strokeWidth: 0.6 },
    encoding: {
      x,
      y,
      color: { field: 'mean', type: 'quantitative', scale: colour.scale, legend: legendOf(h, height) },
      tooltip: [
        { field: 'point', type: 'quantitative', title: 'Point' },
        { field: 'x', type: p.categorical ? 'nominal' : 'quantitative', title: p.path },
        { field: 'y', type: q.categorical ? 'nominal' : 'quantitative', title: q.path },
        { field: 'mean', type: 'quantitative', title: 'Mean', format },
        { field: 'low', type: 'quantitative', title: '95% interval of the mean, low', format },
        { field: 'high', type: 'quantitative', title: '95% interval of the mean, high', format },
      ],
    },
  };
}

/** Is the design a full grid of the two parameters (every combination present once)? */
export function isGrid(data: SweepData, [p, q]: [SweepParameter, SweepParameter]): boolean {
  if (p.continuous || q.continuous) return false;
  const seen = new Set(data.points.map((pt) => `${levelText(pt.values[p.path])}\u0000${levelText(pt.values[q.path])}`));
  return seen.size === data.points.length && seen.size === p.levels.length * q.levels.length;
}

/**
 * Heatmaps (grid) or scatters (LHS) of every headline metric over two
 * parameters: one row per metric, its panels (regions, zone) sharing one colour
 * scale and legend. Null without data.
 */
export function twoParameterChart(data: SweepData, pair: [SweepParameter, SweepParameter], metrics: readonly HeadlineMetric[]): TopLevelSpec | null {
  const grid = isGrid(data, pair);
  const rows: Spec[] = [];
  for (const h of metrics) {
    const series = seriesOf(data, h);
    const colour = colourScale(h, metricIntervals(data, h));
    const numbers = metricFormat(data, h);
    const panels = series.map((s) => (grid ? heatmapPanel(data, pair, h, s, colour, numbers) : scatterPanel(data, pair, h, s, colour, numbers))).filter((panel): panel is Spec => panel !== null);
    if (panels.length > 0) rows.push({ hconcat: panels, resolve: { scale: { color: 'shared', x: 'independent', y: 'independent' }, legend: { color: 'shared' } } });
  }
  if (rows.length === 0) return null;
  const n = data.replications;
  const [p, q] = pair;
  const scales =
    'Changes against the counterfactual: orange gains, blue losses, centred on zero; other metrics: viridis from the lowest (dark) to the highest (yellow) value. The panels of one metric (one row) share one colour scale, never narrower than twice its widest 95% interval, so differences the replications cannot resolve do not span the scale.';
  const subtitle = grid
    ? `Each cell is one point of the grid (${p.path} across, ${q.path} up), coloured and labelled with the mean of ${n} replication${n === 1 ? '' : 's'}${n >= 2 ? ' and, below it, the 95% interval of that mean' : ''}. ${scales}`
    : `Each dot is one sampled point (Latin hypercube) at its ${p.path} (across) and ${q.path} (up), coloured by the mean of ${n} replication${n === 1 ? '' : 's'}. ${scales}`;
  return topLevel(grid ? `Headline metrics over ${p.path} and ${q.path}` : `Headline metrics over ${p.path} and ${q.path} (Latin hypercube sample)`, subtitle, {
    vconcat: rows,
    resolve: { scale: { color: 'independent', x: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  });
}
