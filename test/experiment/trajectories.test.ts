/**
 * compare's trajectories: the streamed per-year means and 95% intervals equal
 * those computed independently from every replication's own run, and the
 * number of workers does not change them.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { runReplication } from '../../src/model/run.js';
import { counterfactualConfig } from '../../src/model/counterfactual.js';
import { compareScenarios } from '../../src/experiment/compare.js';
import { tInterval } from '../../src/experiment/statistics.js';
import { TRAJECTORY_SERIES, createTrajectoryAccumulator, trajectoryRows } from '../../src/experiment/trajectories.js';
import type { StepRecord } from '../../src/model/record.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const SEED = 7;
const REPLICATIONS = 3;

/** The small test world cut to a few years, optionally with another firm count. */
async function small(firms: number): Promise<LoadedScenario> {
  const loaded = await loadScenario(SCENARIO);
  const scenario = structuredClone(loaded.scenario) as any;
  scenario.time = { ...scenario.time, steps: 5 };
  scenario.initial = { ...scenario.initial, firms };
  scenario.name = `small-${firms}`;
  const parsed = ScenarioSchema.parse(scenario);
  return { ...loaded, scenario: parsed, config: normalizeScenario(parsed) };
}

/** The value of a trajectory series in one record, computed here from the records alone. */
function valueOf(metric: string, region: string, ids: string[], record: StepRecord, base: StepRecord): number {
  const r = ids.indexOf(region);
  if (metric === 'value_added_change') {
    const d = ids.map((_, k) => record.region.cumulative_value_added[k] - base.region.cumulative_value_added[k]);
    return region === 'zone' ? d.reduce((a, b) => a + b, 0) : d[r];
  }
  return region === 'zone' ? record.zone[metric] : record.region[metric][r];
}

describe('compare trajectories', () => {
  let scenarios: LoadedScenario[];
  beforeAll(async () => {
    scenarios = [await small(120), await small(160)];
  });

  it('equal the means and t intervals of independently run replications', () => {
    const config = scenarios[0].config;
    const ids = config.regions.map((r) => r.id);
    const runs = Array.from({ length: REPLICATIONS }, (_, r) => ({
      main: runReplication(config, { seed: SEED, replication: r, keepLog: false }).records,
      base: runReplication(counterfactualConfig(config), { seed: SEED, replication: r, keepLog: false }).records,
    }));
    const acc = createTrajectoryAccumulator();
    for (const run of runs) acc.add(config, run.main, run.base);
    const rows = trajectoryRows('s', acc.moments());
    // Every series of the list, for every region it names, every year.
    const expectedSeries = TRAJECTORY_SERIES.flatMap((s) => (s.scope === 'zone' ? ['zone'] : [...ids, ...(s.withZone ? ['zone'] : [])]).map((region) => `${s.metric}|${region}`));
    expect([...new Set(rows.map((r) => `${r.metric}|${r.region}`))]).toEqual(expectedSeries);
    expect(rows.length).toBe(expectedSeries.length * runs[0].main.length);
    for (const row of rows) {
      const t = runs[0].main.findIndex((rec) => rec.year === row.year);
      expect(t, `${row.metric} ${row.region} ${row.year}`).toBeGreaterThanOrEqual(0);
      const values = runs.map((run) => valueOf(row.metric, row.region, ids, run.main[t], run.base[t]));
      const want = tInterval(values);
      const scale = Math.max(1, Math.abs(want.mean));
      const what = `${row.metric} ${row.region} ${row.year}`;
      expect(row.n, what).toBe(REPLICATIONS);
      expect(Math.abs(row.mean - want.mean) / scale, what).toBeLessThan(1e-12);
      expect(Math.abs(row.low - want.low) / scale, what).toBeLessThan(1e-9);
      expect(Math.abs(row.high - want.high) / scale, what).toBeLessThan(1e-9);
    }
    // Not all flat: the check above compares real spread, not zeros.
    expect(rows.some((r) => r.metric === 'value_added' && r.high - r.low > 0)).toBe(true);
  });

  it('leave out the change against the counterfactual without one, and give no interval for one replication', () => {
    const config = scenarios[0].config;
    const acc = createTrajectoryAccumulator();
    acc.add(config, runReplication(config, { seed: SEED, replication: 0, keepLog: false }).records, null);
    const rows = trajectoryRows('s', acc.moments());
    expect(rows.some((r) => r.metric === 'value_added_change')).toBe(false);
    expect(rows.every((r) => r.n === 1 && Number.isNaN(r.low) && Number.isNaN(r.high) && Number.isFinite(r.mean))).toBe(true);
  });

  it('are the same for one worker and two, and come only when asked for', async () => {
    const options = { seed: SEED, replications: REPLICATIONS, quiet: true };
    const one = await compareScenarios(scenarios, { ...options, trajectories: true, workers: 1 });
    const two = await compareScenarios(scenarios, { ...options, trajectories: true, workers: 2 });
    expect(one.trajectories.length).toBeGreaterThan(0);
    expect(new Set(one.trajectories.map((r) => r.scenario))).toEqual(new Set(['small-120', 'small-160']));
    expect(two.trajectories).toEqual(one.trajectories);
    const none = await compareScenarios(scenarios, { ...options, workers: 1 });
    expect(none.trajectories).toEqual([]);
    expect(none.results.every((r) => r.trajectories === undefined)).toBe(true);
    // The rest of the comparison does not depend on keeping trajectories.
    expect(none.rows).toEqual(one.rows);
  }, 120_000);
});
