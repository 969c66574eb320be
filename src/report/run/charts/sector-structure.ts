/**
 * Each region's sector structure over time: stacked areas of sector output
 * shares (share of the region's manufacturing output, computed per
 * replication, then averaged across replications), one panel per region.
 */
import type { TopLevelSpec } from 'vega-lite';
import { sectorColours } from '../../common/palette.js';
import type { ResultsData, SectorRecord } from '../read.js';
import { SIZE, round, statsByYear, topLevel, type Spec } from '../../common/chart-spec.js';
import { replicationCount, yearX } from './common.js';
import { eventLayers } from './events.js';

/** Mean output share of every (region, sector) by year. */
export function sectorShares(rows: readonly SectorRecord[]): Map<string, { year: number; mean: number }[]> {
  const totals = new Map<string, number>();
  const key = (r: SectorRecord) => `${r.replication}|${r.year}|${r.region}`;
  for (const r of rows) if (Number.isFinite(r.output)) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.output);
  return statsByYear(
    rows,
    (r) => `${r.region}|${r.sector}`,
    (r) => {
      const total = totals.get(key(r)) ?? 0;
      return total > 0 ? r.output / total : Number.NaN;
    },
  );
}

/** Smallest final share a band needs for a direct label, and the least gap between two labels (both as shares of the axis). */
const LABEL_MIN_SHARE = 0.035;
const LABEL_MIN_GAP = 0.035;

/**
 * Direct labels at the right end of one region's stacked bands: the sector's
 * name at the middle of its band in the last year, for bands wide enough
 * (smaller ones are left to the legend), so a sector does not have to be found
 * by colour alone. `shares` holds each sector's final mean share in legend
 * order; the first sector is stacked at the top.
 */
export function endLabels(names: readonly string[], shares: readonly number[]): { sector: string; mid: number }[] {
  const total = shares.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  if (!(total > 0)) return [];
  const labels: { sector: string; mid: number }[] = [];
  let below = 0;
  let last = -Infinity;
  for (let k = names.length - 1; k >= 0; k--) {
    const share = Number.isFinite(shares[k]) ? shares[k] / total : 0;
    const mid = below + share / 2;
    below += share;
    if (share >= LABEL_MIN_SHARE && mid - last >= LABEL_MIN_GAP) {
      labels.push({ sector: names[k], mid: Number(mid.toPrecision(6)) });
      last = mid;
    }
  }
  return labels;
}

export function sectorStructureChart(data: ResultsData): TopLevelSpec {
  const { regions, sectors } = data.scenario;
  const shares = sectorShares(data.sectors);
  const sectorNames = sectors.map((s) => s.name);
  const colour = { domain: sectorNames, range: sectorColours(sectors.length) };
  const columns = regions.length <= 2 ? 1 : 2;
  const width = columns === 1 ? SIZE.width : Math.round(SIZE.width * 0.62);
  const height = columns === 1 ? SIZE.smallHeight + 20 : SIZE.smallHeight;
  const x = yearX(data);
  const panels = regions.map((region) => {
    const values: Spec[] = [];
    sectors.forEach((sector, k) => {
      for (const s of shares.get(`${region.id}|${sector.id}`) ?? []) values.push({ sector: sector.name, order: k, year: s.year, share: round(s.mean) });
    });
    const finalYear = Math.max(...values.map((v) => v.year as number));
    const finals = sectors.map((sector) => {
      const last = (shares.get(`${region.id}|${sector.id}`) ?? []).find((s) => s.year === finalYear);
      return last ? last.mean : 0;
    });
    const labels = Number.isFinite(finalYear) ? endLabels(sectorNames, finals).map((l) => ({ ...l, year: finalYear })) : [];
    return {
      title: { text: region.name, fontSize: 13, frame: 'group' },
      width,
      height,
      layer: [
        {
          data: { values },
          mark: { type: 'area', line: false, stroke: 'white', strokeWidth: 0.4 },
          encoding: {
            x,
            y: {
              field: 'share',
              type: 'quantitative',
              stack: 'normalize',
              title: "Share of the region's output (%)",
              axis: { format: '.0%' },
            },
            color: { field: 'sector', type: 'nominal', scale: colour, title: 'Sector', legend: { symbolType: 'square' } },
            order: { field: 'order', type: 'quantitative', sort: 'descending' },
            tooltip: [
              { field: 'sector', type: 'nominal', title: 'Sector' },
              { field: 'year', type: 'quantitative', title: 'Year' },
              { field: 'share', type: 'quantitative', title: 'Mean share', format: '.1%' },
            ],
          },
        },
        ...(labels.length > 0
          ? [
              {
                data: { values: labels },
                mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 10 },
                encoding: { x, y: { field: 'mid', type: 'quantitative', title: "Share of the region's output (%)" }, text: { field: 'sector', type: 'nominal' } },
              },
            ]
          : []),
        ...eventLayers(data, height),
      ],
    };
  });
  const n = replicationCount(data);
  const subtitle = `Share of each sector in the region's manufacturing output (from sectors.csv), mean of ${n} replication${n === 1 ? '' : 's'}. Sectors are stacked in legend order, the first at the top; wide bands are named at their right end.`;
  return topLevel('Sector structure of each region', subtitle, {
    columns,
    concat: panels,
    resolve: { scale: { color: 'shared', x: 'shared' } },
  });
}
