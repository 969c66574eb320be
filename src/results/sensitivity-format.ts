/**
 * The plan file of a sensitivity folder (`sensitivity-plan.json`): the intervals varied,
 * the method and its design, and the design points. The sensitivity command
 * writes it and reads it back (resume, report) with this schema.
 */
import { z } from 'zod';
import { fileFormat, jsonNumber } from './file-format.js';
import type { PlanKind } from './plan-folder.js';
import { designPointSchema } from './point-format.js';

/** The methods' and samplings' names as files store them (experiment/sensitivity checks its lists against these). */
export const SENSITIVITY_METHOD_NAMES = ['morris', 'sobol'] as const;
export const SAMPLING_NAMES = ['quasi', 'random'] as const;

export const sensitivityParameterSchema = z.object({ path: z.string(), interval: z.tuple([z.number(), z.number()]) });

export const sensitivityPlanSchema = z.object({
  kind: z.literal('chuanyu-sensitivity'),
  scenario: z.string(),
  /** The resolved base scenario. */
  resolvedScenario: z.unknown(),
  method: z.enum(SENSITIVITY_METHOD_NAMES),
  parameters: z.array(sensitivityParameterSchema),
  samples: z.number().int().positive(),
  /** Morris grid levels, or null. */
  levels: z.number().int().nullable(),
  /** Sobol base sample, or null. */
  sampling: z.enum(SAMPLING_NAMES).nullable(),
  seed: z.number(),
  replications: z.number().int().positive(),
  counterfactual: z.boolean(),
  /** Outputs as `region.metric.statistic`. */
  outputs: z.array(z.string()),
  bootstrap: z.number().int().nonnegative(),
  confidence: z.number(),
  points: z.array(designPointSchema),
  /** Trajectories kept per point (`place.metric`, points/series-NNNNNN.csv, series.csv); absent when none. */
  series: z.array(z.string()).optional(),
});
export type SensitivityPlanFile = z.output<typeof sensitivityPlanSchema>;

export const SENSITIVITY_PLAN: PlanKind<typeof sensitivityPlanSchema> = {
  file: 'sensitivity-plan.json',
  tag: 'chuanyu-sensitivity',
  name: 'sensitivity',
  holds: 'a sensitivity analysis',
  differs: 'scenario, parameters, method, samples, outputs, seed, replications or series',
  format: fileFormat('a sensitivity plan', sensitivityPlanSchema),
};

/**
 * summary.json of a finished sensitivity folder: the plan's settings and, per
 * output, its mean, variance and the indices of every parameter. The indices
 * (`parameters`) are checked as a list only: their fields differ by method.
 */
export const sensitivitySummarySchema = z
  .object({
    kind: z.literal('sensitivity'),
    scenario: z.string(),
    method: z.enum(SENSITIVITY_METHOD_NAMES),
    parameters: z.array(sensitivityParameterSchema),
    points: z.number().int().nonnegative(),
    indexNames: z.array(z.string()),
    outputs: z.array(z.object({ output: z.string(), mean: jsonNumber, variance: jsonNumber, used: z.number(), parameters: z.array(z.unknown()) }).loose()),
  })
  .loose();

export const SENSITIVITY_SUMMARY = fileFormat('the summary of a sensitivity analysis (summary.json)', sensitivitySummarySchema);
