/**
 * N-player normal-form games (Osborne & Rubinstein 1994, ch. 2; Fudenberg &
 * Tirole 1991, ch. 1): named players, named strategies per player, and for
 * every profile (one strategy per player) each player's payoff as an estimate
 * (mean, optional SE, optional per-replication samples).
 *
 * Payoffs are stored flat, one row per profile, in mixed-radix order with the
 * first player as the most significant digit: for a 2x2 game the rows are
 * (row 1, col 1), (row 1, col 2), (row 2, col 1), (row 2, col 2), the usual
 * reading order of a bimatrix. Plain data, so a game serializes to JSON.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import { compareEstimates, exact, type Estimate, type Gap, type UncertaintyOptions } from './uncertainty.js';

export type Profile = readonly number[];

export interface NormalFormGame {
  players: readonly string[];
  /** strategies[i]: names of player i's strategies. */
  strategies: readonly (readonly string[])[];
  /** payoffs[profileIndex(game, profile)][player] */
  payoffs: readonly (readonly Estimate[])[];
}

/** A paired SE of u_player(a) - u_player(b), e.g. from common-random-number replications. */
export type PairedSe = (player: number, a: Profile, b: Profile) => number | undefined;

export interface GameUncertaintyOptions extends UncertaintyOptions {
  pairedSe?: PairedSe;
}

/** Thrown for a malformed game (a programming or input error the caller should report). */
export class GameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GameError';
  }
}

/** Profiles larger than this are refused: enumeration would not finish in reasonable time. */
export const MAX_PROFILES = 1_000_000;

export function profileCount(strategies: readonly (readonly string[])[]): number {
  return strategies.reduce((n, s) => n * s.length, 1);
}

export function profileIndex(game: Pick<NormalFormGame, 'strategies'>, profile: Profile): number {
  let index = 0;
  for (let i = 0; i < game.strategies.length; i++) index = index * game.strategies[i].length + profile[i];
  return index;
}

export function profileAt(game: Pick<NormalFormGame, 'strategies'>, index: number): number[] {
  const profile = new Array<number>(game.strategies.length);
  for (let i = game.strategies.length - 1; i >= 0; i--) {
    const k = game.strategies[i].length;
    profile[i] = index % k;
    index = Math.floor(index / k);
  }
  return profile;
}

export function allProfiles(game: Pick<NormalFormGame, 'strategies'>): number[][] {
  return Array.from({ length: profileCount(game.strategies) }, (_, i) => profileAt(game, i));
}

export function payoffOf(game: NormalFormGame, profile: Profile, player: number): Estimate {
  return game.payoffs[profileIndex(game, profile)][player];
}

/** Strategy names of a profile, e.g. ["cooperate", "compete"]. */
export function profileNames(game: NormalFormGame, profile: Profile): string[] {
  return profile.map((s, i) => game.strategies[i][s]);
}

/** "(cooperate, compete)" */
export function profileLabel(game: NormalFormGame, profile: Profile): string {
  return `(${profileNames(game, profile).join(', ')})`;
}

/** The profile with player `player`'s strategy replaced by `strategy`. */
export function deviate(profile: Profile, player: number, strategy: number): number[] {
  const next = [...profile];
  next[player] = strategy;
  return next;
}

/** Player `player`'s payoff at `a` minus at `b`, with its SE and whether the gap is sure. */
export function comparePayoffs(game: NormalFormGame, player: number, a: Profile, b: Profile, options: GameUncertaintyOptions = {}): Gap {
  return compareEstimates(payoffOf(game, a, player), payoffOf(game, b, player), { z: options.z, pairedSe: options.pairedSe?.(player, a, b) });
}

export interface GameSpec {
  players: readonly string[];
  strategies: readonly (readonly string[])[];
  /** Every player's payoff at a profile, in player order: numbers (exact) or estimates. */
  payoff: (profile: Profile) => readonly (number | Estimate)[];
}

/** Builds and validates a game from a payoff function. */
export function createGame(spec: GameSpec): NormalFormGame {
  if (spec.strategies.length !== spec.players.length) throw new GameError(`${spec.players.length} players but strategies for ${spec.strategies.length}`);
  const shape = { strategies: spec.strategies };
  const count = profileCount(spec.strategies);
  if (count > MAX_PROFILES) throw new GameError(`the game has ${count} profiles; at most ${MAX_PROFILES} are supported`);
  const payoffs = Array.from({ length: count }, (_, i) => spec.payoff(profileAt(shape, i)).map(exact));
  const game: NormalFormGame = { players: [...spec.players], strategies: spec.strategies.map((s) => [...s]), payoffs };
  validateGame(game);
  return game;
}

/** Throws a GameError naming the first problem: shapes, duplicate names, non-finite payoffs. */
export function validateGame(game: NormalFormGame): void {
  const n = game.players.length;
  if (n < 1) throw new GameError('a game needs at least one player');
  if (new Set(game.players).size !== n) throw new GameError(`player names must be distinct: ${game.players.join(', ')}`);
  if (game.strategies.length !== n) throw new GameError(`${n} players but strategies for ${game.strategies.length}`);
  game.strategies.forEach((s, i) => {
    if (s.length < 1) throw new GameError(`player ${game.players[i]} has no strategies`);
    if (new Set(s).size !== s.length) throw new GameError(`player ${game.players[i]}'s strategy names must be distinct: ${s.join(', ')}`);
  });
  const count = profileCount(game.strategies);
  if (game.payoffs.length !== count) throw new GameError(`expected payoffs for ${count} profiles, got ${game.payoffs.length}`);
  game.payoffs.forEach((row, k) => {
    const where = profileLabel(game, profileAt(game, k));
    if (row.length !== n) throw new GameError(`profile ${where}: expected ${n} payoffs, got ${row.length}`);
    row.forEach((e, i) => {
      if (!Number.isFinite(e.mean)) throw new GameError(`profile ${where}: ${game.players[i]}'s payoff is not a finite number (${e.mean})`);
      if (e.se !== undefined && !(Number.isFinite(e.se) && e.se >= 0)) throw new GameError(`profile ${where}: ${game.players[i]}'s standard error must be a non-negative number (${e.se})`);
    });
  });
}

// ---------------------------------------------------------------------------
// Two players (bimatrix games)
// ---------------------------------------------------------------------------

export type Matrix = readonly (readonly number[])[];

export interface BimatrixSpec {
  players?: readonly [string, string];
  rows?: readonly string[];
  cols?: readonly string[];
  /** a[i][j]: row player's payoff when row plays i and column plays j. */
  a: Matrix;
  /** b[i][j]: column player's payoff at the same cell. */
  b: Matrix;
  /** Optional standard errors, same shape. */
  seA?: Matrix;
  seB?: Matrix;
}

export function bimatrixGame(spec: BimatrixSpec): NormalFormGame {
  const m = spec.a.length;
  const k = spec.a[0]?.length ?? 0;
  for (const [name, mat] of [['a', spec.a], ['b', spec.b], ['seA', spec.seA], ['seB', spec.seB]] as const)
    if (mat && (mat.length !== m || mat.some((r) => r.length !== k))) throw new GameError(`matrix ${name} must be ${m} x ${k}`);
  const rows = spec.rows ?? Array.from({ length: m }, (_, i) => `row ${i + 1}`);
  const cols = spec.cols ?? Array.from({ length: k }, (_, j) => `col ${j + 1}`);
  const cell = (mat: Matrix, se: Matrix | undefined, i: number, j: number): Estimate => (se ? { mean: mat[i][j], se: se[i][j] } : { mean: mat[i][j] });
  return createGame({
    players: spec.players ?? ['row', 'column'],
    strategies: [rows, cols],
    payoff: ([i, j]) => [cell(spec.a, spec.seA, i, j), cell(spec.b, spec.seB, i, j)],
  });
}

/** The means of a two-player game as matrices a (row player) and b (column player). */
export function toBimatrix(game: NormalFormGame): { a: number[][]; b: number[][] } {
  if (game.players.length !== 2) throw new GameError(`a bimatrix needs 2 players, the game has ${game.players.length}`);
  const [m, k] = game.strategies.map((s) => s.length);
  const at = (p: number) => Array.from({ length: m }, (_, i) => Array.from({ length: k }, (_, j) => payoffOf(game, [i, j], p).mean));
  return { a: at(0), b: at(1) };
}

/** Payoffs of a symmetric cooperate-vs-compete game, from the row player's view. */
export interface SymmetricPayoffs {
  /** reward: both cooperate */
  R: number;
  /** sucker: it cooperates, the other competes */
  S: number;
  /** temptation: it competes, the other cooperates */
  T: number;
  /** punishment: both compete */
  P: number;
}

export const COOPERATE = 'cooperate';
export const COMPETE = 'compete';

/** The symmetric 2x2 game with strategies [cooperate, compete] (Axelrod 1984's R, S, T, P). */
export function symmetricGame(p: SymmetricPayoffs, players: readonly [string, string] = ['row', 'column']): NormalFormGame {
  return bimatrixGame({
    players,
    rows: [COOPERATE, COMPETE],
    cols: [COOPERATE, COMPETE],
    a: [[p.R, p.S], [p.T, p.P]],
    b: [[p.R, p.T], [p.S, p.P]],
  });
}
