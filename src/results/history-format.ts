/**
 * summary.json of a history folder (`chuanyu history --out`): the competition
 * window profile and the mechanism attribution in full (either may be null
 * when it was not asked for). The history command writes it; it is read back
 * against this schema.
 */
import { z } from 'zod';
import { fileFormat, jsonNumber } from './file-format.js';

/** A paired difference (experiment/paired.ts); t is null in the file when it was infinite (constant non-zero differences). */
const paired = z.object({ n: z.number(), meanA: jsonNumber, meanB: jsonNumber, difference: jsonNumber, ciLow: jsonNumber, ciHigh: jsonNumber, t: jsonNumber, p: jsonNumber });
const interval = z.object({ difference: jsonNumber, ciLow: jsonNumber, ciHigh: jsonNumber });
const yearValue = z.object({ year: z.number(), value: z.number() });
const window = z.discriminatedUnion('kind', [z.object({ kind: z.literal('none') }), z.object({ kind: z.literal('episode'), from: z.number(), to: z.number() })]);

export const switchProfileSchema = z.object({
  scenario: z.string(),
  title: z.string(),
  metric: z.string(),
  targetSource: z.string(),
  target: z.array(yearValue),
  scoredYears: z.array(z.number()),
  years: z.tuple([z.number(), z.number()]),
  governments: z.array(z.string()),
  grid: z.object({ first: z.number(), last: z.number(), step: z.number() }),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  windows: z.array(
    z.object({
      window,
      label: z.string(),
      rmse: jsonNumber,
      mse: jsonNumber,
      vsBest: paired,
      supported: z.boolean(),
      best: z.boolean(),
      vsBestMean: interval,
      supportedMean: z.boolean(),
      bestMean: z.boolean(),
      scenario: z.boolean(),
      means: z.array(z.object({ year: z.number(), mean: jsonNumber })),
    }),
  ),
  best: z.number().int(),
  bestMean: z.number().int(),
  scenarioWindow: z.number().int().nullable(),
  runs: z.number().int().nonnegative(),
});

const change = z.object({ mean: jsonNumber, vsFull: paired, share: z.object({ value: jsonNumber, low: jsonNumber, high: jsonNumber }), significant: z.boolean() });

export const attributionSchema = z.object({
  scenario: z.string(),
  title: z.string(),
  metric: z.string(),
  targetSource: z.string(),
  scoredYears: z.array(z.number()),
  periods: z.object({ start: z.number(), trough: z.number(), peak: z.number() }),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  rows: z.array(z.object({ id: z.string(), label: z.string(), changed: z.string(), fall: change, rise: change, rmse: jsonNumber, mseVsFull: paired })),
  missing: z.array(z.unknown()),
  runs: z.number().int().nonnegative(),
});

export const historySummarySchema = z.object({
  kind: z.literal('chuanyu-history'),
  command: z.string(),
  profile: switchProfileSchema.nullable(),
  attribution: attributionSchema.nullable(),
});
export type HistorySummaryFile = z.output<typeof historySummarySchema>;

export const HISTORY_SUMMARY = fileFormat('a history summary (summary.json)', historySummarySchema);
