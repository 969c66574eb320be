/**
 * Runs a configuration for R replications, each with its counterfactual
 * (same seed and replication, every government `invest`, no fund), so that
 * every difference between the two is caused by the strategies, not by luck
 * (common random numbers). Replication r always uses the streams of (seed, r),
 * whatever order or worker runs it.
 */
import type { ModelConfig } from '../model/config.js';
import { counterfactualConfig } from '../model/counterfactual.js';
import { runReplication, type ReplicationResult } from '../model/run.js';

export interface ScenarioRun {
  config: ModelConfig;
  seed: number;
  replications: ReplicationResult[];
  /** Counterfactual replications, same order; null when not requested. */
  counterfactual: ReplicationResult[] | null;
}

export interface RunOptions {
  seed: number;
  replications: number;
  /** Also run the counterfactual (default true). */
  counterfactual?: boolean;
  /** Keep the immer event log (default true). */
  keepLog?: boolean;
  /** Called after each finished replication (main and counterfactual count separately). */
  onProgress?: (done: number, total: number) => void;
}

export function runScenario(config: ModelConfig, options: RunOptions): ScenarioRun {
  const withCounterfactual = options.counterfactual !== false;
  const total = options.replications * (withCounterfactual ? 2 : 1);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  const replications: ReplicationResult[] = [];
  const counterfactual: ReplicationResult[] = [];
  const cf = withCounterfactual ? counterfactualConfig(config) : null;
  for (let r = 0; r < options.replications; r++) {
    replications.push(runReplication(config, { seed: options.seed, replication: r, keepLog: options.keepLog !== false }));
    tick();
    if (cf) {
      counterfactual.push(runReplication(cf, { seed: options.seed, replication: r, keepLog: false }));
      tick();
    }
  }
  return { config, seed: options.seed, replications, counterfactual: cf ? counterfactual : null };
}
