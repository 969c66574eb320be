/**
 * Runs design points on worker threads (or in-process for one worker) through
 * the shared task pool; results are handed to `onResult` one by one, in
 * completion order, and callers key them by point index.
 */
import { createTaskPool } from './task-pool.js';
import { runPoint, type PointResult, type PointTask } from './run-point.js';

export { AbortedError } from './task-pool.js';

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onResult: (result: PointResult) => void | Promise<void>;
}

export async function runPoints(tasks: PointTask[], options: PoolOptions): Promise<void> {
  if (tasks.length === 0) return;
  const pool = createTaskPool<PointTask, PointResult>({
    workers: Math.min(options.workers, tasks.length),
    signal: options.signal,
    worker: { base: import.meta.url, script: 'point-worker' },
    runInProcess: runPoint,
  });
  try {
    await pool.run(tasks, options.onResult);
  } finally {
    await pool.close();
  }
}
