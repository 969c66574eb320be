/**
 * The Sobol' low-discrepancy sequence (Sobol' 1967) in base 2, generated in
 * Gray-code order (Antonov & Saleev 1979) from the direction numbers of
 * Joe & Kuo (2008, file new-joe-kuo-6.21201), the same numbers as SciPy's and
 * SALib's generators, so the unshifted points equal theirs. 40 dimensions are
 * tabulated: a Saltelli design needs two per parameter, so up to 20 parameters.
 *
 * An optional random digital shift (each coordinate's 32 bits XOR-ed with a
 * seeded random word) randomizes the sequence while keeping every (t, m, s)-net
 * property, so seeds give different but equally well spread samples and no
 * point sits on the corner of the cube.
 *
 * Direction numbers: Copyright (c) 2008, Frances Y. Kuo and Stephen Joe, BSD
 * licence (https://web.maths.unsw.edu.au/~fkuo/sobol/).
 */
import type { Uniform } from '../../model/rng.js';

/**
 * Joe-Kuo direction numbers of dimensions 2..40: `[a, m1, ..., ms]`, where s is
 * the degree of the primitive polynomial, a its inner coefficients as bits and
 * m the initial direction integers. Dimension 1 is the van der Corput sequence.
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [0, 1],
  [1, 1, 3],
  [1, 1, 3, 1],
  [2, 1, 1, 1],
  [1, 1, 1, 3, 3],
  [4, 1, 3, 5, 13],
  [2, 1, 1, 5, 5, 17],
  [4, 1, 1, 5, 5, 5],
  [7, 1, 1, 7, 11, 19],
  [11, 1, 1, 5, 1, 1],
  [13, 1, 1, 1, 3, 11],
  [14, 1, 3, 5, 5, 31],
  [1, 1, 3, 3, 9, 7, 49],
  [13, 1, 1, 1, 15, 21, 21],
  [16, 1, 3, 1, 13, 27, 49],
  [19, 1, 1, 1, 15, 7, 5],
  [22, 1, 3, 1, 15, 13, 25],
  [25, 1, 1, 5, 5, 19, 61],
  [1, 1, 3, 7, 11, 23, 15, 103],
  [4, 1, 3, 7, 13, 13, 15, 69],
  [7, 1, 1, 3, 13, 7, 35, 63],
  [8, 1, 3, 5, 9, 1, 25, 53],
  [14, 1, 3, 1, 13, 9, 35, 107],
  [19, 1, 3, 1, 5, 27, 61, 31],
  [21, 1, 1, 5, 11, 19, 41, 61],
  [28, 1, 3, 5, 3, 3, 13, 69],
  [31, 1, 1, 7, 13, 1, 19, 1],
  [32, 1, 3, 7, 5, 13, 19, 59],
  [37, 1, 1, 3, 9, 25, 29, 41],
  [41, 1, 3, 5, 13, 23, 1, 55],
  [42, 1, 3, 7, 3, 13, 59, 17],
  [50, 1, 3, 1, 3, 5, 53, 69],
  [55, 1, 1, 5, 5, 23, 33, 13],
  [56, 1, 1, 7, 7, 1, 61, 123],
  [59, 1, 1, 7, 9, 13, 61, 49],
  [62, 1, 3, 3, 5, 3, 55, 33],
  [14, 1, 3, 1, 15, 31, 13, 49, 245],
  [21, 1, 3, 5, 15, 31, 59, 63, 97],
  [22, 1, 3, 1, 11, 11, 11, 77, 249],
];

/** Dimensions the generator supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Bits per coordinate, hence at most 2^32 points. */
const BITS = 32;
const SCALE = 2 ** BITS;

/** Direction numbers v_1..v_32 of one dimension (0-based), as 32-bit integers (index 0 unused). */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j);
    return v;
  }
  const [a, ...m] = JOE_KUO[dimension - 1];
  const s = m.length;
  for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = m[j - 1] * 2 ** (BITS - j);
  for (let j = s + 1; j <= BITS; j++) {
    let x = v[j - s] ^ (v[j - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k];
    v[j] = x >>> 0;
  }
  return v;
}

/** 1-based position of the lowest zero bit of i (1 for even i). */
function lowestZeroBit(i: number): number {
  let c = 1;
  while (i % 2 === 1) {
    i = Math.floor(i / 2);
    c++;
  }
  return c;
}

export interface SobolOptions {
  /** Points to drop from the start of the sequence (default 0). */
  skip?: number;
  /** A random digital shift drawn from this stream (one 32-bit word per dimension); none when absent. */
  shift?: Uniform;
}

/**
 * `count` points of the `dimensions`-dimensional Sobol' sequence, rows of
 * coordinates in [0, 1). Without a shift the first point is the origin and the
 * first 2^m points put exactly one point in each of the 2^m slices of every axis.
 */
export function sobolPoints(count: number, dimensions: number, options: SobolOptions = {}): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`the Sobol' sequence here has 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${dimensions}`);
  const skip = options.skip ?? 0;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(skip) || skip < 0 || count + skip > SCALE) throw new RangeError(`cannot draw ${count} Sobol' points after ${skip}`);
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const shift = Array.from({ length: dimensions }, () => (options.shift ? Math.floor(options.shift() * SCALE) >>> 0 : 0));
  const x = new Uint32Array(dimensions);
  const out: number[][] = [];
  for (let i = 0; i < skip + count; i++) {
    if (i > 0) {
      const c = lowestZeroBit(i - 1);
      for (let d = 0; d < dimensions; d++) x[d] ^= directions[d][c];
    }
    if (i >= skip) out.push(Array.from(x, (xd, d) => ((xd ^ shift[d]) >>> 0) / SCALE));
  }
  return out;
}
