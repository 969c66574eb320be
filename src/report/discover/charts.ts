/**
 * The charts of `chuanyu discover`:
 *
 * - trajectory: each box's peeling trajectory, coverage (x) against density
 *   (y), one point per step coloured by the number of restricted dimensions;
 *   the selected step ringed. Peeling runs from the lower right (all runs) up
 *   and to the left.
 * - box-limits: each box's limits per swept parameter, normalised to the
 *   parameter's range in the data (grey: the whole range; coloured: inside the
 *   box; a category is a dot, filled when the box allows it), each parameter
 *   labelled with its smallest quasi-p-value.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { DiscoverBox, DiscoverFile } from '../../results/discover-format.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';
import { SIZE, round, topLevel, type Spec } from '../common/chart-spec.js';
import { NEUTRAL, OKABE_ITO } from '../common/palette.js';
import type { ExperimentChart } from '../common/write-charts.js';
import { pValue } from './text.js';

const label = (box: DiscoverBox) => `Box ${box.index}`;

function trajectoryLayer(): Spec[] {
  const x = { field: 'coverage', type: 'quantitative', title: 'Coverage (share of the cases inside)', axis: { format: '.0%' }, scale: { domain: [0, 1] } };
  const y = { field: 'density', type: 'quantitative', title: 'Density (share of the box that are cases)', axis: { format: '.0%' }, scale: { zero: false } };
  return [
    { mark: { type: 'line', color: '#9e9e9e', strokeWidth: 1.5 }, encoding: { x, y, order: { field: 'step', type: 'quantitative' } } },
    {
      mark: { type: 'point', filled: true, size: 60, opacity: 0.9 },
      encoding: {
        x,
        y,
        color: { field: 'restricted', type: 'ordinal', title: 'Restricted parameters', scale: { scheme: 'viridis' } },
        tooltip: [
          { field: 'step', type: 'quantitative', title: 'Step' },
          { field: 'coverage', type: 'quantitative', format: '.1%', title: 'Coverage' },
          { field: 'density', type: 'quantitative', format: '.1%', title: 'Density' },
          { field: 'mass', type: 'quantitative', format: '.1%', title: 'Mass' },
          { field: 'limits', type: 'nominal', title: 'Limits' },
        ],
      },
    },
    { transform: [{ filter: 'datum.selected' }], mark: { type: 'point', size: 320, strokeWidth: 2, color: OKABE_ITO.black, filled: false }, encoding: { x, y } },
    { transform: [{ filter: 'datum.selected' }], mark: { type: 'text', align: 'right', dx: -14, dy: -12, fontSize: 11, color: NEUTRAL.text }, encoding: { x, y, text: { field: 'note' } } },
  ];
}

function trajectoryChart(file: DiscoverFile): TopLevelSpec | null {
  if (file.boxes.length === 0) return null;
  const values = file.boxes.flatMap((box) =>
    box.trajectory.map((s) => ({
      box: label(box),
      step: s.step,
      coverage: round(s.coverage),
      density: round(s.density),
      mass: round(s.mass),
      restricted: s.restricted.length,
      limits: s.limits.join('; ') || 'none',
      selected: s.step === box.step,
      note: `step ${s.step}${box.pasted ? ' (then pasted)' : ''}`,
    })),
  );
  const subtitle = `${file.condition.words}: ${file.rows} runs; the ringed step is the box selected${file.settings.step === null ? ` (the densest with coverage >= ${Math.round(100 * file.settings.minCoverage)}%)` : ' (--box)'}.`;
  const body: Spec =
    file.boxes.length === 1
      ? { data: { values }, width: SIZE.width, height: SIZE.height + 60, layer: trajectoryLayer() }
      : { data: { values }, facet: { column: { field: 'box', type: 'nominal', title: null } }, spec: { width: 300, height: SIZE.height, layer: trajectoryLayer() }, resolve: { scale: { y: 'independent' } } };
  return topLevel('Peeling trajectory: coverage against density', subtitle, body);
}

interface LimitRow {
  dimension: string;
  x0: number;
  x1: number;
  loText: string;
  hiText: string;
}

function limitRows(file: DiscoverFile, box: DiscoverBox): { bars: LimitRow[]; dots: Spec[]; order: string[] } {
  const bars: LimitRow[] = [];
  const dots: Spec[] = [];
  const order: string[] = [];
  for (const limit of box.limits) {
    const dim = file.dimensions.find((d) => d.name === limit.dimension);
    const ps = box.quasiP.filter((q) => q.dimension === limit.dimension).map((q) => q.p);
    const name = `${limit.dimension}${ps.length > 0 ? ` (p = ${pValue(Math.min(...ps))})` : ''}`;
    order.push(name);
    if (limit.kind === 'numeric' && dim?.kind === 'numeric') {
      const width = dim.hi - dim.lo;
      const norm = (v: number) => (width > 0 ? (v - dim.lo) / width : 0.5);
      const text = (v: number) => String(Number(v.toPrecision(3)));
      // A box of one value (a grid's lowest or highest) is drawn at least 2% wide, so it shows; its labels keep the true limits.
      const [a, b] = [norm(limit.lo), norm(limit.hi)];
      const pad = Math.max(0, 0.02 - (b - a)) / 2;
      const [x0, x1] = [Math.max(0, a - pad - Math.max(0, b + pad - 1)), Math.min(1, b + pad + Math.max(0, pad - a))];
      const single = limit.lo === limit.hi;
      bars.push({ dimension: name, x0: round(x0) ?? 0, x1: round(x1) ?? 1, loText: single ? '' : text(limit.lo), hiText: single ? `= ${text(limit.hi)}` : text(limit.hi) });
    } else if (limit.kind === 'categorical' && dim?.kind === 'categorical') {
      const k = dim.categories.length;
      dim.categories.forEach((c, i) => dots.push({ dimension: name, x: k > 1 ? round(i / (k - 1)) : 0.5, category: c, allowed: limit.allowed.includes(c) }));
    }
  }
  return { bars, dots, order };
}

function boxPanel(file: DiscoverFile, box: DiscoverBox): Spec {
  const { bars, dots, order } = limitRows(file, box);
  const y = { field: 'dimension', type: 'nominal', title: null, sort: order, scale: { domain: order }, axis: { labelLimit: 320 } };
  const x = { type: 'quantitative', scale: { domain: [0, 1] }, title: 'Share of the parameter\'s range in the data', axis: { format: '.0%' } };
  const layer: Spec[] = [
    { data: { values: order.map((dimension) => ({ dimension, x0: 0, x1: 1 })) }, mark: { type: 'bar', color: '#d5d5d5', height: 14 }, encoding: { y, x: { ...x, field: 'x0' }, x2: { field: 'x1' } } },
  ];
  if (bars.length > 0)
    layer.push(
      { data: { values: bars }, mark: { type: 'bar', color: OKABE_ITO.blue, height: 14 }, encoding: { y, x: { ...x, field: 'x0' }, x2: { field: 'x1' } } },
      { data: { values: bars }, mark: { type: 'text', align: 'right', dx: -4, dy: -13, fontSize: 10, color: NEUTRAL.text }, encoding: { y, x: { ...x, field: 'x0' }, text: { field: 'loText' } } },
      { data: { values: bars }, mark: { type: 'text', align: 'left', dx: 4, dy: -13, fontSize: 10, color: NEUTRAL.text }, encoding: { y, x: { ...x, field: 'x1' }, text: { field: 'hiText' } } },
    );
  if (dots.length > 0)
    layer.push(
      { data: { values: dots.filter((d) => d.allowed) }, mark: { type: 'point', size: 120, strokeWidth: 2, color: OKABE_ITO.blue, filled: true, opacity: 1 }, encoding: { y, x: { ...x, field: 'x' } } },
      { data: { values: dots.filter((d) => !d.allowed) }, mark: { type: 'point', size: 120, strokeWidth: 2, color: OKABE_ITO.blue, filled: false, opacity: 1 }, encoding: { y, x: { ...x, field: 'x' } } },
      { data: { values: dots }, mark: { type: 'text', dy: -14, fontSize: 10, color: NEUTRAL.text }, encoding: { y, x: { ...x, field: 'x' }, text: { field: 'category' } } },
    );
  const title = `${label(box)}: density ${Math.round(100 * box.density)}%, coverage ${Math.round(100 * box.coverage)}%, ${box.rows} runs`;
  return { title: { text: title, fontSize: 13 }, width: SIZE.width - 120, height: { step: 44 }, layer };
}

function limitsChart(file: DiscoverFile): TopLevelSpec | null {
  const boxes = file.boxes.filter((b) => b.restricted.length > 0);
  if (boxes.length === 0 || file.dimensions.length === 0) return null;
  const subtitle = 'Each bar is a swept parameter\'s range in the data (grey) and the part inside the box (blue); a category is a dot, filled when the box allows it. p: the smallest quasi-p-value of the parameter\'s restrictions (small: the restriction matters).';
  // Always a vconcat: a panel's own title would otherwise replace the chart's title.
  return topLevel('Box limits per parameter', subtitle, { vconcat: boxes.map((b) => boxPanel(file, b)) });
}

export const DISCOVER_CHARTS: readonly ChartEntry<DiscoverFile>[] = [
  {
    name: 'trajectory',
    heading: 'Peeling trajectory',
    caption:
      'Cases are the runs that meet the condition; coverage is the share of them inside the box, density the share of the box\'s runs that are cases. Each point is one step of peeling: the box after cutting off a few runs along the parameter whose cut raised the density most. Peeling starts at the lower right (all runs: full coverage, the overall share as density) and moves up and left; colour counts the parameters the box restricts. The ringed step is the box reported.',
    build: trajectoryChart,
    skipped: 'no box was sought (no run, or every run, meets the condition).',
  },
  {
    name: 'box-limits',
    heading: 'Where the boxes lie in parameter space',
    caption: 'Each row is a swept parameter, its range in the data scaled from 0 to 1; the coloured part is the box. A parameter whose bar is all blue is not restricted. Values at the ends of a bar are the box limits.',
    build: limitsChart,
    skipped: 'no box restricts any parameter (the best box is the whole parameter space).',
  },
];

export const discoverCharts = (file: DiscoverFile): ExperimentChart[] => drawnCharts(DISCOVER_CHARTS, file);
