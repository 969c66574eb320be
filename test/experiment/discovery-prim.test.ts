/** PRIM (src/experiment/discovery/prim.ts) on synthetic data with a known box. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { DiscoveryData, Limit } from '../../src/experiment/discovery/box.js';
import { describeLimits } from '../../src/experiment/discovery/box.js';
import { binomialUpperTail, peel, runPrim, selectStep } from '../../src/experiment/discovery/prim.js';

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
    expect(numeric(box.limits[0]).lo).toBeCloseTo(0.2, 1);
    expect(Math.abs(numeric(box.limits[0]).lo - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[0]).hi - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(numeric(box.limits[1]).lo - 0.7)).toBeLessThan(0.05);
    expect(numeric(box.limits[1]).hi).toBe(numeric(result.initial[1]).hi);
    expect(box.density).toBeGreaterThan(0.8);
    expect(box.coverage).toBeGreaterThan(0.5);
    console.log(describeLimits(data, box.limits, result.initial), box.density, box.coverage, box.quasiP);
  });

  it('gives small quasi-p-values for the real restrictions and large ones for noise restrictions', () => {
    for (const q of box.quasiP.filter((q) => q.dimension !== 'x3')) expect(q.p).toBeLessThan(1e-6);
    for (const q of box.quasiP.filter((q) => q.dimension === 'x3')) expect(q.p).toBeGreaterThan(0.05);
  });
});
