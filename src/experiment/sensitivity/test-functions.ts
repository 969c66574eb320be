/**
 * Test functions with known sensitivity indices, to check the estimators:
 * the Ishigami function (Ishigami & Homma 1990) and a linear function.
 */

/** Ishigami: sin x1 + a sin^2 x2 + b x3^4 sin x1, each x in [-pi, pi]. */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

export const ISHIGAMI_INTERVAL: [number, number] = [-Math.PI, Math.PI];

/** Analytic first- and total-order indices of the Ishigami function. */
export function ishigamiIndices(a = 7, b = 0.1): { firstOrder: number[]; totalOrder: number[]; variance: number } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi8) / 225;
  const variance = a ** 2 / 8 + (b * pi4) / 5 + (b ** 2 * pi8) / 18 + 0.5;
  return { firstOrder: [v1 / variance, v2 / variance, 0], totalOrder: [(v1 + v13) / variance, v2 / variance, v13 / variance], variance };
}

/** y = sum c_i x_i. */
export function linear(coefficients: readonly number[]): (x: readonly number[]) => number {
  return (x) => coefficients.reduce((s, c, i) => s + c * x[i], 0);
}

/** Indices of a linear function of independent uniform inputs: S_i = ST_i = c_i^2 var_i / sum_j c_j^2 var_j. */
export function linearIndices(coefficients: readonly number[], intervals: readonly (readonly [number, number])[]): number[] {
  const parts = coefficients.map((c, i) => (c ** 2 * (intervals[i][1] - intervals[i][0]) ** 2) / 12);
  const total = parts.reduce((a, b) => a + b, 0);
  return parts.map((p) => p / total);
}
