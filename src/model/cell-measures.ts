/** Small per-cell measures shared by several processes. */
import type { Simulation } from './simulation-state.js';

export interface CapitalTotals {
  sector: Float64Array;
  region: Float64Array;
  zone: number;
}

/** Capital by sector, by region and for the zone, from the cell table. */
export function capitalTotals(sim: Simulation): CapitalTotals {
  const { cells, sectorCount: K, regionCount: R } = sim;
  const sector = new Float64Array(K);
  const region = new Float64Array(R);
  let zone = 0;
  for (let r = 0; r < R; r++)
    for (let k = 0; k < K; k++) {
      const c = cells.capital[r * K + k];
      sector[k] += c;
      region[r] += c;
      zone += c;
    }
  return { sector, region, zone };
}

/** Location quotients of capital, flat [r * K + k]; 0 where undefined. */
export function locationQuotientsOfCapital(sim: Simulation): Float64Array {
  const { cells, sectorCount: K, regionCount: R } = sim;
  const lq = new Float64Array(R * K);
  const { sector: sectorTotal, region: regionTotal, zone } = capitalTotals(sim);
  for (let r = 0; r < R; r++)
    for (let k = 0; k < K; k++) {
      const c = cells.capital[r * K + k];
      lq[r * K + k] = regionTotal[r] > 0 && sectorTotal[k] > 0 ? c / regionTotal[r] / (sectorTotal[k] / zone) : 0;
    }
  return lq;
}
