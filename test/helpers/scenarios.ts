/** Shared helpers: load shipped scenarios with overrides and run replications. */
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import type { ModelConfig } from '../../src/model/config.js';
import { runReplication } from '../../src/model/run.js';
import type { StepRecord } from '../../src/model/record.js';

/** A shipped scenario's config, with top-level fields of the parsed scenario overridden. */
export async function shippedConfig(name: string, override: (s: any) => void = () => {}): Promise<ModelConfig> {
  const loaded = await loadScenario(name);
  const scenario = structuredClone(loaded.scenario) as any;
  override(scenario);
  return normalizeScenario(ScenarioSchema.parse(scenario));
}

/**
 * A shipped scenario's config with overrides applied after the schema's checks:
 * for testing the model's own guards against inputs the schema would refuse.
 */
export async function uncheckedConfig(name: string, override: (s: any) => void): Promise<ModelConfig> {
  const loaded = await loadScenario(name);
  const parsed = structuredClone(ScenarioSchema.parse(loaded.scenario)) as any;
  override(parsed);
  return normalizeScenario(parsed);
}

export function runMany(config: ModelConfig, replications: number, seed = 1): StepRecord[][] {
  return Array.from({ length: replications }, (_, r) => runReplication(config, { seed, replication: r, keepLog: false }).records);
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const standardError = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

/** Paired difference a - b across replications (common random numbers), as mean and standard error. */
export function paired(a: number[], b: number[]): { mean: number; se: number; t: number } {
  const d = a.map((x, i) => x - b[i]);
  const m = mean(d);
  const se = standardError(d);
  return { mean: m, se, t: se > 0 ? m / se : m > 0 ? Infinity : m < 0 ? -Infinity : 0 };
}

export const last = (records: StepRecord[]) => records[records.length - 1];
export const overRun = (records: StepRecord[], f: (r: StepRecord) => number) => mean(records.map(f));
