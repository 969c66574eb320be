/**
 * Runs batches of series tasks (one replication each) on a set of worker
 * threads that lives for the whole calibration, so the per-generation batches
 * do not pay for starting workers again; with one worker, tasks run in-process
 * (yielding between tasks so a Ctrl-C is seen). Results come back in task
 * order whatever the scheduling, so a calibration does not depend on the
 * number of workers.
 */
import { createTaskPool } from '../task-pool.js';
import { runSeriesTask, type SeriesResult, type SeriesTask } from './series.js';

export interface SeriesPool {
  /** Runs the tasks; resolves with their results in task order. */
  run(tasks: readonly SeriesTask[]): Promise<SeriesResult[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

export function createSeriesPool(options: { workers: number; signal?: AbortSignal }): SeriesPool {
  const pool = createTaskPool<SeriesTask, SeriesResult>({
    workers: options.workers,
    signal: options.signal,
    worker: { base: import.meta.url, script: 'series-worker' },
    runInProcess: runSeriesTask,
  });
  return {
    async run(tasks) {
      const slotOf = new Map(tasks.map((t, i) => [t.index, i]));
      const results: SeriesResult[] = new Array(tasks.length);
      await pool.run(tasks, (result) => {
        results[slotOf.get(result.index)!] = result;
      });
      return results;
    },
    close: () => pool.close(),
  };
}
