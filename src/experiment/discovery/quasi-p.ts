/**
 * Quasi-p-values of a PRIM box's restrictions (Bryant & Lempert 2010, as the
 * EMA Workbench computes them): for each restriction, drop it, take the
 * density of that wider box as p, and test the box's cases against it with a
 * one-sided binomial test, P(X >= cases) for X ~ Binomial(runs in the box, p).
 * A large value says the restriction adds little to the box. "Quasi": the box
 * was chosen from the same data, so this is a guide, not a strict test.
 */
import betainc from '@stdlib/math-base-special-betainc';
import { countCases, restriction, rowsInBox, type BoxLimits, type DiscoveryData, type Limit } from './box.js';

export interface QuasiP {
  dimension: string;
  /** lower / upper bound of a number, or the category set. */
  side: 'lower' | 'upper' | 'categories';
  p: number;
}

/** P(X >= k) for X ~ Binomial(n, p): the regularized incomplete beta I_p(k, n - k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return betainc(p, k, n - k + 1);
}

/** The quasi-p-value of every restriction of a box: drop it, take that box's density as p, test the box's cases against it. */
export function quasiPValues(data: DiscoveryData, box: BoxLimits, rows: Int32Array, initial: BoxLimits): QuasiP[] {
  const inBox = rowsInBox(data, box, rows);
  const cases = countCases(data.y, inBox);
  const out: QuasiP[] = [];
  const test = (dimension: string, side: QuasiP['side'], relaxed: Limit[]) => {
    const wider = rowsInBox(data, relaxed, rows);
    const p = countCases(data.y, wider) / wider.length;
    out.push({ dimension, side, p: binomialUpperTail(cases, inBox.length, p) });
  };
  data.dimensions.forEach((d, j) => {
    const limit = box[j];
    const init = initial[j];
    const r = restriction(limit, init);
    const relax = (l: Limit) => box.map((x, k) => (k === j ? l : x));
    if (limit.kind === 'numeric' && init.kind === 'numeric') {
      if (r.lower) test(d.name, 'lower', relax({ kind: 'numeric', lo: init.lo, hi: limit.hi }));
      if (r.upper) test(d.name, 'upper', relax({ kind: 'numeric', lo: limit.lo, hi: init.hi }));
    } else if (r.categories) test(d.name, 'categories', relax(init));
  });
  return out;
}

