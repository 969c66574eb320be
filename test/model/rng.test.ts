import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  createStream,
  createStreams,
  drawGeometricGap,
  drawNormal,
  drawPoisson,
  STREAM_NAMES,
  type Uniform,
} from '../../src/model/rng.js';

function take(random: Uniform, n: number): number[] {
  return Array.from({ length: n }, () => random());
}

function moments(values: number[]): { mean: number; variance: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe('createStream', () => {
  it("draws exactly seedrandom's xor4096 double() sequence", () => {
    for (const seed of ['chuanyu/1/0/upgrade', 'chuanyu/7/3/entry', 'x']) {
      const reference = seedrandom.xor4096(seed);
      const stream = createStream(seed);
      for (let i = 0; i < 5000; i++) expect(stream()).toBe(reference.double());
    }
  });
});

describe('createStreams', () => {
  it('gives the same sequence for the same seed and replication', () => {
    const a = createStreams(42, 3);
    const b = createStreams(42, 3);
    for (const name of STREAM_NAMES) expect(take(a[name], 50)).toEqual(take(b[name], 50));
    expect(take(createStreams('abc', 0).fund, 20)).toEqual(take(createStreams('abc', 0).fund, 20));
  });

  it('gives different sequences for different stream names', () => {
    const s = createStreams(42, 0);
    const firsts = STREAM_NAMES.map((name) => take(s[name], 5).join(','));
    expect(new Set(firsts).size).toBe(STREAM_NAMES.length);
  });

  it('gives different sequences for different seeds and replications', () => {
    expect(take(createStreams(1, 0).government, 5)).not.toEqual(take(createStreams(2, 0).government, 5));
    expect(take(createStreams(1, 0).government, 5)).not.toEqual(take(createStreams(1, 1).government, 5));
  });

  it('keeps streams independent: drawing from one does not shift another', () => {
    const a = createStreams(7, 0);
    const b = createStreams(7, 0);
    take(a.government, 1000);
    expect(take(a.fund, 20)).toEqual(take(b.fund, 20));
  });

  it('draws uniforms on [0, 1) with mean 1/2 and variance 1/12', () => {
    const n = 50_000;
    const u = take(createStream('rng-test/uniform'), n);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const { mean, variance } = moments(u);
    // SE of the mean = sqrt(1/12 / n) = 0.0013
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('drawNormal', () => {
  it('has mean 0 and variance 1', () => {
    const n = 50_000;
    const random = createStream('rng-test/normal');
    const x = Array.from({ length: n }, () => drawNormal(random));
    const { mean, variance } = moments(x);
    // SE(mean) = 1/sqrt(n) = 0.0045; SE(var) = sqrt(2/n) = 0.0063
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    // P(|X| < 1) = 0.6827; SE = sqrt(0.6827*0.3173/n) = 0.0021
    const within = x.filter((v) => Math.abs(v) < 1).length / n;
    expect(Math.abs(within - 0.682689)).toBeLessThan(5 * Math.sqrt((0.6827 * 0.3173) / n));
  });
});

describe('drawPoisson', () => {
  for (const lambda of [0.5, 5, 50]) {
    it(`has mean and variance close to lambda = ${lambda}`, () => {
      const n = 40_000;
      const random = createStream(`rng-test/poisson/${lambda}`);
      const x = Array.from({ length: n }, () => drawPoisson(random, lambda));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      const { mean, variance } = moments(x);
      // SE(mean) = sqrt(lambda/n); Var(sample variance) ~ (mu4 - sigma^4)/n = (2 lambda^2 + lambda)/n
      // (the rounded normal used above 30 adds 1/12 to the variance, well inside the tolerance)
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((2 * lambda * lambda + lambda) / n) + 1 / 12);
    });
  }

  it('has P(0) = exp(-lambda) for a small mean', () => {
    const n = 40_000;
    const random = createStream('rng-test/poisson-zero');
    let zeros = 0;
    for (let i = 0; i < n; i++) if (drawPoisson(random, 0.5) === 0) zeros++;
    const p = Math.exp(-0.5); // 0.60653
    expect(Math.abs(zeros / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('returns 0 for a non-positive or invalid mean', () => {
    const random = createStream('rng-test/poisson-zero-mean');
    expect(drawPoisson(random, 0)).toBe(0);
    expect(drawPoisson(random, -3)).toBe(0);
    expect(drawPoisson(random, Number.NaN)).toBe(0);
  });
});

describe('drawGeometricGap', () => {
  for (const p of [0.1, 0.5, 0.02]) {
    it(`has mean (1-p)/p and P(0) = p for p = ${p}`, () => {
      const n = 40_000;
      const random = createStream(`rng-test/geometric/${p}`);
      const x = Array.from({ length: n }, () => drawGeometricGap(random, p));
      expect(x.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      const { mean, variance } = moments(x);
      const mu = (1 - p) / p; // 9, 1, 49
      const sigma2 = (1 - p) / (p * p); // 90, 2, 2450
      expect(Math.abs(mean - mu)).toBeLessThan(5 * Math.sqrt(sigma2 / n));
      expect(variance / sigma2).toBeGreaterThan(0.9);
      expect(variance / sigma2).toBeLessThan(1.1);
      const zeros = x.filter((v) => v === 0).length / n;
      expect(Math.abs(zeros - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    });
  }

  it('is 0 for p >= 1 and infinite for p <= 0', () => {
    const random = createStream('rng-test/geometric-edge');
    expect(drawGeometricGap(random, 1)).toBe(0);
    expect(drawGeometricGap(random, 1.5)).toBe(0);
    expect(drawGeometricGap(random, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(drawGeometricGap(random, -0.1)).toBe(Number.POSITIVE_INFINITY);
  });
});
