/**
 * The charts of `chuanyu history`:
 *
 * - profile: heatmaps of the RMSE over the competition windows (x = first year
 *   competing, y = last year competing), one panel per criterion of "supported"
 *   (per-replication error, mean-series error); supported windows outlined,
 *   the best starred, the scenario's own window marked S.
 * - attribution: per mechanism switched off, the part of the full model's
 *   fall and rise it accounts for (full minus variant), with 95% intervals;
 *   a dashed rule marks the full model's whole change.
 */
import * as vega from 'vega';
import type { SwitchProfile, WindowResult } from '../../experiment/history/switch-profile.js';
import type { Attribution, ChangeAttribution } from '../../experiment/history/attribution.js';
import { SIZE, round, topLevel, type Spec } from '../common/chart-spec.js';
import { NEUTRAL, OKABE_ITO } from '../common/palette.js';
import { inkOn } from '../common/chart-spec.js';
import type { TopLevelSpec } from 'vega-lite';
import type { ExperimentChart } from '../common/write-charts.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';
import { capital, type HistoryResult } from './text.js';

const SCHEME = 'viridis';
const PANEL_WIDTH = 280;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

interface Cell {
  from: number;
  last: number;
  rmse: number | null;
  label: string;
  ink: string;
  outlined: boolean;
  window: string;
}

/** Lower is better: the scheme runs from yellow (smallest RMSE) to dark blue (largest). */
function colourOf(values: number[]): { scale: Spec; colour: (x: number) => string } {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(lo + 1e-9, ...finite);
  const interpolate = (vega as unknown as { scheme: (name: string) => (t: number) => string }).scheme(SCHEME);
  return { scale: { scheme: SCHEME, reverse: true, domain: [lo, hi] }, colour: (x) => interpolate(1 - (x - lo) / (hi - lo)) };
}

function cells(p: SwitchProfile, mean: boolean, colour: (x: number) => string): Cell[] {
  return p.windows
    .filter((w): w is WindowResult & { window: { kind: 'episode'; from: number; to: number } } => w.window.kind === 'episode')
    .map((w) => {
      const best = mean ? w.bestMean : w.best;
      return {
        from: w.window.from,
        last: Math.min(w.window.to - 1, p.years[1]),
        rmse: round(w.rmse),
        label: `${w.scenario ? 'S ' : ''}${Number.isFinite(w.rmse) ? Math.round(w.rmse * 1000) : 'n/a'}${best ? '*' : ''}`,
        ink: inkOn(colour(w.rmse)),
        outlined: mean ? w.supportedMean : w.supported,
        window: w.label,
      };
    });
}

function noneText(p: SwitchProfile, mean: boolean): string {
  const none = p.windows.find((w) => w.window.kind === 'none');
  if (!none) return '';
  const best = mean ? none.bestMean : none.best;
  const supported = mean ? none.supportedMean : none.supported;
  return `No episode: RMSE ${f3(none.rmse)}${best ? ', the best' : supported ? ', supported' : ', not supported'}.`;
}

function panel(p: SwitchProfile, mean: boolean, scale: Spec, colour: (x: number) => string): Spec {
  const data = cells(p, mean, colour);
  const froms = [...new Set(data.map((c) => c.from))].sort((a, b) => a - b);
  const lasts = [...new Set(data.map((c) => c.last))].sort((a, b) => b - a);
  const x = { field: 'from', type: 'ordinal', title: 'First year competing', scale: { domain: froms }, axis: { labelAngle: 0 } };
  const y = { field: 'last', type: 'ordinal', title: `Last year competing (${p.years[1]}: to the end)`, scale: { domain: lasts } };
  const height = Math.max(SIZE.smallHeight, 18 * lasts.length);
  return {
    title: { text: mean ? 'Supported by the error of the mean series (the calibration\'s objective)' : 'Supported by the error of single replications', fontSize: 13, subtitle: noneText(p, mean) },
    width: SIZE.width,
    height,
    data: { values: data },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          x,
          y,
          color: { field: 'rmse', type: 'quantitative', title: 'RMSE', scale, legend: { format: '.3f' } },
          tooltip: [
            { field: 'window', type: 'nominal', title: 'Window' },
            { field: 'rmse', type: 'quantitative', title: 'RMSE of the mean', format: '.4f' },
            { field: 'outlined', type: 'nominal', title: 'Supported' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.outlined' }],
        mark: { type: 'rect', fillOpacity: 0, stroke: NEUTRAL.zone, strokeWidth: 2.5 },
        encoding: { x, y },
      },
      { mark: { type: 'text', fontSize: 9 }, encoding: { x, y, text: { field: 'label' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  };
}

export function profileChart(p: SwitchProfile): TopLevelSpec {
  const { scale, colour } = colourOf(p.windows.map((w) => w.rmse));
  const notes = [
    `RMSE of the mean ${p.metric} over ${p.replications} replications against ${p.scoredYears.length} target years (${p.scoredYears[0]}-${p.scoredYears[p.scoredYears.length - 1]}; ${p.years[0]} left out: set by the initial shares). Cells labelled RMSE x 1000.`,
    'Black outline: not significantly worse than the best window (95%, paired). *: the best. S: the scenario\'s own window.',
  ];
  return topLevel('Error of the fit over the competition window', notes, { vconcat: [panel(p, false, scale, colour), panel(p, true, scale, colour)], resolve: { scale: { color: 'shared' } } });
}

interface Bar {
  variant: string;
  part: number | null;
  low: number | null;
  high: number | null;
  /** Where the share label starts: right of the bar and its interval. */
  labelAt: number | null;
  label: string;
}

function bar(variant: string, c: ChangeAttribution): Bar {
  const d = c.vsFull;
  const identical = d.difference === 0 && d.ciLow === 0 && d.ciHigh === 0;
  const share = identical ? 'none' : c.significant ? `${Math.round(100 * c.share.value)}%` : 'n.s.';
  const ends = [0, -d.difference, -d.ciLow, -d.ciHigh].filter(Number.isFinite);
  return { variant, part: round(-d.difference), low: round(-d.ciHigh), high: round(-d.ciLow), labelAt: round(Math.max(...ends)), label: share };
}

/** One panel (the fall or the rise): its own x domain, widened on the right for the share labels. */
function attributionPanel(title: string, bars: Bar[], full: number, order: string[], metric: string, showNames: boolean): Spec {
  const numbers = [0, full, ...bars.flatMap((b) => [b.part, b.low, b.high])].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  const span = hi - lo || 1;
  const x = { field: 'part', type: 'quantitative', title: `Part of the change accounted for (${metric})`, scale: { domain: [lo - 0.04 * span, hi + 0.28 * span], nice: false }, axis: { tickCount: 5 } };
  const y = { field: 'variant', type: 'nominal', title: null, sort: order, axis: showNames ? { labelLimit: 260 } : null };
  return {
    title: { text: title, fontSize: 13 },
    width: PANEL_WIDTH,
    height: Math.max(SIZE.smallHeight, 30 * order.length),
    data: { values: bars },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO.blue, opacity: 0.8 }, encoding: { x, y, tooltip: [{ field: 'variant', title: 'Switched off' }, { field: 'part', type: 'quantitative', title: 'Part accounted for', format: '.3f' }, { field: 'low', type: 'quantitative', title: '95% low', format: '.3f' }, { field: 'high', type: 'quantitative', title: '95% high', format: '.3f' }, { field: 'label', title: 'Share' }] } },
      { mark: { type: 'rule', color: NEUTRAL.reference, strokeWidth: 1.5 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' }, y } },
      { mark: { type: 'rule', color: NEUTRAL.reference }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', color: NEUTRAL.event, strokeDash: [5, 4] }, encoding: { x: { datum: round(full), type: 'quantitative' } } },
      { mark: { type: 'text', align: 'left', dx: 5, fontSize: 10, color: NEUTRAL.text }, encoding: { x: { field: 'labelAt', type: 'quantitative' }, y, text: { field: 'label' } } },
    ],
  };
}

export function attributionChart(a: Attribution): TopLevelSpec {
  const { start, trough, peak } = a.periods;
  const full = a.rows[0];
  const rows = a.rows.slice(1);
  const order = rows.map((r) => capital(r.label));
  return topLevel('Mechanisms switched off one at a time', `${a.replications} paired replications (seed ${a.seed}). Dashed: the full model's whole change. Labels: share of it.`, {
    hconcat: [
      attributionPanel(`Fall ${start}-${trough} (full model ${f3(full.fall.mean)})`, rows.map((r) => bar(capital(r.label), r.fall)), full.fall.mean, order, a.metric, true),
      attributionPanel(`Rise ${trough}-${peak} (full model ${f3(full.rise.mean)})`, rows.map((r) => bar(capital(r.label), r.rise)), full.rise.mean, order, a.metric, false),
    ],
  });
}

/** Every chart of a history report, in report order. */
export const HISTORY_CHARTS: readonly ChartEntry<HistoryResult>[] = [
  {
    name: 'profile',
    heading: 'Which competition windows the data support',
    caption:
      'Each cell is one competition window (both governments compete from the year on the x axis to the year on the y axis, then switch to the strategy the scenario switched to). Light cells fit the target better. Outlined cells cannot be told apart from the best window with these replications: the data support any of them. The upper panel judges single replications (their spread counts too), the lower the mean path only.',
    build: (result) => (result.profile ? profileChart(result.profile) : null),
    skipped: 'the folder has no profile (run with --attribution only).',
  },
  {
    name: 'attribution',
    heading: 'Which mechanism explains the fall and the rise',
    caption:
      'Each bar is what switching one mechanism off takes away from the full model\'s change (full model minus the variant, same seeds): a bar reaching the dashed line accounts for the whole change, a bar below zero means the mechanism works against it. Lines are 95% intervals of the paired difference; labels give the share of the full model\'s change, "n.s." when the interval includes zero and "none" when the runs are identical.',
    build: (result) => (result.attribution ? attributionChart(result.attribution) : null),
    skipped: 'the folder has no attribution (run with --profile only).',
  },
];

export const historyCharts = (result: HistoryResult): ExperimentChart[] => drawnCharts(HISTORY_CHARTS, result);
