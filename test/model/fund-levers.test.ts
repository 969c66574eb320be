/**
 * The fund design levers (docs/ODD.md 7.4, 7.13, 7.17): distributions shared by
 * where a vintage invested, a cap on one region's share of a vintage's
 * investment, and side payments between cooperating governments.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation, type Simulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import { bookAccounts } from '../../src/model/accounts.js';
import { governmentPart } from '../../src/model/fund-sharing.js';
import type { VintageState } from '../../src/model/state.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/** Two regions of equal firms in four sectors; both cooperate; budgets, entry and upgrades as the defaults. */
function world(overrides: { fund?: Record<string, unknown>; policy?: Record<string, unknown>; steps?: number; firms?: number; shares?: [number, number] }): ScenarioInput {
  const [a, b] = overrides.shares ?? [0.6, 0.4];
  return {
    name: 'levers',
    time: { start: 2000, steps: overrides.steps ?? 8 },
    sectors: ['a', 'b', 'c', 'd'].map((id, k) => ({ id, name: id, demandGrowth: 0.03 + 0.01 * k })),
    regions: [
      { id: 'r0', name: 'r0', capitalShare: a, sectorShares: { a: 0.4, b: 0.3, c: 0.2, d: 0.1 } },
      { id: 'r1', name: 'r1', capitalShare: b, sectorShares: { a: 0.1, b: 0.2, c: 0.3, d: 0.4 } },
    ],
    initial: { firms: overrides.firms ?? 400, zoneCapital: 100 },
    governments: { r0: { strategy: 'cooperate' }, r1: { strategy: 'cooperate' } },
    policy: overrides.policy ?? {},
    fund: { enabled: true, ...(overrides.fund ?? {}) },
  };
}

function simulate(input: ScenarioInput, seed = 3): Simulation {
  const config = normalizeScenario(ScenarioSchema.parse(input));
  const sim = createSimulation(config, { seed, replication: 0, keepLog: false });
  const scratch = createStepScratch(sim);
  for (let t = 0; t < config.steps; t++) stepSimulation(sim, scratch);
  return sim;
}

const vintage = (paidInGov: number[], privatePaidIn: number, investedByRegion: number[]): VintageState => ({
  step: 0, paidInGov, privatePaidIn, investedByRegion, costHeld: 0, cash: 0, fees: 0, carry: 0, distributedGov: paidInGov.map(() => 0), distributedPrivate: 0, closed: false,
});

describe('distribution sharing', () => {
  it('shares the governments\' part by paid-in, or its invested part by where the vintage invested', () => {
    const v = vintage([30, 10], 20, [10, 30]); // paid in 60, of which governments 40
    // paid-in: 100 x 30 / 60 and 100 x 10 / 60.
    expect(governmentPart(v, 'paid-in', 100, 0, 60, 0)).toBeCloseTo(50, 12);
    expect(governmentPart(v, 'paid-in', 100, 0, 60, 1)).toBeCloseTo(100 / 6, 12);
    // invested, all earned: the governments' 100 x 40 / 60 split 1:3 by investment.
    expect(governmentPart(v, 'invested', 100, 0, 60, 0)).toBeCloseTo((200 / 3) * 0.25, 12);
    expect(governmentPart(v, 'invested', 100, 0, 60, 1)).toBeCloseTo((200 / 3) * 0.75, 12);
    // Half of it undeployed cash: that half goes back by paid-in.
    expect(governmentPart(v, 'invested', 100, 0.5, 60, 1)).toBeCloseTo((200 / 3) * (0.5 * 0.25 + 0.5 * 0.75), 12);
    // Nothing invested yet: by paid-in under either rule.
    expect(governmentPart(vintage([30, 10], 20, [0, 0]), 'invested', 100, 0, 60, 0)).toBeCloseTo(50, 12);
  });

  it('under invested, a government that paid nothing in receives the returns on what the fund placed in its region', () => {
    // Only r0 pays in (a one-off commitment); the fund places it wherever the best firms are.
    const fund = { size: 10, sizeShares: { r0: 1, r1: 0 }, receivesCooperation: false, reinvestment: 0, leverage: 0, deployRate: 1, investmentPeriod: 1, life: 5, managementFee: 0, carry: 0 };
    const paidIn = simulate(world({ fund: { ...fund, distributionSharing: 'paid-in' } }));
    const invested = simulate(world({ fund: { ...fund, distributionSharing: 'invested' } }));
    const byRegion = invested.state.funds[0].vintages[0].investedByRegion;
    expect(byRegion[0]).toBeGreaterThan(0);
    expect(byRegion[1]).toBeGreaterThan(0);
    const received = (sim: Simulation, r: number) => sim.state.funds[0].vintages.reduce((a, v) => a + v.distributedGov[r], 0);
    expect(received(paidIn, 1)).toBe(0);
    expect(received(invested, 1)).toBeGreaterThan(0);
    // After the first year (undeployed cash went back by paid-in), every payout follows the investment.
    const [v] = invested.state.funds[0].vintages;
    const step0 = 0; // recorded distributions of the first year include the undeployed cash
    const later = invested.records.slice(step0 + 1).reduce((a, rec) => a.map((x, r) => x + rec.region.fund_distributions[r]), [0, 0]);
    expect(sum(later)).toBeGreaterThan(0);
    expect(later[1] / sum(later)).toBeCloseTo(v.investedByRegion[1] / sum(v.investedByRegion), 9);
  });
});

describe('region cap', () => {
  const capped = (cap: number) => world({ fund: { regionCap: cap, reinvestment: 0 }, shares: [0.75, 0.25], steps: 10, firms: 600 });
  const shareOfLargest = (sim: Simulation) =>
    Math.max(
      ...sim.state.funds[0].vintages
        .filter((v) => sum(v.investedByRegion) > 0)
        .map((v) => Math.max(...v.investedByRegion) / sum(v.investedByRegion)),
    );

  it('keeps every vintage\'s investment in one region at most at the cap when the other region has firms to back', () => {
    const free = simulate(capped(1));
    const cap = 0.6;
    expect(shareOfLargest(free)).toBeGreaterThan(cap); // the cap binds
    const sim = simulate(capped(cap));
    for (const v of sim.state.funds[0].vintages) {
      const total = sum(v.investedByRegion);
      for (const x of v.investedByRegion) expect(x).toBeLessThanOrEqual(cap * total + 1e-9 * Math.max(1, total));
    }
  });

  it('of 1 changes nothing', () => {
    const a = simulate(capped(1));
    const b = simulate(world({ fund: { reinvestment: 0 }, shares: [0.75, 0.25], steps: 10, firms: 600 }));
    expect(a.records.map((r) => r.region)).toEqual(b.records.map((r) => r.region));
  });
});

describe('side payments', () => {
  const paying = (s: number) => world({ policy: { sidePayment: s }, steps: 12 });

  it('move money from the region above its reference share of value added to the one below, once paid and once received', () => {
    const s = 0.5;
    const config = normalizeScenario(ScenarioSchema.parse(paying(s)));
    const sim = createSimulation(config, { seed: 3, replication: 0, keepLog: false });
    const reference = Array.from(sim.previous.valueAdded);
    const scratch = createStepScratch(sim);
    let paidAny = 0;
    for (let t = 0; t < config.steps; t++) {
      const rec = stepSimulation(sim, scratch);
      const va = rec.region.value_added;
      const zone = sum(va);
      const excess = va.map((x, r) => x - (zone * reference[r]) / sum(reference));
      const f = sim.flows;
      // What the one above pays is s x its excess; the other receives exactly that.
      for (let r = 0; r < 2; r++) {
        if (excess[r] > 0) {
          expect(f.sidePaymentsPaid[r]).toBeCloseTo(s * excess[r], 9);
          expect(f.sidePaymentsReceived[r]).toBe(0);
        } else {
          expect(f.sidePaymentsPaid[r]).toBe(0);
        }
      }
      expect(sum(f.sidePaymentsReceived)).toBeCloseTo(sum(f.sidePaymentsPaid), 9);
      expect(sum(rec.region.side_payments)).toBeCloseTo(0, 9);
      const ledger = bookAccounts(sim).find((flow) => flow.name === 'side payments between governments')!;
      expect(sum(ledger.received)).toBeCloseTo(sum(ledger.paid), 9);
      paidAny += sum(f.sidePaymentsPaid);
    }
    expect(paidAny).toBeGreaterThan(0);
  });

  it('enter the fiscal balance and consumption of both governments, and change nothing else in the year they are first paid', () => {
    const without = simulate(paying(0), 5);
    const withPayments = simulate(paying(0.5), 5);
    const t = withPayments.records.findIndex((rec) => rec.region.side_payments.some((x) => x !== 0));
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(withPayments.records.length - 1);
    // Before the first payment the runs are the same.
    for (let u = 0; u < t; u++) expect(withPayments.records[u].region).toEqual(without.records[u].region);
    const [a, b] = [without.records[t].region, withPayments.records[t].region];
    expect(b.value_added).toEqual(a.value_added);
    for (let r = 0; r < 2; r++) {
      expect(b.fiscal_balance[r] - a.fiscal_balance[r]).toBeCloseTo(b.side_payments[r], 9);
      expect(b.consumption[r] - a.consumption[r]).toBeCloseTo(b.side_payments[r], 9);
      expect(b.resident_income[r] - a.resident_income[r]).toBeCloseTo(b.side_payments[r], 9);
      expect(b.resident_investment[r]).toBe(a.resident_investment[r]);
    }
    // The next year, net receipts are revenue: investShare (default 0.3) of them joins the budget.
    for (let r = 0; r < 2; r++)
      expect(withPayments.records[t + 1].region.budget[r] - without.records[t + 1].region.budget[r]).toBeCloseTo(0.3 * b.side_payments[r], 9);
  });

  it('are not paid while fewer than two governments cooperate', () => {
    const input = paying(1) as any;
    input.governments.r1 = { strategy: 'invest' };
    const sim = simulate(input);
    for (const rec of sim.records) expect(rec.region.side_payments).toEqual([0, 0]);
  });
});

describe('the levers in events', () => {
  it('can be changed by an event: a cap, a sharing rule and side payments from a year on', () => {
    const input = world({ steps: 6 }) as any;
    input.events = [{ year: 2003, label: 'fund design', set: { 'fund.regionCap': 0.55, 'fund.distributionSharing': 'invested', 'policy.sidePayment': 0.4 } }];
    const config = normalizeScenario(ScenarioSchema.parse(input));
    expect(config.events[0].changes).toEqual([
      { path: ['funds', 0, 'regionCap'], op: 'set', value: 0.55 },
      { path: ['funds', 0, 'distributionSharing'], op: 'set', value: 'invested' },
      { path: ['policy', 'sidePayment'], op: 'set', value: 0.4 },
    ]);
    const sim = simulate(input);
    expect(sim.state.params.funds[0]).toMatchObject({ regionCap: 0.55, distributionSharing: 'invested' });
    expect(sim.state.params.policy.sidePayment).toBe(0.4);
    for (const rec of sim.records.slice(0, 3)) expect(rec.region.side_payments).toEqual([0, 0]);
  });

  it('reject a sharing rule that does not exist', () => {
    const input = world({ steps: 6 }) as any;
    input.events = [{ year: 2003, label: 'typo', set: { 'fund.distributionSharing': 'invest' } }];
    expect(() => normalizeScenario(ScenarioSchema.parse(input))).toThrow(/expected one of paid-in, invested/);
  });
});
