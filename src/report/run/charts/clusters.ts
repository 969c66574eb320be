/**
 * Clusters: region x sector heatmaps of the location quotient at the first,
 * middle and last year (mean across replications), cells that are clusters
 * outlined. A cell counts as a cluster, as in the model's metric, when its LQ,
 * firm count and share of the zone's sector output all reach the scenario's
 * thresholds, in at least half of the replications.
 */
import type { TopLevelSpec } from 'vega-lite';
import { findClusters } from '../../../model/metrics/clusters.js';
import { DIVERGING_SCHEME, NEUTRAL } from '../../common/palette.js';
import type { ResultsData, SectorRecord } from '../read.js';
import { round, topLevel } from '../../common/chart-spec.js';
import { replicationCount } from './common.js';

/** First, middle and last year of the run (fewer when the run is shorter). */
export function snapshotYears(rows: readonly SectorRecord[]): number[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) return [];
  return [...new Set([years[0], years[Math.floor((years.length - 1) / 2)], years[years.length - 1]])];
}

export interface ClusterCell {
  year: number;
  region: string;
  sector: string;
  lq: number;
  /** Share of replications in which the cell is a cluster. */
  clusterShare: number;
}

export function clusterCells(data: ResultsData): ClusterCell[] {
  const { regions, sectors } = data.scenario;
  const years = snapshotYears(data.sectors);
  const rIndex = new Map(regions.map((r, i) => [r.id, i]));
  const kIndex = new Map(sectors.map((s, i) => [s.id, i]));
  const R = regions.length;
  const K = sectors.length;
  const matrices = new Map<string, { output: number[][]; firms: number[][]; lq: number[][] }>();
  const yearSet = new Set(years);
  for (const row of data.sectors) {
    if (!yearSet.has(row.year)) continue;
    const r = rIndex.get(row.region);
    const k = kIndex.get(row.sector);
    if (r === undefined || k === undefined) continue;
    const key = `${row.year}|${row.replication}`;
    let m = matrices.get(key);
    if (!m) {
      const grid = () => Array.from({ length: R }, () => new Array<number>(K).fill(0));
      matrices.set(key, (m = { output: grid(), firms: grid(), lq: grid() }));
    }
    m.output[r][k] = Number.isFinite(row.output) ? row.output : 0;
    m.firms[r][k] = Number.isFinite(row.firms) ? row.firms : 0;
    m.lq[r][k] = Number.isFinite(row.lq) ? row.lq : 0;
  }
  const rules = {
    minLocationQuotient: data.scenario.clusterLocationQuotient,
    minFirms: data.scenario.clusterMinFirms,
    minShare: data.scenario.clusterMinShare,
    chainThreshold: 1,
  };
  const cells: ClusterCell[] = [];
  for (const year of years) {
    const reps = [...matrices.entries()].filter(([key]) => key.startsWith(`${year}|`)).map(([, m]) => m);
    const flags = reps.map((m) => findClusters(m.output, m.firms, m.lq, rules));
    for (let r = 0; r < R; r++)
      for (let k = 0; k < K; k++) {
        const lq = reps.reduce((a, m) => a + m.lq[r][k], 0) / Math.max(1, reps.length);
        const clusterShare = flags.filter((f) => f[r][k]).length / Math.max(1, flags.length);
        cells.push({ year, region: regions[r].name, sector: sectors[k].name, lq, clusterShare });
      }
  }
  return cells;
}

export function clustersChart(data: ResultsData): TopLevelSpec {
  const { regions, sectors, clusterLocationQuotient, clusterMinFirms, clusterMinShare } = data.scenario;
  const cells = clusterCells(data);
  // Log colour scale symmetric around LQ = 1, wide enough for every cell (LQ 0 shown at the low end).
  const finite = cells.map((c) => c.lq).filter((x) => x > 0);
  const spread = Math.min(20, Math.max(2, ...finite.map((x) => Math.max(x, 1 / x))));
  const low = 1 / spread;
  const values = cells.map((c) => ({
    year: String(c.year),
    region: c.region,
    sector: c.sector,
    lq: round(c.lq),
    colour: round(Math.min(spread, Math.max(low, c.lq))),
    light: Math.abs(Math.log(Math.max(low, c.lq))) > 0.55 * Math.log(spread),
    cluster: c.clusterShare >= 0.5 ? 'Cluster' : 'No cluster',
    clusterShare: round(c.clusterShare),
  }));
  const n = replicationCount(data);
  const cellWidth = 64;
  const x = { field: 'region', type: 'nominal', title: null, sort: regions.map((r) => r.name), axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false, labelFontWeight: 'bold' } };
  const y = { field: 'sector', type: 'nominal', title: 'Sector', sort: sectors.map((s) => s.name), axis: { domain: false, ticks: false, labelLimit: 260 } }; // sector names up to about 260 px, whole
  const tooltip = [
    { field: 'year', type: 'nominal', title: 'Year' },
    { field: 'region', type: 'nominal', title: 'Region' },
    { field: 'sector', type: 'nominal', title: 'Sector' },
    { field: 'lq', type: 'quantitative', title: 'Mean LQ', format: '.2f' },
    { field: 'clusterShare', type: 'quantitative', title: 'Cluster in (share of replications)', format: '.0%' },
  ];
  const subtitle = [
    `Location quotient LQ = region's share of the sector / region's share of all output (1 = zone average; orange: concentrated, blue: under-represented), mean of ${n} replication${n === 1 ? '' : 's'}.`,
    `Outlined cells are clusters: LQ at least ${clusterLocationQuotient}, at least ${clusterMinFirms} firms and at least ${Math.round(clusterMinShare * 100)}% of the zone's output of the sector${n > 1 ? ', in at least half of the replications' : ''}.`,
  ].join(' ');
  return topLevel('Industrial clusters: location quotients by region and sector', subtitle, {
    data: { values },
    facet: { column: { field: 'year', type: 'ordinal', title: null, header: { labelFontSize: 13, labelFontWeight: 'bold', labelPadding: 6 } } },
    spec: {
      width: cellWidth * regions.length,
      height: { step: 24 },
      encoding: { x, y },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: {
              field: 'colour',
              type: 'quantitative',
              title: ['Location', 'quotient (LQ)'],
              scale: { type: 'log', domain: [round(low), round(spread)], scheme: DIVERGING_SCHEME, clamp: true },
              legend: { format: '.2~f', gradientLength: 200, values: legendValues(spread) },
            },
            tooltip,
          },
        },
        {
          transform: [{ filter: "datum.cluster === 'Cluster'" }],
          mark: { type: 'rect', fill: 'transparent', strokeWidth: 2.5, strokeJoin: 'miter' },
          encoding: {
            stroke: { field: 'cluster', type: 'nominal', title: null, scale: { domain: ['Cluster'], range: [NEUTRAL.text] }, legend: { symbolType: 'square', symbolFillColor: 'white', symbolSize: 180, symbolStrokeWidth: 2.5 } },
            tooltip,
          },
        },
        {
          mark: { type: 'text', fontSize: 10.5 },
          encoding: {
            text: { field: 'lq', type: 'quantitative', format: '.2f' },
            color: { condition: { test: 'datum.light', value: 'white' }, value: NEUTRAL.text },
            tooltip,
          },
        },
      ],
    },
    resolve: { scale: { x: 'shared', y: 'shared' } },
  });
}

/** Legend ticks of a log scale symmetric around 1. */
function legendValues(spread: number): number[] {
  const candidates = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];
  const picked = candidates.filter((v) => v >= 1 / spread - 1e-9 && v <= spread + 1e-9);
  return picked.length >= 3 ? picked : [round(1 / spread)!, 1, round(spread)!];
}
