/**
 * The Game tab's content as plain data: the 2x2 cooperate-vs-compete game of
 * the same runs read in two lenses (MODEL.md, "Objectives, payoffs and
 * lenses"): the officials' objective (each government's objective, the payoff
 * of `chuanyu game`) and the residents' welfare (src/model/metrics/lenses.ts).
 * The game is the CLI's: `runEmpiricalGameInProcess` (src/experiment/empirical-game.ts)
 * runs it in the worker and `subGame` (src/experiment/game-analysis.ts) cuts out
 * the 2x2 game of a lens; this file only reads it for the page. Each cell
 * carries means with 95% Student-t intervals over the replications; equilibria
 * and the game's type weigh the same sampling error. No DOM here.
 */
import type { Strategy } from '../model/config.js';
import { analyzeGame } from '../model/game/analyze.js';
import { payoffOf } from '../model/game/normal-form.js';
import type { EmpiricalGame } from '../experiment/empirical-game.js';
import { subGame } from '../experiment/game-analysis.js';
import { changeInterval } from '../experiment/verdict.js';

/** The strategies of the Game tab's game (`chuanyu game --strategies cooperate,compete`). */
export const GAME_STRATEGIES: Strategy[] = ['cooperate', 'compete'];

export const GAME_LENSES = [
  {
    key: 'objective',
    title: "Officials' objective",
    caption: "Each government's objective at the final year (what its officials are scored on; the payoff of chuanyu game)",
    noun: 'government',
  },
  {
    key: 'welfare',
    title: "Residents' welfare",
    caption: "Each region's welfare: discounted consumption plus residents' discounted final wealth",
    noun: 'region',
  },
] as const;
export type GameLens = (typeof GAME_LENSES)[number]['key'];

/** Why the two lenses can differ: shown under the two matrices. */
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

/** The 95% Student-t interval of a mean (the project's `changeInterval`; degenerate for fewer than two samples). */
export function meanInterval(samples: readonly number[]): [number, number] {
  const c = changeInterval(samples);
  return c.n < 2 ? [c.mean, c.mean] : [c.low, c.high];
}

/** The cooperate-vs-compete game of one lens, read from the empirical game of `chuanyu game`. */
export function lensGame(empirical: EmpiricalGame, lens: (typeof GAME_LENSES)[number]): LensGame {
  const game = subGame(empirical, lens.key);
  if (!game) throw new Error('the game view needs two governments that can both cooperate and compete');
  const [rows, cols] = game.strategies as [Strategy[], Strategy[]];
  const analysis = analyzeGame(game, { noun: lens.noun });
  const eq = new Set(analysis.pure.equilibria.map((e) => e.profile.join(',')));
  const possible = new Set(analysis.pure.possible.map((e) => e.profile.join(',')));
  const cells = rows.map((row, r) =>
    cols.map((col, c): MatrixCell => {
      const estimates = game.players.map((_, p) => payoffOf(game, [r, c], p));
      const key = `${r},${c}`;
      return {
        strategies: [row, col],
        means: estimates.map((e) => e.mean),
        intervals: estimates.map((e) => meanInterval(e.samples ?? [e.mean])),
        equilibrium: eq.has(key) ? 'yes' : possible.has(key) ? 'possible' : 'no',
      };
    }),
  );
  return {
    lens: lens.key,
    title: lens.title,
    caption: lens.caption,
    replications: empirical.replications,
    cells,
    sentence: analysis.classification?.sentence ?? '',
    orderings: (analysis.classification?.players ?? []).map((v) => `${v.player}: ${v.ordering}`).join('; '),
    equilibria: analysis.pure.equilibria.map((e) => e.names.join('/')),
    type: analysis.classification?.type ?? 'other',
    likely: analysis.classification?.likely ?? 'other',
  };
}

/** Both lenses' games; the players are named by the regions' display names. */
export function lensGames(empirical: EmpiricalGame): LensGame[] {
  const named = { ...empirical, regions: empirical.regionNames };
  return GAME_LENSES.map((lens) => lensGame(named, lens));
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
