/**
 * Demand cycles (docs/ODD.md 7.6; revision 2 of the design): sector k's demand
 * grows by its trend g_k plus a persistent cyclical part
 *
 *   z_k(t) = rho_d z_k(t-1) + sigma_k e_k(t),   e standard normal ("demand" stream),
 *
 * stationary with variance sigma_k^2 / (1 - rho_d^2) and lag-one autocorrelation
 * rho_d. Every sector draws every year whatever its sigma, so scenarios that
 * differ only in volatility share their shocks, and sigma = 0 keeps z at 0
 * (revision 1's steady growth, exactly).
 *
 * The demand process of the step (`updateDemand`, part of step 5) and the
 * first year's demand (`setInitialDemand`, used by createSimulation).
 */
import { drawNormal, type Uniform } from './rng.js';
import type { Simulation } from './simulation-state.js';

/** Demand never falls by more than 90% in one year, however deep the cycle's slump. */
export const MIN_DEMAND_FACTOR = 0.1;

export function advanceCycle(cycle: Float64Array, persistence: number, volatility: (k: number) => number, random: Uniform): void {
  for (let k = 0; k < cycle.length; k++) cycle[k] = persistence * cycle[k] + volatility(k) * drawNormal(random);
}

/** This year's demand factor from trend and cycle. */
export function growthFactor(trend: number, cycle: number): number {
  return Math.max(MIN_DEMAND_FACTOR, 1 + trend + cycle);
}

/**
 * The first year's demand: the scenario's initial utilization with the price at
 * its floor, D_k = u0 * S_k * (p_min / P)^eps (S_k the sector's capacity, computed
 * before this is called). Governments expect the trend before any year is seen.
 */
export function setInitialDemand(sim: Simulation): void {
  const { config, market } = sim;
  const u0 = config.initial.initialUtilization;
  for (let k = 0; k < sim.sectorCount; k++) {
    const s = config.sectors[k];
    market.demand[k] = u0 * market.capacity[k] * Math.pow(s.priceFloor / s.price, s.elasticity);
    market.demandGrowth[k] = s.demandGrowth;
  }
}

/**
 * This step's demand: from the second step on it grows by trend plus cycle,
 * D_k(t) = D_k(t-1) * max(0.1, 1 + g_k + z_k(t)), then this step's event shocks
 * apply. `factor` holds the shocks on entry (events.ts) and this step's realised
 * growth D_k(t) / D_k(t-1) - 1 on return (0 where last demand was 0).
 */
export function updateDemand(sim: Simulation, factor: Float64Array): void {
  const { config, market } = sim;
  const growing = sim.state.step > 0;
  const sectors = sim.state.params.sectors;
  if (growing) advanceCycle(market.cycle, config.demand.persistence, (k) => config.sectors[k].demandVolatility, sim.streams.demand);
  for (let k = 0; k < sim.sectorCount; k++) {
    const old = market.demand[k];
    const grown = growing ? old * growthFactor(sectors[k].demandGrowth, market.cycle[k]) : old;
    market.demand[k] = grown * factor[k];
    factor[k] = old > 0 ? market.demand[k] / old - 1 : 0;
  }
}
