/**
 * Overcapacity and duplicated investment: capacity utilization of every
 * sector (mean across replications) with the zone's capacity-weighted
 * utilization and the overcapacity threshold, above the zone's duplicated
 * investment share (mean, 90% band, counterfactual dashed).
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL, SERIES_COLOURS, sectorColours } from '../../common/palette.js';
import type { ResultsData } from '../read.js';
import { COUNTERFACTUAL_TEXT, LINE_LEGEND, RUN_LEGEND, SIZE, axisTitle, round, statsByYear, topLevel, type Spec } from '../../common/chart-spec.js';
import { bandText, metricStats, yearDomain, yearX } from './common.js';
import { eventLayers } from './events.js';
import { COUNTERFACTUAL_RUN, SCENARIO_RUN } from './similarity.js';

const ZONE = 'Zone (capacity-weighted)';

function utilizationPanel(data: ResultsData, height: number): Spec {
  const { sectors, overcapacityThreshold } = data.scenario;
  const bySector = statsByYear(data.markets, (r) => r.sector, (r) => r.utilization);
  const values: Spec[] = [];
  for (const sector of sectors) for (const s of bySector.get(sector.id) ?? []) values.push({ series: sector.name, year: s.year, mean: round(s.mean) });
  const zone = metricStats(data.metrics, 'utilization', 'zone').get('zone') ?? [];
  for (const s of zone) values.push({ series: ZONE, year: s.year, mean: round(s.mean) });
  const colour = { domain: [...sectors.map((s) => s.name), ZONE], range: [...sectorColours(sectors.length), NEUTRAL.zone] };
  const x = yearX(data);
  const y = { field: 'mean', type: 'quantitative', title: axisTitle('utilization', 'zone'), axis: { format: '.0%' }, scale: { zero: false, padding: 6 } };
  const [first] = yearDomain(data);
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'Sector' },
    { field: 'year', type: 'quantitative', title: 'Year' },
    { field: 'mean', type: 'quantitative', title: 'Utilization', format: '.1%' },
  ];
  return {
    title: { text: 'Capacity utilization by sector', fontSize: 13, frame: 'group' },
    width: SIZE.width,
    height,
    data: { values },
    layer: [
      {
        transform: [{ filter: `datum.series !== '${ZONE}'` }],
        mark: { type: 'line', strokeWidth: 1.6 },
        encoding: { x, y, color: { field: 'series', type: 'nominal', scale: colour, title: 'Sector', legend: { symbolStrokeWidth: 3 } }, tooltip },
      },
      {
        transform: [{ filter: `datum.series === '${ZONE}'` }],
        mark: { type: 'line', strokeWidth: 3.2 },
        encoding: { x, y, color: { field: 'series', type: 'nominal', scale: colour, title: 'Sector' }, tooltip },
      },
      {
        data: { values: [{ threshold: overcapacityThreshold, year: first, label: `Overcapacity threshold (${Math.round(overcapacityThreshold * 100)}%)` }] },
        layer: [
          { mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [8, 4], strokeWidth: 1.5 }, encoding: { y: { field: 'threshold', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 3, fontSize: 10.5, color: NEUTRAL.reference },
            encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'threshold', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
      ...eventLayers(data, height),
    ],
  };
}

const DUPLICATED = 'Duplicated (same-sector overlap)';
const INTO_OVERCAPACITY = 'Wasted (sector in overcapacity within the horizon)';

function duplicationPanel(data: ResultsData, height: number): Spec {
  const series: [string, string][] = [
    ['duplicated_investment_share', DUPLICATED],
    ['wasted_expansion_share', INTO_OVERCAPACITY],
  ];
  const values: Spec[] = [];
  for (const [metric, label] of series) {
    for (const s of metricStats(data.metrics, metric, 'zone').get('zone') ?? []) values.push({ series: label, run: SCENARIO_RUN, year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) });
    if (data.counterfactual) for (const s of metricStats(data.counterfactual.metrics, metric, 'zone').get('zone') ?? []) values.push({ series: label, run: COUNTERFACTUAL_RUN, year: s.year, mean: round(s.mean) });
  }
  const colour = { domain: [DUPLICATED, INTO_OVERCAPACITY], range: [SERIES_COLOURS[2], SERIES_COLOURS[1]] };
  const runs = data.counterfactual ? [SCENARIO_RUN, COUNTERFACTUAL_RUN] : [SCENARIO_RUN];
  const x = yearX(data);
  return {
    title: { text: 'Expansion investment: duplicated and wasted', fontSize: 13, frame: 'group' },
    width: SIZE.width,
    height,
    data: { values },
    layer: [
      {
        transform: [{ filter: `datum.run === '${SCENARIO_RUN}'` }],
        mark: { type: 'area', opacity: 0.18 },
        encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' }, color: { field: 'series', type: 'nominal', scale: colour, title: 'Share of expansion investment', legend: LINE_LEGEND } },
      },
      {
        mark: { type: 'line', strokeWidth: 2.2 },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: axisTitle('duplicated_investment_share', 'zone', 'Share of expansion'), axis: { format: '.0%' } },
          color: { field: 'series', type: 'nominal', scale: colour, title: 'Share of expansion investment', legend: LINE_LEGEND },
          strokeDash: { field: 'run', type: 'nominal', title: 'Run', legend: RUN_LEGEND, scale: { domain: runs, range: [[1, 0], [6, 4]].slice(0, runs.length) } },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'Series' },
            { field: 'run', type: 'nominal', title: 'Run' },
            { field: 'year', type: 'quantitative', title: 'Year' },
            { field: 'mean', type: 'quantitative', title: 'Share', format: '.1%' },
          ],
        },
      },
      ...eventLayers(data, height),
    ],
  };
}

export function capacityChart(data: ResultsData): TopLevelSpec {
  const height = SIZE.height - 30;
  const t = data.scenario.overcapacityThreshold;
  const subtitle = [
    `Top: sold / capacity per sector (mean across replications); a sector is in overcapacity below ${Math.round(t * 100)}% utilization.`,
    `Bottom: of the capacity-expanding investment (gross, entrants included, less replacement), the same-sector overlap of the regions' expansion (the sum over sectors of total minus the largest region's), and the part made in a sector that entered overcapacity within ${data.scenario.wasteHorizon} years (shown in the year it was made + ${data.scenario.wasteHorizon}).`,
    `${bandText(data)}${data.counterfactual ? ` ${COUNTERFACTUAL_TEXT}` : ''}`,
  ].join(' ');
  return topLevel('Overcapacity and duplicated investment', subtitle, {
    vconcat: [utilizationPanel(data, height), duplicationPanel(data, height - 40)],
    resolve: { scale: { color: 'independent', strokeDash: 'independent', y: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } },
  });
}
