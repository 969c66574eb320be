/**
 * Worker-thread entry: runs design points sent by the pool. Errors travel back
 * as messages (with whether they are the user's), never as crashes.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../scenario/errors.js';
import { NormalizeError } from '../scenario/normalize.js';
import { runPoint, type PointTask } from './run-point.js';

parentPort?.on('message', (task: PointTask) => {
  try {
    parentPort!.postMessage({ index: task.index, result: runPoint(task) });
  } catch (error) {
    const user = error instanceof UserError || error instanceof NormalizeError;
    parentPort!.postMessage({ index: task.index, error: error instanceof Error ? error.message : String(error), user });
  }
});
