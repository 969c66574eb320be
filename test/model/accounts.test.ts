/**
 * Ownership accounts (docs/ODD.md 7.16). Over random scenarios, at every step:
 * each flow is paid once and received once (over all accounts, receipts less
 * payments is zero), the firms' net receipts are their gross investment, and
 * the change in zone capital is all investment less depreciation, write-offs
 * and capital sold for scrap. Plus hand-computed cases: one exit (scrap and
 * write-off split pro rata among owners) and one fund exit (outside buyers pay
 * exitPriceToBook x book value and take the stake over). The random scenarios
 * draw the fund design levers too, so side payments between governments are
 * checked to be paid once and received once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation, type Simulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import { accountNames, bookAccounts } from '../../src/model/accounts.js';
import { tinyWorld } from '../helpers/tiny-world.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const TOLERANCE = 1e-9;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
const zoneCapital = (sim: Simulation) => sum(sim.firms.capital.subarray(0, sim.firms.count));

/** Random scenarios, with the ownership parameters and the fund design levers (sharing, region cap, side payments) drawn too. */
const levers = fc.record({
  sharing: fc.constantFrom('paid-in', 'invested'),
  regionCap: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  sidePayment: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
});
const scenarios = fc
  .tuple(arbitraryScenario, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), levers)
  .map(([input, initialOutside, entryOutside, recovery, priceToBook, lever]) => {
    const s = structuredClone(input) as any;
    s.initial.outsideShare = initialOutside;
    s.firms = { ...(s.firms ?? {}), entryOutsideShare: entryOutside, exitRecovery: recovery };
    s.fund.exitPriceToBook = priceToBook;
    s.fund.distributionSharing = lever.sharing;
    s.fund.regionCap = lever.regionCap;
    s.policy = { ...(s.policy ?? {}), sidePayment: lever.sidePayment };
    return s as ScenarioInput;
  });

function checkStep(sim: Simulation, capitalBefore: number): void {
  const names = accountNames(sim);
  const ledger = bookAccounts(sim);
  let scale = 1;
  for (const flow of ledger) {
    const paid = sum(flow.paid);
    const received = sum(flow.received);
    const flowScale = Math.max(1, Math.abs(paid), Math.abs(received), ...Array.from(flow.paid, Math.abs), ...Array.from(flow.received, Math.abs));
    scale = Math.max(scale, flowScale);
    expect(Math.abs(received - paid), `${flow.name}: received ${received}, paid ${paid}`).toBeLessThanOrEqual(TOLERANCE * flowScale);
  }
  const net = names.map((_, a) => ledger.reduce((x, flow) => x + flow.received[a] - flow.paid[a], 0));
  expect(Math.abs(sum(net))).toBeLessThanOrEqual(TOLERANCE * scale);
  const f = sim.flows;
  const investment = f.ownInvestment + f.grantInvestment + f.offerInvestment + f.fundInvestment + f.entrantCapital;
  // The firms' account nets to their gross investment.
  expect(Math.abs(net[names.indexOf('firms')] - investment)).toBeLessThanOrEqual(TOLERANCE * scale);
  // Capital: change = investment - depreciation - write-offs - scrap.
  const writtenOff = sum(f.writtenOff);
  const capitalAfter = zoneCapital(sim);
  expect(Math.abs(f.capitalStart - capitalBefore)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, capitalBefore));
  const expected = capitalBefore + investment - f.depreciation - writtenOff - f.scrapSold;
  expect(Math.abs(capitalAfter - expected), `capital ${capitalAfter} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, capitalBefore, investment));
  expect(Math.abs(writtenOff + f.scrapSold - f.relocationLoss - f.exitedCapital)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, f.exitedCapital));
  // Shares stay shares.
  for (let i = 0; i < sim.firms.count; i++) {
    let owned = sim.firms.outsideShare[i];
    for (const share of sim.firms.fundShare) owned += share[i];
    expect(owned).toBeLessThanOrEqual(1 + 1e-5);
    expect(sim.firms.outsideShare[i]).toBeGreaterThanOrEqual(0);
  }
}

describe('ownership accounts', () => {
  it('conserve every flow and the capital stock at every step (random scenarios)', () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const config = normalizeScenario(ScenarioSchema.parse(input));
        const sim = createSimulation(config, { seed, replication: 0, keepLog: false });
        const scratch = createStepScratch(sim);
        for (let t = 0; t < config.steps; t++) {
          const before = zoneCapital(sim);
          stepSimulation(sim, scratch);
          checkStep(sim, before);
        }
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});

const tinyScenario = (fund: Record<string, unknown>): ScenarioInput => tinyWorld({ fund, investShare: 0, outsideShare: 0.25, exitRecovery: 0.3 });

describe('ownership accounts, by hand', () => {
  it('an exiting firm is sold for scrap at exitRecovery of book value, paid to its owners pro rata, the rest written off', () => {
    const config = normalizeScenario(ScenarioSchema.parse(tinyScenario({ enabled: true, size: 0, receivesCooperation: false })));
    const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
    const firms = sim.firms;
    // Firm 0 (region r0): capital below the exit floor; owned 20% by the fund, 30% outside, 50% residents of r0.
    const k0 = 1e-4;
    firms.capital[0] = k0;
    sim.end.capital[0] -= 10 - k0; // the cell tally the step starts from (each firm holds 80 / 8 = 10)
    firms.fundShare[0][0] = 0.2;
    firms.outsideShare[0] = 0.3;
    stepSimulation(sim, createStepScratch(sim));
    const book = k0 * (1 - config.firms.depreciation); // nothing reinvested, no grants
    const scrap = 0.3 * book;
    const f = sim.flows;
    expect(f.exits[0]).toBe(1);
    expect(f.scrapSold).toBeCloseTo(scrap, 15);
    expect(f.writtenOff[0]).toBeCloseTo(0.7 * book, 15);
    expect(f.writtenOff[1]).toBe(0);
    expect(f.fundScrap[0]).toBeCloseTo(Math.fround(0.2) * scrap, 15);
    expect(f.outsideScrap).toBeCloseTo(Math.fround(0.3) * scrap, 15);
    expect(f.residentScrap[0]).toBeCloseTo((1 - Math.fround(0.2) - Math.fround(0.3)) * scrap, 15);
    expect(f.residentScrap[1]).toBe(0);
    expect(f.fundWrittenOff[0]).toBeCloseTo(Math.fround(0.2) * 0.7 * book, 15);
    expect(sim.records[0].region.scrap_proceeds[0]).toBe(f.residentScrap[0]);
    expect(sim.records[0].zone.outside_scrap_purchases).toBeCloseTo(scrap, 15);
  });

  it('a fund exit sells the stake to outside buyers at exitPriceToBook x book value, and the stake becomes outside-owned', () => {
    const config = normalizeScenario(
      ScenarioSchema.parse(tinyScenario({ enabled: true, size: 4, leverage: 0, receivesCooperation: false, life: 2, investmentPeriod: 1, deployRate: 1, capPerFirm: 0.1, exitPriceToBook: 0.8, managementFee: 0, reinvestment: 0 })),
    );
    const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
    const scratch = createStepScratch(sim);
    stepSimulation(sim, scratch); // step 0: the vintage invests 10% of each firm it picks
    const firms = sim.firms;
    const n = firms.count;
    const stake = Array.from(firms.fundShare[0].subarray(0, n));
    const outsideBefore = Array.from(firms.outsideShare.subarray(0, n));
    expect(sum(sim.flows.fundInvested)).toBeGreaterThan(0);
    // A stake bought at book value dilutes the outside owners: (1 - stake) of their 25%.
    for (let i = 0; i < n; i++) expect(outsideBefore[i]).toBeCloseTo(Math.fround(0.25) * (1 - stake[i]), 6);
    stepSimulation(sim, scratch); // step 1: the vintage ends its life and sells everything
    expect(sim.flows.exits.every((x) => x === 0)).toBe(true);
    const book = stake.reduce((a, s, i) => a + s * firms.capital[i], 0);
    expect(book).toBeGreaterThan(0);
    expect(sim.flows.fundExitProceeds[0]).toBeCloseTo(0.8 * book, 12);
    expect(sim.records[1].zone.outside_exit_purchases).toBeCloseTo(0.8 * book, 12);
    for (let i = 0; i < n; i++) {
      expect(firms.fundShare[0][i]).toBe(0);
      expect(firms.outsideShare[i]).toBeCloseTo(outsideBefore[i] + stake[i], 6);
    }
    // After the exit, the stake's profit goes outside: the outside owners' profit share is their whole share.
    stepSimulation(sim, scratch);
    const f = sim.flows;
    let outsideProfit = 0;
    for (let i = 0; i < firms.count; i++) {
      const p = firms.profit[i];
      outsideProfit += firms.outsideShare[i] * p; // nothing reinvested, no fund stakes left
    }
    expect(f.outsideProfit).toBeCloseTo(outsideProfit, 9);
  });
});
