/** Worker-thread entry of the record runs (record-runs.ts): one replication's whole records per task. */
import { serveTasks } from './task-pool.js';
import { runRecordTask } from './record-runs.js';

serveTasks(runRecordTask);
