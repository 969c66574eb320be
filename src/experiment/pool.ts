/**
 * Runs design points on worker threads (or in-process for one worker). Results
 * arrive in completion order and are handed to `onResult` one by one; callers
 * key them by point index, so the output never depends on scheduling. Aborting
 * terminates the workers at once; finished results have already been delivered.
 */
import { Worker } from 'node:worker_threads';
import { UserError } from '../scenario/errors.js';
import { NormalizeError } from '../scenario/normalize.js';
import { runPoint, type PointResult, type PointTask } from './run-point.js';

export class AbortedError extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * A worker on the compiled JS next to this module, or, when running from the
 * TypeScript sources (tests, benchmarks, development), a worker that registers
 * tsx first and then imports the source (Node 20 workers do not inherit loaders).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./point-worker.js', here));
  const source = new URL('./point-worker.ts', here).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

export interface PoolOptions {
  workers: number;
  signal?: AbortSignal;
  onResult: (result: PointResult) => void | Promise<void>;
}

export async function runPoints(tasks: PointTask[], options: PoolOptions): Promise<void> {
  if (tasks.length === 0) return;
  const workers = Math.max(1, Math.min(options.workers, tasks.length));
  if (workers === 1) return runInProcess(tasks, options);
  const queue = tasks.slice();
  const pool: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let active = 0;
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) {
        failed = true;
        for (const w of pool) void w.terminate();
        reject(error);
      } else if (active === 0 && queue.length === 0) {
        for (const w of pool) void w.terminate();
        resolve();
      }
    };
    const onAbort = () => finish(new AbortedError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (worker: Worker) => {
      const task = queue.shift();
      if (!task) return finish();
      active++;
      worker.postMessage(task);
    };
    for (let i = 0; i < workers; i++) {
      const worker = startWorker();
      pool.push(worker);
      worker.on('message', async (message: { index: number; result?: PointResult; error?: string; user?: boolean }) => {
        if (message.error !== undefined) return finish(message.user ? new UserError(message.error) : new Error(message.error));
        try {
          await options.onResult(message.result!);
        } catch (error) {
          return finish(error as Error);
        }
        // A task counts as active until its result is handed over (saved), so the pool
        // never resolves while another worker's result is still being written.
        active--;
        if (options.signal?.aborted) return finish(new AbortedError());
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}

async function runInProcess(tasks: PointTask[], options: PoolOptions): Promise<void> {
  for (const task of tasks) {
    if (options.signal?.aborted) throw new AbortedError();
    let result: PointResult;
    try {
      result = runPoint(task);
    } catch (error) {
      if (error instanceof NormalizeError) throw new UserError(error.message);
      throw error;
    }
    await options.onResult(result);
    // Let a pending Ctrl-C be seen between points.
    await new Promise((r) => setImmediate(r));
  }
}
