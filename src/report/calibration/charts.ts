/**
 * The charts of a calibration report, drawn from its summary.json:
 *
 * - fit: the target points over the calibrated model's mean and 90% band on
 *   fresh seeds (the honest picture), with the fitting seeds' mean dashed and
 *   the scenario as written dotted grey; held-out target points are hollow.
 *   Same look as the run report's similarity chart (band, line, diamonds,
 *   dashed event rules).
 * - convergence: the best RMSE found against the evaluations spent.
 */
import type { CalibrationSummaryFile } from '../../results/calibration-format.js';
import { SIZE, axisTitle, metricLabel, round, sentence, topLevel, type Spec } from '../common/chart-spec.js';
import { NEUTRAL, PAIR_COLOURS } from '../common/palette.js';
import { eventLayersOf, mergeEvents } from '../common/events.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentChart } from '../common/write-charts.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';

export const FRESH_RUN = 'Calibrated, fresh seeds (mean)';
export const FITTING_RUN = 'Calibrated, fitting seeds (mean)';
export const START_RUN = 'As written (mean)';
export const FITTED_POINT = 'Target, fitted';
export const HELD_OUT_POINT = 'Target, held out';
// Short enough for the legend's 280 px; the subtitle says what "in no error" means (matched by construction or unused).
export const OTHER_POINT = 'Target, in no error (matched or unused)';

const fmt = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function yAxisTitle(metric: string): string {
  try {
    return axisTitle(metric, 'zone');
  } catch {
    return metricLabel(metric);
  }
}

export function fitChart(summary: CalibrationSummaryFile): TopLevelSpec {
  const { series, target, errors, seeds } = summary;
  const [first, last] = summary.years;
  const x = { field: 'year', type: 'quantitative', title: 'Year', scale: { domain: [first, last], nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1, labelFlush: true } };
  const values: Spec[] = [
    ...series.fresh.map((s) => ({ run: FRESH_RUN, year: s.year, mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) })),
    ...series.fitting.map((s) => ({ run: FITTING_RUN, year: s.year, mean: round(s.mean) })),
    ...series.start.map((s) => ({ run: START_RUN, year: s.year, mean: round(s.mean) })),
  ];
  const colour = PAIR_COLOURS[0];
  // Colour and dash share the `run` field, so they share one legend (and must agree on its symbol).
  const legend = { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolOpacity: 1, symbolSize: 400 };
  const runs = [FRESH_RUN, FITTING_RUN, START_RUN];
  const y = { field: 'mean', type: 'quantitative', title: yAxisTitle(target.metric), scale: { zero: false, padding: 6 } };
  // Summaries written before point roles existed: a point not fitted was held out.
  const kindOf = (p: (typeof target.points)[number]) => ((p.role ?? (p.inFit ? 'fit' : 'holdout')) === 'fit' ? FITTED_POINT : (p.role ?? 'holdout') === 'holdout' ? HELD_OUT_POINT : OTHER_POINT);
  const points = target.points.map((p) => ({ year: p.year, value: p.value, kind: kindOf(p) }));
  const kinds = [FITTED_POINT, HELD_OUT_POINT, OTHER_POINT].filter((k) => points.some((p) => p.kind === k));
  const layers: Spec[] = [
    {
      transform: [{ filter: `datum.run === '${FRESH_RUN}'` }],
      mark: { type: 'area', opacity: 0.18, color: colour },
      encoding: { x, y: { field: 'p05', type: 'quantitative' }, y2: { field: 'p95' } },
    },
    {
      mark: { type: 'line', strokeWidth: 2.2 },
      encoding: {
        x,
        y,
        color: { field: 'run', type: 'nominal', title: 'Model', legend, scale: { domain: runs, range: [colour, colour, NEUTRAL.event] } },
        strokeDash: { field: 'run', type: 'nominal', title: 'Model', legend, scale: { domain: runs, range: [[1, 0], [6, 4], [2, 3]] } },
        tooltip: [
          { field: 'run', type: 'nominal', title: 'Run' },
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'mean', type: 'quantitative', title: 'Mean', format: '.3f' },
        ],
      },
    },
    {
      data: { values: points },
      mark: { type: 'point', size: 70, opacity: 1, strokeWidth: 1.6, color: NEUTRAL.target },
      encoding: {
        x,
        y: { field: 'value', type: 'quantitative' },
        shape: { field: 'kind', type: 'nominal', title: 'Target', scale: { domain: kinds, range: kinds.map(() => 'diamond') } },
        fill: { field: 'kind', type: 'nominal', title: 'Target', scale: { domain: kinds, range: kinds.map((k) => (k === FITTED_POINT ? NEUTRAL.target : k === HELD_OUT_POINT ? 'white' : NEUTRAL.event)) } },
        tooltip: [
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'value', type: 'quantitative', title: 'Observed', format: '.3f' },
          { field: 'kind', type: 'nominal', title: 'Use' },
        ],
      },
    },
    ...eventLayersOf(mergeEvents(summary.events.map((e) => ({ year: e.year, kind: e.type, label: e.label })), summary.years), SIZE.height, summary.years),
  ];
  const v = seeds.validation;
  const notes = [
    `Solid line and band: mean and 90% range of ${v.replications} replications on fresh seeds (seed ${v.seed}) at the fitted values.`,
    `Dashed: mean on the ${seeds.fitting.replications} fitting seeds; dotted grey: the scenario as written, on the fitting seeds.`,
    sentence(`Diamonds: ${target.source || 'target'}${target.holdout > 0 ? '; hollow ones were held out of the fit' : ''}${kinds.includes(OTHER_POINT) ? '; grey ones are in no error (matched by construction or unused)' : ''}`),
    `RMSE in-sample ${fmt(errors.inSample)}, fresh seeds ${fmt(errors.freshSeeds)}${errors.holdout ? `, held-out years ${fmt(errors.holdout.freshSeeds)}` : ''} (as written ${fmt(errors.start)}).`,
    summary.events.length > 0 ? 'Dashed grey rules: events.' : '',
  ].filter(Boolean);
  return topLevel(`Calibrated ${metricLabel(target.metric).toLowerCase()} against the target`, notes.join(' '), { width: SIZE.width, height: SIZE.height, data: { values }, layer: layers });
}

export function convergenceChart(summary: CalibrationSummaryFile): TopLevelSpec {
  const values = summary.history.map((h) => ({ evaluations: h.evaluations, best: round(h.best), median: round(h.median) }));
  const x = { field: 'evaluations', type: 'quantitative', title: 'Objective evaluations', scale: { zero: false, nice: false }, axis: { format: 'd', tickMinStep: 1 } };
  const y = { type: 'quantitative', title: `RMSE of the mean ${metricLabel(summary.target.metric).toLowerCase()}`, scale: { zero: false } };
  return topLevel('Best RMSE against evaluations spent', `${summary.optimizer.name}: ${summary.optimizer.evaluations} evaluations, ${summary.optimizer.generations} generations, ${summary.optimizer.restarts} restarts.`, {
    width: SIZE.width,
    height: SIZE.smallHeight,
    data: { values },
    layer: [
      { mark: { type: 'point', filled: true, size: 22, color: NEUTRAL.event, opacity: 0.7 }, encoding: { x, y: { ...y, field: 'median' }, tooltip: [{ field: 'evaluations', type: 'quantitative', title: 'Evaluations' }, { field: 'median', type: 'quantitative', title: 'Batch median', format: '.4f' }] } },
      { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.2, color: PAIR_COLOURS[0] }, encoding: { x, y: { ...y, field: 'best' }, tooltip: [{ field: 'evaluations', type: 'quantitative', title: 'Evaluations' }, { field: 'best', type: 'quantitative', title: 'Best so far', format: '.4f' }] } },
    ],
  });
}

/** Every chart of a calibration report, in report order; both always have data. */
export const CALIBRATION_CHARTS: readonly ChartEntry<CalibrationSummaryFile>[] = [
  {
    name: 'fit',
    heading: 'Calibrated fit to the target',
    caption: ({ target }) =>
      `Read the distance between the diamonds and the solid line as the error that remains after fitting, and the shaded band as the spread of single replications: a target point outside the band is one the model does not reproduce even by luck. The gap between the solid and the dashed line is how much the fit owes to the particular fitting seeds.${target.holdout > 0 ? ' Hollow diamonds were not used in fitting, so the distance to them is an honest out-of-sample error.' : ''}`,
    build: fitChart,
    skipped: 'never: a calibration always has a target and a fit.',
  },
  {
    name: 'convergence',
    heading: 'Convergence of the search',
    caption: 'The line is the best error found so far; grey dots are the median error of each batch the optimizer evaluated. A line still falling at the end means a larger budget (--iterations) would likely fit better.',
    build: convergenceChart,
    skipped: 'never: a calibration always has its search history.',
  },
];

export const calibrationCharts = (summary: CalibrationSummaryFile): ExperimentChart[] => drawnCharts(CALIBRATION_CHARTS, summary);
