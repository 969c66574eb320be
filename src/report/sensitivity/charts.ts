/**
 * Charts of a sensitivity analysis, one panel per output:
 *
 * - Morris: horizontal bars of mu* (mean absolute elementary effect, with its
 *   bootstrap interval) and sigma (spread of the effects) per parameter, and
 *   the mu*-sigma plane (Morris' own plot: far right = influential, high up =
 *   non-linear or interacting);
 * - Sobol: bars of the first-order (S1) and total-order (ST) indices per
 *   parameter with their bootstrap intervals.
 *
 * Effects are changes of the output over a parameter's whole interval, in the
 * output's unit (shares in percentage points); Sobol indices are shares of
 * the output's variance.
 */
import type { TopLevelSpec } from 'vega-lite';
import { isFlowMetric, metricsOfScope } from '../../model/metric-registry.js';
import type { IndexEstimate } from '../../experiment/sensitivity/common.js';
import type { OutputAnalysis } from '../../experiment/sensitivity/analysis.js';
import { COUNTERFACTUAL_METRICS, parseOutputKey } from '../../experiment/sensitivity/outputs.js';
import type { SensitivityPlan, SensitivitySummary } from '../../experiment/sensitivity-run.js';
import { NEUTRAL, OKABE_ITO } from '../common/palette.js';
import { isShareUnit, metricLabel, round, topLevel, unitText, wrap, type Spec } from '../common/chart-spec.js';
import { axisLines } from '../common/headline-metrics.js';
import { type ScenarioText } from '../common/scenario-text.js';
import type { ExperimentChart } from '../common/write-charts.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';

export interface SensitivityData {
  dir: string;
  plan: SensitivityPlan;
  summary: SensitivitySummary;
  scenario: ScenarioText;
}

/** How an output reads: panel title, unit, and the scale it is drawn in (shares as percentage points). */
export interface OutputInfo {
  key: string;
  title: string;
  unit: string;
  /** Unit of differences of the output, as drawn: `percentage points` for shares. */
  effectUnit: string;
  /** Factor from the stored value to the drawn one (100 for shares). */
  scale: number;
}

const STATISTIC_TEXT = { final: 'final year', sum: 'sum over the run', mean: 'mean over the run' } as const;

const COUNTERFACTUAL_LABELS: Record<string, string> = {
  value_added_change: 'Value added against the counterfactual',
  value_added_change_relative: 'Relative value added against the counterfactual',
};

function place(region: string, scenario: ScenarioText): string {
  const name = (id: string) => scenario.regions.find((r) => r.id === id)?.name ?? id;
  if (region === 'zone') return 'zone';
  return region.split('~').map(name).join(' – ');
}

export function outputInfo(key: string, scenario: ScenarioText): OutputInfo {
  const { region, metric, statistic } = parseOutputKey(key);
  const scope = region === 'zone' ? 'zone' : region.includes('~') ? 'pair' : 'region';
  let unit: string;
  if (metric === 'value_added_change') unit = metricsOfScope('region').find((m) => m.name === 'cumulative_value_added')?.unit ?? '';
  else if (metric === 'value_added_change_relative') unit = 'share';
  else unit = metricsOfScope(scope).find((m) => m.name === metric)?.unit ?? '';
  const flow = isFlowMetric(metric, scope);
  const how = statistic === 'final' ? STATISTIC_TEXT.final : flow ? STATISTIC_TEXT.sum : STATISTIC_TEXT.mean;
  const title = COUNTERFACTUAL_METRICS.has(metric) ? `${COUNTERFACTUAL_LABELS[metric]}, ${place(region, scenario)}` : `${metricLabel(metric)}, ${place(region, scenario)}, ${how}`;
  const share = isShareUnit(unit);
  return { key, title, unit, effectUnit: share ? 'percentage points' : unitText(unit), scale: share ? 100 : 1 };
}

/** Display names of the indices. */
export const INDEX_LABELS: Record<string, string> = {
  mu_star: 'μ* (mean absolute effect)',
  mu: 'μ (mean effect)',
  sigma: 'σ (spread of effects)',
  S1: 'S1 (first order)',
  ST: 'ST (total order)',
};

const INDEX_COLOURS: Record<string, string> = { mu_star: OKABE_ITO.blue, sigma: OKABE_ITO.orange, S1: OKABE_ITO.blue, ST: OKABE_ITO.vermillion };

const PANEL_WIDTH = 300;

/** A panel title broken into lines that fit over the panel. */
const panelTitle = (text: string, width = 44): string | string[] => {
  const lines = wrap(text, width);
  return lines.length === 1 ? lines[0] : lines;
};
const ROW_STEP = 14;

interface BarRow {
  parameter: string;
  index: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

function barRows(analysis: OutputAnalysis, names: readonly string[], scale: number): BarRow[] {
  const rows: BarRow[] = [];
  for (const p of analysis.parameters)
    for (const name of names) {
      const e: IndexEstimate | undefined = (p.indices as Record<string, IndexEstimate | undefined>)[name];
      if (!e) continue;
      rows.push({ parameter: p.parameter, index: INDEX_LABELS[name], value: round(e.value * scale), low: round(e.low * scale), high: round(e.high * scale) });
    }
  return rows;
}

/** One output's bars of two indices per parameter, with the intervals of those named in `intervals`. */
function barPanel(
  data: SensitivityData,
  analysis: OutputAnalysis,
  names: readonly [string, string],
  intervals: readonly string[],
  xTitle: string,
  scale: number,
  domain: [number, number] | null,
  format: string,
): Spec {
  const info = outputInfo(analysis.output, data.scenario);
  const values = barRows(analysis, names, scale);
  const labels = names.map((n) => INDEX_LABELS[n]);
  const parameters = data.plan.parameters.map((p) => p.path);
  const y = { field: 'parameter', type: 'nominal', title: null, sort: parameters, scale: { paddingInner: 0.25 }, axis: { labelLimit: 220 } };
  const yOffset = { field: 'index', type: 'nominal', sort: labels };
  const x = { field: 'value', type: 'quantitative', title: axisLines(xTitle, 48), scale: { zero: true, ...(domain ? { domain, nice: false } : { nice: true }) }, axis: { tickCount: 5 } };
  const color = { field: 'index', type: 'nominal', title: 'Index', sort: labels, scale: { domain: labels, range: names.map((n) => INDEX_COLOURS[n]) }, legend: { orient: 'bottom', direction: 'horizontal' } };
  const tooltip = [
    { field: 'parameter', type: 'nominal', title: 'Parameter' },
    { field: 'index', type: 'nominal', title: 'Index' },
    { field: 'value', type: 'quantitative', title: 'Estimate', format },
    { field: 'low', type: 'quantitative', title: `${Math.round(100 * data.plan.confidence)}% interval low`, format },
    { field: 'high', type: 'quantitative', title: `${Math.round(100 * data.plan.confidence)}% interval high`, format },
  ];
  return {
    title: { text: panelTitle(info.title), fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: PANEL_WIDTH,
    height: { step: ROW_STEP },
    data: { values },
    layer: [
      { mark: { type: 'bar', opacity: 0.9, clip: true }, encoding: { y, yOffset, x, color, tooltip } },
      {
        transform: [{ filter: { and: ['isValid(datum.low) && isValid(datum.high)', { field: 'index', oneOf: intervals.map((n) => INDEX_LABELS[n]) }] } }],
        mark: { type: 'rule', color: NEUTRAL.reference, strokeWidth: 1.6, clip: true },
        encoding: { y, yOffset, x: { ...x, field: 'low' }, x2: { field: 'high' } },
      },
    ],
  };
}

function concat(panels: Spec[]): Spec {
  return { columns: Math.min(2, panels.length), concat: panels, resolve: { scale: { x: 'independent', y: 'shared', color: 'shared', yOffset: 'shared' } } };
}

function designText(data: SensitivityData): string {
  const { plan } = data;
  const n = plan.replications;
  const reps = `each point the mean of ${n} replication${n === 1 ? '' : 's'}`;
  return plan.method === 'morris'
    ? `Morris design: ${plan.samples} trajectories on a ${plan.levels}-level grid, ${plan.points.length} points, ${reps}.`
    : `Saltelli design: ${plan.samples} ${plan.sampling === 'quasi' ? 'quasi-random (Sobol sequence)' : 'random'} base samples, ${plan.points.length} points, ${reps}.`;
}

export function morrisBarChart(data: SensitivityData): TopLevelSpec {
  const panels = data.summary.outputs.map((a) => {
    const info = outputInfo(a.output, data.scenario);
    return barPanel(data, a, ['mu_star', 'sigma'], ['mu_star'], `Effect of a full-range change (${info.effectUnit})`, info.scale, null, ',.3~f');
  });
  return topLevel(
    'Morris screening: mean absolute effect μ* and spread σ of each parameter',
    `Bars: μ*, the mean absolute change of the output when the parameter moves by ${Math.round((100 * (data.plan.levels ?? 4)) / (2 * ((data.plan.levels ?? 4) - 1)))}% of its interval, scaled to the whole interval (blue, with its ${Math.round(100 * data.plan.confidence)}% bootstrap interval), and σ, the standard deviation of those changes (orange). ${designText(data)}`,
    concat(panels),
  );
}

export function morrisPlaneChart(data: SensitivityData): TopLevelSpec {
  const panels = data.summary.outputs.map((a): Spec => {
    const info = outputInfo(a.output, data.scenario);
    const values = a.parameters.map((p) => ({
      parameter: p.parameter,
      muStar: round((p.indices.mu_star?.value ?? Number.NaN) * info.scale),
      sigma: round((p.indices.sigma?.value ?? Number.NaN) * info.scale),
      mu: round((p.indices.mu?.value ?? Number.NaN) * info.scale),
    }));
    const highest = Math.max(0, ...values.map((v) => v.muStar ?? 0));
    const rows = values.map((v) => ({ ...v, right: highest > 0 && (v.muStar ?? 0) > 0.55 * highest }));
    const axis = (what: string) => axisLines(`${what} (${info.effectUnit})`, 44);
    const x = { field: 'muStar', type: 'quantitative', title: axis('μ*, mean absolute effect'), scale: { zero: true, nice: true }, axis: { tickCount: 5 } };
    const y = { field: 'sigma', type: 'quantitative', title: axis('σ, spread of effects'), scale: { zero: true, nice: true }, axis: { tickCount: 5 } };
    return {
      title: { text: panelTitle(info.title, 36), fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
      width: 240,
      height: 180,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'point', filled: true, size: 60, opacity: 1, color: NEUTRAL.zone },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'parameter', type: 'nominal', title: 'Parameter' },
              { field: 'muStar', type: 'quantitative', title: 'μ*', format: ',.3~f' },
              { field: 'mu', type: 'quantitative', title: 'μ', format: ',.3~f' },
              { field: 'sigma', type: 'quantitative', title: 'σ', format: ',.3~f' },
            ],
          },
        },
        // Labels right of their dot, or left of it in the right part of the panel, so they stay inside.
        ...([['left', 6, 'datum.right === false'], ['right', -6, 'datum.right === true']] as const).map(([align, dx, filter]) => ({
          transform: [{ filter }],
          mark: { type: 'text', align, dx, dy: -7, fontSize: 10.5, color: NEUTRAL.text, limit: 160 },
          encoding: { x, y, text: { field: 'parameter', type: 'nominal' } },
        })),
      ],
    };
  });
  return topLevel(
    'Morris screening: the μ*–σ plane',
    `Each dot is a parameter: further right, a larger effect on the output; higher up, an effect that depends on where the other parameters (or the parameter itself) stand, i.e. non-linear or interacting. ${designText(data)}`,
    { columns: Math.min(3, panels.length), concat: panels, resolve: { scale: { x: 'independent', y: 'independent' } } },
  );
}

export function sobolChart(data: SensitivityData): TopLevelSpec {
  const panels = data.summary.outputs.map((a) => {
    const values = a.parameters.flatMap((p) => ['S1', 'ST'].flatMap((n) => {
      const e = (p.indices as Record<string, IndexEstimate | undefined>)[n];
      return e ? [e.value, e.low, e.high] : [];
    }));
    const finite = values.filter(Number.isFinite);
    // Indices are shares of variance: show 0 to 1, widened only as far as estimates or intervals reach (at most -0.5 to 1.5).
    const domain: [number, number] = [Math.max(-0.5, Math.floor(10 * Math.min(0, ...finite)) / 10), Math.min(1.5, Math.ceil(10 * Math.max(1, ...finite)) / 10)];
    return barPanel(data, a, ['S1', 'ST'], ['S1', 'ST'], 'Share of the output variance', 1, domain, '.3f');
  });
  return topLevel(
    'Sobol indices: first order S1 and total order ST of each parameter',
    `S1: the share of the output's variance due to the parameter alone; ST: the share it has a part in, interactions included (ST − S1 is the interaction part). Lines: ${Math.round(100 * data.plan.confidence)}% bootstrap intervals. ${designText(data)}`,
    concat(panels),
  );
}

const hasOutputs = (data: SensitivityData) => data.summary.outputs.length > 0;
const isMorris = (data: SensitivityData) => data.plan.method === 'morris';

/** Every chart of a sensitivity report, in report order: the Morris charts or the Sobol chart, by the folder's method. */
export const SENSITIVITY_CHARTS: readonly ChartEntry<SensitivityData>[] = [
  {
    name: 'morris',
    heading: 'Morris screening: effects of each parameter',
    caption:
      'Read the blue bars as the importance of each parameter for each output: a parameter whose μ* is near zero can be fixed anywhere in its interval without changing that output. An orange bar (σ) comparable to the blue one means the effect varies with the other parameters (interactions) or is non-linear. Lines are bootstrap intervals of μ*; few trajectories give wide intervals.',
    build: (data) => (hasOutputs(data) && isMorris(data) ? morrisBarChart(data) : null),
    skipped: 'the analysis is a Sobol one, or it has no outputs.',
  },
  {
    name: 'morris-plane',
    heading: 'Morris screening: the μ*–σ plane',
    caption:
      'Parameters near the origin are unimportant for that output; those far right matter; those high up relative to their distance right (σ above μ*) act through interactions or non-linearly, so one-at-a-time sweeps of them can mislead.',
    build: (data) => (hasOutputs(data) && isMorris(data) ? morrisPlaneChart(data) : null),
    skipped: 'the analysis is a Sobol one, or it has no outputs.',
  },
  {
    name: 'sobol',
    heading: 'Sobol indices: shares of output variance',
    caption:
      'Read S1 (blue) as the share of an output\'s variance that fixing the parameter would remove on average, and ST (vermillion) as the share that would remain if all other parameters were fixed; a gap between them means interactions. Indices near zero whose intervals include zero mark parameters the output does not depend on. With few samples the intervals are wide and S1 can come out slightly negative.',
    build: (data) => (hasOutputs(data) && !isMorris(data) ? sobolChart(data) : null),
    skipped: 'the analysis is a Morris one, or it has no outputs.',
  },
];

export const sensitivityCharts = (data: SensitivityData): ExperimentChart[] => drawnCharts(SENSITIVITY_CHARTS, data);
