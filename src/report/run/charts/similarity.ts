/**
 * Similarity coefficient of the regions' sector structures over time, per
 * region pair: mean line and 90% band across replications, the counterfactual
 * mean dashed, and the scenario's target points (e.g. the paper's Table 1).
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../../common/palette.js';
import type { ResultsData } from '../read.js';
import { COUNTERFACTUAL_TEXT, LINE_LEGEND, RUN_LEGEND, SIZE, axisTitle, round, sentence, topLevel, type Spec } from '../../common/chart-spec.js';
import { bandText, metricStats, pairColourScale, pairName, yearDomain, yearX } from './common.js';
import { eventLayers } from './events.js';

export const SCENARIO_RUN = 'Scenario (mean)';
export const COUNTERFACTUAL_RUN = 'Counterfactual (mean)';

/** Legend label of the target points: "Observed (2015)", "Observed (2015, 2018)", "Observed (1997-2020)". */
export function observedLabel(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'Observed';
  return `Observed (${sorted.length <= 3 ? sorted.join(', ') : `${sorted[0]}-${sorted[sorted.length - 1]}`})`;
}

/** Null when the scenario has a single region (no pair). */
export function similarityChart(data: ResultsData): TopLevelSpec | null {
  const scenario = metricStats(data.metrics, 'similarity', 'pair');
  const counterfactual = data.counterfactual ? metricStats(data.counterfactual.metrics, 'similarity', 'pair') : new Map();
  const pairs = [...scenario.keys()];
  if (pairs.length === 0) return null;
  const values: Spec[] = [];
  for (const pair of pairs) {
    for (const s of scenario.get(pair)!) values.push({ pair: pairName(data, pair), run: SCENARIO_RUN, year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) });
    for (const s of counterfactual.get(pair) ?? []) values.push({ pair: pairName(data, pair), run: COUNTERFACTUAL_RUN, year: s.year, mean: round(s.mean) });
  }
  const target = data.scenario.target && data.scenario.target.metric === 'similarity' ? data.scenario.target : null;
  const colour = pairColourScale(data, pairs);
  const [first, last] = yearDomain(data);
  // A target point is drawn at the year it was observed, which may lie before the run (the axis then starts there).
  const targetPoints = target ? target.points.filter((p) => p.year >= first && p.year <= last).map((p) => ({ ...p, at: p.observedYear ?? p.year })) : [];
  const axisStart = Math.min(first, ...targetPoints.map((p) => p.at));
  const x = axisStart < first ? { ...yearX(data), scale: { domain: [axisStart, last], nice: false, zero: false } } : yearX(data);
  const y = { field: 'mean', type: 'quantitative', title: axisTitle('similarity', 'pair', 'Similarity coefficient'), scale: { zero: false, padding: 6 } };
  const runs = counterfactual.size > 0 ? [SCENARIO_RUN, COUNTERFACTUAL_RUN] : [SCENARIO_RUN];
  const layers: Spec[] = [
    {
      transform: [{ filter: `datum.run === '${SCENARIO_RUN}'` }],
      mark: { type: 'area', opacity: 0.18 },
      encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' }, color: { field: 'pair', type: 'nominal', scale: colour, title: 'Region pair', legend: LINE_LEGEND } },
    },
    {
      mark: { type: 'line', strokeWidth: 2.2 },
      encoding: {
        x,
        y,
        color: { field: 'pair', type: 'nominal', scale: colour, title: 'Region pair', legend: LINE_LEGEND },
        strokeDash: { field: 'run', type: 'nominal', title: 'Run', legend: RUN_LEGEND, scale: { domain: runs, range: [[1, 0], [6, 4]].slice(0, runs.length) } },
        tooltip: [
          { field: 'pair', type: 'nominal', title: 'Pair' },
          { field: 'run', type: 'nominal', title: 'Run' },
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'mean', type: 'quantitative', title: 'Mean', format: '.3f' },
        ],
      },
    },
  ];
  if (target) {
    const label = observedLabel(targetPoints.map((p) => p.at));
    layers.push({
      data: { values: targetPoints.map((p) => ({ year: p.at, value: p.value, series: label })) },
      mark: { type: 'point', filled: true, size: 70, color: NEUTRAL.target, opacity: 1 },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative' },
        shape: { field: 'series', type: 'nominal', title: 'Target', scale: { domain: [label], range: ['diamond'] } },
        tooltip: [
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'value', type: 'quantitative', title: 'Observed', format: '.3f' },
        ],
      },
    });
  }
  layers.push(...eventLayers(data, SIZE.height));
  const notes = [
    'UNIDO similarity of the regions\' sector output shares (1 = identical structures).',
    bandText(data),
    counterfactual.size > 0 ? COUNTERFACTUAL_TEXT : '',
    target ? sentence(`Diamonds: ${target.source || 'observed values'}`) : '',
  ].filter(Boolean);
  return topLevel('Similarity of the regions\' industrial structures', notes.join(' '), {
    width: SIZE.width,
    height: SIZE.height,
    data: { values },
    layer: layers,
  });
}
