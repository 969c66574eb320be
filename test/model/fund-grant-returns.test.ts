/**
 * Fund returns with and without the grant-inflated book value (docs/ODD.md 7.13):
 * over random scenarios the tracked grant-financed value stays within the stakes'
 * book value and the ex-grant measures differ from the plain ones by exactly what
 * is tracked; with no grants they coincide; and by hand, in a tiny world, the
 * tracked value is the fund's share of each grant depreciated like capital, and
 * an exit pays for its part at exitPriceToBook. Also the leverage metric: the
 * private partners' part of the fund money placed in each region.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation, type Simulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import type { StepRecord } from '../../src/model/record.js';
import { tinyWorld } from '../helpers/tiny-world.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
const near = (a: number, b: number, scale: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(scale));

function checkStep(sim: Simulation, record: StepRecord): void {
  const z = record.zone;
  for (let f = 0; f < sim.end.nav.length; f++) {
    // Grant-financed value is a part of the stakes' book value (float32 shares: a relative slack).
    expect(sim.end.navGrants[f]).toBeGreaterThanOrEqual(0);
    expect(sim.end.navGrants[f]).toBeLessThanOrEqual(sim.end.nav[f] * (1 + 1e-5) + 1e-12);
    expect(sim.flows.fundDistributedGrants[f]).toBeLessThanOrEqual(sim.flows.fundDistributed[f] * (1 + 1e-12) + 1e-12);
  }
  expect(z.fund_grant_nav).toBe(sum(sim.end.navGrants));
  expect(z.fund_dpi).toBeLessThanOrEqual(z.fund_tvpi + 1e-12);
  expect(z.fund_dpi_ex_grants).toBeLessThanOrEqual(z.fund_dpi + 1e-12);
  if (z.fund_committed > 0) {
    // The ex-grant measures differ from the plain ones by exactly the tracked amounts.
    expect(near(z.fund_tvpi - z.fund_tvpi_ex_grants, (z.fund_grant_nav + z.fund_grant_distributions_cumulative) / z.fund_committed, z.fund_tvpi)).toBe(true);
    expect(near(z.fund_dpi - z.fund_dpi_ex_grants, z.fund_grant_distributions_cumulative / z.fund_committed, z.fund_dpi)).toBe(true);
    expect(near(z.fund_dpi, z.fund_distributions_cumulative / z.fund_committed, z.fund_dpi)).toBe(true);
  } else {
    expect(z.fund_dpi).toBe(0);
    expect(z.fund_tvpi_ex_grants).toBe(0);
  }
  // Every vintage's private partners put in leverage x what its governments put in, so
  // their part of what a region receives is L / (1 + L) of it (one fund, leverage fixed).
  const leverage = sim.config.funds[0]?.leverage ?? 0;
  record.region.fund_outside_capital_in.forEach((outside, r) => {
    expect(near(outside, (record.region.fund_invested[r] * leverage) / (1 + leverage), record.region.fund_invested[r])).toBe(true);
  });
}

function runChecked(input: ScenarioInput, seed: number): StepRecord[] {
  const config = normalizeScenario(ScenarioSchema.parse(input));
  const sim = createSimulation(config, { seed, replication: 0, keepLog: false });
  const scratch = createStepScratch(sim);
  for (let t = 0; t < config.steps; t++) checkStep(sim, stepSimulation(sim, scratch));
  return sim.records;
}

/** No industrial budget anywhere: no grants, no relocation offers (the fund lives on its one-off size). */
function withoutGrants(input: ScenarioInput): ScenarioInput {
  const s = structuredClone(input) as any;
  for (const g of Object.values(s.governments) as Record<string, unknown>[]) Object.assign(g, { investShare: 0, transfers: 0 });
  s.fund = { ...s.fund, enabled: true, size: Math.max(5, s.fund.size) };
  return s as ScenarioInput;
}

describe('fund returns with and without grants', () => {
  it('track a grant-financed value within the book value, and the ex-grant measures differ by exactly it (random scenarios)', () => {
    fc.assert(fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (input, seed) => void runChecked(input, seed)), { numRuns: 40, seed: 20261204 });
  });

  it('follow their ledger: relocation losses and exits take their pro-rata part, depreciation its rate, a vintage exit the part sold (random scenarios)', () => {
    const seen = { grants: 0, relocation: 0, exits: 0, sales: 0 };
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const s = structuredClone(input) as any;
        // Funds that hold many firms, and governments that poach them: stakes move and exit.
        s.fund = { ...s.fund, enabled: true, size: Math.max(20, s.fund.size), capPerFirm: 0.5 };
        for (const g of Object.values(s.governments) as Record<string, unknown>[]) g.strategy = 'compete';
        s.firms = { ...(s.firms ?? {}), relocationProbability: 1, movingCost: 0 };
        const config = normalizeScenario(ScenarioSchema.parse(s));
        const sim = createSimulation(config, { seed, replication: 0, keepLog: false });
        const scratch = createStepScratch(sim);
        const F = config.funds.length;
        let expected = new Float64Array(F);
        const grants = new Float64Array(F);
        let afterPass = new Float64Array(F);
        let navAfterPass = new Float64Array(F);
        scratch.lap = (part) => {
          if (part === 'relocation') {
            // Before the investment pass: last step's book value plus this step's purchases, and what moves lost.
            expected = Float64Array.from(sim.end.navGrants, (g, f) => {
              const before = sim.end.nav[f] + sim.flows.fundInvested[f];
              const kept = before > 0 ? Math.max(0, 1 - sim.flows.fundRelocationLoss[f] / before) : 0;
              if (sim.flows.fundRelocationLoss[f] > 0 && g > 0) seen.relocation++;
              return g * kept * (1 - sim.state.params.firms.depreciation);
            });
            // The stakes' part of the grants (by cell, pro rata to capital) and, for the firms
            // that moved, of the grant they had where they were and the offer they took.
            const { firms, cells, sectorCount: K } = sim;
            const { moves } = sim.scratch;
            const moved = new Map(Array.from(moves.firm.subarray(0, moves.count), (i, m) => [i, moves.grant[m] + moves.offer[m]]));
            grants.fill(0);
            for (let i = 0; i < firms.count; i++) {
              const cell = firms.region[i] * K + firms.sector[i];
              const received = moved.get(i) ?? (cells.capital[cell] > 0 ? (cells.grants[cell] * firms.capital[i]) / cells.capital[cell] : 0);
              for (let f = 0; f < F; f++) grants[f] += firms.fundShare[f][i] * received;
            }
          } else if (part === 'investment and exit') {
            for (let f = 0; f < F; f++) {
              expect(near(sim.flows.fundGrants[f], grants[f], grants[f])).toBe(true);
              const withGrants = expected[f] + sim.flows.fundGrants[f];
              const exited = sim.flows.fundWrittenOff[f] + sim.flows.fundScrap[f];
              const gross = sim.end.nav[f] + exited;
              const left = gross > 0 ? withGrants * (sim.end.nav[f] / gross) : 0;
              if (sim.flows.fundGrants[f] > 0) seen.grants++;
              if (exited > 0 && withGrants > 0) seen.exits++;
              expect(near(sim.end.navGrants[f], left, withGrants)).toBe(true);
              expect(near(sim.flows.fundScrapGrants[f], exited > 0 ? ((withGrants - left) * sim.flows.fundScrap[f]) / exited : 0, withGrants)).toBe(true);
            }
            afterPass = sim.end.navGrants.slice();
            navAfterPass = sim.end.nav.slice();
          }
        };
        for (let t = 0; t < config.steps; t++) {
          stepSimulation(sim, scratch);
          for (let f = 0; f < F; f++) {
            const sold = afterPass[f] - sim.end.navGrants[f];
            // A vintage exit sells a fraction of every stake: the grant-financed value falls in that proportion...
            if (navAfterPass[f] > 0) expect(near(sim.end.navGrants[f], afterPass[f] * (sim.end.nav[f] / navAfterPass[f]), afterPass[f], 1e-5)).toBe(true);
            // ...and outside buyers pay exitPriceToBook for the part sold.
            expect(near(sim.flows.fundExitGrantProceeds[f], config.funds[f].exitPriceToBook * sold, afterPass[f])).toBe(true);
            if (sold > 0) seen.sales++;
          }
        }
      }),
      { numRuns: 40, seed: 20261206 },
    );
    // The branches were exercised, not skipped.
    for (const [branch, count] of Object.entries(seen)) expect(count, branch).toBeGreaterThan(0);
  });

  it('coincide with the plain measures when no grant or offer is paid', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        for (const record of runChecked(withoutGrants(input), seed)) {
          const z = record.zone;
          expect(z.fund_grant_nav).toBe(0);
          expect(z.fund_grant_distributions_cumulative).toBe(0);
          expect(z.fund_tvpi_ex_grants).toBe(z.fund_tvpi);
          expect(z.fund_dpi_ex_grants).toBe(z.fund_dpi);
          expect(Object.is(z.fund_irr_ex_grants, z.fund_irr)).toBe(true); // NaN alike when no rate exists
        }
      }),
      { numRuns: 25, seed: 20261205 },
    );
  });
});

const tinyScenario = (fund: Record<string, unknown>): ScenarioInput => tinyWorld({ fund, investShare: 0.5 });

describe('grant-financed book value, by hand', () => {
  it('is the fund share of each grant, depreciated like capital; an exit sells it at exitPriceToBook and pays it out', () => {
    const fund = { enabled: true, size: 4, leverage: 0.5, receivesCooperation: false, life: 3, investmentPeriod: 1, deployRate: 1, capPerFirm: 0.1, exitPriceToBook: 0.8, managementFee: 0, carry: 0, reinvestment: 0 };
    const config = normalizeScenario(ScenarioSchema.parse(tinyScenario(fund)));
    const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
    const scratch = createStepScratch(sim);
    const delta = config.firms.depreciation;
    // The fund's part of each firm's grant, worked out from the cells when firms invest
    // (after the fund has bought its stakes, before the investment pass).
    let expectedGrants = 0;
    scratch.lap = (part) => {
      if (part !== 'relocation') return;
      const { firms, cells, sectorCount: K } = sim;
      expectedGrants = 0;
      for (let i = 0; i < firms.count; i++) {
        const cell = firms.region[i] * K + firms.sector[i];
        expectedGrants += (firms.fundShare[0][i] * cells.grants[cell] * firms.capital[i]) / cells.capital[cell];
      }
    };
    let tracked = 0;
    for (let t = 0; t < 2; t++) {
      stepSimulation(sim, scratch);
      expect(sim.flows.exits.every((x) => x === 0)).toBe(true);
      expect(sim.flows.fundGrants[0]).toBeCloseTo(expectedGrants, 12);
      tracked = tracked * (1 - delta) + expectedGrants;
      expect(sim.end.navGrants[0]).toBeCloseTo(tracked, 12);
    }
    expect(sum(sim.flows.grants)).toBeGreaterThan(0);
    expect(tracked).toBeGreaterThan(0);
    // Step 2: the only vintage ends its life and sells every stake; the grant-financed
    // part of its book value is sold at 0.8 of book and, with no fee or carry, paid out in full.
    stepSimulation(sim, scratch);
    const beforeExit = tracked * (1 - delta) + expectedGrants;
    expect(sim.flows.fundExitGrantProceeds[0]).toBeCloseTo(0.8 * beforeExit, 12);
    expect(sim.flows.fundDistributedGrants[0]).toBeCloseTo(0.8 * beforeExit, 12);
    expect(sim.end.navGrants[0]).toBe(0);
    const z = sim.records[2].zone;
    expect(z.fund_grant_nav).toBe(0);
    expect(z.fund_grant_distributions_cumulative).toBeCloseTo(0.8 * beforeExit, 12);
    expect(z.fund_dpi).toBeCloseTo(z.fund_tvpi, 12); // nothing left but cash: every value is distributed (or still in cash)
    expect(z.fund_tvpi - z.fund_tvpi_ex_grants).toBeCloseTo((0.8 * beforeExit) / z.fund_committed, 12);
    expect(z.fund_irr_ex_grants).toBeLessThan(z.fund_irr);
    // Leverage: a third of what the vintage placed came from its private partners (L = 0.5).
    const placed = sim.records.map((r) => sum(r.region.fund_invested));
    const outside = sim.records.map((r) => sum(r.region.fund_outside_capital_in));
    expect(placed[0]).toBeGreaterThan(0);
    outside.forEach((x, t) => expect(x).toBeCloseTo(placed[t] / 3, 12));
  });
});
