/** The worker pool delivers every result before it resolves, whatever the timing of result handling. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { prestartPointWorkers, runPoints } from '../../src/experiment/pool.js';
import type { PointTask } from '../../src/experiment/run-point.js';

describe('runPoints', () => {
  it('resolves only after every result has been handled, with more workers than tasks', async () => {
    const { scenario } = await loadScenario(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url).pathname);
    const tasks: PointTask[] = [0, 1, 2].map((index) => ({ index, scenario, values: { 'fund.leverage': index / 2 }, seed: 1, replications: 1, counterfactual: false }));
    const handled: number[] = [];
    await runPoints(tasks, {
      workers: 4,
      onResult: async (result) => {
        // The slowest handler is the first result's: the pool must still wait for it.
        await new Promise((r) => setTimeout(r, result.index === 0 ? 300 : 10));
        handled.push(result.index);
      },
    });
    expect(handled.sort()).toEqual([0, 1, 2]);
  });

  it('gives the same results on workers started ahead (prestartPointWorkers) as in-process, for points resolved on either thread', async () => {
    prestartPointWorkers(2);
    const { scenario } = await loadScenario(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url).pathname);
    // With a counterfactual the main thread resolves the point; without one the worker loads the schema lazily and resolves it.
    const tasks: PointTask[] = [0, 1, 2, 3].map((index) => ({ index, scenario, values: { 'fund.leverage': index / 3 }, seed: 3, replications: 2, counterfactual: index % 2 === 0 }));
    const run = async (workers: number) => {
      const results: string[] = [];
      await runPoints(tasks, { workers, onResult: (r) => void (results[r.index] = JSON.stringify(r)) });
      return results;
    };
    const onWorkers = await run(2);
    expect(onWorkers).toEqual(await run(1));
    expect(onWorkers.filter((r) => r !== undefined)).toHaveLength(4);
  });
});
