/**
 * Runs design points on worker threads (or in-process for one worker) through
 * the shared task pool; results are handed to `onResult` one by one, in
 * completion order, and callers key them by point index.
 */
import { createTaskPool, type TaskPool } from './task-pool.js';
import { runPoint, type PointRun, type PointTask } from './run-point.js';

export { AbortedError } from './task-pool.js';

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onResult: (result: PointRun) => void | Promise<void>;
}

export type PointPool = TaskPool<PointTask, PointRun>;

/** A pool that stays up for several batches of points (e.g. the points of a game's phase diagram). */
export function createPointPool(workers: number, signal?: AbortSignal): PointPool {
  return createTaskPool<PointTask, PointRun>({ workers, signal, worker: { base: import.meta.url, script: 'point-worker' }, runInProcess: runPoint });
}

export async function runPoints(tasks: PointTask[], options: PoolOptions): Promise<void> {
  if (tasks.length === 0) return;
  const pool = createPointPool(Math.min(options.workers, tasks.length), options.signal);
  try {
    await pool.run(tasks, options.onResult);
  } finally {
    await pool.close();
  }
}
