/**
 * Morris elementary effects screening (Morris 1991), with the mean of absolute
 * effects mu* (Campolongo, Cariboni & Saltelli 2007).
 *
 * Design: r trajectories on a p-level grid of the unit hypercube (levels
 * 0, 1/(p-1), ..., 1; p even). Each trajectory starts at a random grid point
 * and moves one parameter at a time, in random order, by the step
 * delta = p / (2(p-1)) up or down, so it has k + 1 points for k parameters and
 * gives one elementary effect per parameter. Each coordinate takes the two
 * values of a pair (l, l + delta) of grid levels, which puts every level on
 * equal footing (Morris' sampling distribution).
 *
 * An elementary effect is measured in the unit cube,
 *   EE_i = [y(x + delta e_i) - y(x)] / delta,
 * so it is the change of the output over the parameter's whole range: for
 * y = c x_i with x_i in [lo, hi] it is c (hi - lo), and effects of parameters
 * with different units compare directly.
 *
 * Per parameter: mu (mean of EE), mu* (mean of |EE|), sigma (standard
 * deviation of EE, n - 1 denominator), each with a bootstrap percentile
 * interval from resampling whole trajectories.
 */
import type { Uniform } from '../../model/rng.js';
import { mean, sampleVariance } from '../statistics.js';
import { checkBootstrapOptions, percentileInterval, permutation, resample, type BootstrapOptions, type IndexEstimate } from './common.js';

export const DEFAULT_MORRIS_LEVELS = 4;

export interface MorrisDesign {
  /** Parameters k. */
  parameters: number;
  /** Trajectories r. */
  trajectories: number;
  /** Grid levels p. */
  levels: number;
  /** Step in the unit cube, p / (2(p-1)). */
  delta: number;
  /** Unit-cube points, trajectory after trajectory: r blocks of k + 1 rows. */
  points: number[][];
  /** Per trajectory, the parameter moved at each of its k steps. */
  order: number[][];
}

export interface MorrisDesignOptions {
  parameters: number;
  trajectories: number;
  levels?: number;
  random: Uniform;
}

export function morrisDesign(options: MorrisDesignOptions): MorrisDesign {
  const { parameters: k, trajectories: r, random } = options;
  const p = options.levels ?? DEFAULT_MORRIS_LEVELS;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`a Morris design needs at least one parameter, not ${k}`);
  if (!Number.isInteger(r) || r < 1) throw new RangeError(`a Morris design needs at least one trajectory, not ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`Morris levels must be an even number of at least 2, not ${p}`);
  const half = p / 2;
  const delta = half / (p - 1);
  const level = (i: number) => i / (p - 1);
  const points: number[][] = [];
  const order: number[][] = [];
  for (let t = 0; t < r; t++) {
    // Per coordinate: the lower level of its pair, and whether it starts at the upper one.
    const lower = Array.from({ length: k }, () => Math.min(half - 1, Math.floor(random() * half)));
    const down = Array.from({ length: k }, () => random() < 0.5);
    const moves = permutation(k, random);
    const x = lower.map((l, i) => level(down[i] ? l + half : l));
    points.push(x.slice());
    for (const i of moves) {
      x[i] = level(down[i] ? lower[i] : lower[i] + half);
      points.push(x.slice());
    }
    order.push(moves);
  }
  return { parameters: k, trajectories: r, levels: p, delta, points, order };
}

/**
 * Elementary effects [parameter][trajectory] from outputs in design order;
 * NaN where either output of the step is not finite.
 */
export function elementaryEffects(design: MorrisDesign, y: readonly number[]): number[][] {
  const { parameters: k, trajectories: r } = design;
  if (y.length !== r * (k + 1)) throw new RangeError(`expected ${r * (k + 1)} outputs for the Morris design, got ${y.length}`);
  const effects = Array.from({ length: k }, () => new Array<number>(r).fill(Number.NaN));
  for (let t = 0; t < r; t++) {
    const base = t * (k + 1);
    design.order[t].forEach((i, step) => {
      const from = design.points[base + step][i];
      const to = design.points[base + step + 1][i];
      const dy = y[base + step + 1] - y[base + step];
      effects[i][t] = Number.isFinite(dy) ? dy / (to > from ? design.delta : -design.delta) : Number.NaN;
    });
  }
  return effects;
}

export interface MorrisIndices {
  mu: IndexEstimate;
  muStar: IndexEstimate;
  sigma: IndexEstimate;
  /** Finite elementary effects used. */
  n: number;
}

function moments(effects: readonly number[]): [mu: number, muStar: number, sigma: number] {
  const ee = effects.filter(Number.isFinite);
  if (ee.length === 0) return [Number.NaN, Number.NaN, Number.NaN];
  const mu = mean(ee);
  const muStar = mean(ee.map(Math.abs));
  const sigma = Math.sqrt(sampleVariance(ee, mu));
  return [mu, muStar, sigma];
}

/** mu, mu* and sigma of every parameter, with bootstrap intervals (resampling trajectories). */
export function morrisIndices(design: MorrisDesign, y: readonly number[], options: BootstrapOptions): MorrisIndices[] {
  const { bootstrap, confidence } = checkBootstrapOptions(options);
  const effects = elementaryEffects(design, y);
  const r = design.trajectories;
  const boot = effects.map(() => ({ mu: [] as number[], muStar: [] as number[], sigma: [] as number[] }));
  const picked = new Array<number>(r);
  for (let b = 0; b < bootstrap; b++) {
    const rows = resample(r, options.random);
    effects.forEach((ee, i) => {
      for (let t = 0; t < r; t++) picked[t] = ee[rows[t]];
      const [mu, muStar, sigma] = moments(picked);
      boot[i].mu.push(mu);
      boot[i].muStar.push(muStar);
      boot[i].sigma.push(sigma);
    });
  }
  const estimate = (value: number, values: number[]): IndexEstimate => {
    const [low, high] = bootstrap > 0 && Number.isFinite(value) ? percentileInterval(values, confidence) : [Number.NaN, Number.NaN];
    return { value, low, high };
  };
  return effects.map((ee, i) => {
    const [mu, muStar, sigma] = moments(ee);
    return { mu: estimate(mu, boot[i].mu), muStar: estimate(muStar, boot[i].muStar), sigma: estimate(sigma, boot[i].sigma), n: ee.filter(Number.isFinite).length };
  });
}
