/**
 * The validation claims' worlds at the shipped point: every world of
 * `validationWorlds` with its own values, R replications from one seed under
 * common random numbers, each with its counterfactual. `chuanyu validate`'s
 * claims section runs them once; its robustness section reuses these results
 * for its shipped point (robustness.ts) instead of running them again, when
 * they were made with the plan's own seed, replications and values.
 */
import type { Scenario } from '../scenario/schema.js';
import { runPoints } from './pool.js';
import type { PointResult } from './run-point.js';
import type { ParameterValue } from './parameters.js';
import { validationWorlds } from './validation-claims.js';

/** Each world's results at the shipped point, and how they were made. */
export interface ShippedResults {
  /** By world name. */
  results: Record<string, PointResult>;
  seed: number;
  replications: number;
  /** Values set on every world beneath its own (none in the claims section; a robustness scale's `set`). */
  set: Record<string, ParameterValue>;
}

export interface ClaimWorldOptions {
  seed: number;
  replications: number;
  set?: Record<string, ParameterValue>;
  workers: number;
  signal?: AbortSignal;
  /** Called after each world. */
  onWorld?: () => void;
}

export async function runClaimWorlds(scenarios: Record<string, Scenario>, options: ClaimWorldOptions): Promise<ShippedResults> {
  const set = options.set ?? {};
  const worlds = Object.entries(validationWorlds(scenarios));
  const results: Record<string, PointResult> = {};
  await runPoints(
    // The world's own values (a strategy, leverage 0) outrank the values set on all: they are what the world is.
    worlds.map(([, w], index) => ({ index, scenario: w.scenario, values: { ...set, ...w.values }, seed: options.seed, replications: options.replications, counterfactual: true })),
    {
      workers: options.workers,
      signal: options.signal,
      onResult: (r) => {
        results[worlds[r.index][0]] = r;
        options.onWorld?.();
      },
    },
  );
  return { results, seed: options.seed, replications: options.replications, set };
}
