/**
 * Which firms a guidance fund backs first (docs/ODD.md 7.4): profitable firms,
 * best score first,
 *
 *   score_i = w_return * profit_i / K_i + w_chain * chain(r, k) + w_tech * tau_i - w_dup * overcapacity_k
 *
 * ties by firm slot. A fund places its tranche in the first few thousand of
 * up to millions of candidates, so the ranking is built only as far as it is
 * read: the scoring pass keeps the firms that scored at least as well as the
 * lowest score gathered in the fund's last visit, and those are visited in
 * order (descending-scores.ts). Only if the fund still has money after all of
 * them does a second pass gather the rest. The two groups split by score (ties
 * fall in the first), so the order is exactly that of ranking every candidate;
 * the threshold only decides how much work that takes.
 */
import type { FundParams } from './config.js';
import { visitDescending } from './descending-scores.js';
import type { FundSelection } from './fund-selection-buffers.js';
import type { Simulation } from './simulation-state.js';
import { grown } from './typed-arrays.js';

function grow(selection: FundSelection, size: number): void {
  selection.firm = grown(selection.firm, size);
  selection.score = grown(selection.score, size);
}

/**
 * Gathers the candidates (positive capital and profit) with `low <= score < high`,
 * in slot order, by cell runs so each cell's terms are computed once. The
 * score's terms are added in the order of the formula above.
 */
function gatherCandidates(sim: Simulation, fund: FundParams, chain: Float64Array, low: number, high: number, selection: FundSelection): number {
  const { firms, market, runs, sectorCount: K } = sim;
  const { capital, profit, tech } = firms;
  const uStar = sim.config.metrics.overcapacityThreshold;
  const w = fund.weights;
  if (low === Number.NEGATIVE_INFINITY && selection.firm.length < firms.count) grow(selection, firms.count);
  let count = 0;
  for (let q = 0; q < runs.count; q++) {
    const cell = runs.cell[q];
    const end = runs.start[q + 1];
    const k = cell % K;
    const overcapacity = Math.max(0, uStar - market.utilization[k]) / uStar;
    const chainTerm = w.chain * chain[cell];
    const duplicationTerm = w.duplication * overcapacity;
    for (let i = runs.start[q]; i < end; i++) {
      const c = capital[i];
      const p = profit[i];
      const s = w.return * (p / c) + chainTerm + w.tech * tech[i] - duplicationTerm;
      if (!(s >= low && s < high && c > 0 && p > 0)) continue;
      if (count === selection.firm.length) grow(selection, 2 * count);
      selection.firm[count] = i;
      selection.score[count] = s;
      count++;
    }
  }
  return count;
}

/**
 * Calls `visit(firm)` for the fund's candidates, best score first (ties by
 * slot), until it returns false. `chain` is the fund's chain score per cell.
 */
export function visitBestFirms(
  sim: Simulation,
  fund: FundParams,
  selection: FundSelection,
  chain: Float64Array,
  visit: (firm: number) => boolean,
): void {
  const threshold = selection.threshold;
  const byPosition = (c: number) => visit(selection.firm[c]);
  const top = gatherCandidates(sim, fund, chain, threshold, Number.POSITIVE_INFINITY, selection);
  let stopped = visitDescending(selection.score, top, selection.descending, byPosition);
  let lowest = selection.descending.lowestGathered;
  if (!stopped && threshold > Number.NEGATIVE_INFINITY) {
    const rest = gatherCandidates(sim, fund, chain, Number.NEGATIVE_INFINITY, threshold, selection);
    stopped = visitDescending(selection.score, rest, selection.descending, byPosition);
    lowest = Math.min(lowest, selection.descending.lowestGathered);
  }
  // Next time, gather first what this visit had to look at (about twice what it used).
  selection.threshold = stopped && Number.isFinite(lowest) ? lowest : Number.NEGATIVE_INFINITY;
}
