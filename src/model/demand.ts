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
 */
import { drawNormal, type Uniform } from './rng.js';

/** Demand never falls by more than 90% in one year, however deep the cycle's slump. */
export const MIN_DEMAND_FACTOR = 0.1;

export function advanceCycle(cycle: Float64Array, persistence: number, volatility: (k: number) => number, random: Uniform): void {
  for (let k = 0; k < cycle.length; k++) cycle[k] = persistence * cycle[k] + volatility(k) * drawNormal(random);
}

/** This year's demand factor from trend and cycle. */
export function growthFactor(trend: number, cycle: number): number {
  return Math.max(MIN_DEMAND_FACTOR, 1 + trend + cycle);
}
