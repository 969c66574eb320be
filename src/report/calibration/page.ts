/** The HTML page of a calibration report (report.html): the errors in and out of sample stated plainly, the fitted parameters, the fit by year, and the charts. */
import type { Provenance } from '../../results/provenance-format.js';
import { calibratedTitle } from '../../experiment/calibration/summary.js';
import type { CalibrationSummaryFile } from '../../results/calibration-format.js';
import { fitRows } from '../../results/calibration-format.js';
import { metricLabel } from '../common/chart-spec.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';

const num = (x: number | null | undefined, digits = 3) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The plain-language statement of the errors at the top of the report. */
export function errorSentences(s: CalibrationSummaryFile): string[] {
  const { errors, coverage, seeds } = s;
  const metric = metricLabel(s.target.metric).toLowerCase();
  const fitN = s.target.points.filter((p) => p.inFit).length;
  const out = [
    `Fitted to ${plural(fitN, 'target point')}, the mean ${metric} misses them by ${num(errors.inSample)} (root mean square error) on the ${plural(seeds.fitting.replications, 'replication')} used in fitting, and by ${num(errors.freshSeeds)} on ${plural(seeds.validation.replications, 'fresh replication')} not used in fitting; the scenario as written missed by ${num(errors.start)}.`,
  ];
  if (errors.holdout)
    out.push(
      `On the ${plural(s.target.holdout, 'held-out year')} (${s.target.points.filter((p) => (p.role ?? (p.inFit ? 'fit' : 'holdout')) === 'holdout').map((p) => p.year).join(', ')}), which the fit never saw, the error is ${num(errors.holdout.freshSeeds)} on fresh replications: this is the honest out-of-sample error.`,
    );
  else out.push('No target years were held out (--holdout 0), so there is no out-of-sample error in time; only the fresh-seed error says how much of the fit was noise.');
  const matched = s.target.points.filter((p) => p.role === 'matched').map((p) => p.year);
  const unused = s.target.points.filter((p) => p.role === 'unused').map((p) => p.year);
  if (matched.length > 0) out.push(`Matched by construction (set by a hand choice, so in no error): ${matched.join(', ')}.`);
  if (unused.length > 0) out.push(`Unused (neither fitted nor held out): ${unused.join(', ')}.`);
  out.push(`The 90% band of the fresh replications covers ${coverage.covered} of ${coverage.total} target points${matched.length + unused.length > 0 ? ' fitted or held out' : ''}.`);
  return out;
}

export function calibrationHtml(s: CalibrationSummaryFile, charts: Parameters<typeof buildExperimentHtml>[0]['charts'], folder: string, provenance: Provenance | null = null): string {
  const name = calibratedTitle(s.scenario.title) || s.scenario.name;
  const e = s.errors;
  const errorRows: string[][] = [
    ['Scenario as written', 'fitted years', `fitting seeds (${s.seeds.fitting.replications})`, num(e.start, 4)],
    ['<strong>In-sample</strong>', 'fitted years', `fitting seeds (${s.seeds.fitting.replications})`, num(e.inSample, 4)],
    ['<strong>Fresh seeds</strong>', 'fitted years', `fresh seeds (${s.seeds.validation.replications}, seed ${s.seeds.validation.seed})`, num(e.freshSeeds, 4)],
  ];
  if (e.holdout) {
    errorRows.push(['<strong>Hold-out</strong>', 'held-out years', `fresh seeds (${s.seeds.validation.replications})`, num(e.holdout.freshSeeds, 4)]);
    errorRows.push(['Hold-out', 'held-out years', `fitting seeds (${s.seeds.fitting.replications})`, num(e.holdout.fittingSeeds, 4)]);
  }
  const errorsTable = htmlTable(
    `Root mean square error between the target and the mean simulated ${escapeHtml(metricLabel(s.target.metric).toLowerCase())} over the replications. Fresh seeds were never used in fitting; held-out years were never used in fitting.`,
    ['Error', 'Years', 'Replications', 'RMSE'],
    errorRows,
    { numeric: [3] },
  );
  const paramsTable = htmlTable(
    'The free parameters (dotted paths into the scenario file), their bounds, the scenario\'s own value and the fitted value.',
    ['Parameter', 'Lower', 'Upper', 'As written', 'Fitted'],
    s.parameters.map((p) => [`<code>${escapeHtml(p.path)}</code>${p.integer ? ' <span class="note">(whole number)</span>' : ''}`, String(p.lower), String(p.upper), String(p.start), `<strong>${p.fitted}</strong>`]),
    { numeric: [1, 2, 3, 4] },
  );
  const fit = fitRows(s);
  const fitTable = htmlTable(
    `Each target point against the calibrated model on fresh seeds: mean and 90% band (5th to 95th percentile) of ${plural(s.seeds.validation.replications, 'replication')}. fit.csv holds the same table.`,
    ['Year', 'Target', 'Mean', '5th pct', '95th pct', 'Inside band', 'Used in fit', 'Mean, fitting seeds'],
    fit.map(([year, value, mean, p05, p95, inFit, fitting], i) => {
      const role = s.target.points[i].role ?? (inFit ? 'fit' : 'holdout');
      const inside = Number(value) >= Number(p05) && Number(value) <= Number(p95);
      return [String(year), num(Number(value)), num(Number(mean)), num(Number(p05)), num(Number(p95)), inside ? 'yes' : '<strong>no</strong>', { fit: 'yes', holdout: 'held out', unused: 'unused', matched: 'matched by construction' }[role], num(Number(fitting))];
    }),
    { numeric: [1, 2, 3, 4, 7] },
  );
  const o = s.optimizer;
  const method = `<p>${escapeHtml(
    `Search: ${o.name}, ${o.evaluations} evaluations in ${o.generations} generations (population ${o.populationSize}, initial step ${o.sigma0} of each range, ${o.restarts} restarts). ` +
      `Each evaluation runs the scenario ${plural(s.seeds.fitting.replications, 'time')} with the same seeds (seed ${s.seeds.fitting.seed}, common random numbers), so points differ by their parameters, not by luck; ` +
      `${s.runs} replication runs in all.`,
  )}</p><p>Reproduce: <code>${escapeHtml(s.command)}</code>. The fitted scenario is <a href="calibrated.yaml">calibrated.yaml</a> in this folder; run it with <code>chuanyu run</code> and the path of that file.</p>`;
  const vl = charts.some((c) => c.files.some((f) => f.href.endsWith('.vl.json')));
  return buildExperimentHtml({
    provenance,
    title: `Calibration: ${name}`,
    documentTitle: `Calibration of ${s.scenario.name} – chuanyu-sim calibration report`,
    lede: errorSentences(s),
    // The scenario's own note, recorded in summary.json (absent in folders written before it was).
    illustrative: illustrativeHtml(illustrativeNotes([{ name: s.scenario.name, illustrative: s.scenario.illustrative }])),
    meta: [
      `Scenario <code>${escapeHtml(s.scenario.name)}</code>`,
      `target: ${escapeHtml(s.target.source || s.target.metric)}`,
      `${plural(s.parameters.length, 'free parameter')}`,
      `${o.evaluations} evaluations x ${s.seeds.fitting.replications} replications`,
      `seed ${s.seeds.fitting.seed}`,
    ],
    sections: [
      { id: 'errors', heading: 'Errors in and out of sample', html: errorsTable + method },
      { id: 'parameters', heading: 'Fitted parameters', html: paramsTable },
      { id: 'fit', heading: 'Fit by target year', html: fitTable },
    ],
    charts,
    footer: `Made by chuanyu-sim from the calibration folder <code>${escapeHtml(folder)}</code> (summary.json; fit.csv holds the fit by year).${
      vl ? ' Each chart is also saved next to this page as a Vega-Lite spec with its data inline, so it can be re-drawn or restyled.' : ''
    }`,
  });
}
