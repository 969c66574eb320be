/**
 * summary.json of a history folder (`chuanyu history --out`): the competition
 * window profile and the mechanism attribution in full (either may be null
 * when it was not asked for), and the scenario's note on illustrative numbers
 * when it makes one (the folder holds no resolved scenario). The history
 * command writes it; it is read back against this schema.
 */
import { z } from 'zod';
import { fileFormat, illustrativeNoteSchema, jsonNumber } from './file-format.js';

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
  illustrative: illustrativeNoteSchema,
  profile: switchProfileSchema.nullable(),
  attribution: attributionSchema.nullable(),
});
export type HistorySummaryFile = z.output<typeof historySummarySchema>;

export const HISTORY_SUMMARY = fileFormat('a history summary (summary.json)', historySummarySchema);

const flag = (b: boolean) => (b ? 1 : 0);

/** profile.csv: one row per competition window. */
export function profileCsv(p: z.output<typeof switchProfileSchema>): { header: string[]; rows: (string | number)[][] } {
  const years = p.target.map((t) => t.year);
  const header = [
    'window', 'first_year', 'last_year', 'rmse', 'mse_per_replication',
    'vs_best', 'vs_best_low', 'vs_best_high', 'supported',
    'vs_best_mean', 'vs_best_mean_low', 'vs_best_mean_high', 'supported_mean',
    'best', 'best_mean', 'scenario_window',
    ...years.map((y) => `mean_${y}`),
  ];
  const rows = p.windows.map((w) => [
    w.label,
    w.window.kind === 'episode' ? w.window.from : '',
    w.window.kind === 'episode' ? Math.min(w.window.to - 1, p.years[1]) : '',
    w.rmse, w.mse,
    w.vsBest.difference, w.vsBest.ciLow, w.vsBest.ciHigh, flag(w.supported),
    w.vsBestMean.difference, w.vsBestMean.ciLow, w.vsBestMean.ciHigh, flag(w.supportedMean),
    flag(w.best), flag(w.bestMean), flag(w.scenario),
    ...years.map((y) => w.means.find((m) => m.year === y)?.mean ?? Number.NaN),
  ]);
  return { header, rows };
}

/** attribution.csv: one row per mechanism switched off (the full model first). */
export function attributionCsv(a: z.output<typeof attributionSchema>): { header: string[]; rows: (string | number)[][] } {
  const change = (prefix: string) => [`${prefix}_mean`, `${prefix}_vs_full`, `${prefix}_vs_full_low`, `${prefix}_vs_full_high`, `${prefix}_share`, `${prefix}_share_low`, `${prefix}_share_high`, `${prefix}_significant`];
  const header = ['variant', 'label', 'changed', ...change('fall'), ...change('rise'), 'rmse', 'mse_vs_full', 'mse_vs_full_low', 'mse_vs_full_high'];
  const rows = a.rows.map((r) => [
    r.id, r.label, r.changed,
    ...[r.fall, r.rise].flatMap((c) => [c.mean, c.vsFull.difference, c.vsFull.ciLow, c.vsFull.ciHigh, c.share.value, c.share.low, c.share.high, flag(c.significant)]),
    r.rmse, r.mseVsFull.difference, r.mseVsFull.ciLow, r.mseVsFull.ciHigh,
  ]);
  return { header, rows };
}
