/** Outside fund money against each region's gains: by hand on three steps, and on a small cooperate run. */
import { describe, expect, it } from 'vitest';
import { describeFundLeverage, fundLeverage } from '../../src/experiment/fund-leverage.js';
import type { StepRecord } from '../../src/model/record.js';
import { lensValues } from '../../src/model/metrics/lenses.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/experiment/run-scenario.js';

const step = (va: number[], consumption: number[], wealth: number[], outside: number[]) =>
  ({ region: { value_added: va, fiscal_balance: [0, 0], consumption, resident_wealth: wealth, fund_outside_capital_in: outside } }) as unknown as StepRecord;

describe('fundLeverage, by hand', () => {
  // Discount rate 0.25: beta 0.8. Region 0 gains; region 1 loses in both lenses.
  const run = [step([12, 5], [5, 2], [0, 0], [1, 2]), step([14, 5], [6, 2], [0, 0], [2, 0]), step([16, 5], [7, 2], [50, 10], [3, 1])];
  const counterfactual = [step([10, 6], [4, 3], [0, 0], [0, 0]), step([11, 6], [4, 3], [0, 0], [0, 0]), step([12, 6], [4, 3], [40, 20], [0, 0])];
  const [a, b] = fundLeverage([run, run], [counterfactual, counterfactual], ['a', 'b'], 0.25);

  it('sums the outside money, plain and discounted, and takes the gains from the lenses', () => {
    expect(a.outsideCapital).toEqual([6, 6]);
    // 1 + 0.8 * 2 + 0.64 * 3 = 4.52
    expect(a.outsideCapitalDiscounted[0]).toBeCloseTo(4.52, 12);
    expect(a.gdpGain).toEqual([9, 9]); // 42 - 33
    // consumption: (1 + 0.8 * 2 + 0.64 * 3) = 4.52, plus final wealth 0.512 * (50 - 40) = 5.12
    expect(a.welfareGain[0]).toBeCloseTo(9.64, 12);
    expect(b.outsideCapital).toEqual([3, 3]);
    expect(b.gdpGain).toEqual([-3, -3]);
  });

  it('gives the outside money as a share of a positive mean gain, and none for a loss', () => {
    expect(a.shareOfGdpGain).toBeCloseTo(6 / 9, 12);
    expect(a.shareOfWelfareGain).toBeCloseTo(4.52 / 9.64, 12);
    expect(b.shareOfGdpGain).toBeNull();
    expect(b.shareOfWelfareGain).toBeNull();
    expect(a.outside.n).toBe(2);
  });

  it('says it in a sentence', () => {
    expect(describeFundLeverage(a)).toBe(
      'a: 6.0 bn yuan of outside fund money invested in its firms (mean of 2 replications), against a GDP gain of 9.0 bn yuan, ' +
        'of which the outside money is 67% and production the other 33%, and a welfare gain of 9.6 bn yuan, ' +
        'of which the outside money (discounted as welfare is) is 47% and production the other 53%.',
    );
    expect(describeFundLeverage(b)).toContain('a GDP change of -3.0 bn yuan (no share: the region does not gain)');
  });

  it('says when the outside money alone exceeds the gain', () => {
    const small = [step([10.5, 6], [4, 3], [0, 0], [5, 0]), step([11, 6], [4, 3], [0, 0], [0, 0]), step([12, 6], [4, 3], [40, 20], [0, 0])];
    const [x] = fundLeverage([small], [counterfactual], ['a', 'b'], 0.25);
    expect(x.shareOfGdpGain).toBeCloseTo(10, 12);
    expect(describeFundLeverage(x)).toContain('a GDP gain of 0.5 bn yuan, smaller than the outside money itself (1000% of the gain)');
  });

  it('refuses records without the outside-money metric, and unpaired runs', () => {
    const old = counterfactual.map((r) => ({ ...r, region: { ...r.region, fund_outside_capital_in: undefined } }) as unknown as StepRecord);
    expect(() => fundLeverage([run], [old], ['a', 'b'], 0.25)).toThrow(/fund_outside_capital_in/);
    expect(() => fundLeverage([run], [], ['a', 'b'], 0.25)).toThrow(/1 runs but 0/);
  });
});

describe('fundLeverage on a cooperate run', () => {
  it('counts the private partners\' part of the fund money each region received', async () => {
    const { config } = await loadScenario('cooperate');
    const small = { ...config, steps: 12, initial: { ...config.initial, firmCount: 300 } };
    const run = runScenario(small, { seed: 3, replications: 2, keepLog: false });
    const ids = small.regions.map((r) => r.id);
    const result = fundLeverage(
      run.replications.map((r) => r.records),
      run.counterfactual!.map((r) => r.records),
      ids,
      small.metrics.discountRate,
    );
    const L = small.funds[0].leverage;
    result.forEach((x, r) => {
      run.replications.forEach((rep, i) => {
        const invested = rep.records.reduce((a, record) => a + record.region.fund_invested[r], 0);
        expect(invested).toBeGreaterThan(0);
        expect(x.outsideCapital[i]).toBeCloseTo((invested * L) / (1 + L), 9);
        const gdp = lensValues(rep.records, ids.length, small.metrics.discountRate).lens.gdp[r] - lensValues(run.counterfactual![i].records, ids.length, small.metrics.discountRate).lens.gdp[r];
        expect(x.gdpGain[i]).toBe(gdp);
      });
      expect(describeFundLeverage(x)).toMatch(new RegExp(`^${ids[r]}: `));
    });
  });
});
