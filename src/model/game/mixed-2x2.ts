/**
 * Equilibria in which some player mixes, for a 2x2 game or a 2x2 subgame of a
 * two-player game.
 *
 * With p = Pr(row plays its first strategy) and q = Pr(column plays its first),
 * the row player's advantage of its first strategy is g(q) = q da1 + (1-q) da2
 * and the column's is h(p) = p db1 + (1-p) db2, where da1 = a11 - a21,
 * da2 = a12 - a22, db1 = b11 - b12, db2 = b21 - b22. A player mixes only when
 * indifferent (g or h zero), so the mixed equilibria are, by support
 * (Fudenberg & Tirole 1991, sec. 1.2.2; Gibbons 1992, sec. 1.3.B):
 * - both mix: g(q) = 0 and h(p) = 0 -- one interior point when da1, da2 and
 *   db1, db2 have opposite signs; a segment or the whole square when g or h
 *   vanish identically;
 * - one mixes, the other plays pure j: the mixer's payoffs tie against j, and
 *   j is a best response along an interval of mixes -- a segment.
 * So the answer is none, a unique interior point, or a continuum. The four
 * gaps da1, da2, db1, db2 decide which; with standard errors, the ones within
 * z * SE are listed and make the answer unsure.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import { comparePayoffs, GameError, payoffOf, type GameUncertaintyOptions, type NormalFormGame, type Profile } from './normal-form.js';
import type { Gap } from './uncertainty.js';

/** A closed rectangle of equilibria (a point, a segment or the square) in (p, q). */
export interface MixedPiece {
  p: [number, number];
  q: [number, number];
}

export interface DecidingGap extends Gap {
  player: string;
  /** e.g. "row: cooperate - compete when column plays cooperate" */
  label: string;
}

export interface MixedEquilibrium2x2 {
  kind: 'interior' | 'none' | 'continuum';
  /** Strategy indices of the subgame: rows[0] and cols[0] are the "first" strategies. */
  rows: [number, number];
  cols: [number, number];
  /** interior: Pr(row plays rows[0]), Pr(column plays cols[0]). */
  p?: number;
  q?: number;
  /** interior: delta-method standard errors of p and q (treating the cells as independent). */
  se?: { p: number; q: number };
  /** interior: each player's expected payoff. */
  payoffs?: [number, number];
  /** continuum: the pieces, each a closed rectangle of equilibria. */
  pieces: MixedPiece[];
  description: string;
  /** No deciding gap is within z * SE. */
  sure: boolean;
  gaps: DecidingGap[];
  uncertain: DecidingGap[];
}

const inOpenUnit = (v: number) => v > 1e-12 && v < 1 - 1e-12;

/** The interval of t in [0, 1] where f(t) = t f1 + (1 - t) f0 has the sign `sign` (>= 0 or <= 0), or null. */
function signInterval(f0: number, f1: number, sign: 1 | -1, zero0: boolean, zero1: boolean): [number, number] | null {
  const ok0 = zero0 || Math.sign(f0) === sign;
  const ok1 = zero1 || Math.sign(f1) === sign;
  if (ok0 && ok1) return [0, 1];
  if (!ok0 && !ok1) return null;
  const root = f0 / (f0 - f1);
  return ok1 ? [root, 1] : [0, root];
}

export function mixedEquilibrium2x2(
  game: NormalFormGame,
  options: GameUncertaintyOptions & { rows?: [number, number]; cols?: [number, number] } = {},
): MixedEquilibrium2x2 {
  if (game.players.length !== 2) throw new GameError(`a 2x2 (sub)game needs 2 players, the game has ${game.players.length}`);
  const rows = options.rows ?? [0, 1];
  const cols = options.cols ?? [0, 1];
  if (game.strategies[0].length < 2 || game.strategies[1].length < 2) throw new GameError('each player needs at least 2 strategies');
  const [r0, r1] = rows;
  const [c0, c1] = cols;
  const [rowName, colName] = game.players;
  const [R, C] = game.strategies;
  const gap = (player: 0 | 1, a: Profile, b: Profile, label: string): DecidingGap => ({ player: game.players[player], label, ...comparePayoffs(game, player, a, b, options) });
  const da1 = gap(0, [r0, c0], [r1, c0], `${rowName}: ${R[r0]} - ${R[r1]} when ${colName} plays ${C[c0]}`);
  const da2 = gap(0, [r0, c1], [r1, c1], `${rowName}: ${R[r0]} - ${R[r1]} when ${colName} plays ${C[c1]}`);
  const db1 = gap(1, [r0, c0], [r0, c1], `${colName}: ${C[c0]} - ${C[c1]} when ${rowName} plays ${R[r0]}`);
  const db2 = gap(1, [r1, c0], [r1, c1], `${colName}: ${C[c0]} - ${C[c1]} when ${rowName} plays ${R[r1]}`);
  const gaps = [da1, da2, db1, db2];
  const uncertain = gaps.filter((g) => g.status === 'uncertain');
  const zero = (g: Gap) => g.onMeans === 'equal';
  const gZero = zero(da1) && zero(da2);
  const hZero = zero(db1) && zero(db2);
  // Indifference points: g(qStar) = 0, h(pStar) = 0 (when the function is not constant).
  const root = (f1: Gap, f0: Gap) => (f0.difference === f1.difference ? NaN : f0.difference / (f0.difference - f1.difference));
  const qStar = root(da1, da2);
  const pStar = root(db1, db2);
  const base = { rows, cols, gaps, uncertain, sure: uncertain.length === 0 };

  const pieces: MixedPiece[] = [];
  if (gZero && hZero) pieces.push({ p: [0, 1], q: [0, 1] });
  else {
    if (!gZero && !hZero && inOpenUnit(qStar) && inOpenUnit(pStar)) {
      const a = (i: number, j: number) => payoffOf(game, [i, j], 0).mean;
      const b = (i: number, j: number) => payoffOf(game, [i, j], 1).mean;
      const payoffs: [number, number] = [qStar * a(r0, c0) + (1 - qStar) * a(r0, c1), pStar * b(r0, c0) + (1 - pStar) * b(r1, c0)];
      const se = deltaSe(da1, da2, db1, db2);
      return {
        ...base,
        kind: 'interior',
        p: pStar,
        q: qStar,
        ...(se ? { se } : {}),
        payoffs,
        pieces: [{ p: [pStar, pStar], q: [qStar, qStar] }],
        description: `${rowName} plays ${R[r0]} with probability ${fmt(pStar)}, ${colName} plays ${C[c0]} with probability ${fmt(qStar)}`,
      };
    }
    if (gZero && inOpenUnit(pStar)) pieces.push({ p: [pStar, pStar], q: [0, 1] });
    if (hZero && inOpenUnit(qStar)) pieces.push({ p: [0, 1], q: [qStar, qStar] });
    // Row mixes against a pure column strategy it is indifferent to; column's pure strategy must stay a best response.
    for (const [qPure, tie, sign] of [[1, da1, 1], [0, da2, -1]] as const)
      if (tie.onMeans === 'equal') {
        const p = signInterval(db2.difference, db1.difference, sign, zero(db2), zero(db1));
        if (p && p[1] - p[0] > 1e-12) pieces.push({ p, q: [qPure, qPure] });
      }
    for (const [pPure, tie, sign] of [[1, db1, 1], [0, db2, -1]] as const)
      if (tie.onMeans === 'equal') {
        const q = signInterval(da2.difference, da1.difference, sign, zero(da2), zero(da1));
        if (q && q[1] - q[0] > 1e-12) pieces.push({ p: [pPure, pPure], q });
      }
  }
  if (pieces.length === 0) return { ...base, kind: 'none', pieces, description: `no mixed equilibrium: ${noneReason(game, rows, cols, gaps)}` };
  const text = pieces.map((pc) => `p in ${range(pc.p)}, q in ${range(pc.q)}`).join('; ');
  return {
    ...base,
    kind: 'continuum',
    pieces,
    description: `a continuum of mixed equilibria (p = Pr(${rowName} plays ${R[r0]}), q = Pr(${colName} plays ${C[c0]})): ${text}`,
  };
}

function noneReason(game: NormalFormGame, rows: [number, number], cols: [number, number], [da1, da2, db1, db2]: Gap[]): string {
  const dominant = (g1: Gap, g2: Gap, player: number, idx: [number, number]) => {
    const s1 = Math.sign(g1.difference);
    if (g1.onMeans !== 'equal' && g2.onMeans !== 'equal' && s1 === Math.sign(g2.difference))
      return `${game.players[player]}'s ${game.strategies[player][s1 > 0 ? idx[0] : idx[1]]} strictly dominates`;
    return null;
  };
  const reasons = [dominant(da1, da2, 0, rows), dominant(db1, db2, 1, cols)].filter((r): r is string => r !== null);
  return reasons.length > 0 ? reasons.join(' and ') : 'no player can be kept indifferent';
}

/** Delta method: p = u / (u - v) with u = db2, v = db1 (and q alike), independent gaps. */
function deltaSe(da1: Gap, da2: Gap, db1: Gap, db2: Gap): { p: number; q: number } | undefined {
  if ([da1, da2, db1, db2].every((g) => g.se === undefined)) return undefined;
  const one = (v: Gap, u: Gap) => {
    const d = u.difference - v.difference;
    return Math.sqrt((v.difference ** 2 * (u.se ?? 0) ** 2 + u.difference ** 2 * (v.se ?? 0) ** 2) / d ** 4);
  };
  return { p: one(db1, db2), q: one(da1, da2) };
}

const fmt = (v: number) => String(Number(v.toFixed(4)));
const range = ([lo, hi]: [number, number]) => (lo === hi ? fmt(lo) : `[${fmt(lo)}, ${fmt(hi)}]`);
