import { describe, expect, it } from 'vitest';
import { gridDesign, latinHypercubeDesign } from '../../src/experiment/design.js';
import { parseParameter, checkParameterPath } from '../../src/experiment/parameters.js';
import { UserError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';

describe('parameter specs', () => {
  it('parses ranges, intervals and lists', () => {
    expect(parseParameter('fund.leverage=1:2:0.5')).toEqual({ path: 'fund.leverage', values: [1, 1.5, 2], interval: null });
    expect(parseParameter('fund.leverage=0.1:0.3:0.1').values).toEqual([0.1, 0.2, 0.3]);
    expect(parseParameter('fund.capPerFirm=0.05:0.3')).toEqual({ path: 'fund.capPerFirm', values: [0.05, 0.3], interval: [0.05, 0.3] });
    expect(parseParameter('governments.sichuan.strategy=invest,compete,cooperate').values).toEqual(['invest', 'compete', 'cooperate']);
    expect(parseParameter('fund.enabled=true,false').values).toEqual([true, false]);
    expect(() => parseParameter('fund.leverage')).toThrow(UserError);
    expect(() => parseParameter('fund.leverage=2:1:0.5')).toThrow(/start <= stop/);
  });

  it('names the valid paths when a path has a typo', async () => {
    const { scenario } = await loadScenario('cooperate');
    expect(() => checkParameterPath('fund.levrage', scenario as any)).toThrow(/did you mean "fund.leverage"/);
    expect(() => checkParameterPath('governments.sichuan.strategy', scenario as any)).not.toThrow();
    expect(() => checkParameterPath('governments.sichuan.taxRate', scenario as any)).not.toThrow();
    expect(() => checkParameterPath('governments.chengdu.taxRate', scenario as any)).toThrow(/unknown region "chengdu"/);
    expect(() => checkParameterPath('policy.fundShare', scenario as any)).not.toThrow();
    // The fund design levers (docs/ODD.md 7.4, 7.13, 7.17) are sweepable by path.
    for (const path of ['fund.distributionSharing', 'fund.regionCap', 'policy.sidePayment']) expect(() => checkParameterPath(path, scenario as any)).not.toThrow();
  });
});

describe('designs', () => {
  it('a grid holds every combination once, in a fixed order', () => {
    const points = gridDesign([parseParameter('a.x=1:3:1'), parseParameter('a.y=p,q')]);
    expect(points.map((p) => p.values)).toEqual([
      { 'a.x': 1, 'a.y': 'p' }, { 'a.x': 1, 'a.y': 'q' },
      { 'a.x': 2, 'a.y': 'p' }, { 'a.x': 2, 'a.y': 'q' },
      { 'a.x': 3, 'a.y': 'p' }, { 'a.x': 3, 'a.y': 'q' },
    ]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a Latin hypercube has exactly one sample in each stratum of each parameter', () => {
    const n = 25;
    const params = [parseParameter('a.x=0:1'), parseParameter('a.y=10:20'), parseParameter('a.z=-5:5')];
    const points = latinHypercubeDesign(params, n, 7);
    expect(points).toHaveLength(n);
    for (const p of params) {
      const [lo, hi] = p.interval!;
      const strata = points.map((pt) => Math.floor((((pt.values[p.path] as number) - lo) / (hi - lo)) * n));
      expect([...strata].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('a Latin hypercube is reproducible from its seed and differs between seeds', () => {
    const params = [parseParameter('a.x=0:1'), parseParameter('a.y=0:1')];
    expect(latinHypercubeDesign(params, 10, 3)).toEqual(latinHypercubeDesign(params, 10, 3));
    expect(latinHypercubeDesign(params, 10, 3)).not.toEqual(latinHypercubeDesign(params, 10, 4));
  });

  it('a Latin hypercube over a list spreads the samples evenly over its values', () => {
    const points = latinHypercubeDesign([parseParameter('a.s=invest,compete,cooperate')], 9, 1);
    const counts = ['invest', 'compete', 'cooperate'].map((v) => points.filter((p) => p.values['a.s'] === v).length);
    expect(counts).toEqual([3, 3, 3]);
  });
});
