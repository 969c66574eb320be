/** Points grouped to share their counterfactual runs give exactly the files ungrouped points give. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { configKey, groupPointTasks, runPointGroup } from '../../src/experiment/point-groups.js';
import { runPoints } from '../../src/experiment/pool.js';
import { runPoint, type PointResult, type PointTask } from '../../src/experiment/run-point.js';

const small = async () => (await loadScenario(new URL('../fixtures/scenarios/small-cooperate.yaml', import.meta.url).pathname)).scenario;
const text = (results: PointResult[]) => JSON.stringify(results.slice().sort((a, b) => a.index - b.index));

describe('counterfactual sharing', () => {
  it('groups points whose counterfactual configurations are equal, and only those', async () => {
    const scenario = await small();
    // fund.leverage leaves the counterfactual (no fund) alone; agglomeration.localization does not.
    const shared = groupPointTasks(
      Array.from({ length: 64 }, (_, i): PointTask => ({ index: i, scenario, values: { 'fund.leverage': (i % 4) / 2 }, seed: 1, replications: 1, counterfactual: true })),
      2,
    );
    expect(shared.length).toBe(8); // 64 points, one key, pieces of 64 / 8
    expect(shared.every((g) => g.shared && g.tasks.length === 8)).toBe(true);
    const mixed = groupPointTasks(
      Array.from({ length: 64 }, (_, i): PointTask => ({ index: i, scenario, values: i % 2 ? { 'fund.leverage': i / 64 } : { 'agglomeration.localization': 0.01 + i / 1000 }, seed: 1, replications: 1, counterfactual: true })),
      2,
    );
    // The 32 leverage points share one counterfactual; the 32 localization points have one each.
    expect(mixed.filter((g) => g.tasks.length > 1).flatMap((g) => g.tasks.map((t) => t.index % 2))).toEqual(Array(32).fill(1));
    expect(mixed.length).toBe(4 + 32);
    // Another seed, another firm cap or no counterfactual: never in a shared group with these.
    const apart = groupPointTasks(
      [
        { index: 0, scenario, values: { 'fund.leverage': 1 }, seed: 1, replications: 1, counterfactual: true },
        { index: 1, scenario, values: { 'fund.leverage': 1 }, seed: 2, replications: 1, counterfactual: true },
        { index: 2, scenario, values: { 'fund.leverage': 1 }, seed: 1, replications: 1, counterfactual: true, maxFirms: 5000 },
        { index: 3, scenario, values: { 'fund.leverage': 1 }, seed: 1, replications: 1, counterfactual: false },
      ],
      1,
    );
    expect(apart.map((g) => g.tasks.map((t) => t.index))).toEqual([[0], [1], [2], [3]]);
    expect(apart[3].shared).toBe(false);
  });

  it('gives the same point results, byte for byte, grouped and one by one, in-process and on workers', async () => {
    const scenario = await small();
    const tasks: PointTask[] = Array.from({ length: 24 }, (_, i): PointTask => ({
      index: i,
      scenario,
      values: i % 3 === 2 ? { 'agglomeration.localization': 0.02 + i / 200 } : { 'fund.leverage': (i % 5) / 2, 'policy.fundShare': 0.1 + (i % 3) / 10 },
      seed: 3,
      replications: 2,
      counterfactual: true,
    }));
    const alone = tasks.map((t) => runPoint(t));
    const groups = groupPointTasks(tasks, 2);
    expect(groups.some((g) => g.shared && g.tasks.length > 1)).toBe(true);
    const grouped = groups.flatMap((g) => runPointGroup(g));
    expect(text(grouped)).toBe(text(alone));
    const onWorkers: PointResult[] = [];
    await runPoints(tasks, { workers: 2, onResult: (r) => void onWorkers.push(r) });
    expect(text(onWorkers)).toBe(text(alone));
  }, 120_000);

  it('keys tell -0, infinities, NaN and look-alike strings apart, and refuse non-plain data', () => {
    expect(configKey({ a: 0 })).not.toBe(configKey({ a: -0 }));
    expect(configKey({ a: Infinity })).not.toBe(configKey({ a: null }));
    expect(configKey({ a: NaN })).not.toBe(configKey({ a: null }));
    expect(configKey({ a: Infinity })).not.toBe(configKey({ a: '\u0000Infinity' }));
    expect(configKey({ a: [1, 2] })).toBe(configKey({ a: [1, 2] }));
    expect(configKey({ a: new Map() })).toBeNull();
    expect(configKey({ a: new Float64Array(2) })).toBeNull();
  });
});
