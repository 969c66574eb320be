/**
 * One design point: the base scenario with the point's parameter values set
 * (resolved here through the scenario schema), run for R replications (each
 * with its counterfactual), reduced to replication summaries (point-runner.ts,
 * which a worker thread imports without the schema). Replication r of every
 * point uses the streams of (seed, r): points share their random numbers, so
 * differences between points are not luck.
 */
import { NormalizeError, normalizeScenario } from '../scenario/normalize.js';
import { ScenarioSchema } from '../scenario/schema.js';
import { setPath } from '../scenario/merge.js';
import { canonicalParameterPath } from './parameter-paths.js';
import { invalidValuesError } from './validation.js';
import type { ParameterValue } from './parameters.js';
import { runPreparedPoint, type PointRun, type PointTask, type PreparedPoint } from './point-runner.js';

export { runPreparedPoint, type PointResult, type PointRun, type PointTask, type PreparedPoint } from './point-runner.js';

/** The scenario object with the point's values set (no mutation of the input). */
export function applyValues(scenario: unknown, values: Record<string, ParameterValue>): unknown {
  let out = scenario;
  // Paths as the user wrote them (ids or indices of sectors and regions), set where the scenario holds them.
  for (const [path, value] of Object.entries(values)) out = setPath(out as Record<string, unknown>, canonicalParameterPath(path, scenario), value);
  return out;
}

/** The model configuration for the scenario with `values` set; invalid values are a user error naming them. */
export function configForValues(scenario: unknown, values: Record<string, ParameterValue>) {
  const parsed = ScenarioSchema.safeParse(applyValues(scenario, values));
  if (!parsed.success) throw invalidValuesError(parsed.error.issues, values);
  try {
    return normalizeScenario(parsed.data);
  } catch (error) {
    if (error instanceof NormalizeError) throw invalidValuesError(error.issues, values);
    throw error;
  }
}

export function runPoint(task: PointTask, prepared?: PreparedPoint): PointRun {
  return runPreparedPoint(task, { counterfactuals: prepared?.counterfactuals, config: prepared?.config ?? configForValues(task.scenario, task.values) });
}
