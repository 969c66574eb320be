/**
 * A pool of worker threads for independent tasks (design points, calibration
 * replications), or an in-process loop for one worker. The workers live until
 * `close`, so repeated batches do not pay for starting threads again. Each
 * result is handed to `onResult` as it arrives, and a task counts as running
 * until its handler has finished (e.g. saved the result), so `run` never
 * resolves while a result is still being written. Callers key results by task
 * index, so output never depends on scheduling.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { UserError } from '../scenario/errors.js';
import { fromModelLimitData, isModelLimitData, ModelLimitError, type ModelLimitData } from '../model/model-limit-error.js';

export class AbortedError extends Error {
  constructor() {
    super('interrupted');
  }
}

export interface TaskPool<T extends { index: number }, R> {
  run(tasks: readonly T[], onResult: (result: R) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * A worker's answer. An error crosses as its message (`user` marks a UserError);
 * a ModelLimitError also as its fields (`limit`), so the main thread rethrows the
 * same class with the same kind, step, year and message.
 */
type Message<R> = { index: number; result?: R; error?: string; user?: boolean; limit?: ModelLimitData };

const isUserError = (error: unknown) => error instanceof UserError;

/** The error a worker's message stands for, rebuilt on the main thread. */
function errorOf<R>(m: Message<R>): Error {
  if (isModelLimitData(m.limit)) return fromModelLimitData(m.limit);
  return m.user ? new UserError(m.error!) : new Error(m.error);
}

/**
 * The body of a worker script: run each task sent (`run` may return a promise,
 * e.g. after loading a module lazily), send back its result or its error as a
 * message. The pool sends a worker its next task only after this answer.
 */
export function serveTasks<T extends { index: number }, R>(run: (task: T) => R | Promise<R>): void {
  const fail = (task: T, error: unknown) => {
    const message: Message<R> = { index: task.index, error: error instanceof Error ? error.message : String(error), user: isUserError(error) };
    if (error instanceof ModelLimitError) message.limit = error.toData();
    parentPort!.postMessage(message);
  };
  parentPort?.on('message', (task: T) => {
    try {
      const result = run(task);
      if (result instanceof Promise) result.then((r) => parentPort!.postMessage({ index: task.index, result: r }), (error: unknown) => fail(task, error));
      else parentPort!.postMessage({ index: task.index, result });
    } catch (error) {
      fail(task, error);
    }
  });
}

/**
 * A worker on the compiled JS `script` beside `base` (a module's import.meta.url),
 * or, when running from the TypeScript sources (tests, benchmarks, development),
 * a worker that registers tsx first and then imports the source (Node 20 workers
 * do not inherit loaders).
 */
function startWorker(base: string, script: string): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${script}.js`, base));
  const source = new URL(`./${script}.ts`, base).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

/**
 * Workers started ahead of their pool (`prestartWorkers`), by script: the next
 * pool on that script takes them instead of starting its own. They are
 * unreferenced while they wait, so they never keep the process alive.
 */
const spareWorkers = new Map<string, Worker[]>();
const scriptKey = (worker: { base: string; script: string }) => new URL(`./${worker.script}`, worker.base).href;

/**
 * Starts `count` workers on a script now (fewer if some already wait), so
 * their start (thread, imports) overlaps what the main thread still does
 * before its pool runs, e.g. planning a sweep and resolving its points.
 */
export function prestartWorkers(worker: { base: string; script: string }, count: number): void {
  const key = scriptKey(worker);
  const spare = spareWorkers.get(key) ?? [];
  spareWorkers.set(key, spare);
  while (spare.length < count) {
    const w = startWorker(worker.base, worker.script);
    w.unref();
    // A worker that fails or stops while it waits leaves the spares (a pool then starts its own, which reports the error).
    const drop = () => {
      const at = spare.indexOf(w);
      if (at >= 0) spare.splice(at, 1);
    };
    w.once('error', drop).once('exit', drop);
    spare.push(w);
  }
}

/** A waiting worker on the script, if one was started ahead; otherwise a new one. */
function takeWorker(worker: { base: string; script: string }): Worker {
  const w = spareWorkers.get(scriptKey(worker))?.shift();
  if (!w) return startWorker(worker.base, worker.script);
  w.removeAllListeners('error').removeAllListeners('exit');
  w.ref();
  return w;
}

export interface TaskPoolOptions<T> {
  workers: number;
  signal?: AbortSignal;
  /** The worker script: its name (no extension) beside the module whose import.meta.url is `base`. */
  worker: { base: string; script: string };
  /** The same work in-process, for one worker. */
  runInProcess: (task: T) => unknown;
}

export function createTaskPool<T extends { index: number }, R>(options: TaskPoolOptions<T>): TaskPool<T, R> {
  const size = Math.max(1, Math.floor(options.workers));
  return size === 1 ? inProcessPool(options) : workerPool(options, size);
}

function inProcessPool<T extends { index: number }, R>(options: TaskPoolOptions<T>): TaskPool<T, R> {
  return {
    async run(tasks, onResult) {
      for (const task of tasks) {
        if (options.signal?.aborted) throw new AbortedError();
        await onResult(options.runInProcess(task) as R);
        await new Promise((r) => setImmediate(r)); // let a pending Ctrl-C be seen between tasks
      }
    },
    async close() {},
  };
}

function workerPool<T extends { index: number }, R>(options: TaskPoolOptions<T>, size: number): TaskPool<T, R> {
  const workers: Worker[] = [];
  let closed = false;
  const stopWorkers = async () => {
    await Promise.all(workers.splice(0).map((w) => w.terminate()));
  };
  return {
    async close() {
      closed = true;
      await stopWorkers();
    },
    run(tasks, onResult) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      if (tasks.length === 0) return Promise.resolve();
      if (options.signal?.aborted) return Promise.reject(new AbortedError());
      while (workers.length < Math.min(size, tasks.length)) workers.push(takeWorker(options.worker));
      const busy = workers.slice(0, Math.min(workers.length, tasks.length));
      const queue = tasks.slice();
      return new Promise<void>((resolve, reject) => {
        let active = 0;
        const handling = new Set<Promise<void>>();
        let done = false;
        const listeners = new Map<Worker, { message: (m: Message<R>) => void; error: (e: Error) => void }>();
        const detach = () => {
          for (const [w, l] of listeners) {
            w.off('message', l.message);
            w.off('error', l.error);
          }
          options.signal?.removeEventListener('abort', onAbort);
        };
        const finish = (error?: Error) => {
          if (done) return;
          if (error) {
            done = true;
            detach();
            // A worker may still be busy with a task of this batch: stop them all (a next batch starts new ones).
            void stopWorkers();
            // A result being handled (e.g. saved) when Ctrl-C comes finishes first, so nothing is written after `run` ends.
            void Promise.allSettled(handling).then(() => reject(error));
          } else if (active === 0 && queue.length === 0) {
            done = true;
            detach();
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
        for (const worker of busy) {
          const message = async (m: Message<R>) => {
            if (m.error !== undefined) return finish(errorOf(m));
            const handled = Promise.resolve().then(() => onResult(m.result!));
            handling.add(handled);
            try {
              await handled;
            } catch (error) {
              return finish(error as Error);
            } finally {
              handling.delete(handled);
            }
            active--;
            if (options.signal?.aborted) return finish(new AbortedError());
            feed(worker);
          };
          const error = (e: Error) => finish(e);
          listeners.set(worker, { message, error });
          worker.on('message', message);
          worker.on('error', error);
        }
        for (const worker of busy) feed(worker);
      });
    },
  };
}
