/**
 * Governments' objectives (docs/ODD.md 4): the step's payoff is the weighted
 * lens flows, the objective to date at the last step equals the weighted lens
 * values of the replication, and the welfare payoff counts the change in wealth
 * from the initial world's (not from zero).
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { createSimulation } from '../../src/model/simulation.js';
import { lensValues } from '../../src/model/metrics/lenses.js';
import type { ModelConfig } from '../../src/model/config.js';
import { NormalizeError } from '../../src/scenario/normalize.js';
import { shippedConfig } from '../helpers/scenarios.js';

const small = (objective: Record<string, number> | null) =>
  shippedConfig('cooperate', (s) => {
    s.initial.firms = 300;
    s.time.steps = 12;
    s.initial.outsideShare = 0.2;
    if (objective) for (const id of Object.keys(s.governments)) s.governments[id].objective = objective;
  });

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

function check(config: ModelConfig, weights: { gdp: number; welfare: number; fiscal: number }): void {
  const { records } = runReplication(config, { seed: 7, replication: 0, keepLog: false });
  const lenses = lensValues(records, config.regions.length, config.metrics.discountRate);
  const final = records[records.length - 1].region.cumulative_payoff;
  config.regions.forEach((_, r) => close(final[r], weights.gdp * lenses.lens.gdp[r] + weights.welfare * lenses.lens.welfare[r] + weights.fiscal * lenses.lens.fiscal[r]));
  for (const [t, rec] of records.entries()) {
    const wealthBefore = t > 0 ? records[t - 1].region.resident_wealth : null;
    config.regions.forEach((_, r) => {
      if (wealthBefore === null) return;
      const welfareFlow = rec.region.consumption[r] + rec.region.resident_wealth[r] - wealthBefore[r];
      close(rec.region.payoff[r], weights.gdp * rec.region.value_added[r] + weights.fiscal * rec.region.fiscal_balance[r] + weights.welfare * welfareFlow);
    });
  }
}

describe('government objectives', () => {
  it('default { gdp: 1 }: the payoff is value added and the objective to date is cumulative value added', async () => {
    const config = await small(null);
    expect(config.governments.map((g) => g.objective)).toEqual(config.regions.map(() => ({ gdp: 1, welfare: 0, fiscal: 0 })));
    check(config, { gdp: 1, welfare: 0, fiscal: 0 });
  });

  it('{ welfare: 1 } and a mix: the game payoff equals the weighted lens values', async () => {
    check(await small({ welfare: 1 }), { gdp: 0, welfare: 1, fiscal: 0 });
    check(await small({ gdp: 0.5, fiscal: 0.5 }), { gdp: 0.5, welfare: 0, fiscal: 0.5 });
  });

  it("the first step's welfare payoff measures wealth against the initial world's resident wealth", async () => {
    const config = await small({ welfare: 1 });
    const sim = createSimulation(config, { seed: 7, replication: 0, keepLog: false });
    const initial = config.regions.map(() => 0);
    for (let i = 0; i < sim.firms.count; i++) initial[sim.firms.home[i]] += (1 - sim.firms.outsideShare[i]) * sim.firms.capital[i];
    const { records } = runReplication(config, { seed: 7, replication: 0, keepLog: false });
    const first = records[0].region;
    config.regions.forEach((_, r) => close(first.payoff[r], first.consumption[r] + first.resident_wealth[r] - initial[r]));
    expect(initial[0]).toBeGreaterThan(0);
  });

  it('refuses an objective whose weights are all zero, naming the government', async () => {
    await expect(small({ gdp: 0 })).rejects.toThrow(NormalizeError);
    await expect(small({ gdp: 0 })).rejects.toThrow(/objective/);
  });
});
