/**
 * The Game tab's content as plain data: the 2x2 cooperate-vs-compete game of
 * the same runs read in two lenses (MODEL.md, "Objectives, payoffs and
 * lenses"): the officials' objective (each government's final
 * `cumulative_payoff`) and the residents' welfare (src/model/metrics/lenses.ts).
 * Each cell carries means with 95% Student-t intervals over the replications;
 * equilibria and the game's type come from the project's game analysis, which
 * weighs the same sampling error (`estimateFromSamples`). No DOM here.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Strategy } from '../model/config.js';
import { analyzeGame } from '../model/game/analyze.js';
import { createGame } from '../model/game/normal-form.js';
import { estimateFromSamples } from '../model/game/uncertainty.js';
import type { ProfileSamples } from './sim-core.js';

export const GAME_STRATEGIES: Strategy[] = ['cooperate', 'compete'];

export const GAME_LENSES = [
  {
    key: 'objective',
    title: "Officials' objective",
    caption: "Each government's cumulative payoff at the final year (what its officials are scored on)",
    samples: (p: ProfileSamples) => p.payoffSamples,
    noun: 'government',
  },
  {
    key: 'welfare',
    title: "Residents' welfare",
    caption: "Each region's welfare: discounted consumption plus residents' discounted final wealth",
    samples: (p: ProfileSamples) => p.welfareSamples,
    noun: 'region',
  },
] as const;
export type GameLens = (typeof GAME_LENSES)[number]['key'];

/** Why the two lenses can disagree: shown under the two matrices. */
export const WHY_LENSES_DIFFER =
  'The two can differ because officials are ranked on GDP, the output produced in their region, while residents care about what they can consume now and later: output bought with subsidies, relocation offers or capital later written off can raise GDP and still lower welfare.';

export interface MatrixCell {
  strategies: [Strategy, Strategy];
  /** Mean by player (row player first). */
  means: number[];
  /** 95% t-interval of the mean by player ([mean, mean] for one replication). */
  intervals: [number, number][];
  equilibrium: 'yes' | 'possible' | 'no';
}

export interface LensGame {
  lens: GameLens;
  title: string;
  caption: string;
  replications: number;
  /** [row strategy][column strategy], in GAME_STRATEGIES order. */
  cells: MatrixCell[][];
  /** The game's type and what it means, in words. */
  sentence: string;
  /** Each player's payoff ordering in T/R/P/S letters. */
  orderings: string;
  /** Equilibrium profiles on the means, e.g. ["compete/compete"]. */
  equilibria: string[];
  /** The game's type (indeterminate when a deciding payoff gap is within the sampling error). */
  type: string;
  /** The type on the means alone. */
  likely: string;
}

/** The 95% Student-t interval of a mean (degenerate for fewer than two samples). */
export function meanInterval(samples: readonly number[], level = 0.95): [number, number] {
  const e = estimateFromSamples(samples);
  if (e.se === undefined) return [e.mean, e.mean];
  const q = tQuantile(1 - (1 - level) / 2, samples.length - 1);
  return [e.mean - q * e.se, e.mean + q * e.se];
}

/** The game of one lens from the four profiles' samples (two players). */
export function lensGame(profiles: readonly ProfileSamples[], players: string[], lens: (typeof GAME_LENSES)[number]): LensGame {
  const byKey = new Map(profiles.map((p) => [p.strategies.join('|'), p]));
  const samplesOf = (row: Strategy, col: Strategy) => {
    const p = byKey.get(`${row}|${col}`);
    if (!p) throw new Error(`the profile ${row}/${col} was not run`);
    return lens.samples(p);
  };
  const game = createGame({
    players,
    strategies: [GAME_STRATEGIES, GAME_STRATEGIES],
    payoff: (profile) => samplesOf(GAME_STRATEGIES[profile[0]], GAME_STRATEGIES[profile[1]]).map((s) => estimateFromSamples(s)),
  });
  const analysis = analyzeGame(game, { noun: lens.noun });
  const eq = new Set(analysis.pure.equilibria.map((e) => e.profile.join(',')));
  const possible = new Set(analysis.pure.possible.map((e) => e.profile.join(',')));
  const cells = GAME_STRATEGIES.map((row, r) =>
    GAME_STRATEGIES.map((col, c): MatrixCell => {
      const samples = samplesOf(row, col);
      const key = `${r},${c}`;
      return {
        strategies: [row, col],
        means: samples.map((s) => estimateFromSamples(s).mean),
        intervals: samples.map((s) => meanInterval(s)),
        equilibrium: eq.has(key) ? 'yes' : possible.has(key) ? 'possible' : 'no',
      };
    }),
  );
  return {
    lens: lens.key,
    title: lens.title,
    caption: lens.caption,
    replications: samplesOf('cooperate', 'cooperate')[0]?.length ?? 0,
    cells,
    sentence: analysis.classification?.sentence ?? '',
    orderings: (analysis.classification?.players ?? []).map((v) => `${v.player}: ${v.ordering}`).join('; '),
    equilibria: analysis.pure.equilibria.map((e) => e.names.join('/')),
    type: analysis.classification?.type ?? 'other',
    likely: analysis.classification?.likely ?? 'other',
  };
}

export function lensGames(profiles: readonly ProfileSamples[], players: string[]): LensGame[] {
  return GAME_LENSES.map((lens) => lensGame(profiles, players, lens));
}

const TYPE_NAMES: Record<string, string> = {
  'prisoners-dilemma': "a prisoner's dilemma",
  'stag-hunt': 'a stag hunt',
  chicken: 'a game of chicken',
  harmony: 'a harmony game',
  deadlock: 'a deadlock',
  other: 'none of the textbook games',
  asymmetric: 'an asymmetric game',
};

/** A lens's game type in words; an indeterminate one says what it would be on the means. */
export function typeInWords(g: LensGame): string {
  if (g.type !== 'indeterminate') return TYPE_NAMES[g.type] ?? g.type;
  return `not settled by ${g.replications} replication${g.replications === 1 ? '' : 's'} (on the means ${TYPE_NAMES[g.likely] ?? g.likely})`;
}

const equilibriaInWords = (g: LensGame) =>
  g.equilibria.length === 0 ? 'no pure equilibrium' : `${g.equilibria.length === 1 ? 'equilibrium' : 'equilibria'} ${g.equilibria.join(' and ')}`;

/** Whether the two lenses agree here, then why they may not. */
export function compareLenses(games: readonly LensGame[]): string {
  const [a, b] = games;
  const agree = a.type === b.type && a.type !== 'indeterminate' && a.equilibria.join() === b.equilibria.join();
  const here = agree
    ? `Here both lenses give ${typeInWords(a)} with the same ${equilibriaInWords(a)}.`
    : `Here the officials' game is ${typeInWords(a)} with ${equilibriaInWords(a)}; the residents' is ${typeInWords(b)} with ${equilibriaInWords(b)}.`;
  return `${here} ${WHY_LENSES_DIFFER}`;
}
