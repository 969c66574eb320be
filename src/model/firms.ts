/**
 * Firms as a struct of typed arrays: one array per attribute, one slot per firm.
 *
 * Slots `[0, count)` hold live firms in a stable order (the order is part of the
 * random-number contract: the same seed visits firms in the same order). Exits are
 * removed in place by the investment pass, which writes each survivor to the next
 * free slot (firm-dynamics.ts); entrants are appended; the arrays grow by
 * doubling, so a step allocates nothing per firm.
 */

import { grown } from './typed-arrays.js';
import { MAX_FIRMS } from './limits.js';

export interface FirmArrays {
  count: number;
  capacity: number;
  /** Most firms the arrays may hold (limits.ts): growth stops there, callers check before appending past it. */
  limit: number;
  fundCount: number;
  /** Location: the region where the firm produces (changes by relocation). */
  region: Uint8Array;
  /** Home region of its resident owners: where it was founded; relocation never changes it (docs/ODD.md 7.16). */
  home: Uint8Array;
  sector: Uint8Array;
  /** Capital K, billion yuan. */
  capital: Float64Array;
  /** Productivity A (capacity per unit of capital before agglomeration). */
  productivity: Float32Array;
  /** Technology level tau in [0, 1]. */
  tech: Float32Array;
  age: Uint16Array;
  lossYears: Uint8Array;
  /** After-tax profit of the last production step, billion yuan. */
  profit: Float64Array;
  /**
   * Guidance-fund money received this step; zero between steps (the investment
   * pass clears what it reads), so the fund need not clear the whole array.
   */
  fundIn: Float64Array;
  /** Ownership share held by each fund, one array per fund. */
  fundShare: Float32Array[];
  /** Ownership share held by outside investors (the rest of China and the world); home residents hold 1 - funds - outside. */
  outsideShare: Float32Array;
}

/**
 * One array per fund. The list always has V8's "array of objects" shape, even
 * with no fund (an empty literal would have the "array of small integers" one):
 * runs with and without a fund (a scenario and its counterfactual) then share
 * one hidden class, and the passes are not deoptimized each time they alternate.
 */
function fundShareArrays(fundCount: number, capacity: number): Float32Array[] {
  const arrays: Float32Array[] = [new Float32Array(0)];
  arrays.length = 0;
  for (let f = 0; f < fundCount; f++) arrays.push(new Float32Array(capacity));
  return arrays;
}

export function createFirmArrays(capacity: number, fundCount: number, limit = MAX_FIRMS): FirmArrays {
  const cap = Math.max(16, Math.min(capacity, limit));
  return {
    count: 0,
    capacity: cap,
    limit,
    fundCount,
    region: new Uint8Array(cap),
    home: new Uint8Array(cap),
    sector: new Uint8Array(cap),
    capital: new Float64Array(cap),
    productivity: new Float32Array(cap),
    tech: new Float32Array(cap),
    age: new Uint16Array(cap),
    lossYears: new Uint8Array(cap),
    profit: new Float64Array(cap),
    fundIn: new Float64Array(cap),
    fundShare: fundShareArrays(fundCount, cap),
    outsideShare: new Float32Array(cap),
  };
}

/**
 * Makes room for at least `extra` more firms, doubling the arrays when full;
 * doubling stops at the limit (a run never allocates slots it may not fill).
 */
export function reserveFirms(firms: FirmArrays, extra: number): void {
  const needed = firms.count + extra;
  if (needed <= firms.capacity) return;
  let size = firms.capacity;
  while (size < needed) size *= 2;
  if (size > firms.limit) size = Math.max(needed, firms.limit);
  firms.region = grown(firms.region, size);
  firms.home = grown(firms.home, size);
  firms.sector = grown(firms.sector, size);
  firms.capital = grown(firms.capital, size);
  firms.productivity = grown(firms.productivity, size);
  firms.tech = grown(firms.tech, size);
  firms.age = grown(firms.age, size);
  firms.lossYears = grown(firms.lossYears, size);
  firms.profit = grown(firms.profit, size);
  firms.fundIn = grown(firms.fundIn, size);
  for (let f = 0; f < firms.fundShare.length; f++) firms.fundShare[f] = grown(firms.fundShare[f], size);
  firms.outsideShare = grown(firms.outsideShare, size);
  firms.capacity = size;
}

/**
 * Appends one firm, founded in `region` (its home too), with `outsideShare` of
 * it held by outside investors, and returns its slot. The caller must have reserved room.
 */
export function appendFirm(
  firms: FirmArrays,
  region: number,
  sector: number,
  capital: number,
  productivity: number,
  tech: number,
  outsideShare = 0,
): number {
  const i = firms.count++;
  firms.region[i] = region;
  firms.home[i] = region;
  firms.outsideShare[i] = outsideShare;
  firms.sector[i] = sector;
  firms.capital[i] = capital;
  firms.productivity[i] = productivity;
  firms.tech[i] = tech;
  firms.age[i] = 0;
  firms.lossYears[i] = 0;
  firms.profit[i] = 0;
  firms.fundIn[i] = 0;
  for (let g = 0; g < firms.fundShare.length; g++) firms.fundShare[g][i] = 0;
  return i;
}

/** Bytes of typed-array storage per allocated firm slot (the firm arrays only; see run-size.ts for the rest). */
export function bytesPerFirmSlot(fundCount: number): number {
  // region, home, sector, capital, productivity, tech, age, lossYears, profit, fundIn, outsideShare, fund shares
  return 1 + 1 + 1 + 8 + 4 + 4 + 2 + 1 + 8 + 8 + 4 + 4 * fundCount;
}
