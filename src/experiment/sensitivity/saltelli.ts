/**
 * Variance-based (Sobol') sensitivity indices from a Saltelli design
 * (Saltelli 2002; Saltelli et al. 2010).
 *
 * Design: two independent N x d base matrices A and B (the two halves of a
 * 2d-dimensional Sobol' sequence with a seeded digital shift, or plain seeded
 * uniforms), and for each parameter i the matrix A_B^i: A with column i taken
 * from B. That is N (d + 2) model runs, laid out block by block:
 * row j of A, row j of A_B^1 ... A_B^d, row j of B.
 *
 * Estimators, with V the variance of the outputs of A and B together:
 *   first order  S_i  = (1/N) sum_j f(B)_j [f(A_B^i)_j - f(A)_j] / V   (Saltelli 2010)
 *   total order  ST_i = (1/2N) sum_j [f(A)_j - f(A_B^i)_j]^2 / V      (Jansen 1999)
 * with bootstrap percentile intervals from resampling the N blocks.
 */
import type { Uniform } from '../../model/rng.js';
import { checkBootstrapOptions, percentileInterval, resample, type BootstrapOptions, type IndexEstimate } from './common.js';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.js';

export const SAMPLINGS = ['quasi', 'random'] as const;
/** quasi: a digitally shifted Sobol' sequence; random: plain seeded uniforms. */
export type Sampling = (typeof SAMPLINGS)[number];

/** Most parameters a quasi-random Saltelli design supports (two sequence dimensions each). */
export const SALTELLI_MAX_QUASI_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

export interface SaltelliDesign {
  /** Parameters d. */
  parameters: number;
  /** Base samples N. */
  samples: number;
  sampling: Sampling;
  /** Unit-cube points: N blocks of d + 2 rows (A, A_B^1..A_B^d, B). */
  points: number[][];
}

export interface SaltelliDesignOptions {
  parameters: number;
  samples: number;
  sampling?: Sampling;
  random: Uniform;
}

export function saltelliDesign(options: SaltelliDesignOptions): SaltelliDesign {
  const { parameters: d, samples: n, random } = options;
  const sampling = options.sampling ?? 'quasi';
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`a Saltelli design needs at least one parameter, not ${d}`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a Saltelli design needs at least 2 base samples, not ${n}`);
  if (sampling === 'quasi' && d > SALTELLI_MAX_QUASI_PARAMETERS) throw new RangeError(`a quasi-random Saltelli design supports at most ${SALTELLI_MAX_QUASI_PARAMETERS} parameters, not ${d}`);
  const base =
    sampling === 'quasi'
      ? sobolPoints(n, 2 * d, { shift: random })
      : Array.from({ length: n }, () => Array.from({ length: 2 * d }, () => random()));
  const points: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, d);
    const b = row.slice(d);
    points.push(a);
    for (let i = 0; i < d; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      points.push(ab);
    }
    points.push(b);
  }
  return { parameters: d, samples: n, sampling, points };
}

export interface SobolIndices {
  /** First-order index S_i per parameter. */
  firstOrder: IndexEstimate[];
  /** Total-order index ST_i per parameter. */
  totalOrder: IndexEstimate[];
  /** Variance of the output (A and B together). */
  variance: number;
  /** Blocks used (those with every output finite). */
  n: number;
}

/** Per block j: f(A)_j, f(A_B^i)_j..., f(B)_j, centred on the mean of f(A) and f(B), for the blocks whose outputs are all finite. */
function completeBlocks(design: SaltelliDesign, y: readonly number[]): number[][] {
  const width = design.parameters + 2;
  if (y.length !== design.samples * width) throw new RangeError(`expected ${design.samples * width} outputs for the Saltelli design, got ${y.length}`);
  const blocks: number[][] = [];
  for (let j = 0; j < design.samples; j++) {
    const block = y.slice(j * width, (j + 1) * width);
    if (block.every(Number.isFinite)) blocks.push(block);
  }
  // Centring changes no index in expectation but keeps the first-order
  // estimator's variance from growing with the square of the output's mean.
  let centre = 0;
  for (const block of blocks) centre += block[0] + block[width - 1];
  centre = blocks.length > 0 ? centre / (2 * blocks.length) : 0;
  return blocks.map((block) => block.map((v) => v - centre));
}

/** S_i and ST_i of every parameter from the blocks picked by `rows` (all blocks when null). */
function estimate(blocks: readonly number[][], d: number, rows: Int32Array | null): { first: number[]; total: number[]; variance: number } {
  const n = rows ? rows.length : blocks.length;
  const at = (j: number) => blocks[rows ? rows[j] : j];
  let sum = 0;
  for (let j = 0; j < n; j++) sum += at(j)[0] + at(j)[d + 1];
  const m = sum / (2 * n);
  let squares = 0;
  for (let j = 0; j < n; j++) squares += (at(j)[0] - m) ** 2 + (at(j)[d + 1] - m) ** 2;
  const variance = squares / (2 * n);
  const first = new Array<number>(d).fill(0);
  const total = new Array<number>(d).fill(0);
  for (let j = 0; j < n; j++) {
    const block = at(j);
    const fa = block[0];
    const fb = block[d + 1];
    for (let i = 0; i < d; i++) {
      const fab = block[1 + i];
      first[i] += fb * (fab - fa);
      total[i] += (fa - fab) ** 2;
    }
  }
  const ok = variance > 0 && n > 0;
  return {
    first: first.map((s) => (ok ? s / n / variance : Number.NaN)),
    total: total.map((s) => (ok ? s / (2 * n) / variance : Number.NaN)),
    variance: n > 0 ? variance : Number.NaN,
  };
}

export function sobolIndices(design: SaltelliDesign, y: readonly number[], options: BootstrapOptions): SobolIndices {
  const { bootstrap, confidence } = checkBootstrapOptions(options);
  const d = design.parameters;
  const blocks = completeBlocks(design, y);
  const point = estimate(blocks, d, null);
  const bootFirst = Array.from({ length: d }, () => [] as number[]);
  const bootTotal = Array.from({ length: d }, () => [] as number[]);
  if (blocks.length > 0)
    for (let b = 0; b < bootstrap; b++) {
      const r = estimate(blocks, d, resample(blocks.length, options.random));
      for (let i = 0; i < d; i++) {
        bootFirst[i].push(r.first[i]);
        bootTotal[i].push(r.total[i]);
      }
    }
  const withInterval = (value: number, values: number[]): IndexEstimate => {
    const [low, high] = bootstrap > 0 && Number.isFinite(value) ? percentileInterval(values, confidence) : [Number.NaN, Number.NaN];
    return { value, low, high };
  };
  return {
    firstOrder: point.first.map((v, i) => withInterval(v, bootFirst[i])),
    totalOrder: point.total.map((v, i) => withInterval(v, bootTotal[i])),
    variance: point.variance,
    n: blocks.length,
  };
}
