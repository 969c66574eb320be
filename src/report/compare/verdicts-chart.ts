/**
 * The verdicts chart: one panel per displayed lens (welfare, the governments'
 * objective or GDP, fiscal), one row per scenario labelled with its verdict in
 * that lens, and for each region and the zone the mean change against the
 * scenario's own counterfactual as a dot with its 95% interval, beside a rule
 * at zero. Lenses have their own x scales (their changes differ in size).
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import { ZONE_LABEL, flatDomain, regionScale } from '../common/headline-metrics.js';
import { verdictLabel } from './verdicts.js';
import type { DisplayedLens } from '../common/lens-display.js';
import type { ComparisonData } from './read.js';

const ROW_STEP = 14;
const WIDTH = 300;

/** "compete: negative-sum" */
export const verdictRowLabel = (scenario: string, verdict: string) => `${scenario}: ${verdict}`;

function panel(data: ComparisonData, lens: DisplayedLens): Spec {
  const verdicts = data.verdicts!;
  const names = new Map(data.regions.map((r) => [r.id, r.name]));
  const values: Spec[] = [];
  const rows: string[] = [];
  verdicts.scenarios.forEach((s, i) => {
    const v = s.lenses[lens.lens];
    const row = verdictRowLabel(data.scenarios[i]?.label ?? s.scenario, verdictLabel(v));
    rows.push(row);
    const add = (series: string, c: { mean: number; low: number; high: number }) =>
      values.push({ row, series, change: round(c.mean), low: round(c.low), high: round(c.high), verdict: verdictLabel(v) });
    for (const id of s.regions) add(names.get(id) ?? id, v.regions[id]);
    add(ZONE_LABEL, v.zone);
  });
  const series = [...data.regions.map((r) => r.name), ZONE_LABEL];
  const y = { field: 'row', type: 'nominal', title: null, sort: rows, scale: { paddingInner: 0.25 }, axis: { labelLimit: 260 } };
  const yOffset = { yOffset: { field: 'series', type: 'nominal', sort: series } };
  const flat = flatDomain(values.flatMap((v) => [v.change as number | null, v.low as number | null, v.high as number | null]), true);
  const x = { field: 'change', type: 'quantitative', title: `Change against the counterfactual (billion yuan)`, scale: { zero: true, nice: true, ...(flat ? { domain: flat } : {}) }, axis: { tickCount: 5 } };
  const colour = { color: { field: 'series', type: 'nominal', title: 'Region', scale: regionScale(data.regions, true), legend: { symbolType: 'circle' } } };
  const tooltip = [
    { field: 'row', type: 'nominal', title: 'Scenario: verdict' },
    { field: 'series', type: 'nominal', title: 'Region' },
    { field: 'change', type: 'quantitative', title: 'Change (bn yuan)', format: ',.1f' },
    { field: 'low', type: 'quantitative', title: '95% interval low', format: ',.1f' },
    { field: 'high', type: 'quantitative', title: '95% interval high', format: ',.1f' },
  ];
  return {
    title: { text: lens.heading.charAt(0).toUpperCase() + lens.heading.slice(1), fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: WIDTH,
    height: { step: ROW_STEP },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [5, 4], strokeWidth: 1.3 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, ...yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' }, ...colour } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { y, ...yOffset, x, ...colour, tooltip } },
    ],
  };
}

export function verdictsChart(data: ComparisonData): TopLevelSpec | null {
  const verdicts = data.verdicts;
  if (!verdicts || verdicts.scenarios.length === 0 || verdicts.shown.length === 0) return null;
  const n = verdicts.replications;
  return topLevel(
    'Each scenario against its own counterfactual, in every lens',
    `Each dot is a region's (or the zone's) mean change over ${n} paired replication${n === 1 ? '' : 's'} against the scenario's counterfactual (same seeds, every government invests, no fund); the line is its 95% interval. A row's label gives the scenario's verdict in that lens.`,
    { columns: Math.min(verdicts.shown.length, 2), concat: verdicts.shown.map((l) => panel(data, l)), resolve: { scale: { x: 'independent', y: 'independent' } } },
  );
}
