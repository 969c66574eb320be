/**
 * The sensitivity estimators against known answers: the Sobol' sequence equals
 * SciPy's (Joe-Kuo directions); Sobol' indices of the Ishigami function and of
 * a linear function match their analytic values; Morris effects match the
 * exact expectation of the design on Ishigami, are exact for a linear
 * function and zero for a dummy input; designs are reproducible by seed.
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/model/rng.js';
import {
  ISHIGAMI_INTERVAL,
  buildDesign,
  elementaryEffects,
  ishigami,
  ishigamiIndices,
  linear,
  linearIndices,
  morrisDesign,
  morrisIndices,
  parseOutputs,
  saltelliDesign,
  scaleToIntervals,
  sobolIndices,
  sobolPoints,
  defaultOutputs,
  outputKey,
} from '../../src/experiment/sensitivity/index.js';
import { UserError } from '../../src/scenario/errors.js';

const ISHIGAMI3: [number, number][] = [ISHIGAMI_INTERVAL, ISHIGAMI_INTERVAL, ISHIGAMI_INTERVAL];

describe("Sobol' sequence", () => {
  it('equals the Joe-Kuo sequence (as SciPy gives it, unscrambled)', () => {
    const points = sobolPoints(2048, 40);
    // scipy.stats.qmc.Sobol(40, scramble=False).random(2048)
    expect(points.slice(0, 8).map((p) => p.slice(0, 4))).toEqual([
      [0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875],
      [0.875, 0.875, 0.125, 0.375],
      [0.625, 0.125, 0.875, 0.625],
      [0.125, 0.625, 0.375, 0.125],
    ]);
    expect(points[1000].slice(35)).toEqual([0.7705078125, 0.8486328125, 0.8310546875, 0.3076171875, 0.4794921875]);
    expect([0, 9, 19, 29, 39].map((d) => points[2047][d])).toEqual([0.00048828125, 0.44580078125, 0.03662109375, 0.39208984375, 0.67626953125]);
  });

  it('keeps one point per slice of every axis under a random digital shift', () => {
    const points = sobolPoints(256, 12, { shift: createStream('shift') });
    for (let d = 0; d < 12; d++) {
      const slices = new Set(points.map((p) => Math.floor(p[d] * 256)));
      expect(slices.size).toBe(256);
    }
    expect(points[0].some((x) => x !== 0)).toBe(true);
    expect(sobolPoints(4, 2, { skip: 2 })).toEqual(sobolPoints(6, 2).slice(2));
  });

  it('rejects dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, 41)).toThrow(RangeError);
  });
});

/** Ishigami values of a design's unit points. */
const onIshigami = (points: number[][], intervals = ISHIGAMI3) => scaleToIntervals(points, intervals).map((x) => ishigami(x));

describe("Sobol' indices (Saltelli design)", () => {
  const exact = ishigamiIndices();

  it('has the analytic Ishigami indices', () => {
    expect(exact.firstOrder.map((v) => Number(v.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(exact.totalOrder.map((v) => Number(v.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  for (const sampling of ['quasi', 'random'] as const)
    it(`recovers the Ishigami indices from a ${sampling} base sample`, () => {
      const design = saltelliDesign({ parameters: 3, samples: 4096, sampling, random: createStream(`ishigami-${sampling}`) });
      expect(design.points).toHaveLength(4096 * 5);
      const result = sobolIndices(design, onIshigami(design.points), { bootstrap: 300, random: createStream('boot') });
      const tolerance = sampling === 'quasi' ? 0.03 : 0.05;
      result.firstOrder.forEach((e, i) => expect(Math.abs(e.value - exact.firstOrder[i]), `S1 of x${i + 1}`).toBeLessThan(tolerance));
      result.totalOrder.forEach((e, i) => expect(Math.abs(e.value - exact.totalOrder[i]), `ST of x${i + 1}`).toBeLessThan(tolerance));
      // The intervals are real intervals around the estimates, and narrow at this N.
      for (const e of [...result.firstOrder, ...result.totalOrder]) {
        expect(e.low).toBeLessThanOrEqual(e.value);
        expect(e.high).toBeGreaterThanOrEqual(e.value);
        expect(e.high - e.low).toBeLessThan(0.15);
      }
      expect(result.n).toBe(4096);
      expect(result.variance).toBeCloseTo(exact.variance, 0);
    });

  it('gives S1 = ST = c_i^2 var_i / total for a linear function', () => {
    const c = [1, -2, 0.5, 0];
    const intervals: [number, number][] = [[0, 1], [10, 12], [-3, 3], [0, 5]];
    const expected = linearIndices(c, intervals);
    const design = saltelliDesign({ parameters: 4, samples: 4096, random: createStream('linear') });
    const f = linear(c);
    const result = sobolIndices(design, scaleToIntervals(design.points, intervals).map(f), { bootstrap: 0, random: createStream('b') });
    result.firstOrder.forEach((e, i) => expect(e.value).toBeCloseTo(expected[i], 2));
    result.totalOrder.forEach((e, i) => expect(e.value).toBeCloseTo(expected[i], 2));
    // A parameter the function ignores has exactly zero indices; no bootstrap means no intervals.
    expect(result.firstOrder[3].value).toBe(0);
    expect(result.totalOrder[3].value).toBe(0);
    expect(result.firstOrder[0].low).toBeNaN();
  });

  it('drops blocks with a missing output and gives NaN for a constant output', () => {
    const design = saltelliDesign({ parameters: 2, samples: 64, random: createStream('nan') });
    const y = design.points.map((x) => x[0] + x[1]);
    y[5] = Number.NaN; // block 1 (rows 4..7)
    expect(sobolIndices(design, y, { bootstrap: 10, random: createStream('b') }).n).toBe(63);
    const flat = sobolIndices(design, design.points.map(() => 3), { bootstrap: 10, random: createStream('b') });
    expect(flat.firstOrder[0].value).toBeNaN();
    expect(flat.totalOrder[1].value).toBeNaN();
  });
});

/**
 * The exact expectation of mu* under Morris' design: each parameter's pair of
 * levels (l, l + delta), every other parameter uniform on the grid.
 */
function expectedMuStar(f: (x: number[]) => number, intervals: [number, number][], levels: number): number[] {
  const k = intervals.length;
  const half = levels / 2;
  const delta = half / (levels - 1);
  const grid = Array.from({ length: levels }, (_, i) => i / (levels - 1));
  const scale = (u: number[]) => u.map((v, i) => intervals[i][0] + v * (intervals[i][1] - intervals[i][0]));
  return intervals.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let code = 0; code < levels ** (k - 1); code++) {
      const others = Array.from({ length: k - 1 }, (_, j) => grid[Math.floor(code / levels ** j) % levels]);
      for (let l = 0; l < half; l++) {
        const lo = [...others.slice(0, i), grid[l], ...others.slice(i)];
        const hi = [...others.slice(0, i), grid[l + half], ...others.slice(i)];
        sum += Math.abs(f(scale(hi)) - f(scale(lo))) / delta;
        count++;
      }
    }
    return sum / count;
  });
}

describe('Morris elementary effects', () => {
  const intervals: [number, number][] = [...ISHIGAMI3, [0, 1]]; // x4 is a dummy

  it('builds trajectories that move one parameter at a time by delta on the grid', () => {
    const design = morrisDesign({ parameters: 3, trajectories: 20, levels: 6, random: createStream('grid') });
    expect(design.points).toHaveLength(20 * 4);
    expect(design.delta).toBeCloseTo(0.6, 12);
    for (const p of design.points) for (const u of p) expect(Math.abs(u * 5 - Math.round(u * 5))).toBeLessThan(1e-12);
    for (let t = 0; t < 20; t++) {
      expect([...design.order[t]].sort()).toEqual([0, 1, 2]);
      for (let s = 0; s < 3; s++) {
        const a = design.points[t * 4 + s];
        const b = design.points[t * 4 + s + 1];
        const moved = a.map((v, i) => (v !== b[i] ? i : -1)).filter((i) => i >= 0);
        expect(moved).toEqual([design.order[t][s]]);
        expect(Math.abs(b[moved[0]] - a[moved[0]])).toBeCloseTo(design.delta, 12);
      }
    }
  });

  it('matches the exact expectation of mu* on Ishigami, ranks x1 and x2 above x3, and gives 0 for a dummy', () => {
    const f = (x: number[]) => ishigami(x);
    const exact = expectedMuStar(f, intervals, 4);
    // With 4 levels x2 always moves between sin^2 = 0 and 3/4: |EE| = 7 * 0.75 / (2/3) exactly.
    expect(exact[1]).toBeCloseTo(7.875, 10);
    expect(exact[3]).toBe(0);
    const design = morrisDesign({ parameters: 4, trajectories: 1000, levels: 4, random: createStream('ishigami-morris') });
    const result = morrisIndices(design, onIshigami(design.points, intervals), { bootstrap: 300, random: createStream('boot') });
    const muStar = result.map((r) => r.muStar.value);
    muStar.slice(0, 3).forEach((m, i) => expect(Math.abs(m - exact[i]), `mu* of x${i + 1}`).toBeLessThan(0.6));
    expect(muStar[1]).toBeCloseTo(7.875, 10);
    expect(Math.min(muStar[0], muStar[1])).toBeGreaterThan(muStar[2]);
    expect(muStar[2]).toBeGreaterThan(5);
    expect(result[3]).toMatchObject({ mu: { value: 0 }, muStar: { value: 0, low: 0, high: 0 }, sigma: { value: 0 } });
    // x2 enters as sin^2: its effects change sign symmetrically, so mu is near 0 while mu* is large.
    expect(Math.abs(result[1].mu.value)).toBeLessThan(1);
    for (const r of result.slice(0, 3)) {
      expect(r.muStar.low).toBeLessThanOrEqual(r.muStar.value);
      expect(r.muStar.high).toBeGreaterThanOrEqual(r.muStar.value);
      expect(r.n).toBe(1000);
    }
  });

  it('gives mu = c_i * range exactly for a linear function', () => {
    const c = [2, -0.5, 3];
    const ranges: [number, number][] = [[1, 4], [-10, 10], [0, 0.25]];
    const design = morrisDesign({ parameters: 3, trajectories: 7, levels: 8, random: createStream('linear') });
    const y = scaleToIntervals(design.points, ranges).map(linear(c));
    for (const effects of elementaryEffects(design, y)) expect(effects).toHaveLength(7);
    const result = morrisIndices(design, y, { bootstrap: 50, random: createStream('b') });
    result.forEach((r, i) => {
      const expected = c[i] * (ranges[i][1] - ranges[i][0]);
      expect(r.mu.value).toBeCloseTo(expected, 10);
      expect(r.muStar.value).toBeCloseTo(Math.abs(expected), 10);
      expect(r.sigma.value).toBeCloseTo(0, 10);
      expect(r.muStar.low).toBeCloseTo(Math.abs(expected), 10);
      expect(r.muStar.high).toBeCloseTo(Math.abs(expected), 10);
    });
  });

  it('leaves out effects whose outputs are missing', () => {
    const design = morrisDesign({ parameters: 2, trajectories: 5, random: createStream('nan') });
    const y = design.points.map((x) => x[0] + 2 * x[1]);
    y[0] = Number.NaN; // the first step of trajectory 0
    const result = morrisIndices(design, y, { bootstrap: 20, random: createStream('b') });
    expect(result.map((r) => r.n).sort()).toEqual([4, 5]);
    expect(result[0].mu.value).toBeCloseTo(1, 12);
    expect(result[1].mu.value).toBeCloseTo(2, 12);
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisDesign({ parameters: 2, trajectories: 2, levels: 5, random: createStream('x') })).toThrow(RangeError);
  });
});

describe('designs and intervals are reproducible by seed', () => {
  const settings = { intervals: [[0, 2], [0.1, 0.5], [-1, 1]] as [number, number][], samples: 16, levels: 4, sampling: 'quasi' as const };

  for (const method of ['morris', 'sobol'] as const)
    it(`${method}: the same seed gives the same design, another seed another`, () => {
      const a = buildDesign({ ...settings, method, seed: 7 });
      const b = buildDesign({ ...settings, method, seed: 7 });
      const c = buildDesign({ ...settings, method, seed: 8 });
      expect(a.values).toEqual(b.values);
      expect(a.values).not.toEqual(c.values);
      expect(a.values).toHaveLength(method === 'morris' ? 16 * 4 : 16 * 5);
      for (const row of a.values) row.forEach((v, i) => expect(v >= settings.intervals[i][0] && v <= settings.intervals[i][1]).toBe(true));
    });

  it('bootstrap intervals depend only on the stream', () => {
    const design = saltelliDesign({ parameters: 3, samples: 256, random: createStream('d') });
    const y = onIshigami(design.points);
    const one = sobolIndices(design, y, { bootstrap: 100, random: createStream('same') });
    const two = sobolIndices(design, y, { bootstrap: 100, random: createStream('same') });
    expect(one).toEqual(two);
  });
});

describe('sensitivity outputs', () => {
  const regions = ['sichuan', 'chongqing'];

  it('defaults to the headline outputs', () => {
    expect(defaultOutputs(regions).map(outputKey)).toEqual([
      'zone.similarity.final',
      'zone.duplicated_investment_share.over_run',
      'sichuan.value_added_change.final',
      'chongqing.value_added_change.final',
      'zone.value_added.over_run',
    ]);
  });

  it('fills in regions and statistics from a metric name', () => {
    const parse = (...texts: string[]) => parseOutputs(texts, regions).map(outputKey);
    expect(parse('similarity')).toEqual(['zone.similarity.final']);
    expect(parse('value_added', 'utilization')).toEqual(['zone.value_added.over_run', 'zone.utilization.over_run']);
    expect(parse('payoff')).toEqual(['sichuan.payoff.over_run', 'chongqing.payoff.over_run']);
    expect(parse('krugman')).toEqual(['sichuan~chongqing.krugman.final']);
    expect(parse('sichuan.value_added_change', 'value_added.final', 'chongqing.firms.over_run')).toEqual([
      'sichuan.value_added_change.final',
      'zone.value_added.final',
      'chongqing.firms.over_run',
    ]);
  });

  it('rejects unknown metrics, regions and statistics with a suggestion', () => {
    expect(() => parseOutputs(['similarty'], regions)).toThrow(/unknown metric "similarty" \(did you mean "similarity"\?\)/);
    expect(() => parseOutputs(['sichaun.value_added'], regions)).toThrow(/unknown region "sichaun" \(did you mean "sichuan"\?\)/);
    expect(() => parseOutputs(['zone.value_added.total'], regions)).toThrow(UserError);
    expect(() => parseOutputs(['zone.value_added_change.over_run'], regions)).toThrow(/final year only/);
    expect(() => parseOutputs(['sichuan.duplicated_investment_share'], regions)).toThrow(/measured for the zone/);
  });
});
