/** Worker-thread entry of the point pool (pool.ts): runs groups of design points (point-groups.ts). */
import { serveTasks } from './task-pool.js';
import { runPointGroup } from './point-groups.js';

serveTasks(runPointGroup);
