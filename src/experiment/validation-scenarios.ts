/** The shipped scenarios the validation claims compare (validationWorlds builds every world from them), loaded once per use. */
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

export const CLAIM_SCENARIOS = ['baseline', 'compete', 'cooperate', 'exploited'] as const;

export async function loadClaimScenarios(): Promise<Record<(typeof CLAIM_SCENARIOS)[number], Scenario>> {
  const loaded = await Promise.all(CLAIM_SCENARIOS.map(async (name) => [name, (await loadScenario(name)).scenario] as const));
  return Object.fromEntries(loaded) as Record<(typeof CLAIM_SCENARIOS)[number], Scenario>;
}
