/**
 * summary.json of a calibration folder (`chuanyu calibrate --out`): the fitted
 * values, the errors in and out of sample, the coverage, the search and the
 * series. The calibrate command writes it (experiment/calibration/summary.ts
 * builds it) and the report is redrawn from it alone, checked against this
 * schema: every field is named here (the hand choices and the assessment
 * included), so a damaged file is a UserError naming the file and the field.
 */
import { z } from 'zod';
import { fileFormat, illustrativeNoteSchema, jsonNumber } from './file-format.js';

const yearMean = z.object({ year: z.number(), mean: jsonNumber });
const yearBand = yearMean.extend({ p05: jsonNumber, p95: jsonNumber });
const count = z.object({ covered: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

/** What a target point was used for; folders from before the roles were named have none (the report falls back on inFit). */
export const POINT_ROLES = ['fit', 'holdout', 'unused', 'matched'] as const;

const spread = z.object({ median: jsonNumber, min: jsonNumber, max: jsonNumber, count: z.number().int().nonnegative() }).nullable();

/**
 * The calibration's own account of itself (experiment/calibration/assessment.ts,
 * CalibrationAssessment): counts, penalised errors, the hold-out error over
 * seed sets against naive forecasts. Written in summary.json and, per
 * direction, in study.json. A null where the experiment holds one (AICc
 * undefined, a naive forecast that cannot be made, no held-out years) is a
 * null here too.
 */
const assessmentSchema = z.object({
  n: z.number().int().nonnegative(),
  kFitted: z.number().int().nonnegative(),
  kHand: z.number().int().nonnegative(),
  k: z.number().int().nonnegative(),
  inSample: jsonNumber,
  criteria: z.object({ n: z.number(), k: z.number(), K: z.number(), sse: jsonNumber, aic: jsonNumber, aicc: z.number().nullable(), aiccNote: z.string().nullable(), bic: jsonNumber }),
  note: z.string(),
  matchedYears: z.array(z.number()),
  unusedYears: z.array(z.number()),
  fitYears: z.array(z.number()),
  holdout: z
    .object({
      years: z.array(z.number()),
      model: spread,
      naive: z.array(
        z.object({
          name: z.string(),
          description: z.string(),
          forecasts: z.array(z.object({ year: z.number(), value: jsonNumber })).nullable(),
          rmse: z.number().nullable(),
          skill: spread,
          setsBeaten: z.number().int().nonnegative(),
        }),
      ),
    })
    .nullable(),
  singleRuns: z.object({ fit: spread, holdout: spread }),
  seedSets: z.array(z.object({ seed: z.number(), fit: jsonNumber, holdout: z.number().nullable() })),
});

/** A hand choice made with the target in view (counted in k with the fitted parameters). */
const choiceSchema = z.object({ name: z.string(), count: z.number().int().nonnegative(), why: z.string() });

export const calibrationSummarySchema = z.object({
  kind: z.literal('chuanyu-calibration'),
  version: z.literal(1),
  scenario: z.object({
    name: z.string(),
    title: z.string(),
    file: z.string(),
    illustrative: illustrativeNoteSchema,
  }),
  command: z.string(),
  target: z.object({
    metric: z.string(),
    source: z.string(),
    file: z.string().nullable(),
    points: z.array(z.object({ year: z.number(), value: z.number(), inFit: z.boolean(), role: z.enum(POINT_ROLES).optional() })),
    holdout: z.number().int().nonnegative(),
  }),
  choices: z.array(choiceSchema),
  assessment: assessmentSchema,
  parameters: z.array(z.object({ path: z.string(), lower: z.number(), upper: z.number(), integer: z.boolean(), start: z.number(), fitted: z.number() })),
  seeds: z.object({
    fitting: z.object({ seed: z.number(), replications: z.number().int().nonnegative() }),
    validation: z.object({ seed: z.number(), replications: z.number().int().nonnegative(), sets: z.number().int().nonnegative() }),
  }),
  errors: z.object({ start: jsonNumber, inSample: jsonNumber, freshSeeds: jsonNumber, holdout: z.object({ freshSeeds: jsonNumber, fittingSeeds: jsonNumber }).nullable() }),
  coverage: count.extend({ fit: count, holdout: count }),
  optimizer: z.object({ name: z.string(), evaluations: z.number(), generations: z.number(), restarts: z.number(), populationSize: z.number(), sigma0: z.number(), stopped: z.string() }),
  history: z.array(z.object({ evaluations: z.number(), best: jsonNumber, median: jsonNumber })),
  series: z.object({ fresh: z.array(yearBand), fitting: z.array(yearMean), start: z.array(yearMean) }),
  events: z.array(z.object({ year: z.number(), type: z.string(), label: z.string() })),
  years: z.tuple([z.number(), z.number()]),
  runs: z.number().int().nonnegative(),
});
export type CalibrationSummaryFile = z.output<typeof calibrationSummarySchema>;

export const CALIBRATION_SUMMARY = fileFormat('a calibration summary (summary.json)', calibrationSummarySchema);

/** What fit.csv is made from: the target points and the fresh and fitting series. */
export type FitSource = { target: Pick<CalibrationSummaryFile['target'], 'points'>; series: Pick<CalibrationSummaryFile['series'], 'fresh' | 'fitting'> };

/** fit.csv: year,target,mean,p05,p95,in_fit,mean_fitting_seeds per target point. */
export const FIT_CSV_HEADER = ['year', 'target', 'mean', 'p05', 'p95', 'in_fit', 'mean_fitting_seeds'] as const;

/** Rows of fit.csv: one per target point; mean and band from the fresh seeds, 1/0 for fitted/held out. */
export function fitRows(summary: FitSource): (string | number)[][] {
  return summary.target.points.map((p) => {
    const fresh = summary.series.fresh.find((s) => s.year === p.year);
    const fitting = summary.series.fitting.find((s) => s.year === p.year);
    return [p.year, p.value, fresh?.mean ?? Number.NaN, fresh?.p05 ?? Number.NaN, fresh?.p95 ?? Number.NaN, p.inFit ? 1 : 0, fitting?.mean ?? Number.NaN];
  });
}

/**
 * study.json of `chuanyu calibrate --study --out`: the three fits (every point,
 * forward and reverse hold-out), each with its fitted values, errors and
 * assessment (information criteria, hold-out errors, naive baselines). No
 * timings (the same seed gives the same bytes). The study action writes it
 * with this schema's input type and it is read back checked.
 */
export const calibrationStudySchema = z.object({
  scenario: z.string(),
  metric: z.string(),
  source: z.string(),
  seed: z.number(),
  seedSets: z.number().int().nonnegative(),
  choices: z.array(choiceSchema),
  directions: z.array(
    z.object({
      direction: z.object({
        name: z.string(),
        label: z.string(),
        fitYears: z.tuple([z.number(), z.number()]).optional(),
        holdoutYears: z.tuple([z.number(), z.number()]).optional(),
      }),
      parameters: z.array(z.object({ path: z.string(), lower: z.number(), upper: z.number(), fitted: z.number() })),
      errors: z.object({ start: jsonNumber, inSample: jsonNumber, freshSeeds: jsonNumber }),
      assessment: assessmentSchema,
      evaluations: z.number().int().nonnegative(),
      replications: z.number().int().nonnegative(),
      validationReplications: z.number().int().nonnegative(),
      runs: z.number().int().nonnegative(),
    }),
  ),
});
export type CalibrationStudyFile = z.output<typeof calibrationStudySchema>;

export const CALIBRATION_STUDY = fileFormat('a calibration study (study.json)', calibrationStudySchema);
