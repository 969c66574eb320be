/**
 * Design points in groups that share their counterfactual run. The
 * counterfactual (every government `invest`, no fund) of two points is the same
 * run whenever their counterfactual configurations are equal: a sensitivity
 * analysis or a sweep over strategy, fund or timeline parameters has many such
 * points. The main thread resolves the configuration of each point that has a
 * counterfactual (the workers then skip the scenario schema for it), keys
 * them by their resolved counterfactual configuration with the seed and firm
 * cap (never by parameter names), and
 * hands each group to one worker, which runs the counterfactual of each
 * replication once for the whole group. The records are the same as running
 * it again, so every output is byte for byte what ungrouped points give.
 */
import { counterfactualConfig } from '../model/counterfactual.js';
import type { ModelConfig } from '../model/config.js';
import type { StepRecord } from '../model/step-record.js';
import { configForValues } from './run-point.js';
import { runResolvedGroup } from './point-runner.js';
import type { PointRun, PointTask } from './run-point.js';

/** A group of points run by one worker; `configs[i]` is task i's configuration (null: the worker resolves it, e.g. to report its error). */
export interface PointGroup {
  index: number;
  tasks: PointTask[];
  configs: (ModelConfig | null)[];
  /** The points share their counterfactual runs (all have `counterfactual` and one key). */
  shared: boolean;
}

/** Most points in one group: a group's results arrive together, so an interruption loses at most this many. */
export const MAX_GROUP_POINTS = 16;

/**
 * A text equal for two configurations exactly when they are equal as data
 * (non-finite numbers and -0 spelled out, which JSON would not); null when a
 * value is not plain data, so such a configuration never shares.
 */
export function configKey(config: unknown): string | null {
  let plain = true;
  const text = JSON.stringify(config, (_key, value: unknown) => {
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : `\u0000${Object.is(value, -0) ? '-0' : String(value)}`;
    if (typeof value === 'string') return value.startsWith('\u0000') ? `\u0000s${value}` : value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) plain = false;
    }
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') plain = false;
    return value;
  });
  return plain ? text : null;
}

/**
 * The tasks in groups, in order of their first point: points with equal
 * counterfactual keys together, split into pieces of at most `size` points
 * (fewer when there are few points, so every worker gets work).
 */
export function groupPointTasks(tasks: readonly PointTask[], workers: number): PointGroup[] {
  // Pieces small enough that 2 workers (or more) get about four pieces each; the size does not depend on the
  // worker count below 2, so one worker shares as much as two do.
  const size = Math.max(1, Math.min(MAX_GROUP_POINTS, Math.ceil(tasks.length / (4 * Math.max(2, workers)))));
  const byKey = new Map<string, { tasks: PointTask[]; configs: ModelConfig[] }>();
  const order: { tasks: PointTask[]; configs: (ModelConfig | null)[]; shared: boolean }[] = [];
  for (const task of tasks) {
    // Without a counterfactual there is nothing to share: the worker resolves the point itself (in parallel).
    if (!task.counterfactual) {
      order.push({ tasks: [task], configs: [null], shared: false });
      continue;
    }
    let config: ModelConfig | null = null;
    try {
      config = configForValues(task.scenario, task.values);
    } catch {
      // The worker resolves it again and reports the error as it always has.
    }
    const key = config ? configKey(counterfactualConfig(config)) : null;
    if (config === null || key === null) {
      order.push({ tasks: [task], configs: [config], shared: false });
      continue;
    }
    const full = `${task.seed}|${task.maxFirms ?? ''}|${key}`;
    let group = byKey.get(full);
    if (!group) {
      group = { tasks: [], configs: [] };
      byKey.set(full, group);
      order.push({ ...group, shared: true });
    }
    group.tasks.push(task);
    group.configs.push(config);
  }
  const groups: PointGroup[] = [];
  for (const g of order)
    for (let at = 0; at < g.tasks.length; at += size)
      groups.push({ index: groups.length, tasks: g.tasks.slice(at, at + size), configs: g.configs.slice(at, at + size), shared: g.shared });
  return groups;
}

/** A group's points, each as `runPoint` gives it, with one counterfactual run per replication for a shared group. */
export function runPointGroup(group: PointGroup): PointRun[] {
  return runResolvedGroup(group, (task) => configForValues(task.scenario, task.values));
}

/** The groups as sent to a worker: a task whose configuration is resolved travels without its scenario. */
export function withoutScenarios(groups: PointGroup[]): PointGroup[] {
  return groups.map((g) => ({ ...g, tasks: g.tasks.map((t, i) => (g.configs[i] ? { ...t, scenario: null } : t)) }));
}
