/** The three lenses of one replication, by hand on three steps. */
import { describe, expect, it } from 'vitest';
import { lensBase, lensValues } from '../../src/model/metrics/lenses.js';
import type { StepRecord } from '../../src/model/record.js';

const step = (va: number[], fiscal: number[], consumption: number[], wealth: number[]) =>
  ({ region: { value_added: va, fiscal_balance: fiscal, consumption, resident_wealth: wealth } }) as unknown as StepRecord;

describe('lensValues', () => {
  const records = [step([10, 5], [1, -1], [4, 2], [100, 50]), step([12, 6], [2, 0], [5, 3], [101, 51]), step([14, 7], [3, 1], [6, 4], [102, 52])];

  it('sums value added and fiscal balance; discounts consumption and final wealth', () => {
    const v = lensValues(records, 2, 0.25); // beta 0.8
    expect(v.lens.gdp).toEqual([36, 18]);
    expect(v.lens.fiscal).toEqual([6, 0]);
    // 4 + 0.8*5 + 0.64*6 = 11.84 and 2 + 0.8*3 + 0.64*4 = 6.96; final wealth discounted by 0.8^3 = 0.512
    expect(v.discountedConsumption[0]).toBeCloseTo(11.84, 12);
    expect(v.discountedConsumption[1]).toBeCloseTo(6.96, 12);
    expect(v.lens.welfare[0]).toBeCloseTo(11.84 + 0.512 * 102, 12);
    expect(v.lens.welfare[1]).toBeCloseTo(6.96 + 0.512 * 52, 12);
  });

  it('judges welfare changes against discounted consumption, the others against their own value', () => {
    const v = lensValues(records, 2, 0.25);
    expect(lensBase(v, 'welfare')).toBe(v.discountedConsumption);
    expect(lensBase(v, 'gdp')).toEqual([36, 18]);
  });
});

describe('lensParts', () => {
  it("each lens's parts sum to its value, region by region, on a real run", async () => {
    const { shippedConfig } = await import('../helpers/scenarios.js');
    const { runReplication } = await import('../../src/model/run.js');
    const { lensParts, objectiveParts, objectiveValues } = await import('../../src/model/metrics/lenses.js');
    const config = await shippedConfig('cooperate', (s) => {
      s.initial.firms = 300;
      s.time.steps = 15;
      s.initial.outsideShare = 0.25;
    });
    const { records } = runReplication(config, { seed: 3, replication: 1, keepLog: false });
    const values = lensValues(records, 2, 0.06);
    const parts = lensParts(records, 2, 0.06);
    for (const lens of ['welfare', 'gdp', 'fiscal'] as const)
      for (let r = 0; r < 2; r++) {
        const total = parts[lens].reduce((a, p) => a + p.values[r], 0);
        expect(Math.abs(total - values.lens[lens][r])).toBeLessThan(1e-9 * Math.abs(values.lens[lens][r]) + 1e-9);
      }
    const weights = [{ gdp: 0.5, welfare: 0, fiscal: 0.5 }, { gdp: 0, welfare: 1, fiscal: 0 }];
    const mixed = objectiveParts(parts, weights);
    const objective = objectiveValues(values, weights);
    for (let r = 0; r < 2; r++) expect(mixed.reduce((a, p) => a + p.values[r], 0)).toBeCloseTo(objective[r], 6);
    expect(mixed.some((p) => p.part.startsWith('fiscal: '))).toBe(true);
  });
});
