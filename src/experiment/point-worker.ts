/** Worker-thread entry of the point pool (pool.ts): runs design points. */
import { serveTasks } from './task-pool.js';
import { runPoint } from './run-point.js';

serveTasks(runPoint);
