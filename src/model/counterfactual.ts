/**
 * The counterfactual of a configuration (docs/ODD.md 7.14): the
 * same world and seed with every government playing `invest` and no guidance
 * fund. Events that only concern strategies or funds have nothing to act on and
 * are kept as they are otherwise (shocks still hit both runs alike).
 */
import type { ModelConfig } from './config.js';

export function counterfactualConfig(config: ModelConfig): ModelConfig {
  return {
    ...config,
    governments: config.governments.map((g) => ({ ...g, rule: { rule: 'fixed', strategy: 'invest', timeline: [] } })),
    funds: [],
    events: config.events.map((e) => ({ ...e, changes: e.changes.filter((c) => c.path[0] !== 'funds') })),
  };
}
