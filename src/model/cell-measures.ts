/** Small per-cell measures shared by several processes. */
import type { Simulation } from './simulation.js';

/** Location quotients of capital, flat [r * K + k]; 0 where undefined. */
export function locationQuotientsOfCapital(sim: Simulation): Float64Array {
  const { cells, sectorCount: K, regionCount: R } = sim;
  const lq = new Float64Array(R * K);
  const sectorTotal = new Float64Array(K);
  const regionTotal = new Float64Array(R);
  let zone = 0;
  for (let r = 0; r < R; r++)
    for (let k = 0; k < K; k++) {
      const c = cells.capital[r * K + k];
      sectorTotal[k] += c;
      regionTotal[r] += c;
      zone += c;
    }
  for (let r = 0; r < R; r++)
    for (let k = 0; k < K; k++) {
      const c = cells.capital[r * K + k];
      lq[r * K + k] = regionTotal[r] > 0 && sectorTotal[k] > 0 ? c / regionTotal[r] / (sectorTotal[k] / zone) : 0;
    }
  return lq;
}
