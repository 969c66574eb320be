/**
 * Whole records of single replications, run on the shared task pool: for
 * measurements that need what the replication summaries drop (per-sector
 * markets, per-region series year by year). Task (seed, replication) uses
 * the model's streams of (seed, replication), so every variant of a world run
 * with the same pair shares its random numbers (common random numbers).
 * Results come back in task order whatever the scheduling.
 */
import { counterfactualConfig } from '../model/counterfactual.js';
import type { StepRecord } from '../model/record.js';
import { runReplication } from '../model/run.js';
import type { ParameterValue } from './parameters.js';
import { configForValues } from './run-point.js';
import { createTaskPool } from './task-pool.js';

export interface RecordTask {
  index: number;
  /** The resolved scenario (as parsed, every default filled in). */
  scenario: unknown;
  values: Record<string, ParameterValue>;
  seed: number;
  replication: number;
  /** Run the scenario's counterfactual (every government invests, no fund) instead of the scenario. */
  counterfactual: boolean;
}

export interface RecordResult {
  index: number;
  records: StepRecord[];
}

export function runRecordTask(task: RecordTask): RecordResult {
  const config = configForValues(task.scenario, task.values);
  const run = task.counterfactual ? counterfactualConfig(config) : config;
  return { index: task.index, records: runReplication(run, { seed: task.seed, replication: task.replication, keepLog: false }).records };
}

/** Runs the tasks on `workers` threads (in-process for one); resolves with each task's records, in task order. */
export async function runRecordTasks(tasks: readonly RecordTask[], options: { workers: number; onProgress?: () => void }): Promise<StepRecord[][]> {
  const slot = new Map(tasks.map((t, i) => [t.index, i]));
  const out = new Array<StepRecord[]>(tasks.length);
  if (tasks.length === 0) return out;
  const pool = createTaskPool<RecordTask, RecordResult>({
    workers: Math.min(options.workers, tasks.length),
    worker: { base: import.meta.url, script: 'record-worker' },
    runInProcess: runRecordTask,
  });
  try {
    await pool.run(tasks, (result) => {
      out[slot.get(result.index)!] = result.records;
      options.onProgress?.();
    });
  } finally {
    await pool.close();
  }
  return out;
}
