/**
 * The calibration optimizer (CMA-ES in the unit cube with reflection at the
 * bounds) on test functions with known optima: noisy shifted spheres,
 * Rosenbrock, an optimum outside the box; deterministic by seed.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fold, minimizeCmaes, symmetricEigen, type BatchObjective } from '../../src/experiment/calibration/cmaes.js';

/** f(x) = sum (x - c)^2 plus Gaussian noise of standard deviation `noise` (own seeded stream). */
function noisySphere(centre: number[], noise: number, seed = 'noise'): BatchObjective {
  const rng = seedrandom.xor4096(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.double())) * Math.cos(2 * Math.PI * rng.double());
  return (points) => points.map((x) => x.reduce((s, xi, i) => s + (xi - centre[i]) ** 2, 0) + noise * gauss());
}

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, ai, i) => s + (ai - b[i]) ** 2, 0));

describe('CMA-ES', () => {
  it('folds coordinates into [0, 1] by reflection', () => {
    expect([0, 0.3, 1, 1.1, 2.5, -0.2, -1.7].map((x) => Number(fold(x).toFixed(10)))).toEqual([0, 0.3, 1, 0.9, 0.5, 0.2, 0.3]);
  });

  it('decomposes a symmetric matrix', () => {
    const m = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 1],
    ];
    const { values, vectors } = symmetricEigen(m);
    for (let k = 0; k < 3; k++) {
      const v = vectors.map((row) => row[k]);
      const mv = m.map((row) => row.reduce((s, mij, j) => s + mij * v[j], 0));
      mv.forEach((x, i) => expect(x).toBeCloseTo(values[k] * v[i], 10));
    }
  });

  for (const dims of [2, 3, 4]) {
    it(`finds the centre of a noisy shifted sphere in ${dims} dimensions`, async () => {
      const centre = [0.7, -1.3, 2.1, 0.4].slice(0, dims);
      const bounds = centre.map(() => [-3, 3] as const);
      const result = await minimizeCmaes(noisySphere(centre, 0.01), { bounds, x0: centre.map(() => -2), maxEvaluations: 400 * dims, seed: 3 });
      expect(result.evaluations).toBe(400 * dims);
      // The final mean averages the noise away; the best evaluated point is biased towards lucky draws.
      // Noise of sd 0.01 in f hides distances below about sqrt(0.01) = 0.1 in any one evaluation.
      expect(distance(result.mean, centre)).toBeLessThan(0.15);
      expect(distance(result.best, centre)).toBeLessThan(0.2);
    });
  }

  it('finds the minimum of the 2-D Rosenbrock function without noise', async () => {
    const rosenbrock: BatchObjective = (points) => points.map(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2);
    const result = await minimizeCmaes(rosenbrock, { bounds: [[-2, 2], [-1, 3]], x0: [-1.5, 2.5], maxEvaluations: 3000, seed: 1 });
    expect(result.best[0]).toBeCloseTo(1, 3);
    expect(result.best[1]).toBeCloseTo(1, 3);
    expect(result.bestValue).toBeLessThan(1e-8);
  });

  it('never evaluates outside the bounds and finds an optimum on a face', async () => {
    const seen: number[][] = [];
    const sphere: BatchObjective = (points) => {
      seen.push(...points);
      return points.map(([x, y]) => (x - 2) ** 2 + (y - 0.25) ** 2);
    };
    const result = await minimizeCmaes(sphere, { bounds: [[-1, 1], [0, 0.5]], maxEvaluations: 600, seed: 5, sigma0: 0.5 });
    expect(seen.length).toBe(600);
    for (const [x, y] of seen) {
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(0.5);
    }
    expect(result.best[0]).toBeCloseTo(1, 3);
    expect(result.best[1]).toBeCloseTo(0.25, 3);
  });

  it('evaluates the starting point first when asked, so the result is never worse than the start', async () => {
    const calls: number[][][] = [];
    const f: BatchObjective = (points) => {
      calls.push(points);
      return points.map(([x]) => Math.abs(x - 0.5));
    };
    const result = await minimizeCmaes(f, { bounds: [[0, 1]], x0: [0.5], evaluateStart: true, maxEvaluations: 9, seed: 2 });
    expect(calls[0]).toEqual([[0.5]]);
    expect(result.best).toEqual([0.5]);
    expect(result.bestValue).toBe(0);
    expect(result.evaluations).toBe(9);
  });

  it('is deterministic given a seed and differs between seeds', async () => {
    const run = (seed: number) => minimizeCmaes(noisySphere([0.2, 0.8, -0.5], 0.05, 'fixed'), { bounds: [[-1, 1], [-1, 1], [-1, 1]], maxEvaluations: 200, seed });
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a.best).toEqual(b.best);
    expect(a.history).toEqual(b.history);
    expect(c.best).not.toEqual(a.best);
  });

  it('restarts with a larger population after converging, within the budget', async () => {
    const f: BatchObjective = (points) => points.map(([x, y]) => x * x + y * y);
    const result = await minimizeCmaes(f, { bounds: [[-1, 1], [-1, 1]], maxEvaluations: 3000, seed: 4, tolX: 1e-6 });
    expect(result.restarts).toBeGreaterThan(0);
    expect(result.evaluations).toBe(3000);
    expect(result.bestValue).toBeLessThan(1e-10);
  });

  it('stops with the best so far when aborted', async () => {
    const controller = new AbortController();
    const f: BatchObjective = (points) => {
      controller.abort();
      return points.map(([x]) => x * x);
    };
    const result = await minimizeCmaes(f, { bounds: [[-1, 1]], maxEvaluations: 1000, seed: 1, signal: controller.signal });
    expect(result.stopped).toBe('aborted');
    expect(result.evaluations).toBeLessThan(10);
    expect(Number.isFinite(result.bestValue)).toBe(true);
  });
});
