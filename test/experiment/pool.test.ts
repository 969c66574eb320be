/** The worker pool delivers every result before it resolves, whatever the timing of result handling. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runPoints } from '../../src/experiment/pool.js';
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
});
