/**
 * Runs that cannot fit or cannot be computed stop with a ModelLimitError that
 * says where and why (issue 12): the firm cap (lowered here, so a small world
 * reaches it), numbers that overflow from absurd inputs, and the size estimate
 * the CLI checks before starting.
 */
import { describe, expect, it } from 'vitest';
import { shippedConfig, uncheckedConfig } from '../helpers/scenarios.js';
import { runReplication } from '../../src/model/run.js';
import { createSimulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import { createFirmArrays, reserveFirms } from '../../src/model/firms.js';
import { MAX_FIRMS } from '../../src/model/limits.js';
import { estimateRunSize } from '../../src/model/run-size.js';
import { ModelLimitError } from '../../src/model/model-limit-error.js';
import type { ModelConfig } from '../../src/model/config.js';

function limitErrorOf(run: () => unknown): ModelLimitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLimitError);
    return error as ModelLimitError;
  }
  throw new Error('expected a ModelLimitError');
}

const runOnce = (config: ModelConfig, maxFirms?: number) => () =>
  runReplication(config, { seed: 3, replication: 0, keepLog: false, ...(maxFirms ? { limits: { maxFirms } } : {}) });

describe('the firm cap', () => {
  it('stops a growing run at the first step whose firms pass the cap, with the step and year', async () => {
    const config = await shippedConfig('baseline', (s) => {
      s.time.steps = 30;
      for (const sector of s.sectors) sector.demandGrowth = 0.1;
    });
    const free = runReplication(config, { seed: 3, replication: 0, keepLog: false }).records;
    const limit = 3600;
    const first = free.find((r) => r.zone.firms > limit)!;
    expect(first).toBeDefined();
    const error = limitErrorOf(runOnce(config, limit));
    expect(error.kind).toBe('firm-limit');
    expect(error.step).toBe(first.step);
    expect(error.year).toBe(first.year);
    expect(error.limit).toBe(limit);
    expect(error.firms).toBeGreaterThan(limit);
    expect(error.message).toMatch(new RegExp(`^the run reached [\\d,]+ firms at step ${first.step} \\(year ${first.year}\\), more than the 3,600 a run can hold; reduce time.steps`));
  });

  it('never allocates firm slots past the cap', async () => {
    const config = await shippedConfig('baseline', (s) => (s.time.steps = 30));
    const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false, limits: { maxFirms: 5000 } });
    const scratch = createStepScratch(sim);
    expect(() => {
      for (let t = 0; t < config.steps; t++) {
        stepSimulation(sim, scratch);
        expect(sim.firms.capacity).toBeLessThanOrEqual(5000);
      }
    }).toThrow(ModelLimitError);
    const firms = createFirmArrays(16, 1, 100);
    reserveFirms(firms, 90);
    expect(firms.capacity).toBe(100); // doubling would have given 128
  });

  it('refuses an initial world larger than the cap before step 0', async () => {
    const config = await shippedConfig('baseline');
    const error = limitErrorOf(runOnce(config, 1000));
    expect([error.kind, error.step, error.year]).toEqual(['firm-limit', null, config.startYear]);
    expect(error.message).toContain('in the initial world (year 2020), more than the 1,000 a run can hold; reduce initial.firms');
  });

  it('is the same run below the cap (the cap only bounds the arrays)', async () => {
    const config = await shippedConfig('baseline', (s) => (s.time.steps = 8));
    const free = runReplication(config, { seed: 2, replication: 1, keepLog: false }).records;
    const capped = runReplication(config, { seed: 2, replication: 1, keepLog: false, limits: { maxFirms: free.at(-1)!.zone.firms } }).records;
    expect(JSON.stringify(capped)).toBe(JSON.stringify(free));
  });
});

// The schema refuses such inputs first; these tests pass them to the model directly, to test its own guard.
describe('numbers that overflow', () => {
  it('a zone capital of 1e308 is refused in the initial world', async () => {
    const config = await uncheckedConfig('baseline', (s) => (s.initial.zoneCapital = 1e308));
    const error = limitErrorOf(runOnce(config));
    expect([error.kind, error.step, error.metric]).toEqual(['non-finite', null, 'firms']);
    expect(error.message).toBe(
      "firms is Infinity in the initial world (year 2020): the numbers overflowed; the scenario's inputs are likely too large (check initial.zoneCapital)",
    );
  });

  it('a zone capital of 1e200 overflows at step 0, named by region and sector', async () => {
    const config = await uncheckedConfig('baseline', (s) => (s.initial.zoneCapital = 1e200));
    const error = limitErrorOf(runOnce(config));
    expect([error.kind, error.step, error.year, error.metric, error.region, error.sector]).toEqual(['non-finite', 0, 2020, 'capital', 'sichuan', 'food']);
    expect(error.suspects).toEqual(['initial.zoneCapital']);
  });

  it('a huge demand growth overflows demand at step 1', async () => {
    const config = await uncheckedConfig('baseline', (s) => (s.sectors[0].demandGrowth = 1e308));
    const error = limitErrorOf(runOnce(config));
    expect([error.kind, error.step, error.year, error.metric, error.sector, error.region]).toEqual(['non-finite', 1, 2021, 'demand', config.sectors[0].id, undefined]);
    expect(error.message).toBe(
      `demand (sector ${config.sectors[0].id}) is Infinity at step 1 (year 2021): the numbers overflowed; the scenario's inputs are likely too large (check sectors.${config.sectors[0].id}.demandGrowth)`,
    );
  });

  it('transfers of 1e308 stop at step 0 and name the transfers', async () => {
    const config = await uncheckedConfig('baseline', (s) => {
      for (const g of Object.values(s.governments) as { transfers: number }[]) g.transfers = 1e308;
    });
    const error = limitErrorOf(runOnce(config));
    expect(error.step).toBe(0);
    expect(error.message).toMatch(/at step 0 \(year 2020\)/);
    for (const region of config.regions) expect(error.message).toContain(`governments.${region.id}.transfers`);
  });

  it('shipped scenarios record only finite numbers (fund_irr may be undefined)', async () => {
    for (const name of ['baseline', 'compete', 'cooperate', 'exploited', 'three-regions', 'tit-for-tat', 'historical']) {
      const config = await shippedConfig(name, (s) => (s.initial.firms = 400));
      expect(() => runOnce(config)()).not.toThrow();
    }
  });
});

describe('estimateRunSize', () => {
  it('lets a default run start and projects its growth', async () => {
    const config = await shippedConfig('baseline');
    const estimate = estimateRunSize(config);
    expect(estimate.fits).toBe(true);
    expect(estimate.initialFirms).toBeGreaterThanOrEqual(config.initial.firmCount);
    expect(estimate.initialFirms).toBeLessThanOrEqual(config.initial.firmCount + config.regions.length * config.sectors.length);
    // Projected at or above what the run does (about 3-4% a year), not wildly so.
    const real = runReplication(config, { seed: 1, replication: 0, keepLog: false }).records.at(-1)!.zone.firms;
    expect(estimate.peakFirms).toBeGreaterThan(real);
    expect(estimate.peakFirms).toBeLessThan(2 * real);
    expect(estimate.maxFirms).toBe(MAX_FIRMS);
    expect(estimate.describe()).toMatch(/^the run starts with 3,0\d\d firms and is projected to reach about [\d,]+ by step 34 \(year 2054\)/);
  });

  it('refuses the schema maxima and 400 steps of fast growth, naming the step the cap is passed', async () => {
    const largest = await shippedConfig('baseline', (s) => {
      s.initial.firms = 1_000_000;
      s.time.steps = 1000;
    });
    expect(estimateRunSize(largest).fits).toBe(false);
    const growing = await shippedConfig('baseline', (s) => {
      s.time.steps = 400;
      for (const sector of s.sectors) sector.demandGrowth = 0.3;
    });
    const estimate = estimateRunSize(growing);
    expect(estimate.fits).toBe(false);
    expect(estimate.firmSlots).toBeLessThanOrEqual(MAX_FIRMS);
    expect(estimate.describe()).toMatch(/^the run is projected to pass the 25,000,000 firms a run can hold by step \d+ \(year \d+\).*reduce time.steps \(400\)/);
  });

  it('follows a lowered cap', async () => {
    const config = await shippedConfig('baseline');
    expect(estimateRunSize(config, { maxFirms: 2000 }).fits).toBe(false);
  });
});
