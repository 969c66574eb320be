/**
 * The counterfactual sets the policy parameters that only competing or
 * cooperating governments read to 0 (so points differing only in them share
 * one counterfactual run): its run must be the same, to the last bit, as with
 * the scenario's own values, in scenarios where governments compete and cooperate.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { counterfactualConfig, UNREAD_POLICY } from '../../src/model/counterfactual.js';
import { runReplication } from '../../src/model/run.js';

async function config(name: string, policy: Record<string, number>) {
  const scenario = structuredClone((await loadScenario(name)).scenario) as any;
  scenario.initial.firms = 400;
  scenario.policy = { ...scenario.policy, ...policy };
  return normalizeScenario(ScenarioSchema.parse(scenario));
}

describe('counterfactualConfig', () => {
  it.each(['historical-calibrated', 'cooperate', 'compete', 'exploited'])('%s: the run does not depend on the policy parameters it sets to 0', async (name) => {
    const policy = { offerRate: 0.45, poachShare: 0.25, fundShare: 0.4, comparativeTilt: 1.5, sidePayment: 0.3 };
    expect(Object.keys(policy).sort()).toEqual(Object.keys(UNREAD_POLICY).sort());
    const c = await config(name, policy);
    const own = { ...counterfactualConfig(c), policy: c.policy }; // the policy as the scenario has it
    const zeroed = counterfactualConfig(c);
    expect(zeroed.policy).not.toEqual(own.policy);
    const a = runReplication(own, { seed: 5, replication: 1, keepLog: false }).records;
    const b = runReplication(zeroed, { seed: 5, replication: 1, keepLog: false }).records;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // The main run does read them (else this test would prove nothing).
    const main = runReplication(c, { seed: 5, replication: 1, keepLog: false }).records;
    const mainZeroed = runReplication({ ...c, policy: { ...c.policy, ...UNREAD_POLICY } }, { seed: 5, replication: 1, keepLog: false }).records;
    expect(JSON.stringify(mainZeroed)).not.toBe(JSON.stringify(main));
  }, 60_000);
});
