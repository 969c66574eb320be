/**
 * Each guidance fund's ranking buffers and caches (scratch, see scratch.ts):
 * they decide how much work ranking the candidates takes, never the order
 * found (fund-selection.ts), so nothing here changes what a step computes.
 */
import { createDescendingScratch, type DescendingScratch } from './descending-scores.js';

/**
 * The stated-division values of one run, worked out once per stated division
 * (the input-output table is fixed for a run, and the division is replaced, not
 * edited, if a state update ever changes it).
 */
export interface StatedChainCache {
  division: readonly (readonly number[])[] | null;
  values: Float64Array;
}

export function createStatedChainCache(): StatedChainCache {
  return { division: null, values: new Float64Array(0) };
}

export interface FundSelection {
  /** Scores at or above this are gathered first (-Infinity: rank every candidate). */
  threshold: number;
  /** Gathered candidates: firm slot and score, in slot order. */
  firm: Uint32Array;
  score: Float64Array;
  descending: DescendingScratch;
  /** The fund's stated-division chain values, kept for as long as the division stands. */
  statedChain: StatedChainCache;
}

export function createFundSelection(): FundSelection {
  return { threshold: Number.NEGATIVE_INFINITY, firm: new Uint32Array(1024), score: new Float64Array(1024), descending: createDescendingScratch(), statedChain: createStatedChainCache() };
}
