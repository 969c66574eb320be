/**
 * Steps 4 and 7, the guidance fund (fund.ts), on the tiny world by hand:
 * a vintage deploys its tranche in the best firms up to the per-firm cap while
 * keeping the cash it owes the other region (re-investment obligation), buying
 * new shares at book value; then dividends, the management fee, carried
 * interest and distributions by paid-in, and at the end of its life the sale
 * of its stakes to outside buyers at exitPriceToBook x book value.
 */
import { describe, expect, it } from 'vitest';
import { bookFundReturns, investFunds } from '../../src/model/fund.js';
import type { VintageState } from '../../src/model/state.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import { CELL, processWorld } from '../helpers/process-world.js';

const FUND = {
  deployRate: 0.4,
  capPerFirm: 0.1,
  reinvestment: { r0: 0, r1: 1.6 },
  weights: { return: 1, chain: 0, tech: 0, duplication: 0 },
  leverage: 0,
  managementFee: 0.02,
  carry: 0.2,
  investmentPeriod: 5,
  exitPriceToBook: 1.5,
};

/** One vintage of step 0: each government paid in 5, nothing private, cash 10. */
function world(life: number, vintage: Partial<VintageState> = {}): Simulation {
  const sim = processWorld(() => {}, { ...FUND, life });
  sim.state.funds[0] = {
    ...sim.state.funds[0],
    active: true,
    vintages: [
      { step: 0, paidInGov: [5, 5], privatePaidIn: 0, investedByRegion: [0, 0], costHeld: 0, cash: 10, fees: 0, carry: 0, distributedGov: [0, 0], distributedPrivate: 0, closed: false, ...vintage },
    ],
  };
  // Scores are profit rates 0.8, 0.7, ..., 0.1: firms best first in slot order.
  sim.firms.profit.set([8, 7, 6, 5, 4, 3, 2, 1]);
  return sim;
}

describe('guidance fund', () => {
  it('places its tranche in the best firms, keeping what it owes the other region', () => {
    const sim = world(10);
    sim.firms.outsideShare[0] = 0.5;
    investFunds(sim);
    // Tranche 0.4 x 10 = 4, at most 0.1 x 10 = 1 per firm. r1 is owed 1.6 x 5 = 8, so r0's firms may
    // receive only 10 - 8 = 2: firms 0 and 1 get 1 each, firms 2 and 3 (r0) none, firms 4 and 5 (r1) 1 each.
    expect(Array.from(sim.firms.fundIn.subarray(0, 8))).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
    expect(Array.from(sim.flows.fundInvestedByRegion)).toEqual([2, 2]);
    expect(sim.flows.fundInvested[0]).toBe(4);
    expect(sim.cells.fundIn[CELL.r0a]).toBe(2);
    expect(sim.cells.fundIn[CELL.r1a]).toBe(2);
    // New shares at book value: 1 / (10 + 1); the other owners are diluted by 10 / 11.
    expect(sim.firms.fundShare[0][0]).toBe(Math.fround(1 / 11));
    expect(sim.firms.fundShare[0][2]).toBe(0);
    expect(sim.firms.outsideShare[0]).toBe(Math.fround(0.5 * (10 / 11)));
    const v = sim.state.funds[0].vintages[0];
    expect(v.cash).toBe(6);
    expect(v.costHeld).toBe(4);
    expect(v.investedByRegion).toEqual([2, 2]);
  });

  it('pays the fee and distributes dividends to the governments by paid-in', () => {
    const sim = world(10, { cash: 6, costHeld: 4, investedByRegion: [2, 2] });
    sim.flows.fundDividends[0] = 1;
    bookFundReturns(sim);
    // Income 1 (the only vintage); fee 0.02 x paid-in 10 = 0.2 (investment period); 0.8 to pay out.
    // No gain yet (0.8 < paid-in 10): no carry; each government 0.8 x 5 / 10 = 0.4.
    expect(sim.flows.fundFees[0]).toBeCloseTo(0.2, 12);
    expect(sim.flows.fundCarry[0]).toBe(0);
    expect(sim.flows.distributions[0]).toBeCloseTo(0.4, 12);
    expect(sim.flows.distributions[1]).toBeCloseTo(0.4, 12);
    const v = sim.state.funds[0].vintages[0];
    expect(v.cash).toBe(6);
    expect(v.fees).toBeCloseTo(0.2, 12);
    expect(v.closed).toBe(false);
  });

  it('at the end of its life sells its stakes to outside buyers and pays out, after carry', () => {
    const sim = world(1, { cash: 6, costHeld: 4, investedByRegion: [2, 2] });
    sim.firms.fundShare[0][0] = 0.25;
    sim.firms.outsideShare[0] = 0.5;
    sim.end.nav[0] = 5; // the stakes' book value
    bookFundReturns(sim);
    // Fee 0.2 from cash (no income): cash 5.8. Proceeds 1.5 x 4 x 5 / 4 = 7.5. Payout 5.8 + 7.5 = 13.3;
    // gain 13.3 - 10 = 3.3, carry 0.2 x 3.3 = 0.66; partners 12.64, each government 6.32.
    expect(sim.flows.fundExitProceeds[0]).toBeCloseTo(7.5, 12);
    expect(sim.flows.fundCarry[0]).toBeCloseTo(0.66, 12);
    expect(sim.flows.fundDistributed[0]).toBeCloseTo(12.64, 12);
    expect(sim.flows.distributions[0]).toBeCloseTo(6.32, 12);
    // The stake passes to outside owners; the vintage closes.
    expect(sim.firms.fundShare[0][0]).toBe(0);
    expect(sim.firms.outsideShare[0]).toBe(0.75);
    expect(sim.end.nav[0]).toBe(0);
    const v = sim.state.funds[0].vintages[0];
    expect(v.closed).toBe(true);
    expect(v.costHeld).toBe(0);
    expect(v.cash).toBe(0);
  });
});
