/**
 * summary.json of a calibration folder: everything the report, the fit chart
 * and fit.csv are made from. It holds no date, timing or absolute path, so the
 * same calibration gives the same bytes on any machine and with any number of
 * workers.
 */
import { relative, sep } from 'node:path';
import { illustrativeField } from '../../results/file-format.js';
import { assessCalibration, type CalibrationAssessment } from './assessment.js';
import type { CalibrationPlan, CalibrationResult } from './calibrate.js';

/** What a target point was used for. */
export type PointRole = 'fit' | 'holdout' | 'unused' | 'matched';

export interface CalibrationSummary {
  kind: 'chuanyu-calibration';
  version: 1;
  scenario: {
    name: string;
    title: string;
    /** Path of the scenario file, relative to the calibration folder. */
    file: string;
    /** The scenario's note on illustrative numbers (its `illustrative` field), left out when it makes none: the report shows it. */
    illustrative?: string;
  };
  /** The command that reproduces the calibration (no output folder, no worker count). */
  command: string;
  target: {
    metric: string;
    source: string;
    /** The CSV file relative to the calibration folder, or null when the points came from the scenario. */
    file: string | null;
    /** role: fitted, held out (never read by the fit), unused (in neither range), or matched by construction (in no error). */
    points: { year: number; value: number; inFit: boolean; role: PointRole }[];
    holdout: number;
  };
  /** Hand choices made with the target in view, counted in k. */
  choices: CalibrationPlan['choices'];
  /** Counts, penalised errors, hold-out error over seed sets against naive forecasts. */
  assessment: CalibrationAssessment;
  parameters: { path: string; lower: number; upper: number; integer: boolean; start: number; fitted: number }[];
  seeds: { fitting: { seed: number; replications: number }; validation: { seed: number; replications: number; sets: number } };
  errors: CalibrationResult['errors'];
  coverage: CalibrationResult['coverage'];
  optimizer: CalibrationResult['optimizer'];
  history: CalibrationResult['history'];
  series: CalibrationResult['series'];
  /** Scenario events inside the simulated years (drawn on the fit chart). */
  events: { year: number; type: string; label: string }[];
  years: [number, number];
  runs: number;
}

/** A scenario title without a trailing "(... uncalibrated ...)" remark, which a calibrated scenario or its report would contradict. */
export function calibratedTitle(title: string): string {
  return title.replace(/\s*\([^)]*\buncalibrated\b[^)]*\)\s*$/i, '');
}

/** A path relative to `dir`, with forward slashes (also on Windows), as written in YAML and JSON. */
export function relativePath(dir: string, file: string): string {
  return relative(dir, file).split(sep).join('/');
}

export function buildCalibrationSummary(plan: CalibrationPlan, result: CalibrationResult, options: { outDir: string; command: string }): CalibrationSummary {
  const fitYears = new Set(plan.fit.map((p) => p.year));
  const role = (year: number): PointRole =>
    fitYears.has(year) ? 'fit' : plan.holdout.some((p) => p.year === year) ? 'holdout' : plan.matched.some((p) => p.year === year) ? 'matched' : 'unused';
  const events = ((plan.scenario.events ?? []) as { year: number; type: string; label: string }[])
    .filter((e) => e.year >= plan.years[0] && e.year <= plan.years[1])
    .map((e) => ({ year: e.year, type: e.type, label: e.label }));
  return {
    kind: 'chuanyu-calibration',
    version: 1,
    scenario: { name: plan.scenarioName, title: plan.scenarioTitle, file: relativePath(options.outDir, plan.scenarioFile), ...illustrativeField(plan.scenario.illustrative) },
    command: options.command,
    target: {
      metric: plan.target.metric,
      source: plan.target.source,
      file: plan.target.file ? relativePath(options.outDir, plan.target.file) : null,
      points: plan.target.points.map((p) => ({ year: p.year, value: p.value, inFit: fitYears.has(p.year), role: role(p.year) })),
      holdout: plan.holdout.length,
    },
    choices: plan.choices,
    assessment: assessCalibration(plan, result),
    parameters: plan.parameters.map((p) => ({ path: p.path, lower: p.lower, upper: p.upper, integer: p.integer, start: result.start[p.path], fitted: result.fitted[p.path] })),
    seeds: { fitting: { seed: plan.seed, replications: plan.replications }, validation: { seed: plan.validationSeed, replications: plan.validationReplications, sets: plan.seedSets } },
    errors: result.errors,
    coverage: result.coverage,
    optimizer: result.optimizer,
    history: result.history,
    series: result.series,
    events,
    years: plan.years,
    runs: result.runs,
  };
}
