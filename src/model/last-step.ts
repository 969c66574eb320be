/**
 * What the next step reads as "last step" (budgets, hotness, entry, relocation
 * gaps, fund scores and learning rules). The step calls both functions at its
 * end; createSimulation calls `rememberProduction` after its production pass on
 * the initial world (a year "-1" identical to the first), so step 0 starts
 * from numbers made the same way.
 */
import type { Simulation } from './simulation-state.js';

/** Value added per region this step: the sum of its cells' value added, sector by sector. */
export function regionValueAdded(sim: Simulation): Float64Array {
  const { cells, sectorCount: K, regionCount: R } = sim;
  const valueAdded = new Float64Array(R);
  for (let r = 0; r < R; r++) for (let k = 0; k < K; k++) valueAdded[r] += cells.valueAdded[r * K + k];
  return valueAdded;
}

/**
 * Remembers this step's production: value added and tax base by region, each
 * cell's pre-tax profit rate and capital, and each sector's zone profit rate
 * (sum of its cells' profit over the sum of their capital; 0 without capital).
 */
export function rememberProduction(sim: Simulation, valueAdded: ArrayLike<number>, taxBase: ArrayLike<number>): void {
  const { cells, previous, market, sectorCount: K, regionCount: R } = sim;
  for (let r = 0; r < R; r++) {
    previous.valueAdded[r] = valueAdded[r];
    previous.taxBase[r] = taxBase[r];
  }
  const sectorProfit = new Float64Array(K);
  const sectorCapital = new Float64Array(K);
  for (let cell = 0; cell < R * K; cell++) {
    const c = cells.capital[cell];
    previous.cellProfitRate[cell] = c > 0 ? cells.profit[cell] / c : 0;
    previous.cellCapital[cell] = c;
    sectorProfit[cell % K] += cells.profit[cell];
    sectorCapital[cell % K] += c;
  }
  for (let k = 0; k < K; k++) market.profitRate[k] = sectorCapital[k] > 0 ? sectorProfit[k] / sectorCapital[k] : 0;
}

/**
 * Remembers this step's outcomes for the governments: the learning signal
 * (payoff over last step's value added, less 1; call before `rememberProduction`
 * replaces that value added), payoff, resident wealth, net side payments and
 * strategy, and each sector's realised demand growth (the hotness signal).
 */
export function rememberOutcomes(sim: Simulation, payoff: Float64Array, wealth: Float64Array, demandGrowth: Float64Array): void {
  const { previous, flows, market } = sim;
  for (let r = 0; r < sim.regionCount; r++) {
    previous.signal[r] = previous.valueAdded[r] > 0 ? payoff[r] / previous.valueAdded[r] - 1 : null;
    previous.payoff[r] = payoff[r];
    previous.wealth[r] = wealth[r];
    previous.sidePayments[r] = flows.sidePaymentsReceived[r] - flows.sidePaymentsPaid[r];
    previous.strategies[r] = sim.state.governments[r].strategy;
  }
  market.demandGrowth.set(demandGrowth);
}
