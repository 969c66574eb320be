/**
 * Runs one replication of a configuration to the end: the plain driver around
 * `stepSimulation` used by the CLI, workers and tests.
 */
import type { ModelConfig } from './config.js';
import { createSimulation } from './simulation.js';
import type { Simulation } from './simulation-state.js';
import { createStepScratch, stepSimulation } from './step.js';
import type { StepRecord } from './step-record.js';
import type { LoggedPatch } from './state.js';
import type { RunLimits } from './limits.js';

export interface ReplicationResult {
  replication: number;
  records: StepRecord[];
  events: LoggedPatch[];
}

export interface ReplicationOptions {
  seed: number | string;
  replication: number;
  keepLog?: boolean;
  /** Limits of the run (default limits.ts DEFAULT_LIMITS); tests lower them. */
  limits?: RunLimits;
  /** Called after every step (for progress or live drawing). */
  onStep?: (record: StepRecord, sim: Simulation) => void;
}

export function runReplication(config: ModelConfig, options: ReplicationOptions): ReplicationResult {
  const sim = createSimulation(config, options);
  const scratch = createStepScratch(sim);
  for (let t = 0; t < config.steps; t++) {
    const record = stepSimulation(sim, scratch);
    options.onStep?.(record, sim);
  }
  return { replication: options.replication, records: sim.records, events: sim.log ?? [] };
}
