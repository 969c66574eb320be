/**
 * Small Vega-Lite specs for the explorer, drawn from a live run's plain data,
 * in the report's palette (src/report/palette.ts). The report's own chart
 * builders read a results folder; these take the worker's arrays instead.
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL, OUTCOME_COLOURS, outcomeLabel, regionColours } from '../report/palette.js';
import type { ExplorerResult, SeriesPoint } from './sim-core.js';

const WIDTH = 'container' as const;
const HEIGHT = 200;

const RUNS = ['This scenario', 'Counterfactual (all invest)'];


export { outcomeLabel };
const round = (v: number, digits = 4) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

function base(title: string, description: string): Partial<TopLevelSpec> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 14 },
    description,
    width: WIDTH,
    height: HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    config: { axis: { gridColor: NEUTRAL.grid, labelColor: NEUTRAL.text, titleColor: NEUTRAL.text }, view: { stroke: null } },
  } as Partial<TopLevelSpec>;
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
      y: { field: 'value', type: 'quantitative', title: 'Similarity coefficient', scale: { zero: false } },
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
      y: { field: 'value', type: 'quantitative', title: 'Value added (billion yuan)' },
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
      y: { field: 'value', type: 'quantitative', title: 'Share of new investment', axis: { format: '%' } },
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

/** Win-win quadrant: (change of region A's cumulative value added, change of B's) against the counterfactual. */
export function winWinChart(regions: { name: string }[], points: QuadrantPoint[], title = 'Zero-sum or win-win?'): TopLevelSpec {
  const [a, b] = regions;
  const reach = Math.max(1e-9, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  const m = Number((reach * 1.3).toPrecision(2));
  const scale = { domain: [-m, m], nice: false, zero: true };
  const values = points.map((p) => ({ ...p, x: round(p.x, 2), y: round(p.y, 2), outcome: outcomeLabel(p.outcome) }));
  const used = [...new Set(points.map((p) => p.outcome))];
  const quadrants = [
    { x: 0.7 * m, y: 0.9 * m, text: 'Win-win' },
    { x: -0.7 * m, y: -0.9 * m, text: 'Both lose' },
    { x: 0.7 * m, y: -0.9 * m, text: `${a.name} gains` },
    { x: -0.7 * m, y: 0.9 * m, text: `${b.name} gains` },
  ];
  return {
    ...base(title, `Change of each region's cumulative value added against the all-invest counterfactual with the same seed; ${a.name} across, ${b.name} up. The diagonal is zero-sum.`),
    height: 260,
    layer: [
      { data: { values: [{ x: -m, y: m }, { x: m, y: -m }] }, mark: { type: 'line', color: NEUTRAL.reference, strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: NEUTRAL.event }, encoding: { x: { field: 'v', type: 'quantitative', scale } } },
      { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: NEUTRAL.event }, encoding: { y: { field: 'v', type: 'quantitative', scale } } },
      {
        data: { values: quadrants },
        mark: { type: 'text', color: NEUTRAL.mutedText, fontSize: 11, baseline: 'middle', align: 'center' },
        encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, text: { field: 'text' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 90, opacity: 0.9 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale, title: `${a.name}: change (billion yuan)` },
          y: { field: 'y', type: 'quantitative', scale, title: `${b.name}: change (billion yuan)` },
          color: { field: 'outcome', type: 'nominal', title: null, scale: { domain: used.map(outcomeLabel), range: used.map((o) => OUTCOME_COLOURS[o] ?? '#777') }, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'label' }, { field: 'outcome' }, { field: 'x', title: a.name }, { field: 'y', title: b.name }],
        },
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
  const used = STRATEGY_ORDER.filter((s) => cells.some((c) => c.strategy === s));
  return {
    ...base(title, `Each government's strategy in each year (${used.join(', ')}), one band per ${rows.length > 2 ? 'government and replication' : 'government'}.`),
    // The height includes the axes and the legend (autosize fit): bands of ~24 px plus room for both.
    height: 90 + 24 * rows.length,
    data: { values },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', tickMinStep: 1, labelOverlap: true }, scale: { zero: false, nice: false } },
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
