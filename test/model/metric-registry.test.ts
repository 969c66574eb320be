/**
 * The metric registry ties each name to its kind and its computation: every
 * entry carries both, the record holds exactly the registry's metrics (in the
 * record's own key order, RECORD_ORDER), and each recorded value is what its
 * entry's `compute` gives.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { createSimulation } from '../../src/model/simulation.js';
import { stepSimulation } from '../../src/model/step.js';
import { METRIC_KINDS, METRIC_SCOPES, METRICS } from '../../src/model/metric-registry.js';
import { RECORD_ORDER } from '../../src/model/record.js';
import { tinyWorld } from '../helpers/tiny-world.js';

describe('metric registry', () => {
  it('gives every entry a kind and a compute function, one entry per name and scope', () => {
    for (const d of METRICS) {
      expect(METRIC_KINDS).toContain(d.kind);
      expect(typeof d.compute).toBe('function');
    }
    expect(new Set(METRICS.map((d) => `${d.scope}:${d.name}`)).size).toBe(METRICS.length);
    // Only the IRRs may have no value (no rate exists before any distribution or value).
    expect(METRICS.filter((d) => d.mayBeUndefined).map((d) => `${d.scope}:${d.name}`)).toEqual(['zone:fund_irr', 'zone:fund_irr_ex_grants']);
  });

  it('names the same metrics as the record order, scope by scope', () => {
    for (const scope of METRIC_SCOPES)
      expect([...RECORD_ORDER[scope]].sort()).toEqual(METRICS.filter((d) => d.scope === scope).map((d) => d.name).sort());
  });

  it('is what a step records, key for key', () => {
    const config = normalizeScenario(ScenarioSchema.parse(tinyWorld({ fund: {}, investShare: 0.1 })));
    const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
    const record = stepSimulation(sim);
    expect(Object.keys(record.region)).toEqual(RECORD_ORDER.region);
    expect(Object.keys(record.pair)).toEqual(RECORD_ORDER.pair);
    expect(Object.keys(record.zone)).toEqual(RECORD_ORDER.zone);
    // Two regions, 80 of capital in 8 equal firms: the zone's capital sums the regions'.
    expect(record.zone.capital).toBe(record.region.capital[0] + record.region.capital[1]);
  });
});
