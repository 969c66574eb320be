/**
 * Worker-thread entry of the point pool (pool.ts): runs groups of design points
 * (point-groups.ts). It imports the model, the point runner and the summariser
 * only; the scenario schema (zod) loads the first time a group holds a point
 * the main thread did not resolve (points without a counterfactual).
 */
import { serveTasks } from './task-pool.js';
import { runResolvedGroup } from './point-runner.js';
import type { PointGroup } from './point-groups.js';
import type { PointRun } from './run-point.js';

let configForValues: typeof import('./run-point.js').configForValues | undefined;

const runGroup = (group: PointGroup): PointRun[] => runResolvedGroup(group, (task) => configForValues!(task.scenario, task.values));

serveTasks((group: PointGroup) => {
  if (configForValues || group.configs.every((c) => c !== null)) return runGroup(group);
  return import('./run-point.js').then((m) => {
    configForValues = m.configForValues;
    return runGroup(group);
  });
});
