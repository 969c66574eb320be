/**
 * The iterated 2x2 cooperate-vs-compete game between two named players, as in
 * Axelrod's (1984) tournaments. The model's own rules (tit-for-tat, grim,
 * win-stay-lose-shift, imitate, best-response, reinforcement) are played
 * through decideStrategy with the round's payoff as the signal, so a match
 * checks that they reproduce the textbook results; the classic fixed players of
 * the tournament literature are added beside them.
 *
 * Moves are 'C' (cooperate) and 'D' (compete). With noise p each intended move
 * is flipped with probability p (a "trembling hand": Selten 1975; Nowak &
 * Sigmund 1993 on Pavlov's robustness to it), and both players see the move
 * actually played.
 *
 * Random streams, all derived from the seed: a player's own decisions draw from
 * createStreams(seed, player).government (player 0 so uses exactly
 * createStreams(seed, 0).government), its noise from a separate named stream,
 * so adding noise never shifts a rule's draws and vice versa.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import type { Strategy, StrategyRule } from '../config.js';
import { createStream, createStreams, type Uniform } from '../rng.js';
import { decideStrategy, initialMemory, type RuleMemory } from '../strategy-rules.js';
import { GameError, type SymmetricPayoffs } from './normal-form.js';

export type Move = 'C' | 'D';

/** The model's rules, by name (with `pavlov` for win-stay-lose-shift at aspiration (R+P)/2). */
export const RULE_PLAYERS = ['tit-for-tat', 'grim', 'win-stay-lose-shift', 'pavlov', 'imitate', 'best-response', 'reinforcement'] as const;
/** Fixed players of the tournament literature (Axelrod 1984). */
export const CLASSIC_PLAYERS = ['always-cooperate', 'always-compete', 'alternate', 'suspicious-tit-for-tat', 'tit-for-two-tats', 'random'] as const;
export const PLAYER_NAMES: readonly string[] = [...RULE_PLAYERS, ...CLASSIC_PLAYERS];

export function isPlayerName(name: string): boolean {
  return PLAYER_NAMES.includes(name);
}

export interface MatchOptions {
  payoffs: SymmetricPayoffs;
  turns: number;
  /** Player names (see PLAYER_NAMES) or the model's rules with their own parameters. */
  players: [string | StrategyRule, string | StrategyRule];
  /** Probability that an intended move is flipped (default 0). */
  noise?: number;
  /** Seed of the random streams (default 1). */
  seed?: number | string;
}

export interface MatchResult {
  scores: [number, number];
  moves: [string, string];
}

/** What a player knows before a round: both histories so far and the payoffs received. */
interface History {
  own: Move[];
  other: Move[];
  ownPayoffs: number[];
  otherPayoffs: number[];
}

type Player = (h: History) => Move;

const toMove = (s: Strategy): Move => {
  if (s === 'invest') throw new GameError('a rule chose "invest", which is not a move of the 2x2 cooperate-vs-compete game');
  return s === 'cooperate' ? 'C' : 'D';
};
const toStrategy = (m: Move): Strategy => (m === 'C' ? 'cooperate' : 'compete');
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

/**
 * The model's rule behind each rule player, with defaults for raw payoffs:
 * Pavlov's aspiration (R+P)/2 wins on T and R and loses on P and S (Nowak &
 * Sigmund 1993); Fermi noise kappa = 0.1 x the payoff range (Szabo & Toke 1998
 * used 0.1 on payoffs of range ~1); exploration 0.1 and forgetting 0.1 as in the
 * scenario schema (Erev & Roth 1998); initial propensities the mean |payoff|,
 * so early payoffs do not swamp them (Roth & Erev 1995); reference 0.
 */
export function defaultRule(name: string, p: SymmetricPayoffs): StrategyRule {
  const initial: Strategy = 'cooperate';
  const actions: Strategy[] = ['cooperate', 'compete'];
  const values = [p.R, p.S, p.T, p.P];
  switch (name) {
    case 'tit-for-tat':
    case 'grim':
      return { rule: name, initial };
    case 'win-stay-lose-shift':
    case 'pavlov':
      return { rule: 'win-stay-lose-shift', initial, actions, aspiration: (p.R + p.P) / 2, habituation: 0 };
    case 'imitate':
      return { rule: 'imitate', initial, kappa: 0.1 * (Math.max(...values) - Math.min(...values)) || 1 };
    case 'best-response':
      return { rule: 'best-response', initial, actions, exploration: 0.1 };
    case 'reinforcement':
      return { rule: 'reinforcement', initial, actions, forgetting: 0.1, initialPropensity: values.reduce((a, v) => a + Math.abs(v), 0) / 4 || 1, reference: 0 };
  }
  throw unknownPlayer(name);
}

function unknownPlayer(name: string): GameError {
  return new GameError(`unknown player "${name}"; valid players: ${PLAYER_NAMES.join(', ')}`);
}

/** A player driven by one of the model's rules: it sees last round's moves and payoffs. */
function rulePlayer(rule: StrategyRule, random: Uniform): Player {
  let memory: RuleMemory = initialMemory(rule);
  return (h) => {
    const step = h.own.length;
    const own = last(h.own);
    const other = last(h.other);
    const decision = decideStrategy(
      rule,
      memory,
      {
        step,
        own: own === undefined ? null : toStrategy(own),
        others: other === undefined ? [] : [toStrategy(other)],
        signal: last(h.ownPayoffs) ?? null,
        otherSignals: other === undefined ? [] : [last(h.otherPayoffs) ?? null],
      },
      random,
    );
    memory = decision.memory;
    return toMove(decision.strategy);
  };
}

function classicPlayer(name: string, random: Uniform): Player | undefined {
  switch (name) {
    case 'always-cooperate':
      return () => 'C';
    case 'always-compete':
      return () => 'D';
    case 'alternate':
      return (h) => (h.own.length % 2 === 0 ? 'C' : 'D');
    case 'suspicious-tit-for-tat':
      return (h) => last(h.other) ?? 'D';
    case 'tit-for-two-tats':
      return (h) => (h.other.length >= 2 && h.other[h.other.length - 1] === 'D' && h.other[h.other.length - 2] === 'D' ? 'D' : 'C');
    case 'random':
      return () => (random() < 0.5 ? 'C' : 'D');
  }
  return undefined;
}

function makePlayer(spec: string | StrategyRule, payoffs: SymmetricPayoffs, random: Uniform): Player {
  if (typeof spec !== 'string') return rulePlayer(spec, random);
  return classicPlayer(spec, random) ?? rulePlayer(defaultRule(spec, payoffs), random);
}

export function validateMatch(options: MatchOptions): void {
  const { payoffs, turns, noise = 0 } = options;
  for (const key of ['R', 'S', 'T', 'P'] as const)
    if (!Number.isFinite(payoffs[key])) throw new GameError(`payoff ${key} must be a finite number (got ${payoffs[key]})`);
  if (!Number.isInteger(turns) || turns < 1) throw new GameError(`turns must be a positive whole number (got ${turns})`);
  if (!(noise >= 0 && noise <= 1)) throw new GameError(`noise must be a probability between 0 and 1 (got ${noise})`);
  for (const p of options.players) if (typeof p === 'string' && !isPlayerName(p)) throw unknownPlayer(p);
}

/** Plays `turns` rounds and returns both totals and both move strings. */
export function playMatch(options: MatchOptions): MatchResult {
  validateMatch(options);
  const { payoffs, turns, noise = 0, seed = 1 } = options;
  const players = options.players.map((spec, i) => makePlayer(spec, payoffs, createStreams(seed, i).government));
  const noiseStreams = [0, 1].map((i) => createStream(`chuanyu/${seed}/${i}/match-noise`));
  const moves: [Move[], Move[]] = [[], []];
  const paid: [number[], number[]] = [[], []];
  const scores: [number, number] = [0, 0];
  const pay = (mine: Move, theirs: Move) => (mine === 'C' ? (theirs === 'C' ? payoffs.R : payoffs.S) : theirs === 'C' ? payoffs.T : payoffs.P);
  for (let turn = 0; turn < turns; turn++) {
    const played = [0, 1].map((i) => {
      const intended = players[i]({ own: moves[i], other: moves[1 - i], ownPayoffs: paid[i], otherPayoffs: paid[1 - i] });
      // Draw every turn, even at noise 0, so matches at different noise levels share their draws.
      const flip = noiseStreams[i]() < noise;
      return flip ? (intended === 'C' ? 'D' : 'C') : intended;
    }) as [Move, Move];
    for (const i of [0, 1] as const) {
      const u = pay(played[i], played[1 - i]);
      moves[i].push(played[i]);
      paid[i].push(u);
      scores[i] += u;
    }
  }
  return { scores, moves: [moves[0].join(''), moves[1].join('')] };
}
