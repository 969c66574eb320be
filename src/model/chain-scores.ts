/**
 * The guidance fund's chain term per cell (region x sector), docs/ODD.md 7.4:
 * how much a firm in region r and sector k is worth to the zone's cross-border
 * supply chains, in one of three readings (`fund.chainScore`). The fund reads
 * one value per cell; nothing here is per firm.
 */
import type { FundParams } from './config.js';
import { capitalTotals, locationQuotientsOfCapital } from './cell-measures.js';
import type { Simulation } from './simulation-state.js';
import type { StatedChainCache } from './fund-selection-buffers.js';

export { createStatedChainCache, type StatedChainCache } from './fund-selection-buffers.js';

/**
 * `stated-division`: cell (r, k) is credited only if k is one of r's stated
 * sectors, with the input-output coefficients of its links, in both directions,
 * to the sectors each other region states,
 *
 *   raw(r, k) = [k in D_r] * sum_{o != r} sum_{j in D_o} (a[j][k] + a[k][j]),
 *
 * divided by the largest raw value, so the best-linked stated cell scores 1 and
 * the term is on the scale of technology tau (in [0, 1]). All zeros when no
 * stated sector of one region is linked to a stated sector of another.
 * `division[r]` lists region r's stated sector indices; `a[j][k]` is what k buys from j.
 */
export function statedDivisionChain(division: readonly (readonly number[])[], a: readonly (readonly number[])[]): Float64Array {
  const R = division.length;
  const K = a.length;
  const score = new Float64Array(R * K);
  let largest = 0;
  for (let r = 0; r < R; r++)
    for (const k of new Set(division[r])) {
      let s = 0;
      for (let o = 0; o < R; o++) {
        if (o === r) continue;
        for (const j of new Set(division[o])) s += a[j][k] + a[k][j];
      }
      score[r * K + k] = s;
      largest = Math.max(largest, s);
    }
  if (largest > 0) for (let c = 0; c < score.length; c++) score[c] /= largest;
  return score;
}

/** Cross-border chain score per cell for the fund's chosen variant (all zeros when its weight is 0). */
export function chainScores(sim: Simulation, fund: FundParams, cache: StatedChainCache): Float64Array {
  const { cells, sectorCount: K, regionCount: R, config } = sim;
  const a = config.inputOutput;
  if (fund.chainScore === 'stated-division') {
    const division = sim.state.params.policy.divisionOfLabour;
    if (cache.division !== division) {
      cache.values = statedDivisionChain(division, a);
      cache.division = division;
    }
    return cache.values;
  }
  const score = new Float64Array(R * K);
  if (fund.weights.chain === 0) return score;
  if (fund.chainScore === 'both-ends') {
    const lq = locationQuotientsOfCapital(sim);
    for (let r = 0; r < R; r++)
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let o = 0; o < R; o++) {
          if (o === r) continue;
          for (let j = 0; j < K; j++) s += (a[j][k] + a[k][j]) * Math.min(lq[r * K + k], lq[o * K + j]);
        }
        score[r * K + k] = s;
      }
    return score;
  }
  const { sector: sectorTotal, region: regionTotal, zone } = capitalTotals(sim);
  for (let r = 0; r < R; r++) {
    const outsideAll = zone > 0 ? 1 - regionTotal[r] / zone : 0;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let j = 0; j < K; j++) {
        const outside = sectorTotal[j] > 0 ? 1 - cells.capital[r * K + j] / sectorTotal[j] : outsideAll;
        s += (a[j][k] + a[k][j]) * (outside - outsideAll);
      }
      score[r * K + k] = s;
    }
  }
  return score;
}
