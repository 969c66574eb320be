/**
 * Runs batches of series tasks (one replication each) on a set of worker
 * threads that lives for the whole calibration, so the per-generation batches
 * do not pay for starting workers again; with one worker, tasks run in-process
 * (yielding between tasks so a Ctrl-C is seen). Results come back in task
 * order whatever the scheduling, so a calibration does not depend on the
 * number of workers.
 */
import { Worker } from 'node:worker_threads';
import { UserError } from '../../scenario/errors.js';
import { NormalizeError } from '../../scenario/normalize.js';
import { AbortedError } from '../pool.js';
import { runSeriesTask, type SeriesResult, type SeriesTask } from './series.js';

export interface SeriesPool {
  /** Runs the tasks; resolves with their results in task order. */
  run(tasks: readonly SeriesTask[]): Promise<SeriesResult[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** As in ../pool.ts: compiled JS next to this module, or the TypeScript source through tsx (tests, development). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./series-worker.js', here));
  const source = new URL('./series-worker.ts', here).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

type Message = { index: number; result?: SeriesResult; error?: string; user?: boolean };

export function createSeriesPool(options: { workers: number; signal?: AbortSignal }): SeriesPool {
  const size = Math.max(1, Math.floor(options.workers));
  if (size === 1) return inProcessPool(options.signal);
  const workers: Worker[] = [];
  let closed = false;
  const ensureWorkers = (count: number) => {
    while (workers.length < Math.min(size, count)) workers.push(startWorker());
  };
  const stopWorkers = async () => {
    await Promise.all(workers.splice(0).map((w) => w.terminate()));
  };
  const close = async () => {
    closed = true;
    await stopWorkers();
  };
  return {
    close,
    run(tasks) {
      if (closed) return Promise.reject(new Error('series pool is closed'));
      if (tasks.length === 0) return Promise.resolve([]);
      if (options.signal?.aborted) return Promise.reject(new AbortedError());
      ensureWorkers(tasks.length);
      const slotOf = new Map(tasks.map((t, i) => [t.index, i]));
      const results: SeriesResult[] = new Array(tasks.length);
      const queue = tasks.slice();
      const busy = workers.slice(0, Math.min(workers.length, tasks.length));
      return new Promise<SeriesResult[]>((resolve, reject) => {
        let active = 0;
        let done = false;
        const cleanup = () => {
          for (const w of busy) {
            w.off('message', handlers.get(w)!.message);
            w.off('error', handlers.get(w)!.error);
          }
          options.signal?.removeEventListener('abort', onAbort);
        };
        const finish = (error?: Error) => {
          if (done) return;
          if (error) {
            done = true;
            cleanup();
            // A worker may still be busy with a task of this batch: stop them all (a next batch starts new ones).
            void stopWorkers();
            reject(error);
          } else if (active === 0 && queue.length === 0) {
            done = true;
            cleanup();
            resolve(results);
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
        const handlers = new Map<Worker, { message: (m: Message) => void; error: (e: Error) => void }>();
        for (const worker of busy) {
          const message = (m: Message) => {
            if (m.error !== undefined) return finish(m.user ? new UserError(m.error) : new Error(m.error));
            results[slotOf.get(m.index)!] = m.result!;
            active--;
            feed(worker);
          };
          const error = (e: Error) => finish(e);
          handlers.set(worker, { message, error });
          worker.on('message', message);
          worker.on('error', error);
        }
        for (const worker of busy) feed(worker);
      });
    },
  };
}

function inProcessPool(signal?: AbortSignal): SeriesPool {
  return {
    async run(tasks) {
      const results: SeriesResult[] = [];
      for (const task of tasks) {
        if (signal?.aborted) throw new AbortedError();
        try {
          results.push(runSeriesTask(task));
        } catch (error) {
          if (error instanceof NormalizeError) throw new UserError(error.message);
          throw error;
        }
        await new Promise((r) => setImmediate(r));
      }
      return results;
    },
    async close() {},
  };
}
