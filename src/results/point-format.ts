/**
 * The point files of resumable experiments (sweeps, sensitivity analyses):
 * `points/point-NNNNNN.json`, one design point run for every replication and
 * reduced to summary cells. The types here are the ones the experiments
 * compute with, so what is written and what is read back are checked against
 * the same schema.
 */
import { z } from 'zod';
import { GAME_LENSES } from '../model/metrics/lenses.js';
import { GAME_OUTCOMES } from '../model/metrics/win-win.js';
import { fileFormat, jsonNumber } from './file-format.js';

/** A swept parameter's value: a number, a name (a strategy), or a flag. */
export const parameterValueSchema = z.union([z.number(), z.string(), z.boolean()]);
export type ParameterValue = z.output<typeof parameterValueSchema>;

export const parameterSpecSchema = z.object({
  path: z.string(),
  /** Discrete values (lists and stepped ranges). */
  values: z.array(parameterValueSchema),
  /** Continuous bounds (an interval without a step); LHS samples inside them. */
  interval: z.tuple([z.number(), z.number()]).nullable(),
});
export type ParameterSpec = z.output<typeof parameterSpecSchema>;

export const designPointSchema = z.object({
  index: z.number().int().nonnegative(),
  values: z.record(z.string(), parameterValueSchema),
});
export type DesignPoint = z.output<typeof designPointSchema>;

import { STATISTICS } from './statistic-names.js';

export { STATISTICS, type Statistic } from './statistic-names.js';

/** [region, metric, statistic, value] */
export const summaryCellSchema = z.tuple([z.string(), z.string(), z.enum(STATISTICS), jsonNumber]);
export type SummaryCell = z.output<typeof summaryCellSchema>;

const gameOutcomeSchema = z.enum(GAME_OUTCOMES);
const lensPartSchema = z.object({ part: z.string(), values: z.array(jsonNumber) });

export const replicationSummarySchema = z.object({
  replication: z.number().int().nonnegative(),
  cells: z.array(summaryCellSchema),
  /** The GDP lens's class against the counterfactual (null without one). */
  outcome: gameOutcomeSchema.nullable(),
  /** Every game lens's class against the counterfactual (null without one). */
  lensOutcomes: z.record(z.enum(GAME_LENSES), gameOutcomeSchema).nullable(),
  /** The parts of each lens value, when the task asked for them (the game's decomposition). */
  parts: z.record(z.enum(GAME_LENSES), z.array(lensPartSchema)).optional(),
});
export type ReplicationSummary = z.output<typeof replicationSummarySchema>;

/**
 * One series's running moments over the replications of a point (compare's
 * trajectories): per year (ascending) the count of finite values, their mean
 * and their sum of squared deviations from the mean (Welford's M2).
 */
export const trajectoryMomentsSchema = z.object({
  metric: z.string(),
  region: z.string(),
  years: z.array(z.number()),
  n: z.array(z.number().int().nonnegative()),
  mean: z.array(jsonNumber),
  m2: z.array(jsonNumber),
});
export type TrajectoryMoments = z.output<typeof trajectoryMomentsSchema>;

export const pointResultSchema = z.object({
  index: z.number().int().nonnegative(),
  values: z.record(z.string(), parameterValueSchema),
  replications: z.array(replicationSummarySchema),
  /** Per-year running moments of the trajectory metrics, when the task asked for them (compare). */
  trajectories: z.array(trajectoryMomentsSchema).optional(),
});
export type PointResult = z.output<typeof pointResultSchema>;

export const POINT_FILE = fileFormat('a point result', pointResultSchema);
