/**
 * Which textbook game a 2x2 cooperate-vs-compete game is.
 *
 * Each player's four payoffs, in Axelrod's (1984) letters: T (it competes, the
 * other cooperates: temptation), R (both cooperate: reward), P (both compete:
 * punishment), S (it cooperates, the other competes: sucker). Their ordering
 * names the game (Rapoport & Guyer 1966; Rapoport, Guyer & Gordon 1976):
 * - prisoner's dilemma   T > R > P > S                 (strict)
 * - stag hunt            R > T >= P > S                (Skyrms 2004: the hare
 *   pays alike whatever the other does, so T = P is allowed; R > P > T > S is
 *   still a coordination game but not a stag hunt: "other")
 * - chicken / snowdrift  T > R > S > P                 (strict)
 * - harmony              R > T and S > P               (cooperation dominant)
 * - deadlock             T > P > R > S                 (strict)
 * - other                anything else, reported as its ordering ("R > T = P > S").
 * The game's type is the players' common type, else "asymmetric". With
 * standard errors, a type is only as sure as the gaps between the letters that
 * decide it (e.g. T - R, R - P, P - S for a prisoner's dilemma); any one within
 * z * SE makes the game "indeterminate", and the result lists them.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import { comparePayoffs, GameError, payoffOf, symmetricGame, type GameUncertaintyOptions, type NormalFormGame, type SymmetricPayoffs } from './normal-form.js';
import { DEFAULT_Z, isTie, type Gap } from './uncertainty.js';

export const PLAYER_GAME_TYPES = ['prisoners-dilemma', 'stag-hunt', 'chicken', 'harmony', 'deadlock', 'other'] as const;
export type PlayerGameType = (typeof PLAYER_GAME_TYPES)[number];
export type GameType = PlayerGameType | 'asymmetric' | 'indeterminate';

export type Letter = 'T' | 'R' | 'P' | 'S';
type Letters = Record<Letter, number>;

export interface LetterGap extends Gap {
  player: string;
  higher: Letter;
  lower: Letter;
}

export interface PlayerView {
  player: string;
  payoffs: Letters;
  type: PlayerGameType;
  /** e.g. "T > R > P > S" */
  ordering: string;
  /** The gaps that decide this type, each oriented as the type orders them. */
  gaps: LetterGap[];
  uncertain: LetterGap[];
}

export interface Classification {
  type: GameType;
  /** The type on the means alone (what `type` would be with exact payoffs). */
  likely: PlayerGameType | 'asymmetric';
  players: [PlayerView, PlayerView];
  /** Deciding gaps within z * SE, both players'. */
  uncertain: LetterGap[];
  z: number;
  /** Plain-language statement of the result. */
  sentence: string;
}

const CANONICAL: Letter[] = ['T', 'R', 'P', 'S'];

/** "R > T = P > S": letters from highest to lowest, ties in T, R, P, S order. */
export function ordering(p: Letters): string {
  const sorted = [...CANONICAL].sort((x, y) => (isTie(p[y] - p[x], scale(p)) ? CANONICAL.indexOf(x) - CANONICAL.indexOf(y) : p[y] - p[x]));
  return sorted.map((l, i) => (i === 0 ? l : `${isTie(p[sorted[i - 1]] - p[l], scale(p)) ? '=' : '>'} ${l}`)).join(' ');
}

const scale = (p: Letters) => Math.max(...CANONICAL.map((l) => Math.abs(p[l])));

/** One player's type on exact payoffs, with the letter pairs that decide it. */
export function classifyPayoffs(p: Letters): { type: PlayerGameType; ordering: string; deciding: [Letter, Letter][] } {
  const gt = (x: Letter, y: Letter) => p[x] - p[y] > 0 && !isTie(p[x] - p[y], scale(p));
  const ge = (x: Letter, y: Letter) => gt(x, y) || isTie(p[x] - p[y], scale(p));
  const order = ordering(p);
  const is = (type: PlayerGameType, deciding: [Letter, Letter][]) => ({ type, ordering: order, deciding });
  if (gt('T', 'R') && gt('R', 'P') && gt('P', 'S')) return is('prisoners-dilemma', [['T', 'R'], ['R', 'P'], ['P', 'S']]);
  if (gt('R', 'T') && ge('T', 'P') && gt('P', 'S')) return is('stag-hunt', [['R', 'T'], ['T', 'P'], ['P', 'S']]);
  if (gt('T', 'R') && gt('R', 'S') && gt('S', 'P')) return is('chicken', [['T', 'R'], ['R', 'S'], ['S', 'P']]);
  if (gt('R', 'T') && gt('S', 'P')) return is('harmony', [['R', 'T'], ['S', 'P']]);
  if (gt('T', 'P') && gt('P', 'R') && gt('R', 'S')) return is('deadlock', [['T', 'P'], ['P', 'R'], ['R', 'S']]);
  // Any other ordering is decided by its adjacent pairs.
  const letters = order.split(/ [>=] /) as Letter[];
  return is('other', letters.slice(1).map((l, i) => [letters[i], l] as [Letter, Letter]));
}

export interface ClassifyOptions extends GameUncertaintyOptions {
  /** Index of each player's cooperative strategy (default: the one named "cooperate", else the first). */
  cooperate?: [number, number];
  /** What a player is called in the sentence (default "government"). */
  noun?: string;
}

export function classifyGame(game: NormalFormGame, options: ClassifyOptions = {}): Classification {
  if (game.players.length !== 2 || game.strategies.some((s) => s.length !== 2))
    throw new GameError(`classification needs a 2x2 game (2 players, 2 strategies each); got ${game.strategies.map((s) => s.length).join('x')}`);
  const z = options.z ?? DEFAULT_Z;
  const coop = options.cooperate ?? (game.strategies.map((s) => Math.max(0, s.indexOf('cooperate'))) as [number, number]);
  const views = ([0, 1] as const).map((i) => {
    const o = 1 - i;
    // Profile (own move, other's move) -> strategy indices in player order.
    const at = (ownCoop: boolean, otherCoop: boolean) => {
      const profile = [0, 0];
      profile[i] = ownCoop ? coop[i] : 1 - coop[i];
      profile[o] = otherCoop ? coop[o] : 1 - coop[o];
      return profile;
    };
    const where: Record<Letter, number[]> = { T: at(false, true), R: at(true, true), P: at(false, false), S: at(true, false) };
    const payoffs = Object.fromEntries(CANONICAL.map((l) => [l, payoffOf(game, where[l], i).mean])) as Letters;
    const { type, ordering: order, deciding } = classifyPayoffs(payoffs);
    const gaps = deciding.map(([h, l]): LetterGap => ({ player: game.players[i], higher: h, lower: l, ...comparePayoffs(game, i, where[h], where[l], options) }));
    return { player: game.players[i], payoffs, type, ordering: order, gaps, uncertain: gaps.filter((g) => g.status === 'uncertain') };
  }) as [PlayerView, PlayerView];
  const likely = views[0].type === views[1].type ? views[0].type : 'asymmetric';
  const uncertain = [...views[0].uncertain, ...views[1].uncertain];
  const type: GameType = uncertain.length > 0 ? 'indeterminate' : likely;
  return { type, likely, players: views, uncertain, z, sentence: describe(type, likely, views, uncertain, z, options.noun ?? 'government') };
}

/** Classifies the symmetric game with these payoffs (both players see the same letters). */
export function classifySymmetric(p: SymmetricPayoffs, options: ClassifyOptions = {}): Classification {
  return classifyGame(symmetricGame(p), options);
}

const NAMES: Record<PlayerGameType, string> = {
  'prisoners-dilemma': "a prisoner's dilemma",
  'stag-hunt': 'a stag hunt',
  chicken: 'a game of chicken (snowdrift)',
  harmony: 'a harmony game',
  deadlock: 'a deadlock',
  other: 'none of the textbook games',
};

const EXPLANATIONS: Record<PlayerGameType, (noun: string) => string> = {
  'prisoners-dilemma': (n) => `each ${n} is tempted to compete, and both lose when both do`,
  'stag-hunt': (n) => `cooperation pays only if the other ${n} cooperates too and competing is the safe choice, so they may end up in either outcome`,
  chicken: (n) => `each ${n} does best competing against a cooperator, but both competing is the worst outcome, so each wants the other to give way`,
  harmony: (n) => `cooperating is each ${n}'s best choice whatever the other does, so there is no dilemma`,
  deadlock: (n) => `competing is each ${n}'s best choice whatever the other does, and both prefer mutual competition to mutual cooperation`,
  other: () => '',
};

function describe(type: GameType, likely: PlayerGameType | 'asymmetric', views: [PlayerView, PlayerView], uncertain: LetterGap[], z: number, noun: string): string {
  const orderings = views.map((v) => `${v.player} ${v.ordering}`).join(', ');
  const onMeans = (): string => {
    if (likely === 'asymmetric') return `an asymmetric game: for ${views.map((v) => `${v.player} ${NAMES[v.type]} (${v.ordering})`).join(', for ')}`;
    if (likely === 'other') return `none of the textbook games (${orderings})`;
    return `${NAMES[likely]}: ${EXPLANATIONS[likely](noun)}`;
  };
  if (type !== 'indeterminate') return onMeans();
  const gaps = uncertain.map((g) => `${g.player} ${g.higher} - ${g.lower} = ${round(g.difference)} (SE ${round(g.se ?? 0)})`).join(', ');
  return `indeterminate: the payoff gap${uncertain.length === 1 ? '' : 's'} ${gaps} ${uncertain.length === 1 ? 'is' : 'are'} within ${z} standard errors; on the means it would be ${onMeans()}`;
}

const round = (v: number) => String(Number(v.toPrecision(3)));
