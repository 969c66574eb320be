/**
 * The files of a sweep folder: `plan.json` (what is to be run), the point
 * files (see point-format.ts) and `summary.json` (per point: parameter values,
 * statistics of every summary cell across replications, outcome shares).
 * The sweep command writes them and the charts read them with these schemas.
 */
import { z } from 'zod';
import { GAME_OUTCOMES } from '../model/metrics/win-win.js';
import { fileFormat } from './file-format.js';
import { openPlanFolder, readPlanFile, type PlanKind } from './plan-folder.js';
import { designPointSchema, parameterSpecSchema, parameterValueSchema, type DesignPoint } from './point-format.js';
import { statsSchema } from './stats-format.js';

const shardSchema = z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).nullable();

/** What was varied and how it was run: the same in the plan and in the summary. */
const designFields = {
  parameters: z.array(parameterSpecSchema),
  design: z.string(),
  samples: z.number().int().nullable(),
  seed: z.number(),
  replications: z.number().int().positive(),
  counterfactual: z.boolean(),
};

export const sweepPlanSchema = z.object({
  kind: z.literal('chuanyu-sweep'),
  scenario: z.string(),
  /** The resolved base scenario. */
  resolvedScenario: z.unknown(),
  ...designFields,
  points: z.array(designPointSchema),
  /** This folder's part of the plan: shard i of n (1-based), or null for all points. */
  shard: shardSchema,
  /** Trajectories kept per point (`place.metric`, points/series-NNNNNN.csv, series.csv); absent when none. */
  series: z.array(z.string()).optional(),
});
export type SweepPlan = z.output<typeof sweepPlanSchema>;

export const SWEEP_PLAN: PlanKind<typeof sweepPlanSchema> = {
  file: 'plan.json',
  tag: 'chuanyu-sweep',
  name: 'sweep',
  holds: 'a sweep',
  differs: 'scenario, parameters, design, seed, replications, shard or series',
  format: fileFormat('a sweep plan', sweepPlanSchema),
};

export function readPlan(dir: string): Promise<SweepPlan> {
  return readPlanFile(dir, SWEEP_PLAN);
}

/** Creates the folder with its plan, or (resume) checks that the existing plan is the same sweep. */
export function openSweep(dir: string, plan: SweepPlan, resume: boolean): Promise<void> {
  return openPlanFolder(dir, plan, resume, SWEEP_PLAN);
}

export function pointsOfShard(plan: SweepPlan): DesignPoint[] {
  if (!plan.shard) return plan.points;
  const { index, count } = plan.shard;
  return plan.points.filter((p) => p.index % count === index - 1);
}

/** The plan without its shard, for checking that folders belong to the same sweep. */
export function planIdentity(plan: SweepPlan): Omit<SweepPlan, 'shard'> {
  const { shard: _shard, ...rest } = plan;
  return rest;
}

export const pointSummarySchema = z.object({
  point: z.number().int().nonnegative(),
  values: z.record(z.string(), parameterValueSchema),
  /** key `region|metric|statistic` -> statistics across replications. */
  metrics: z.record(z.string(), statsSchema),
  outcomes: z.record(z.enum(GAME_OUTCOMES), z.number()).nullable(),
});
export type PointSummary = z.output<typeof pointSummarySchema>;

export const sweepSummarySchema = z.object({
  kind: z.literal('sweep'),
  scenario: z.string(),
  ...designFields,
  shard: shardSchema,
  points: z.array(pointSummarySchema),
});
export type SweepSummary = z.output<typeof sweepSummarySchema>;

export const SWEEP_SUMMARY = fileFormat('a sweep summary', sweepSummarySchema);
