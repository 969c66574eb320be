/**
 * Small Vega-Lite specs for the explorer, drawn from a live run's plain data,
 * in the report's palette (src/report/palette.ts). The report's own chart
 * builders read a results folder; these take the worker's arrays instead.
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL, OUTCOME_COLOURS, outcomeLabel, regionColours } from '../report/common/palette.js';
import type { ExplorerResult, SeriesPoint } from './sim-core.js';

const WIDTH = 'container' as const;
/** Height of the plot itself (title, axes and legend come on top of it). */
const HEIGHT = 160;
/** Titles wrap at this many characters (~300 px of 14 px bold): whole on a phone-width chart, never cut. */
const TITLE_CHARS = 40;

/** A title as lines of at most `max` characters, broken between words (Vega-Lite draws an array as lines). */
export function titleLines(text: string, max = TITLE_CHARS): string | string[] {
  if (text.length <= max) return text;
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const RUNS = ['This scenario', 'Counterfactual (all invest)'];


export { outcomeLabel };
const round = (v: number, digits = 4) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

function base(title: string, description: string): Partial<TopLevelSpec> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The title and legend lie outside the plot: `fit-x` fits the width to the box and lets the
    // height grow by them (`fit` clipped the title's top: the height it fits is the plot's).
    title: { text: titleLines(title), anchor: 'start', fontSize: 14 },
    description,
    width: WIDTH,
    height: HEIGHT,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: { axis: { gridColor: NEUTRAL.grid, labelColor: NEUTRAL.text, titleColor: NEUTRAL.text }, view: { stroke: null } },
  } as Partial<TopLevelSpec>;
}

/**
 * A value axis that never shows rounding noise: a range narrower than `minSpan`
 * (e.g. every value equal) is widened to `minSpan` around its middle (or from 0
 * when `zero`), and the label format has just the digits the tick step needs.
 */
export function valueAxis(values: readonly number[], options: { minSpan: number; zero?: boolean; percent?: boolean }): { scale: { domain: [number, number]; zero: boolean; nice: boolean }; axis: { format: string; tickCount: number } } {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 0;
  if (options.zero) lo = Math.min(0, lo);
  if (hi - lo < options.minSpan) {
    const mid = options.zero && lo === 0 ? options.minSpan / 2 : (lo + hi) / 2;
    lo = mid - options.minSpan / 2;
    hi = mid + options.minSpan / 2;
  }
  // d3 picks a tick step of at least about span / 7 for 5 ticks: digits for span / 8 always suffice.
  const step = (hi - lo) / 8;
  const digits = (scale: number) => Math.max(0, Math.min(6, -Math.floor(Math.log10(step * scale))));
  const format = options.percent ? `.${digits(100)}%` : `,.${digits(1)}f`;
  return { scale: { domain: [lo, hi], zero: false, nice: true }, axis: { format, tickCount: 5 } };
}

/**
 * Year ticks a reader can read: every year for short runs, else every 2, 5, 10...
 * years, at most `maxTicks` of them (a 35-year run gets 2020, 2025, ...).
 */
export function yearTicks(first: number, last: number, maxTicks = 8): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => Math.floor((last - first) / s) + 1 <= maxTicks) ?? 100;
  const start = Math.ceil(first / step) * step;
  const ticks: number[] = [];
  for (let y = start; y <= last; y += step) ticks.push(y);
  return ticks;
}

/** Mean over replications by year of one value. */
function meanByYear(points: SeriesPoint[], value: (p: SeriesPoint) => number): { year: number; value: number }[] {
  const sums = new Map<number, { s: number; n: number }>();
  for (const p of points) {
    const v = value(p);
    if (!Number.isFinite(v)) continue;
    const e = sums.get(p.year) ?? { s: 0, n: 0 };
    e.s += v;
    e.n += 1;
    sums.set(p.year, e);
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([year, e]) => ({ year, value: e.s / e.n }));
}

export function similarityChart(result: ExplorerResult): TopLevelSpec {
  const rows = [
    ...meanByYear(result.series, (p) => p.similarity).map((r) => ({ ...r, run: 'This scenario' })),
    ...meanByYear(result.counterfactual, (p) => p.similarity).map((r) => ({ ...r, run: 'Counterfactual (all invest)' })),
  ].map((r) => ({ ...r, value: round(r.value) }));
  return {
    ...base('Similarity of industrial structure', 'Similarity coefficient of the regions\' sector output shares by year (1 = identical), mean over replications, with the all-invest counterfactual.'),
    data: { values: rows },
    mark: { type: 'line', point: false, strokeWidth: 2 },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: 'Similarity coefficient', ...valueAxis(rows.map((r) => r.value ?? Number.NaN), { minSpan: 0.02 }) },
      color: { field: 'run', type: 'nominal', title: null, scale: { domain: RUNS, range: [NEUTRAL.zone, '#888888'] }, legend: { orient: 'bottom' } },
      strokeDash: { field: 'run', type: 'nominal', scale: { domain: RUNS, range: [[1, 0], [5, 3]] }, legend: null },
      tooltip: [{ field: 'run' }, { field: 'year' }, { field: 'value', title: 'similarity' }],
    },
  } as TopLevelSpec;
}

export function valueAddedChart(result: ExplorerResult): TopLevelSpec {
  const names = result.regions.map((r) => r.name);
  const rows = result.regions.flatMap((region, i) =>
    meanByYear(result.series, (p) => p.valueAdded[i]).map((r) => ({ year: r.year, value: round(r.value, 2), region: region.name })),
  );
  return {
    ...base('Value added by region', 'Value added (billion yuan) of each region by year, mean over replications.'),
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: 'Value added (billion yuan)', ...valueAxis(rows.map((r) => r.value ?? Number.NaN), { minSpan: 1, zero: true }) },
      color: { field: 'region', type: 'nominal', title: null, scale: { domain: names, range: regionColours(result.regions.map((r) => r.id)) }, legend: { orient: 'bottom' } },
      tooltip: [{ field: 'region' }, { field: 'year' }, { field: 'value', title: 'value added' }],
    },
  } as TopLevelSpec;
}

export function duplicatedChart(result: ExplorerResult): TopLevelSpec {
  const rows = [
    ...meanByYear(result.series, (p) => p.duplicatedShare).map((r) => ({ ...r, run: 'This scenario' })),
    ...meanByYear(result.counterfactual, (p) => p.duplicatedShare).map((r) => ({ ...r, run: 'Counterfactual (all invest)' })),
  ].map((r) => ({ ...r, value: round(r.value) }));
  return {
    ...base('Duplicated investment', 'Share of new investment that duplicates the other region\'s investment in the same sector, by year.'),
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: 'Share of new investment', ...valueAxis(rows.map((r) => r.value ?? Number.NaN), { minSpan: 0.05, zero: true, percent: true }) },
      color: { field: 'run', type: 'nominal', title: null, scale: { domain: RUNS, range: [NEUTRAL.zone, '#888888'] }, legend: { orient: 'bottom' } },
      strokeDash: { field: 'run', type: 'nominal', scale: { domain: RUNS, range: [[1, 0], [5, 3]] }, legend: null },
      tooltip: [{ field: 'run' }, { field: 'year' }, { field: 'value', title: 'share', format: '.1%' }],
    },
  } as TopLevelSpec;
}

export interface QuadrantPoint {
  label: string;
  x: number;
  y: number;
  outcome: string;
}

/** Changes smaller than this (billion yuan) are no change on the chart: the axes never zoom into rounding noise. */
const MIN_REACH = 1;

/** The half-width of a quadrant chart's square domain and its axis, from the points' largest change. */
function quadrantScale(points: readonly { x: number; y: number }[]) {
  const reach = Math.max(MIN_REACH, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))).filter(Number.isFinite));
  const m = Number((reach * 1.3).toPrecision(2));
  const axis = valueAxis([-m, m], { minSpan: 2 * MIN_REACH }).axis;
  // Axis titles carry region names (free text): limited, so a long name ends in an ellipsis instead of stretching the chart.
  return { m, scale: { domain: [-m, m], nice: false, zero: true }, axis, xAxis: { ...axis, titleLimit: 320 }, yAxis: { ...axis, titleLimit: 200 } };
}

/** The quadrant's furniture: the zero-sum diagonal, the axes through 0, and the four quadrants named. */
function quadrantLayers(regions: { name: string }[], m: number, scale: object): object[] {
  const [a, b] = regions;
  const quadrants = [
    { x: 0.7 * m, y: 0.9 * m, text: 'Win-win' },
    { x: -0.7 * m, y: -0.9 * m, text: 'Both lose' },
    { x: 0.7 * m, y: -0.9 * m, text: `${a.name} gains` },
    { x: -0.7 * m, y: 0.9 * m, text: `${b.name} gains` },
  ];
  return [
    { data: { values: [{ x: -m, y: m }, { x: m, y: -m }] }, mark: { type: 'line', color: NEUTRAL.reference, strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale } } },
    { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: NEUTRAL.event }, encoding: { x: { field: 'v', type: 'quantitative', scale } } },
    { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: NEUTRAL.event }, encoding: { y: { field: 'v', type: 'quantitative', scale } } },
    {
      data: { values: quadrants },
      // A long region name ends in an ellipsis inside the plot rather than pushing the chart's bounds (and its title) out.
      mark: { type: 'text', color: NEUTRAL.mutedText, fontSize: 11, baseline: 'middle', align: 'center', limit: 110 },
      encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, text: { field: 'text' } },
    },
  ];
}

/** The colour encoding of outcome classes, for the classes present. */
function outcomeColour(outcomes: readonly string[]) {
  const used = [...new Set(outcomes)];
  return { field: 'outcome', type: 'nominal', title: null, scale: { domain: used.map(outcomeLabel), range: used.map((o) => OUTCOME_COLOURS[o] ?? '#777') }, legend: { orient: 'bottom' } };
}

/** Win-win quadrant: (change of region A's cumulative value added, change of B's) against the counterfactual. */
export function winWinChart(regions: { name: string }[], points: QuadrantPoint[], title = 'Zero-sum or win-win?'): TopLevelSpec {
  const [a, b] = regions;
  const { m, scale, xAxis, yAxis } = quadrantScale(points);
  const values = points.map((p) => ({ ...p, x: round(p.x, 2), y: round(p.y, 2), outcome: outcomeLabel(p.outcome) }));
  return {
    ...base(title, `Change of each region's cumulative value added against the all-invest counterfactual with the same seed; ${a.name} across, ${b.name} up. The diagonal is zero-sum.`),
    height: 200,
    layer: [
      ...quadrantLayers(regions, m, scale),
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 90, opacity: 0.9 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale, axis: xAxis, title: `${a.name}: change (bn yuan)` },
          y: { field: 'y', type: 'quantitative', scale, axis: yAxis, title: `${b.name}: change (bn yuan)` },
          color: outcomeColour(points.map((p) => p.outcome)),
          tooltip: [{ field: 'label' }, { field: 'outcome' }, { field: 'x', title: a.name }, { field: 'y', title: b.name }],
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

export interface PathPoint {
  year: number;
  x: number;
  y: number;
  outcome: string;
}

/**
 * The Play tab's path: where the game stands after each year (change of each
 * region's cumulative value added against everyone investing), joined in year
 * order, the first and the latest year labelled on the path.
 */
export function playPathChart(regions: { name: string }[], points: PathPoint[]): TopLevelSpec {
  const [a, b] = regions;
  const { m, scale, xAxis, yAxis } = quadrantScale(points);
  const values = points.map((p) => ({ year: p.year, x: round(p.x, 2), y: round(p.y, 2), outcome: outcomeLabel(p.outcome) }));
  const ends = values.length > 1 ? [values[0], values[values.length - 1]] : values;
  const x = { field: 'x', type: 'quantitative', scale, axis: xAxis, title: `${a.name}: change (bn yuan)` };
  const y = { field: 'y', type: 'quantitative', scale, axis: yAxis, title: `${b.name}: change (bn yuan)` };
  return {
    ...base('Your path against everyone investing', `Each year's change of the regions' cumulative value added against the all-invest counterfactual with the same seed, joined year by year; ${a.name} across, ${b.name} up. The diagonal is zero-sum.`),
    height: 200,
    layer: [
      ...quadrantLayers(regions, m, scale),
      { data: { values }, mark: { type: 'line', color: NEUTRAL.mutedText, strokeWidth: 1 }, encoding: { x, y, order: { field: 'year', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 50, opacity: 0.9 },
        encoding: { x, y, color: outcomeColour(points.map((p) => p.outcome)), tooltip: [{ field: 'year' }, { field: 'outcome' }, { field: 'x', title: a.name }, { field: 'y', title: b.name }] },
      },
      {
        data: { values: ends },
        mark: { type: 'text', color: NEUTRAL.text, fontSize: 11, fontWeight: 'bold', dx: 6, dy: -8, align: 'left' },
        encoding: { x, y, text: { field: 'year', type: 'quantitative', format: 'd' } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Strategy colours (Okabe-Ito, none of them a region's fixed colour): cooperate green, invest grey, compete orange. */
export const STRATEGY_COLOURS: Record<string, string> = { cooperate: '#009E73', invest: '#BBBBBB', compete: '#E69F00' };
const STRATEGY_ORDER = ['cooperate', 'invest', 'compete'];
/** The model's strategy codes (STRATEGY_CODE in src/model/config.ts: 0 invest, 1 compete, 2 cooperate). */
const STRATEGY_BY_CODE = ['invest', 'compete', 'cooperate'];

export interface StrategyCell {
  /** A row of the chart: a government, or a government in one replication. */
  row: string;
  year: number;
  strategy: string;
}

/** Each row's strategy in each year as coloured bands (a step chart of a categorical series). */
export function strategyChart(cells: StrategyCell[], rows: string[], title = 'Strategies over time'): TopLevelSpec {
  const values = cells.map((c) => ({ ...c, end: c.year + 1 }));
  const years = cells.map((c) => c.year);
  const first = years.length > 0 ? Math.min(...years) : 0;
  const last = years.length > 0 ? Math.max(...years) + 1 : 1;
  const used = STRATEGY_ORDER.filter((s) => cells.some((c) => c.strategy === s));
  return {
    ...base(title, `Each government's strategy in each year (${used.join(', ')}), one band per ${rows.length > 2 ? 'government and replication' : 'government'}.`),
    // Bands of 24 px (autosize fit-x: the axes and the legend add to the height).
    height: 24 * rows.length,
    data: { values },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      // A band spans [year, year + 1): a tick marks where its year starts, every 1, 2, 5 or 10 years.
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', values: yearTicks(first, last), labelOverlap: true }, scale: { domain: [first, last], zero: false, nice: false } },
      x2: { field: 'end' },
      y: { field: 'row', type: 'nominal', title: null, sort: rows, scale: { domain: rows }, axis: { labelLimit: 120 } },
      color: { field: 'strategy', type: 'nominal', title: null, scale: { domain: used, range: used.map((s) => STRATEGY_COLOURS[s]) }, legend: { orient: 'bottom' } },
      tooltip: [{ field: 'row', title: 'government' }, { field: 'year' }, { field: 'strategy' }],
    },
  } as TopLevelSpec;
}

/** The explorer run's strategies: one band per government (per replication when there are several). */
export function runStrategyCells(result: ExplorerResult): { cells: StrategyCell[]; rows: string[] } {
  const reps = [...new Set(result.series.map((p) => p.replication))].sort((a, b) => a - b);
  const rowName = (r: number, rep: number) => (reps.length > 1 ? `${result.regions[r].name}, run ${rep + 1}` : result.regions[r].name);
  const rows = reps.flatMap((rep) => result.regions.map((_, r) => rowName(r, rep)));
  const cells = result.series.flatMap((p) => p.strategies.map((code, r) => ({ row: rowName(r, p.replication), year: p.year, strategy: STRATEGY_BY_CODE[code] ?? 'invest' })));
  return { cells, rows };
}
