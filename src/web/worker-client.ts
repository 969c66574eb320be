/// <reference lib="dom" />
/**
 * A promise interface to the simulation worker. `restart()` terminates the
 * worker (cancelling whatever it was computing) and rejects pending requests
 * with a CancelledError.
 */
import type { WorkerRequest, WorkerResponse } from './protocol.js';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; progress?: (done: number, total: number) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class WorkerClient {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly create: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(event.data.id);
      if (!p) return;
      if (event.data.type === 'progress') {
        p.progress?.(event.data.done, event.data.total);
        return;
      }
      this.pending.delete(event.data.id);
      if (event.data.type === 'error') p.reject(new Error(event.data.message));
      else p.resolve(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      const error = new Error(event.message || 'worker error');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** `progress` hears the worker's progress messages for this request (long runs: the game, scoring a play). */
  request<T extends WorkerResponse['type']>(body: RequestBody & { type: T }, progress?: (done: number, total: number) => void): Promise<Extract<WorkerResponse, { type: T }>> {
    const id = this.next++;
    const worker = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: WorkerResponse) => void, reject, progress });
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  restart(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }
}
