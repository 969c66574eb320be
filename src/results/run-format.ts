/**
 * The JSON files of a run's results folder: `summary.json` (final and
 * cumulative metrics across replications, the zero-sum / win-win verdicts) and
 * `manifest.json` (what was run, with what, when). `chuanyu run` writes them
 * with these types and the report reads them back with these schemas.
 */
import { z } from 'zod';
import { GAME_LENSES } from '../model/metrics/lenses.js';
import { GAME_OUTCOMES } from '../model/metrics/win-win.js';
import { provenanceSchema } from './provenance-format.js';
import { fileFormat, jsonNumber } from './file-format.js';
import { statsSchema } from './stats-format.js';

export const metricSummarySchema = z.object({
  final: statsSchema,
  /** Sum over the run (flows) or mean over the run (stocks and rates). */
  overRun: statsSchema,
  overRunKind: z.enum(['sum', 'mean']),
});
export type MetricSummary = z.output<typeof metricSummarySchema>;

/** The verdicts as files store them (experiment/verdict.ts computes them; its list must stay within this one). */
export const VERDICT_NAMES = ['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'indistinguishable'] as const;

/** A mean paired change and its 95% interval across replications. */
export const changeIntervalSchema = z.object({ mean: jsonNumber, low: jsonNumber, high: jsonNumber, n: z.number().int().nonnegative() });
/** A share of replications and its 95% Wilson score interval. */
const shareIntervalSchema = z.object({ count: z.number().int().nonnegative(), share: jsonNumber, low: jsonNumber, high: jsonNumber });

export const lensVerdictSchema = z.object({
  lens: z.enum(GAME_LENSES),
  replications: z.number().int().nonnegative(),
  regions: z.record(z.string(), changeIntervalSchema),
  zone: changeIntervalSchema,
  verdict: z.enum(VERDICT_NAMES),
  explanation: z.string(),
  classes: z.record(z.enum(GAME_OUTCOMES), shareIntervalSchema),
});

export const objectiveWeightsSchema = z.object({ gdp: z.number(), welfare: z.number(), fiscal: z.number() });

export const outcomeSummarySchema = z.object({
  counterfactual: z.string(),
  /** The measure `change`, `shares` and `outcome` are in: the GDP lens (value added); `lenses` has every lens. */
  lens: z.literal('gdp'),
  lensLabel: z.string(),
  /** A region's change counts as up or down beyond this share of its own counterfactual value. */
  tolerance: z.number(),
  /** Change of cumulative value added against the counterfactual, by region. */
  change: z.record(z.string(), statsSchema),
  /** The same change relative to the region's counterfactual cumulative value added. */
  relativeChange: z.record(z.string(), statsSchema),
  zoneChange: statsSchema,
  shares: z.record(z.enum(GAME_OUTCOMES), z.number()),
  replications: z.array(z.object({ replication: z.number().int(), change: z.record(z.string(), jsonNumber), zoneChange: jsonNumber, outcome: z.enum(GAME_OUTCOMES) })),
  /** The most frequent per-replication class (see `verdict` for the run's verdict). */
  outcome: z.enum(GAME_OUTCOMES),
  /** The run's verdict in the GDP lens from each region's 95% t-interval, and the class shares with Wilson intervals. */
  verdict: lensVerdictSchema,
  /** Yearly discount rate of the welfare lens. */
  discountRate: z.number(),
  /** The verdict in every lens (the governments' objective, welfare, gdp, fiscal), from the same replications. */
  lenses: z.record(z.enum(GAME_LENSES), lensVerdictSchema),
  /** Each government's objective (weights over the lenses), by region id. */
  objectives: z.record(z.string(), objectiveWeightsSchema),
  /** With a fund: each region's outside fund money against its GDP and welfare gains (leverage vs production); null without outside fund money. */
  fundLeverage: z
    .array(z.object({ region: z.string(), outside: statsSchema, shareOfGdpGain: z.number().nullable(), shareOfWelfareGain: z.number().nullable(), sentence: z.string() }))
    .nullable(),
});
export type OutcomeSummary = z.output<typeof outcomeSummarySchema>;

export const fundStagesSummarySchema = z.object({
  /** Share of fund money in the stated stages, across replications. */
  share: statsSchema,
  /** Each region's stated sectors, by region id. */
  stages: z.record(z.string(), z.array(z.string())),
  sentence: z.string(),
});
export type FundStagesSummary = z.output<typeof fundStagesSummarySchema>;

const metricsByName = z.record(z.string(), metricSummarySchema);

export const runSummarySchema = z.object({
  scenario: z.string(),
  seed: z.number(),
  replications: z.number().int().positive(),
  years: z.tuple([z.number(), z.number()]),
  metrics: z.object({ zone: metricsByName, regions: z.record(z.string(), metricsByName), pairs: z.record(z.string(), metricsByName) }),
  outcome: outcomeSummarySchema.nullable(),
  /** With a fund and a stated division of labour: the share of fund money placed in each region's stated sectors (absent in older results). */
  fundStages: fundStagesSummarySchema.nullable().optional(),
  events: z.array(z.object({ year: z.number(), kind: z.string(), label: z.string(), source: z.string() })),
});
export type RunSummary = z.output<typeof runSummarySchema>;

export const RUN_SUMMARY = fileFormat('a run summary', runSummarySchema);

export const runManifestSchema = z.object({
  scenario: z.string(),
  scenarioFile: z.string().nullable(),
  seed: z.number(),
  replications: z.number().int().positive(),
  packageVersion: z.string(),
  gitCommit: z.string().nullable(),
  node: z.string(),
  platform: z.string(),
  startedAt: z.string(),
  wallTimeSeconds: z.number(),
  /** The resolved scenario (every default filled in). */
  resolvedScenario: z.unknown(),
  /** How the results were made (absent in folders written before it was recorded). */
  provenance: provenanceSchema.optional(),
});
/** What manifest.json of a run records (the folder inventory, kind and files, is added by output-folder.ts). */
export type Manifest = z.output<typeof runManifestSchema>;

export const RUN_MANIFEST = fileFormat('a run manifest', runManifestSchema);
