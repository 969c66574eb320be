/**
 * Properties over random valid scenarios (fast-check): no NaN or Infinity in any
 * metric, output shares sum to 1, similarity in [0, 1], capital never negative,
 * and money conserved at every step: every yuan of government budget, fund
 * capital and firm capital is accounted for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import type { StepRecord } from '../../src/model/record.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(scale));

function checkRecord(record: StepRecord): void {
  for (const [name, values] of Object.entries(record.region)) for (const v of values) expect(Number.isFinite(v), `region ${name}`).toBe(true);
  for (const [name, values] of Object.entries(record.pair)) for (const v of values) expect(Number.isFinite(v), `pair ${name}`).toBe(true);
  for (const [name, v] of Object.entries(record.zone)) if (name !== 'fund_irr' && name !== 'fund_irr_ex_grants') expect(Number.isFinite(v), `zone ${name}`).toBe(true);
  for (const s of record.pair.similarity) expect(s >= 0 && s <= 1 + 1e-12).toBe(true);
  expect(record.zone.similarity >= 0 && record.zone.similarity <= 1 + 1e-12).toBe(true);
  for (const row of record.cells.output) {
    const total = row.reduce((a, b) => a + b, 0);
    if (total > 0) expect(close(row.reduce((a, x) => a + x / total, 0), 1, 1)).toBe(true);
  }
  for (const u of record.sectors.utilization) expect(u >= 0 && u <= 1 + 1e-12).toBe(true);
}

describe('invariants over random scenarios', () => {
  it('hold at every step', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const config = normalizeScenario(ScenarioSchema.parse(input));
        const sim = createSimulation(config, { seed, replication: 0, keepLog: false });
        const scratch = createStepScratch(sim);
        for (let t = 0; t < config.steps; t++) {
          const cashBefore = sim.state.funds.map((f) => f.vintages.reduce((a, v) => a + v.cash, 0));
          const record = stepSimulation(sim, scratch);
          const f = sim.flows;
          checkRecord(record);
          // Governments: budget + borrowing = grants + offers + fund payments + unspent.
          for (let r = 0; r < sim.regionCount; r++) {
            const sources = f.budget[r] + f.borrowing[r];
            expect(close(sources, f.grants[r] + f.offersPaid[r] + f.fundPaid[r] + f.unspent[r], sources)).toBe(true);
            expect(f.unspent[r]).toBeGreaterThanOrEqual(-1e-9);
          }
          // Firm capital: start - depreciation + all investment + entrants - losses - exits = end.
          let capitalEnd = 0;
          for (let i = 0; i < sim.firms.count; i++) {
            expect(sim.firms.capital[i]).toBeGreaterThanOrEqual(0);
            capitalEnd += sim.firms.capital[i];
          }
          const expected =
            f.capitalStart - f.depreciation + f.ownInvestment + f.grantInvestment + f.offerInvestment + f.fundInvestment + f.entrantCapital - f.relocationLoss - f.exitedCapital;
          expect(close(capitalEnd, expected, f.capitalStart)).toBe(true);
          // Grants, offers and fund money paid are exactly what firms received.
          expect(close(f.grants.reduce((a, b) => a + b, 0), f.grantInvestment, f.capitalStart)).toBe(true);
          expect(close(f.offersPaid.reduce((a, b) => a + b, 0), f.offerInvestment, f.capitalStart)).toBe(true);
          expect(close(f.fundInvested.reduce((a, b) => a + b, 0), f.fundInvestment, f.capitalStart)).toBe(true);
          // Funds: cash change = paid in + dividends + exits - invested - fees - carry - distributions.
          sim.state.funds.forEach((fund, k) => {
            const cashAfter = fund.vintages.reduce((a, v) => a + v.cash, 0);
            const change = f.fundGovPaidIn[k] + f.fundPrivatePaidIn[k] + f.fundDividends[k] + f.fundScrap[k] + f.fundExitProceeds[k] - f.fundInvested[k] - f.fundFees[k] - f.fundCarry[k] - f.fundDistributed[k];
            expect(close(cashAfter - cashBefore[k], change, cashBefore[k] + f.fundGovPaidIn[k] + 1)).toBe(true);
            expect(cashAfter).toBeGreaterThanOrEqual(-1e-9);
            for (const v of fund.vintages) expect(v.cash).toBeGreaterThanOrEqual(-1e-9);
            // Private capital is exactly leverage times government commitments.
            expect(close(f.fundPrivatePaidIn[k], sim.state.params.funds[k].leverage * f.fundGovPaidIn[k], f.fundGovPaidIn[k] + 1)).toBe(true);
          });
          // Fund distributions to governments are the government part of what the funds distributed.
          expect(f.distributions.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(f.fundDistributed.reduce((a, b) => a + b, 0) + 1e-9);
        }
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});
