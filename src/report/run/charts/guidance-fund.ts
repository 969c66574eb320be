/**
 * The guidance fund over time (only for runs where a fund received money):
 * cumulative commitments, private capital mobilised, investments,
 * distributions and net asset value; the money it invested in each region per
 * year; and its TVPI (total value to paid-in) with the break-even line.
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL, SERIES_COLOURS } from '../../common/palette.js';
import type { ResultsData } from '../read.js';
import { LINE_LEGEND, SIZE, axisTitle, metricLabel, metricUnit, round, topLevel, type Spec } from '../../common/chart-spec.js';
import { replicationCount, metricStats, regionColourScale, regionNames, yearDomain, yearX } from './common.js';
import { eventLayers } from './events.js';

const STOCKS = ['fund_committed', 'fund_private', 'fund_invested_cumulative', 'fund_distributions_cumulative', 'fund_nav'] as const;

/** Whether any replication committed money to a fund. */
export function hasFund(data: ResultsData): boolean {
  return data.metrics.some((r) => r.metric === 'fund_committed' && r.region === 'zone' && r.value > 0);
}

function stocksPanel(data: ResultsData, height: number): Spec {
  const values: Spec[] = [];
  const labels = STOCKS.map((m) => metricLabel(m));
  STOCKS.forEach((metric, i) => {
    for (const s of metricStats(data.metrics, metric, 'zone').get('zone') ?? []) values.push({ series: labels[i], order: i, year: s.year, mean: round(s.mean) });
  });
  const unit = metricUnit('fund_committed', 'zone');
  return {
    title: { text: 'Money in and out (cumulative) and net asset value', fontSize: 13, frame: 'group' },
    width: SIZE.width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2.2 },
        encoding: {
          x: yearX(data),
          y: { field: 'mean', type: 'quantitative', title: `Amount (${unit})` },
          color: { field: 'series', type: 'nominal', title: 'Fund', scale: { domain: labels, range: SERIES_COLOURS.slice(0, labels.length) } },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'Series' },
            { field: 'year', type: 'quantitative', title: 'Year' },
            { field: 'mean', type: 'quantitative', title: 'Mean (bn yuan)', format: ',.2f' },
          ],
        },
      },
      ...eventLayers(data, height),
    ],
  };
}

function regionsPanel(data: ResultsData, height: number): Spec {
  const names = regionNames(data);
  const stats = metricStats(data.metrics, 'fund_invested', 'region');
  const values: Spec[] = [];
  for (const region of data.scenario.regions) for (const s of stats.get(region.id) ?? []) values.push({ region: names.get(region.id) ?? region.id, year: s.year, mean: round(s.mean) });
  return {
    title: { text: 'Fund money invested in each region per year', fontSize: 13, frame: 'group' },
    width: SIZE.width,
    height,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2.2, point: { size: 18 } },
        encoding: {
          x: yearX(data),
          y: { field: 'mean', type: 'quantitative', title: axisTitle('fund_invested', 'region', 'Invested per year') },
          color: { field: 'region', type: 'nominal', title: 'Region', scale: regionColourScale(data), legend: LINE_LEGEND },
          tooltip: [
            { field: 'region', type: 'nominal', title: 'Region' },
            { field: 'year', type: 'quantitative', title: 'Year' },
            { field: 'mean', type: 'quantitative', title: 'Invested (bn yuan)', format: ',.2f' },
          ],
        },
      },
      ...eventLayers(data, height),
    ],
  };
}

function tvpiPanel(data: ResultsData, height: number): Spec {
  const stats = metricStats(data.metrics, 'fund_tvpi', 'zone').get('zone') ?? [];
  const values = stats.map((s) => ({ series: 'TVPI', year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) }));
  const x = yearX(data);
  const colour = { domain: ['TVPI'], range: [NEUTRAL.zone] };
  return {
    title: { text: 'TVPI: (distributions + NAV) / paid-in', fontSize: 13, frame: 'group' },
    width: SIZE.width,
    height,
    layer: [
      {
        data: { values },
        layer: [
          { mark: { type: 'area', opacity: 0.15 }, encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' }, color: { field: 'series', type: 'nominal', scale: colour, title: 'Multiple', legend: null } } },
          {
            mark: { type: 'line', strokeWidth: 2.2 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative', title: axisTitle('fund_tvpi', 'zone'), scale: { zero: false, padding: 6 } },
              color: { field: 'series', type: 'nominal', scale: colour, title: 'Multiple', legend: null },
              tooltip: [
                { field: 'year', type: 'quantitative', title: 'Year' },
                { field: 'mean', type: 'quantitative', title: 'TVPI', format: '.3f' },
              ],
            },
          },
        ],
      },
      {
        data: { values: [{ y: 1, year: yearDomain(data)[1], label: 'Break-even (TVPI = 1)' }] },
        layer: [
          { mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [8, 4], strokeWidth: 1.4 }, encoding: { y: { field: 'y', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 3, fontSize: 10.5, color: NEUTRAL.reference },
            encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
      ...eventLayers(data, height),
    ],
  };
}

/** Null when no fund received money in any replication. */
export function guidanceFundChart(data: ResultsData): TopLevelSpec | null {
  if (!hasFund(data)) return null;
  const height = SIZE.smallHeight;
  const subtitle = [
    'Top: cumulative paid-in commitments (governments and private partners), private capital mobilised, money invested in firms and distributions paid out, and the book value of stakes plus cash (NAV), mean across replications.',
    `Middle: fund money placed in each region's firms per year. Bottom: total value to paid-in, ${
      replicationCount(data) > 1 ? `mean of ${replicationCount(data)} replications with its 90% band (5th-95th percentile)` : 'one replication'
    }.`,
  ].join(' ');
  return topLevel('The industry guidance fund', subtitle, {
    vconcat: [stocksPanel(data, height), regionsPanel(data, height), tvpiPanel(data, height)],
    resolve: { scale: { color: 'independent', y: 'independent' }, legend: { color: 'independent' } },
  });
}
