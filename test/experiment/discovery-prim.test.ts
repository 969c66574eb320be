/** PRIM (src/experiment/discovery/prim.ts) on synthetic data with a known box. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { DiscoveryData, Limit } from '../../src/experiment/discovery/box.js';
import { describeLimits } from '../../src/experiment/discovery/box.js';
import { binomialUpperTail, peel, quasiPValues, runPrim, selectStep } from '../../src/experiment/discovery/prim.js';

/** y = 1 inside x1 in [0.2, 0.5] and x2 >= 0.7, else 0; each y flipped with probability `noise`; x3 is noise. */
function knownBox(n: number, noise: number, seed = 'prim'): DiscoveryData {
  const random = seedrandom(seed);
  const [x1, x2, x3] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = random();
    x2[i] = random();
    x3[i] = random();
    const inside = x1[i] >= 0.2 && x1[i] <= 0.5 && x2[i] >= 0.7;
    y[i] = (random() < noise ? !inside : inside) ? 1 : 0;
  }
  return { dimensions: [{ name: 'x1', kind: 'numeric', values: x1 }, { name: 'x2', kind: 'numeric', values: x2 }, { name: 'x3', kind: 'numeric', values: x3 }], y };
}

const numeric = (l: Limit) => {
  if (l.kind !== 'numeric') throw new Error('expected a numeric limit');
  return l;
};

describe('PRIM on a known box', () => {
  const data = knownBox(2000, 0.05);
  const result = runPrim(data);
  const box = result.boxes[0];

  it('recovers x1 in [0.2, 0.5] and x2 >= 0.7 within 0.05, leaving x3 free or nearly so', () => {
    expect(Math.abs(numeric(box.limits[0]).lo - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[0]).hi - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[1]).lo - 0.7)).toBeLessThan(0.05);
    expect(numeric(box.limits[1]).hi).toBe(numeric(result.initial[1]).hi);
    expect(box.density).toBeGreaterThan(0.8);
    expect(box.coverage).toBeGreaterThan(0.5);
    expect(describeLimits(data, box.limits, result.initial).slice(0, 2)).toEqual([expect.stringMatching(/^x1 in \[0\.2\d*, 0\.[45]\d*\]$/), expect.stringMatching(/^x2 >= 0\.[67]\d*$/)]);
  });

  it('gives small quasi-p-values for the real restrictions and large ones for noise restrictions', () => {
    expect(box.quasiP.filter((q) => q.dimension !== 'x3').map((q) => q.side)).toEqual(['lower', 'upper', 'lower']);
    for (const q of box.quasiP.filter((q) => q.dimension !== 'x3')) expect(q.p).toBeLessThan(1e-6);
    for (const q of box.quasiP.filter((q) => q.dimension === 'x3')) expect(q.p).toBeGreaterThan(0.05);
    // The true box with a needless cut on the noise dimension x3: only that cut gets a large value.
    const all = Int32Array.from({ length: data.y.length }, (_, i) => i);
    const cut: Limit[] = [{ kind: 'numeric', lo: 0.2, hi: 0.5 }, { kind: 'numeric', lo: 0.7, hi: numeric(result.initial[1]).hi }, { kind: 'numeric', lo: numeric(result.initial[2]).lo, hi: 0.6 }];
    const values = quasiPValues(data, cut, all, result.initial);
    expect(values.map((q) => `${q.dimension} ${q.side}`)).toEqual(['x1 lower', 'x1 upper', 'x2 lower', 'x3 upper']);
    expect(values[3].p).toBeGreaterThan(0.2);
    for (const q of values.slice(0, 3)) expect(q.p).toBeLessThan(1e-6);
  });
});

describe('PRIM on categories, covering, selection and pasting', () => {
  it('restricts a categorical dimension to the categories of the box', () => {
    const random = seedrandom('categories');
    const n = 1200;
    const x = new Float64Array(n);
    const strategy: string[] = [];
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = random();
      strategy.push(['invest', 'compete', 'cooperate', 'mixed'][Math.floor(random() * 4)]);
      y[i] = x[i] >= 0.6 && (strategy[i] === 'cooperate' || strategy[i] === 'mixed') ? 1 : 0;
    }
    const data: DiscoveryData = { dimensions: [{ name: 'x', kind: 'numeric', values: x }, { name: 'strategy', kind: 'categorical', values: strategy, categories: ['compete', 'cooperate', 'invest', 'mixed'] }], y };
    const box = runPrim(data).boxes[0];
    const limit = box.limits[1];
    expect(limit.kind === 'categorical' && [...limit.allowed].sort()).toEqual(['cooperate', 'mixed']);
    expect(Math.abs(numeric(box.limits[0]).lo - 0.6)).toBeLessThan(0.05);
    expect(box.density).toBe(1);
    expect(box.quasiP.find((q) => q.dimension === 'strategy')!.p).toBeLessThan(1e-6);
  });

  it('finds a second, disjoint box by covering', () => {
    const random = seedrandom('two boxes');
    const n = 2000;
    const [x1, x2] = [new Float64Array(n), new Float64Array(n)];
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x1[i] = random();
      x2[i] = random();
      y[i] = (x1[i] <= 0.3 && x2[i] <= 0.3) || (x1[i] >= 0.7 && x2[i] >= 0.7) ? 1 : 0;
    }
    const data: DiscoveryData = { dimensions: [{ name: 'x1', kind: 'numeric', values: x1 }, { name: 'x2', kind: 'numeric', values: x2 }], y };
    const result = runPrim(data, { boxes: 2 });
    expect(result.boxes).toHaveLength(2);
    const corners = result.boxes.map((b) => (numeric(b.limits[0]).hi <= 0.35 ? 'low' : numeric(b.limits[0]).lo >= 0.65 ? 'high' : 'neither')).sort();
    expect(corners).toEqual(['high', 'low']);
    for (const b of result.boxes) expect(b.density).toBeGreaterThan(0.9);
    // The second box is sought among the runs the first left: its coverage of those is larger than of all.
    expect(result.boxes[1].coverage).toBeGreaterThan(result.boxes[1].coverageOfAll);
    expect(result.boxes[1].inPlay.rows).toBe(n - result.boxes[0].rows);
  });

  it('selects the densest step with enough coverage by default, or the step asked for', () => {
    const data = knownBox(600, 0.05, 'select');
    const all = Int32Array.from({ length: 600 }, (_, i) => i);
    const trajectory = peel(data, all, runPrim(data).initial, { alpha: 0.05, minMass: 0.05 });
    const chosen = selectStep(trajectory, 0.5);
    expect(trajectory[chosen].coverage).toBeGreaterThanOrEqual(0.5);
    for (const s of trajectory) if (s.coverage >= 0.5) expect(s.density).toBeLessThanOrEqual(trajectory[chosen].density);
    // Peeling only removes rows, and stops before the box holds less than the minimum mass.
    for (let i = 1; i < trajectory.length; i++) expect(trajectory[i].rows).toBeLessThan(trajectory[i - 1].rows);
    expect(trajectory[trajectory.length - 1].mass).toBeGreaterThanOrEqual(0.05);
    const user = runPrim(data, { step: 3 }).boxes[0];
    expect([user.step, user.chosenBy]).toEqual([3, 'user']);
    expect(() => runPrim(data, { step: trajectory.length })).toThrow(RangeError);
  });

  it('pastes a box that peeling left too narrow back out while that raises its density', async () => {
    const { paste } = await import('../../src/experiment/discovery/prim.js');
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const data: DiscoveryData = { dimensions: [{ name: 'x', kind: 'numeric', values: x }], y: Uint8Array.from(x, (v) => (v >= 0.2 && v <= 0.8 ? 1 : 0)) };
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    const pasted = numeric(paste(data, [{ kind: 'numeric', lo: 0.5, hi: 0.9 }], rows, [{ kind: 'numeric', lo: 0, hi: 1 }], 0.05)[0]);
    expect(Math.abs(pasted.lo - 0.2)).toBeLessThan(0.03);
    expect(pasted.hi).toBe(0.9);
  });

  it('computes the binomial upper tail exactly', () => {
    const exact = (k: number, n: number, p: number) => {
      let sum = 0;
      let c = 1;
      for (let i = 0; i <= n; i++) {
        if (i >= k) sum += c * p ** i * (1 - p) ** (n - i);
        c = (c * (n - i)) / (i + 1);
      }
      return sum;
    };
    for (const [k, n, p] of [[3, 10, 0.5], [7, 20, 0.2], [1, 5, 0.01], [12, 12, 0.9]]) expect(binomialUpperTail(k, n, p)).toBeCloseTo(exact(k, n, p), 12);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });
});
