/**
 * Runs design points on worker threads (or in-process for one worker) through
 * the shared task pool; results are handed to `onResult` one by one, in
 * completion order, and callers key them by point index. Points travel in
 * groups that share their counterfactual runs (point-groups.ts), resolved on
 * the main thread; every point's result is what it would be alone.
 */
import { createTaskPool, prestartWorkers } from './task-pool.js';
import type { PointRun, PointTask } from './run-point.js';
import { groupPointTasks, runPointGroup, withoutScenarios, type PointGroup } from './point-groups.js';

export { AbortedError } from './task-pool.js';

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onResult: (result: PointRun) => void | Promise<void>;
}

export interface PointPool {
  run(tasks: readonly PointTask[], onResult: (result: PointRun) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

const POINT_WORKER = { base: import.meta.url, script: 'point-group-worker' };

/**
 * Starts the point workers of a coming run of `workers` workers now (none for
 * one worker, which runs in-process), so that their start overlaps the main
 * thread's planning; the run's pool takes them.
 */
export function prestartPointWorkers(workers: number): void {
  if (workers > 1) prestartWorkers(POINT_WORKER, Math.floor(workers));
}

/** A pool that stays up for several batches of points (e.g. the points of a game's phase diagram). */
export function createPointPool(workers: number, signal?: AbortSignal): PointPool {
  const pool = createTaskPool<PointGroup, PointRun[]>({ workers, signal, worker: POINT_WORKER, runInProcess: runPointGroup });
  return {
    run(tasks, onResult) {
      const groups = groupPointTasks(tasks, workers);
      return pool.run(workers > 1 ? withoutScenarios(groups) : groups, async (results) => {
        for (const result of results) await onResult(result);
      });
    },
    close: () => pool.close(),
  };
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
