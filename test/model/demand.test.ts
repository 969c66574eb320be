/**
 * Demand cycles: the AR(1) cyclical part of growth has the stationary mean,
 * variance and autocorrelation of its formula; sigma = 0 gives revision 1's
 * steady path exactly; scenario and counterfactual share the path.
 */
import { describe, expect, it } from 'vitest';
import { advanceCycle, growthFactor, MIN_DEMAND_FACTOR } from '../../src/model/demand.js';
import { createStream } from '../../src/model/rng.js';
import { runReplication } from '../../src/model/run.js';
import { counterfactualConfig } from '../../src/model/counterfactual.js';
import { shippedConfig } from '../helpers/scenarios.js';

describe('advanceCycle', () => {
  it('has mean 0, variance sigma^2 / (1 - rho^2) and lag-one autocorrelation rho', () => {
    const rho = 0.5;
    const sigma = 0.03;
    const cycle = new Float64Array(1);
    const random = createStream('demand-test');
    const xs: number[] = [];
    for (let t = 0; t < 200_000; t++) {
      advanceCycle(cycle, rho, () => sigma, random);
      if (t >= 100) xs.push(cycle[0]);
    }
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
    let lag = 0;
    for (let t = 1; t < n; t++) lag += (xs[t] - mean) * (xs[t - 1] - mean);
    const autocorrelation = lag / (n - 1) / variance;
    const expectedVariance = sigma ** 2 / (1 - rho ** 2);
    // Standard errors at n = 200,000 with autocorrelation 0.5: mean ~1.2e-4, variance ~0.6%, autocorrelation ~0.003.
    expect(Math.abs(mean)).toBeLessThan(5e-4);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.03);
    expect(Math.abs(autocorrelation - rho)).toBeLessThan(0.015);
  });

  it('stays at zero when sigma is zero, and never lets demand fall by more than 90% in a year', () => {
    const cycle = new Float64Array(3);
    const random = createStream('x');
    for (let t = 0; t < 100; t++) advanceCycle(cycle, 0.9, () => 0, random);
    expect([...cycle]).toEqual([0, 0, 0]);
    expect(growthFactor(0.06, 0)).toBeCloseTo(1.06, 15);
    expect(growthFactor(-0.5, -0.8)).toBe(MIN_DEMAND_FACTOR);
  });
});

describe('demand in a run', () => {
  const small = (volatility: number) =>
    shippedConfig('compete', (s) => {
      s.initial.firms = 300;
      s.time.steps = 12;
      s.demand = { volatility, persistence: 0.5 };
      s.events = []; // no demand shocks: the trend and the cycle alone
    });

  it('with volatility 0 grows every sector at its trend exactly', async () => {
    const config = await small(0);
    const { records } = runReplication(config, { seed: 5, replication: 0, keepLog: false });
    for (let t = 1; t < records.length; t++)
      config.sectors.forEach((s, k) => expect(records[t].sectors.demand[k] / records[t - 1].sectors.demand[k]).toBeCloseTo(1 + s.demandGrowth, 12));
  });

  it('shares its demand path with the counterfactual (common random numbers)', async () => {
    const config = await small(0.05);
    const mine = runReplication(config, { seed: 5, replication: 2, keepLog: false }).records;
    const theirs = runReplication(counterfactualConfig(config), { seed: 5, replication: 2, keepLog: false }).records;
    expect(mine.map((r) => r.sectors.demand)).toEqual(theirs.map((r) => r.sectors.demand));
    const growth = mine.slice(1).map((r, t) => r.sectors.demand[0] / mine[t].sectors.demand[0] - 1);
    expect(new Set(growth.map((g) => g.toFixed(6))).size).toBeGreaterThan(5); // it does vary
  });
});
