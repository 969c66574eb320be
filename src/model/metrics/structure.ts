/**
 * Industrial-structure measures between regions: the formulas of docs/ODD.md
 * 7.15, on plain arrays so they are testable by hand.
 */

/** Shares of a vector (zeros if the total is not positive). */
export function toShares(values: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  const shares = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) shares[i] = total > 0 ? values[i] / total : 0;
  return shares;
}

/**
 * UNIDO similarity coefficient of two sector-share vectors:
 * sum x_r x_s / sqrt(sum x_r^2 * sum x_s^2); 1 means identical structures.
 * Returns 0 when either region has no output.
 */
export function similarityCoefficient(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let k = 0; k < x.length; k++) {
    xy += x[k] * y[k];
    xx += x[k] * x[k];
    yy += y[k] * y[k];
  }
  if (xx <= 0 || yy <= 0) return 0;
  return Math.min(1, xy / Math.sqrt(xx * yy));
}

/** Krugman specialisation index: sum |x_r - x_s| over sectors, 0 (identical) to 2 (disjoint). */
export function krugmanIndex(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += Math.abs(x[k] - y[k]);
  return sum;
}

/** Herfindahl index of a share vector (1/K for an even spread, 1 for one sector). */
export function herfindahlIndex(shares: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < shares.length; k++) sum += shares[k] * shares[k];
  return sum;
}

/**
 * Location quotients LQ(r,k) = (X_rk / X_r) / (X_k / X) from output by
 * [region][sector]. A cell whose region or sector has no output gets 0.
 */
export function locationQuotients(output: number[][]): number[][] {
  const regions = output.length;
  const sectors = regions > 0 ? output[0].length : 0;
  const regionTotal = new Array<number>(regions).fill(0);
  const sectorTotal = new Array<number>(sectors).fill(0);
  let total = 0;
  for (let r = 0; r < regions; r++) {
    for (let k = 0; k < sectors; k++) {
      regionTotal[r] += output[r][k];
      sectorTotal[k] += output[r][k];
      total += output[r][k];
    }
  }
  return output.map((row, r) =>
    row.map((x, k) =>
      regionTotal[r] > 0 && sectorTotal[k] > 0 && total > 0 ? x / regionTotal[r] / (sectorTotal[k] / total) : 0,
    ),
  );
}
