/**
 * Worker-thread entry of the calibration pool: runs series tasks (one
 * replication each) sent by series-pool.ts. Errors travel back as messages
 * (with whether they are the user's), never as crashes.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../scenario/errors.js';
import { NormalizeError } from '../../scenario/normalize.js';
import { runSeriesTask, type SeriesTask } from './series.js';

parentPort?.on('message', (task: SeriesTask) => {
  try {
    parentPort!.postMessage({ index: task.index, result: runSeriesTask(task) });
  } catch (error) {
    const user = error instanceof UserError || error instanceof NormalizeError;
    parentPort!.postMessage({ index: task.index, error: error instanceof Error ? error.message : String(error), user });
  }
});
