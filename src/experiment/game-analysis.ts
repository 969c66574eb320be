/**
 * What the emergent game says: on the full game (every strategy of every
 * government) the pure Nash equilibria and the Pareto-optimal profiles, each
 * profile's zero-sum / win-win class against the counterfactual; on the 2x2
 * cooperate-vs-compete sub-game (two governments) its type (prisoner's dilemma,
 * stag hunt, ...; "indeterminate" when a deciding gap is within its sampling
 * error), the mixed equilibrium, and the two-population replicator dynamics.
 */
import type { Strategy } from '../model/config.js';
import { analyzeGame, type GameAnalysis } from '../model/game/analyze.js';
import { createGame, toBimatrix, type NormalFormGame } from '../model/game/normal-form.js';
import { replicator1, scaleBimatrix, trajectory2, velocity1, vectorField, type Bimatrix, type Replicator1 } from '../model/game/replicator.js';
import type { SymmetricPayoffs } from '../model/game/normal-form.js';
import { estimateFromSamples } from '../model/game/uncertainty.js';
import type { EmpiricalGame } from './empirical-game.js';
import { UserError } from '../scenario/errors.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import { changeInterval, type ChangeInterval } from './verdict.js';

export interface SubGameReport {
  strategies: [Strategy, Strategy];
  game: NormalFormGame;
  analysis: GameAnalysis;
  /** Replicator trajectories on the means: x = share of the first region's population cooperating, y = the second's. */
  trajectories: { start: { x: number; y: number }; points: { t: number; x: number; y: number }[] }[];
  field: { x: number; y: number; dx: number; dy: number }[];
  /**
   * One population of governments (the symmetric reading): each government's
   * T, R, P, S relative to its own mutual-cooperation payoff R, averaged over
   * the two, so the larger region does not outweigh the smaller.
   */
  onePopulation: { payoffs: SymmetricPayoffs; dynamics: Replicator1; curve: { x: number; velocity: number }[] };
}

/** The analysis of the game in one lens. */
export interface LensGameReport {
  lens: GameLens;
  full: GameAnalysis;
  sub: SubGameReport | null;
}

/** One profile's payoff minus a reference profile's, part by part, per region (paired over replications). */
export interface ProfileDecomposition {
  lens: GameLens;
  profile: Strategy[];
  reference: Strategy[];
  regions: { region: string; total: ChangeInterval; parts: { part: string; change: ChangeInterval }[] }[];
}

/** The main lens's analysis at the top level (as before lenses), every lens's in `byLens`. */
export interface GameReport extends LensGameReport {
  byLens: Record<GameLens, LensGameReport>;
  /** Every profile against mutual competition (or the first profile when competing is not in the game), in every lens. */
  decomposition: ProfileDecomposition[];
}

/** One analysed game: at one set of swept parameter values (none without a sweep). */
export interface GamePoint {
  values: Record<string, number | string | boolean>;
  empirical: EmpiricalGame;
  report: GameReport;
}

const SUB: [Strategy, Strategy] = ['cooperate', 'compete'];

/** The cooperate-vs-compete sub-game of a two-government game in one lens, with the same samples. */
export function subGame(empirical: EmpiricalGame, lens: GameLens = empirical.lens): NormalFormGame | null {
  if (empirical.regions.length !== 2 || !SUB.every((s) => empirical.strategies.every((set) => set.includes(s)))) return null;
  const byKey = new Map(empirical.profiles.map((p) => [p.strategies.join('|'), p]));
  return createGame({
    players: empirical.regions,
    strategies: [SUB, SUB],
    payoff: (profile) => byKey.get(profile.map((s) => SUB[s]).join('|'))!.values[lens].map((samples) => estimateFromSamples(samples)),
  });
}

/** The means as a bimatrix, scaled so the largest payoff gap that drives the dynamics is 1 (scaleBimatrix). */
export function normalizedBimatrix(game: NormalFormGame): Bimatrix {
  return scaleBimatrix(toBimatrix(game));
}

export const DEFAULT_STARTS = [
  { x: 0.5, y: 0.5 },
  { x: 0.9, y: 0.9 },
  { x: 0.9, y: 0.2 },
  { x: 0.2, y: 0.9 },
  { x: 0.2, y: 0.2 },
];

/** Parses --start "x,y" (shares in [0, 1]). */
export function parseStart(text: string | undefined): { x: number; y: number }[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map(Number);
  if (parts.length !== 2 || parts.some((v) => !(v >= 0 && v <= 1))) throw new UserError(`--start "${text}": expected x,y with shares between 0 and 1, e.g. 0.5,0.5`);
  return [{ x: parts[0], y: parts[1] }];
}

function analyzeLens(empirical: EmpiricalGame, lens: GameLens, options: { z?: number; starts?: { x: number; y: number }[] }): LensGameReport {
  const full = analyzeGame(empirical.games[lens], { z: options.z });
  const game = subGame(empirical, lens);
  if (!game) return { lens, full, sub: null };
  const analysis = analyzeGame(game, { z: options.z });
  const matrix = normalizedBimatrix(game);
  const trajectories = (options.starts ?? DEFAULT_STARTS).map((start) => ({
    start,
    points: trajectory2(matrix, start, { dt: 0.05, steps: 600 }).filter((_, i) => i % 10 === 0),
  }));
  const letters = analysis.classification!.players.map((v) => v.payoffs);
  const relative = (key: keyof SymmetricPayoffs) => letters.reduce((sum, l) => sum + l[key] / Math.abs(l.R || 1), 0) / letters.length;
  const payoffs: SymmetricPayoffs = { R: relative('R'), S: relative('S'), T: relative('T'), P: relative('P') };
  const curve = Array.from({ length: 51 }, (_, i) => ({ x: i / 50, velocity: velocity1(payoffs, i / 50) }));
  return {
    lens,
    full,
    sub: { strategies: SUB, game, analysis, trajectories, field: vectorField(matrix, 9), onePopulation: { payoffs, dynamics: replicator1(payoffs), curve } },
  };
}

const difference = (a: readonly number[], b: readonly number[]) => changeInterval(a.map((x, i) => x - b[i]));

/** Every profile against the reference (every region competing when it can, else the first profile), part by part. */
export function decomposePayoffs(empirical: EmpiricalGame): ProfileDecomposition[] {
  const reference = empirical.profiles.find((p) => p.strategies.every((s) => s === 'compete')) ?? empirical.profiles[0];
  return GAME_LENSES.flatMap((lens) =>
    empirical.profiles
      .filter((p) => p !== reference)
      .map((p) => ({
        lens,
        profile: p.strategies,
        reference: reference.strategies,
        regions: empirical.regions.map((region, r) => ({
          region,
          total: difference(p.values[lens][r], reference.values[lens][r]),
          parts: p.parts[lens].map((part, k) => ({ part: part.part, change: difference(part.samples[r], reference.parts[lens][k].samples[r]) })),
        })),
      })),
  );
}

export function analyzeEmpiricalGame(empirical: EmpiricalGame, options: { z?: number; starts?: { x: number; y: number }[] } = {}): GameReport {
  const byLens = Object.fromEntries(GAME_LENSES.map((lens) => [lens, analyzeLens(empirical, lens, options)])) as Record<GameLens, LensGameReport>;
  return { ...byLens[empirical.lens], byLens, decomposition: decomposePayoffs(empirical) };
}
