/**
 * The data of a scenario discovery and the boxes over it: one row per run (a
 * design point's replication), one column per swept parameter (numbers, or
 * categories for names and flags), and y = whether the run meets the condition.
 * A box is one limit per dimension: an interval for a number, a set of
 * allowed values for a category. Pure: used by prim.ts, cart.ts and the tests.
 */

export type Dimension = { name: string; kind: 'numeric'; values: Float64Array } | { name: string; kind: 'categorical'; values: readonly string[]; categories: readonly string[] };

export interface DiscoveryData {
  dimensions: readonly Dimension[];
  /** 1 when the run meets the condition, else 0. */
  y: Uint8Array;
}

export type Limit = { kind: 'numeric'; lo: number; hi: number } | { kind: 'categorical'; allowed: readonly string[] };
export type BoxLimits = readonly Limit[];

/** The box around all the data: each number's range, every category. */
export function initialBox(data: DiscoveryData): Limit[] {
  return data.dimensions.map((d) => {
    if (d.kind === 'categorical') return { kind: 'categorical', allowed: [...d.categories] };
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of d.values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return { kind: 'numeric', lo, hi };
  });
}

export function inLimit(dimension: Dimension, limit: Limit, row: number): boolean {
  if (dimension.kind === 'numeric' && limit.kind === 'numeric') {
    const v = dimension.values[row];
    return v >= limit.lo && v <= limit.hi;
  }
  if (dimension.kind === 'categorical' && limit.kind === 'categorical') return limit.allowed.includes(dimension.values[row]);
  throw new Error(`dimension ${dimension.name} and its limit are of different kinds`);
}

/** The rows of `rows` inside the box. */
export function rowsInBox(data: DiscoveryData, box: BoxLimits, rows: Int32Array): Int32Array {
  const out: number[] = [];
  for (const r of rows) if (data.dimensions.every((d, j) => inLimit(d, box[j], r))) out.push(r);
  return Int32Array.from(out);
}

/** Which sides of a limit are narrower than the initial box's. */
export function restriction(limit: Limit, initial: Limit): { lower: boolean; upper: boolean; categories: boolean } {
  if (limit.kind === 'numeric' && initial.kind === 'numeric') return { lower: limit.lo > initial.lo, upper: limit.hi < initial.hi, categories: false };
  if (limit.kind === 'categorical' && initial.kind === 'categorical') return { lower: false, upper: false, categories: limit.allowed.length < initial.allowed.length };
  throw new Error('a limit and its initial limit are of different kinds');
}

export const isRestricted = (limit: Limit, initial: Limit): boolean => {
  const r = restriction(limit, initial);
  return r.lower || r.upper || r.categories;
};

/** Names of the restricted dimensions, in dimension order. */
export function restrictedDimensions(data: DiscoveryData, box: BoxLimits, initial: BoxLimits): string[] {
  return data.dimensions.filter((_, j) => isRestricted(box[j], initial[j])).map((d) => d.name);
}

export function countCases(y: Uint8Array, rows: Int32Array): number {
  let n = 0;
  for (const r of rows) n += y[r];
  return n;
}

const number = (x: number) => Number(x.toPrecision(4)).toString();

/** A box's restrictions in words: `a in [0.2, 0.5]`, `b >= 0.7`, `strategy in {x, y}` (nothing when unrestricted). */
export function describeLimits(data: DiscoveryData, box: BoxLimits, initial: BoxLimits): string[] {
  const parts: string[] = [];
  data.dimensions.forEach((d, j) => {
    const limit = box[j];
    const r = restriction(limit, initial[j]);
    if (limit.kind === 'numeric') {
      if ((r.lower || r.upper) && limit.lo === limit.hi) parts.push(`${d.name} = ${number(limit.lo)}`);
      else if (r.lower && r.upper) parts.push(`${d.name} in [${number(limit.lo)}, ${number(limit.hi)}]`);
      else if (r.lower) parts.push(`${d.name} >= ${number(limit.lo)}`);
      else if (r.upper) parts.push(`${d.name} <= ${number(limit.hi)}`);
    } else if (r.categories) parts.push(limit.allowed.length === 1 ? `${d.name} = ${limit.allowed[0]}` : `${d.name} in {${limit.allowed.join(', ')}}`);
  });
  return parts;
}
