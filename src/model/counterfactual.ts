/**
 * The counterfactual of a configuration (docs/ODD.md 7.14): the
 * same world and seed with every government playing `invest` and no guidance
 * fund. Events that only concern strategies or funds have nothing to act on and
 * are kept as they are otherwise (shocks still hit both runs alike).
 *
 * Policy parameters that only a competing or cooperating government reads
 * (offers, poaching, the fund share of a cooperating budget, the comparative
 * tilt of a cooperating plan, side payments between cooperating governments)
 * are never read here, where every government invests at every step: they are
 * set to 0, so the counterfactuals of two configurations that differ only in
 * them are one and the same configuration (and one run, experiment/point-groups.ts).
 * test/model/counterfactual.test.ts checks the run does not depend on them.
 */
import type { ModelConfig } from './config.js';

/** The policy parameters no step reads when every government invests, and the values the counterfactual gives them. */
export const UNREAD_POLICY = { offerRate: 0, poachShare: 0, fundShare: 0, comparativeTilt: 0, sidePayment: 0 } as const;

export function counterfactualConfig(config: ModelConfig): ModelConfig {
  return {
    ...config,
    governments: config.governments.map((g) => ({ ...g, rule: { rule: 'fixed', strategy: 'invest', timeline: [] } })),
    funds: [],
    policy: { ...config.policy, ...UNREAD_POLICY },
    events: config.events.map((e) => ({ ...e, changes: e.changes.filter((c) => c.path[0] !== 'funds') })),
  };
}
