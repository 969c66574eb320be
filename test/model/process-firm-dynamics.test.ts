/**
 * Step 6, firms act (firm-dynamics.ts), on the tiny world by hand: investment
 * (reinvested profit, scaled down by the accelerator below the target
 * utilization, plus grants pro rata to capital and fund money), depreciation,
 * exit (loss years or capital below the minimum; scrap and write-off) and
 * entry (Poisson in the cell's pull, entrants at the cell's mean productivity
 * and technology), with scripted random draws where the process draws.
 */
import { describe, expect, it } from 'vitest';
import { enterFirms, investAndUpgrade } from '../../src/model/firm-dynamics.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import { CELL, processWorld, scripted } from '../helpers/process-world.js';

function world(): Simulation {
  const sim = processWorld();
  const p = sim.state.params;
  p.firms = {
    ...p.firms,
    reinvestShare: 0.5,
    investUtilization: 0.8,
    investSensitivity: 2,
    depreciation: 0.1,
    exitLossYears: 3,
    exitMinCapital: 1,
    exitRecovery: 0.2,
    upgradeBase: 0,
    upgradeProfit: 0,
    upgradeFund: 0,
  };
  return sim;
}

describe('firm dynamics', () => {
  it('invest, depreciate and exit', () => {
    const sim = world();
    const { firms } = sim;
    // Sector a sells at capacity, b at half the target utilization 0.8.
    sim.market.utilization.set([1, 0.4]);
    // Grants: 3 to cell (r0, a), whose capital is 20 when budgets are spent.
    sim.cells.grants.fill(0);
    sim.cells.grants[CELL.r0a] = 3;
    sim.cells.capital.set([20, 11, 20, 20]);
    firms.capital[3] = 1;
    firms.profit.set([2, -1, 4, 0, 0, 0, 0, 0]);
    firms.fundIn[0] = 0.5;
    firms.lossYears.fill(0);
    firms.lossYears[1] = 3;
    investAndUpgrade(sim);
    // Firm 0: own 0.5 x 2 = 1, grant 3 x 10 / 20 = 1.5, fund 0.5: K = 10 - 0.1 x 10 + 1 + 1.5 + 0.5 = 12.
    // Firm 1: three loss years: exits with 10 - 1 + 1.5 (its grant) = 10.5; scrap 0.2 x 10.5 = 2.1, 8.4 written off.
    // Firm 2 (sector b): reinvested share 0.5 x (0.4 / 0.8)^2 = 0.125: K = 10 - 1 + 0.125 x 4 = 9.5.
    // Firm 3: 1 - 0.1 = 0.9 < exitMinCapital 1: exits; scrap 0.18, 0.72 written off.
    // Firms 4-7: no profit, no grant: 10 - 1 = 9.
    expect(firms.count).toBe(6);
    expect(Array.from(firms.capital.subarray(0, 6))).toEqual([12, 9.5, 9, 9, 9, 9]);
    expect(Array.from(firms.region.subarray(0, 6))).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from(firms.sector.subarray(0, 6))).toEqual([0, 1, 0, 0, 1, 1]);
    expect(Array.from(firms.age.subarray(0, 6))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(firms.fundIn[0]).toBe(0); // fund money is used once
    const f = sim.flows;
    expect(f.depreciation).toBeCloseTo(0.1 * (10 + 10 + 10 + 1 + 4 * 10), 12); // 7.1
    expect(f.ownInvestment).toBeCloseTo(1 + 0.5, 12);
    expect(f.grantInvestment).toBeCloseTo(3, 12);
    expect(f.fundInvestment).toBeCloseTo(0.5, 12);
    expect(Array.from(f.exits)).toEqual([2, 0]);
    expect(f.exitedCapital).toBeCloseTo(10.5 + 0.9, 12);
    expect(f.scrapSold).toBeCloseTo(0.2 * 11.4, 12);
    expect(f.writtenOff[0]).toBeCloseTo(8.4 + 0.72, 12);
    // End-of-step tallies per cell, and the new cell runs over the survivors.
    expect(Array.from(sim.end.capital)).toEqual([12, 9.5, 18, 18]);
    expect(Array.from(sim.end.count)).toEqual([1, 1, 2, 2]);
    expect(sim.cells.ownInvestment[CELL.r0b]).toBeCloseTo(0.5, 12);
    expect(Array.from(sim.runs.cell.subarray(0, sim.runs.count))).toEqual([0, 1, 2, 3]);
  });

  it('enter where the pull is, at the sector mean size and the cell mean productivity', () => {
    const sim = world();
    const p = sim.state.params;
    p.firms = { ...p.firms, entryRate: 0.5, entryFloor: 0, entryProfitSensitivity: 10, normalProfitRate: 0.1, entryGrantSensitivity: 0, entrantSize: 0.5, entryOutsideShare: 0.25 };
    // Only (r0, a) pulls: 1 + 10 x (0.2 - 0.1) = 2; elsewhere 1 + 10 x (-1 - 0.1) < 0, so a mean of 0 and no draw.
    sim.previous.cellProfitRate.set([0.2, -1, -1, -1]);
    sim.cells.grants.fill(0);
    // Survivors' tallies: 2 firms of capital 10 in each cell; in (r0, a) productivities summing to 2.5, technology to 0.75.
    sim.end.count.set([2, 2, 2, 2]);
    sim.end.capital.set([20, 20, 20, 20]);
    sim.end.productivity.set([2.5, 2, 2, 2]);
    sim.end.tech.set([0.75, 0, 0, 0]);
    // Poisson(mean 0.5 x 2 x 2 = 2) by products of uniforms: 0.5 > e^-2, 0.5 x 0.1 = 0.05 < e^-2 = 0.135: one entrant.
    // Its size draw: normal sqrt(-2 ln 0.5) cos(2 pi 0.25) = 0 (to rounding).
    const random = scripted([0.5, 0.1, 0.5, 0.25]);
    sim.streams.entry = random;
    enterFirms(sim);
    expect(random.left()).toBe(0);
    expect(sim.firms.count).toBe(9);
    const slot = 8;
    // Size: entrantSize 0.5 x sector a's mean capital (20 + 20) / 4 = 10, times exp(0.5 x 0 - 0.125).
    const size = 0.5 * 10 * Math.exp(-0.125);
    expect(sim.firms.capital[slot]).toBeCloseTo(size, 12);
    expect(sim.firms.region[slot]).toBe(0);
    expect(sim.firms.sector[slot]).toBe(0);
    expect(sim.firms.productivity[slot]).toBe(Math.fround(2.5 / 2));
    expect(sim.firms.tech[slot]).toBe(Math.fround(0.75 / 2));
    expect(Array.from(sim.flows.entries)).toEqual([1, 0]);
    // Founding capital: a quarter from outside, the rest from r0's residents.
    expect(sim.flows.outsideEntry).toBeCloseTo(0.25 * size, 12);
    expect(sim.flows.residentEntry[0]).toBeCloseTo(0.75 * size, 12);
    expect(sim.end.count[CELL.r0a]).toBe(3);
  });
});
