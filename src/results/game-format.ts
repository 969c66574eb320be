/**
 * game.json: the analysed payoff matrices of `chuanyu game`, one per swept
 * parameter value (each lens's profiles, equilibria, 2x2 analysis and
 * replicator paths, and the payoff decomposition). The game command writes it
 * and its report is drawn from it alone, both with this schema.
 *
 * payoffs.csv: every replication's payoff of every profile, region and lens,
 * with its change against the counterfactual; one column per swept parameter
 * after `point`. Its header and rows are made here, its reader checks them.
 *
 * decomposition.csv: each profile's payoff minus its reference profile's, part
 * by part and in total, per lens and region, with the 95% interval of the
 * paired difference; one column per swept parameter after `point`. Its header
 * and rows are made here.
 */
import { z } from 'zod';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import type { Column } from './csv-read.js';
import { fileFormat, jsonNumber } from './file-format.js';
import type { ParameterValue } from './point-format.js';
import { changeIntervalSchema, objectiveWeightsSchema } from './run-format.js';

const xy = z.object({ x: jsonNumber, y: jsonNumber });

/** The game in one lens: each profile's payoffs, equilibria and class, and the 2x2 analysis. */
export const gameLensSchema = z.object({
  lens: z.string(),
  profiles: z.array(
    z.object({
      strategies: z.array(z.string()),
      payoffs: z.array(z.object({ mean: jsonNumber, se: z.number().nullable(), halfWidth: z.number().nullable() })),
      outcomes: z.record(z.string(), z.number()),
      outcome: z.string(),
      equilibrium: z.boolean(),
      equilibriumSure: z.boolean(),
      pareto: z.boolean(),
    }),
  ),
  possibleEquilibria: z.array(z.array(z.string())),
  subgame: z
    .object({
      type: z.string(),
      likely: z.string(),
      sentence: z.string(),
      players: z.array(z.object({ player: z.string(), ordering: z.string(), type: z.string() })),
      uncertain: z.array(z.string()),
      mixed: z.object({ kind: z.string(), p: z.number().nullable(), q: z.number().nullable(), description: z.string() }).nullable(),
      restPoints: z.array(z.object({ x: jsonNumber, y: jsonNumber, eigenvalues: z.array(z.unknown()), stability: z.string() })),
      continua: z.array(z.string()),
      trajectories: z.array(z.object({ start: xy, points: z.array(xy) })),
      field: z.array(z.object({ x: jsonNumber, y: jsonNumber, dx: jsonNumber, dy: jsonNumber })),
      onePopulation: z.object({
        payoffs: z.object({ R: jsonNumber, S: jsonNumber, T: jsonNumber, P: jsonNumber }),
        restPoints: z.array(z.object({ x: jsonNumber, stability: z.string() })),
        curve: z.array(z.object({ x: jsonNumber, velocity: jsonNumber })),
      }),
      /** Cells (1,1), (1,2), (2,1), (2,2) of the cooperate-vs-compete game, mean payoffs (row, column): input for `chuanyu replicator`. */
      bimatrix: z.object({ a: z.array(z.array(jsonNumber)), b: z.array(z.array(jsonNumber)) }),
    })
    .nullable(),
});
export type GameLensJson = z.output<typeof gameLensSchema>;

/** One analysed game: the main lens at the top level, every lens in `byLens`, and the payoff decomposition. */
export const gamePointSchema = gameLensSchema.extend({
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  regions: z.array(z.string()),
  regionNames: z.array(z.string()),
  strategies: z.array(z.array(z.string())),
  replications: z.number().int().nonnegative(),
  byLens: z.record(z.string(), gameLensSchema),
  decomposition: z.array(
    z.object({
      lens: z.string(),
      profile: z.array(z.string()),
      reference: z.array(z.string()),
      regions: z.array(z.object({ region: z.string(), total: changeIntervalSchema, parts: z.array(z.object({ part: z.string(), change: changeIntervalSchema })) })),
    }),
  ),
});
export type GameJsonPoint = z.output<typeof gamePointSchema>;

export const gameJsonSchema = z.object({
  kind: z.literal('game'),
  scenario: z.string(),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  sweep: z.array(z.string()),
  /** The lens of the top-level analysis of every point. */
  lens: z.string(),
  /** Each government's objective (weights over the lenses), by region id. */
  objectives: z.record(z.string(), objectiveWeightsSchema),
  points: z.array(gamePointSchema),
});
export type GameJson = z.output<typeof gameJsonSchema>;

export const GAME_FILE = fileFormat('a game analysis (game.json)', gameJsonSchema);

/** payoffs.csv's header: `point`, one column per swept parameter, then the fixed columns. */
export const payoffsCsvHeader = (sweep: readonly string[]): string[] => ['point', ...sweep, 'profile', 'replication', 'region', 'lens', 'payoff', 'change_vs_counterfactual'];

/** A row of payoffs.csv as read back (the swept parameters' columns aside). */
export interface PayoffsCsvRow {
  point: number;
  profile: string;
  replication: number;
  region: string;
  lens: string;
  payoff: number;
  change_vs_counterfactual: number;
}
export const PAYOFFS_CSV_COLUMNS: Column<PayoffsCsvRow> = {
  point: 'number', profile: 'string', replication: 'number', region: 'string', lens: 'string', payoff: 'number', change_vs_counterfactual: 'number',
};

/** What payoffs.csv is made from: each analysed point's parameter values and its profiles' payoffs per lens, region and replication. */
export interface PayoffsSource {
  values: Record<string, ParameterValue>;
  empirical: {
    regions: readonly string[];
    profiles: readonly { strategies: readonly string[]; values: Record<GameLens, ArrayLike<number>[]>; changes: Record<GameLens, ArrayLike<number>[]> }[];
  };
}

const valueCell = (v: ParameterValue | undefined) => (typeof v === 'number' ? v : String(v));

/** payoffs.csv's rows: point, swept values, profile, replication, region, lens, payoff, change. */
export function* payoffsCsvRows(points: readonly PayoffsSource[], sweep: readonly string[]): Generator<(string | number)[]> {
  for (const [i, pt] of points.entries())
    for (const prof of pt.empirical.profiles)
      for (const l of GAME_LENSES)
        for (const [r, region] of pt.empirical.regions.entries())
          for (let k = 0; k < prof.values[l][r].length; k++)
            yield [i, ...sweep.map((p) => valueCell(pt.values[p])), prof.strategies.join('/'), k, region, l, prof.values[l][r][k], prof.changes[l][r][k]];
}

/** decomposition.csv's header: `point`, one column per swept parameter, then the fixed columns. */
export const decompositionCsvHeader = (sweep: readonly string[]): string[] => ['point', ...sweep, 'lens', 'profile', 'reference', 'region', 'part', 'mean_difference', 'ci_low', 'ci_high'];

/** A paired difference and its 95% interval, as decomposition.csv writes it. */
interface DecompositionChange {
  mean: number;
  low: number;
  high: number;
}

/** What decomposition.csv is made from: each analysed point's parameter values and its payoff decompositions (experiment/game-analysis.ts). */
export interface DecompositionSource {
  values: Record<string, ParameterValue>;
  report: {
    decomposition: readonly {
      lens: string;
      profile: readonly string[];
      reference: readonly string[];
      regions: readonly { region: string; total: DecompositionChange; parts: readonly { part: string; change: DecompositionChange }[] }[];
    }[];
  };
}

/** decomposition.csv's rows: point, swept values, lens, profile, reference, region, then each part and the total (mean difference, interval). */
export function* decompositionCsvRows(points: readonly DecompositionSource[], sweep: readonly string[]): Generator<(string | number)[]> {
  for (const [i, pt] of points.entries())
    for (const d of pt.report.decomposition)
      for (const reg of d.regions)
        for (const part of [...reg.parts.map((p) => ({ part: p.part, change: p.change })), { part: 'total', change: reg.total }])
          yield [i, ...sweep.map((p) => valueCell(pt.values[p])), d.lens, d.profile.join('/'), d.reference.join('/'), reg.region, part.part, part.change.mean, part.change.low, part.change.high];
}
