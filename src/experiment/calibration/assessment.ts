/**
 * An honest account of a calibration: how many choices it made (fitted
 * parameters plus hand choices, a tied parameter counted once), its in-sample
 * and penalised errors (AICc, BIC), and on held-out years its error over sets
 * of fresh seeds against the naive forecasts made from the fitted years'
 * target values (skill = 1 - RMSE_model / RMSE_naive, per seed set).
 */
import type { CalibrationPlan, CalibrationResult } from './calibrate.js';
import { informationCriteria, NAIVE_DESCRIPTIONS, NAIVE_FORECASTS, naiveForecasts, rmseAgainst, skillScore, spreadOf, type InformationCriteria, type NaiveName, type Spread } from './fit-statistics.js';

export interface NaiveComparison {
  name: NaiveName;
  description: string;
  /** The naive forecast of each held-out year (null when it cannot be made, e.g. a trend through one point). */
  forecasts: { year: number; value: number }[] | null;
  rmse: number | null;
  /** Skill of the model per set of fresh seeds: median and range. */
  skill: Spread | null;
  /** Seed sets in which the model's hold-out RMSE is below the naive one (skill > 0). */
  setsBeaten: number;
}

export interface CalibrationAssessment {
  /** Target points fitted. */
  n: number;
  kFitted: number;
  kHand: number;
  k: number;
  /** RMSE at the fitted values, fitted years, fitting seeds. */
  inSample: number;
  /** From the in-sample SSE of the mean series (n x inSample^2). */
  criteria: InformationCriteria;
  note: string;
  matchedYears: number[];
  unusedYears: number[];
  fitYears: number[];
  /** Null without held-out years. */
  holdout: {
    years: number[];
    /** Hold-out RMSE of the mean series over the sets of fresh seeds. */
    model: Spread | null;
    naive: NaiveComparison[];
  } | null;
  /** RMSE of single fresh replications. */
  singleRuns: CalibrationResult['singleRuns'];
  seedSets: CalibrationResult['seedSets'];
}

export const AUTOCORRELATION_NOTE =
  'AICc and BIC treat the fitted points as independent; points of one series are autocorrelated, so the effective n is smaller and the penalties are, if anything, too mild.';

export function assessCalibration(plan: CalibrationPlan, result: CalibrationResult): CalibrationAssessment {
  const kFitted = plan.parameters.length;
  const kHand = plan.choices.reduce((s, c) => s + c.count, 0);
  const n = plan.fit.length;
  const inSample = result.errors.inSample;
  const criteria = informationCriteria(n * inSample * inSample, n, kFitted + kHand);
  let holdout: CalibrationAssessment['holdout'] = null;
  if (plan.holdout.length > 0) {
    // From the fitted years' target values only: the held-out values are read only to score.
    const forecasts = naiveForecasts(plan.fit);
    const naive = NAIVE_FORECASTS.map((name): NaiveComparison => {
      const f = forecasts[name];
      const rmse = f ? rmseAgainst(plan.holdout, f) : null;
      const skills = result.seedSets.map((s) => (s.holdout === null || rmse === null ? null : skillScore(s.holdout, rmse)));
      return {
        name,
        description: NAIVE_DESCRIPTIONS[name],
        forecasts: f ? plan.holdout.map((p) => ({ year: p.year, value: f(p.year) })) : null,
        rmse,
        skill: spreadOf(skills),
        setsBeaten: skills.filter((k) => k !== null && k > 0).length,
      };
    });
    holdout = { years: plan.holdout.map((p) => p.year), model: spreadOf(result.seedSets.map((s) => s.holdout)), naive };
  }
  return {
    n,
    kFitted,
    kHand,
    k: kFitted + kHand,
    inSample,
    criteria,
    note: AUTOCORRELATION_NOTE,
    matchedYears: plan.matched.map((p) => p.year),
    unusedYears: plan.unused.map((p) => p.year),
    fitYears: plan.fit.map((p) => p.year),
    holdout,
    singleRuns: result.singleRuns,
    seedSets: result.seedSets,
  };
}
