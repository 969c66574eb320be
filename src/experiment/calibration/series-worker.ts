/** Worker-thread entry of the calibration pool (series-pool.ts): runs series tasks, one replication each. */
import { serveTasks } from '../task-pool.js';
import { runSeriesTask } from './series.js';

serveTasks(runSeriesTask);
