/**
 * A ModelLimitError thrown in a worker thread reaches the main thread as the
 * same class, with its kind, step, year, metric and message (the CLI maps the
 * class to exit code 2).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runPoints } from '../../src/experiment/pool.js';
import { runPoint, type PointTask } from '../../src/experiment/run-point.js';
import { ModelLimitError } from '../../src/model/model-limit-error.js';

describe('ModelLimitError across the worker boundary', () => {
  it('is rebuilt with its fields and message', async () => {
    const { scenario } = await loadScenario(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url).pathname);
    const tasks: PointTask[] = [0, 1].map((index) => ({ index, scenario, values: {}, seed: 1, replications: 1, counterfactual: false, maxFirms: 100 }));
    let inProcess: unknown;
    try {
      runPoint(tasks[0]);
    } catch (error) {
      inProcess = error;
    }
    expect(inProcess).toBeInstanceOf(ModelLimitError);
    const expected = inProcess as ModelLimitError;
    const crossed = await runPoints(tasks, { workers: 2, onResult: () => {} }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(crossed).toBeInstanceOf(ModelLimitError);
    const error = crossed as ModelLimitError;
    expect(error.name).toBe('ModelLimitError');
    expect(error.message).toBe(expected.message);
    expect(error.toData()).toEqual(expected.toData());
    expect([error.kind, error.step, error.limit, error.exitCode]).toEqual(['firm-limit', null, 100, 2]);
  }, 60_000);
});
