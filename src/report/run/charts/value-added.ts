/**
 * Value added per region over time against the counterfactual: solid mean
 * lines (and 90% band) for the scenario, dashed mean lines for the
 * counterfactual, one colour per region.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsData } from '../read.js';
import { COUNTERFACTUAL_TEXT, LINE_LEGEND, RUN_LEGEND, SIZE, axisTitle, round, topLevel, type Spec } from '../../common/chart-spec.js';
import { bandText, metricStats, regionColourScale, regionNames, yearX } from './common.js';
import { eventLayers } from './events.js';
import { COUNTERFACTUAL_RUN, SCENARIO_RUN } from './similarity.js';

export function valueAddedChart(data: ResultsData): TopLevelSpec {
  const names = regionNames(data);
  const scenario = metricStats(data.metrics, 'value_added', 'region');
  const counterfactual = data.counterfactual ? metricStats(data.counterfactual.metrics, 'value_added', 'region') : new Map();
  const values: Spec[] = [];
  for (const region of data.scenario.regions.map((r) => r.id)) {
    const name = names.get(region) ?? region;
    for (const s of scenario.get(region) ?? []) values.push({ region: name, run: SCENARIO_RUN, year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) });
    for (const s of counterfactual.get(region) ?? []) values.push({ region: name, run: COUNTERFACTUAL_RUN, year: s.year, mean: round(s.mean) });
  }
  const colour = regionColourScale(data);
  const x = yearX(data);
  const runs = counterfactual.size > 0 ? [SCENARIO_RUN, COUNTERFACTUAL_RUN] : [SCENARIO_RUN];
  const layers: Spec[] = [
    {
      transform: [{ filter: `datum.run === '${SCENARIO_RUN}'` }],
      mark: { type: 'area', opacity: 0.16 },
      encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' }, color: { field: 'region', type: 'nominal', scale: colour, title: 'Region', legend: LINE_LEGEND } },
    },
    {
      mark: { type: 'line', strokeWidth: 2.2 },
      encoding: {
        x,
        y: { field: 'mean', type: 'quantitative', title: axisTitle('value_added', 'region') },
        color: { field: 'region', type: 'nominal', scale: colour, title: 'Region', legend: LINE_LEGEND },
        strokeDash: { field: 'run', type: 'nominal', title: 'Run', legend: RUN_LEGEND, scale: { domain: runs, range: [[1, 0], [6, 4]].slice(0, runs.length) } },
        tooltip: [
          { field: 'region', type: 'nominal', title: 'Region' },
          { field: 'run', type: 'nominal', title: 'Run' },
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'mean', type: 'quantitative', title: 'Value added (bn yuan)', format: ',.1f' },
        ],
      },
    },
    ...eventLayers(data, SIZE.height),
  ];
  const notes = ['Value added (GDP proxy) of each region per year.', bandText(data), counterfactual.size > 0 ? COUNTERFACTUAL_TEXT : ''].filter(Boolean);
  return topLevel('Value added by region against the counterfactual', notes.join(' '), {
    width: SIZE.width,
    height: SIZE.height,
    data: { values },
    layer: layers,
  });
}
