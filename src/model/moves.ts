/** The firms that moved this step (a scratch list the investment pass reads; see scratch.ts). */
import { grown } from './typed-arrays.js';

/**
 * The firms that moved this step, in the order relocation visited them: their
 * slot, the offer they took and the grant they had been given where they were
 * (grants are placed before firms move). Few firms move in a year, so the
 * investment pass reads these instead of two per-firm arrays.
 */
export interface Moves {
  count: number;
  firm: Uint32Array;
  offer: Float64Array;
  grant: Float64Array;
}

export function createMoves(): Moves {
  return { count: 0, firm: new Uint32Array(64), offer: new Float64Array(64), grant: new Float64Array(64) };
}

export function recordMove(moves: Moves, firm: number, offer: number, grant: number): void {
  if (moves.count === moves.firm.length) {
    moves.firm = grown(moves.firm, moves.count * 2);
    moves.offer = grown(moves.offer, moves.count * 2);
    moves.grant = grown(moves.grant, moves.count * 2);
  }
  moves.firm[moves.count] = firm;
  moves.offer[moves.count] = offer;
  moves.grant[moves.count] = grant;
  moves.count++;
}
