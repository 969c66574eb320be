/** The benchmark's default world: the `cooperate` scenario (every process active) at a chosen size and length. */
import { loadScenario } from '../src/scenario/load.js';
import { ScenarioSchema } from '../src/scenario/schema.js';
import { normalizeScenario } from '../src/scenario/normalize.js';
import type { ModelConfig } from '../src/model/config.js';

export async function benchmarkConfig(firms: number, steps: number): Promise<ModelConfig> {
  const loaded = await loadScenario('cooperate');
  const scenario = structuredClone(loaded.scenario);
  scenario.initial.firms = firms;
  scenario.time.steps = steps;
  return normalizeScenario(ScenarioSchema.parse(scenario));
}

/** Command-line numbers: firms, steps, runs. */
export function benchmarkArgs(defaults: [number, number, number]): [number, number, number] {
  return defaults.map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number, number];
}
