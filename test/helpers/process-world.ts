/**
 * A tiny simulation for calling one process of the step by hand: the tiny world
 * (tiny-world.ts: regions r0, r1; sectors a, b; 8 firms of capital 10, two per
 * cell) with productivity 1 and technology 0 for every firm. Firm slots by
 * cell: 0-1 (r0, a), 2-3 (r0, b), 4-5 (r1, a), 6-7 (r1, b); cell index r * 2 + k.
 */
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation } from '../../src/model/simulation.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import type { Uniform } from '../../src/model/rng.js';
import { tinyWorld } from './tiny-world.js';

export const CELL = { r0a: 0, r0b: 1, r1a: 2, r1b: 3 } as const;

export function processWorld(edit: (input: any) => void = () => {}, fund: Record<string, unknown> = { enabled: false }): Simulation {
  const input = structuredClone(tinyWorld({ fund, investShare: 0.1 })) as any;
  input.initial.productivityDispersion = 0;
  input.initial.techDispersion = 0;
  edit(input);
  const config = normalizeScenario(ScenarioSchema.parse(input as ScenarioInput));
  const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: true });
  for (let i = 0; i < sim.firms.count; i++) {
    sim.firms.productivity[i] = 1;
    sim.firms.tech[i] = 0;
  }
  return sim;
}

/** A uniform stream that returns `values` in order and fails the test if a process draws more. */
export function scripted(values: number[]): Uniform & { left: () => number } {
  let next = 0;
  const draw = () => {
    if (next >= values.length) throw new Error(`scripted stream: draw ${next + 1} asked for, only ${values.length} scripted`);
    return values[next++];
  };
  return Object.assign(draw, { left: () => values.length - next });
}
