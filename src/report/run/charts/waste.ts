/**
 * Waste against the counterfactual: capital standing idle, capital written off,
 * expansion wasted (its sector entered overcapacity within the horizon) and
 * duplicated expansion that came on line into overcapacity, each as the
 * scenario's mean with its 90% band and the counterfactual dashed.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SERIES_COLOURS } from '../../common/palette.js';
import type { ResultsData } from '../read.js';
import { COUNTERFACTUAL_TEXT, RUN_LEGEND, SIZE, round, topLevel, type Spec } from '../../common/chart-spec.js';
import { bandText, metricStats, yearX } from './common.js';
import { COUNTERFACTUAL_RUN, SCENARIO_RUN } from './similarity.js';

const PANELS: { metric: string; title: string }[] = [
  { metric: 'idle_capital', title: 'Idle capital (capital x unused capacity share)' },
  { metric: 'written_off_capital', title: 'Capital written off (exits after scrap, relocation losses)' },
  { metric: 'wasted_expansion', title: 'Expansion wasted (sector in overcapacity within the horizon)' },
  { metric: 'duplicated_into_overcapacity', title: 'Duplicated expansion on line into overcapacity' },
];

function panel(data: ResultsData, metric: string, title: string, colour: string): Spec {
  const values: Spec[] = [];
  for (const s of metricStats(data.metrics, metric, 'zone').get('zone') ?? []) values.push({ run: SCENARIO_RUN, year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) });
  if (data.counterfactual) for (const s of metricStats(data.counterfactual.metrics, metric, 'zone').get('zone') ?? []) values.push({ run: COUNTERFACTUAL_RUN, year: s.year, mean: round(s.mean) });
  const runs = data.counterfactual ? [SCENARIO_RUN, COUNTERFACTUAL_RUN] : [SCENARIO_RUN];
  const x = yearX(data);
  return {
    title: { text: title, fontSize: 12, frame: 'group' },
    width: SIZE.width / 2 - 40,
    height: SIZE.smallHeight - 60,
    data: { values },
    layer: [
      { transform: [{ filter: `datum.run === '${SCENARIO_RUN}'` }], mark: { type: 'area', opacity: 0.18, color: colour }, encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' } } },
      {
        mark: { type: 'line', strokeWidth: 2, color: colour },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: 'billion yuan' },
          strokeDash: { field: 'run', type: 'nominal', title: 'Run', legend: RUN_LEGEND, scale: { domain: runs, range: [[1, 0], [6, 4]].slice(0, runs.length) } },
          tooltip: [
            { field: 'run', type: 'nominal', title: 'Run' },
            { field: 'year', type: 'quantitative', title: 'Year' },
            { field: 'mean', type: 'quantitative', title: 'bn yuan', format: ',.1f' },
          ],
        },
      },
    ],
  };
}

export function wasteChart(data: ResultsData): TopLevelSpec | null {
  if (!metricStats(data.metrics, 'idle_capital', 'zone').get('zone')) return null; // results written before these metrics existed
  const panels = PANELS.map((p, i) => panel(data, p.metric, p.title, SERIES_COLOURS[i % SERIES_COLOURS.length]));
  return topLevel(
    'Waste: idle, written-off and wasted capital',
    [
      `Zone totals in billion yuan a year. Wasted expansion is shown ${data.scenario.wasteHorizon} years after it was made, when its window closes.`,
      `${bandText(data)}${data.counterfactual ? ` ${COUNTERFACTUAL_TEXT}` : ''}`,
    ].join(' '),
    {
      vconcat: [{ hconcat: [panels[0], panels[1]] }, { hconcat: [panels[2], panels[3]] }],
      resolve: { scale: { y: 'independent' } },
    } as Spec,
  );
}
