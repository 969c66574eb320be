/**
 * The comparison's trajectories (trajectories.csv) as overlay charts, one per
 * metric: every scenario's mean line over the years with its 95% confidence
 * band, one colour and dash pattern per scenario (the same in every chart).
 * Zone metrics are one plot; region metrics one panel per region (and the
 * zone), each with its own y scale. Dated events are drawn only when every
 * scenario has the same ones (otherwise a rule would belong to some lines only).
 */
import type { TopLevelSpec } from 'vega-lite';
import { TRAJECTORY_SERIES, VALUE_ADDED_CHANGE, type TrajectorySeries } from '../../experiment/trajectories.js';
import { SCENARIO_COLOURS } from '../common/palette.js';
import { AXIS_CHARS, LINE_LEGEND, isShareUnit, metricLabel, metricUnit, round, topLevel, unitText, type Spec } from '../common/chart-spec.js';
import { axisLines } from '../common/headline-metrics.js';
import { eventLayersOf, mergeEvents, type ChartEvent } from '../common/events.js';
import type { ChartEntry } from '../common/chart-list.js';
import type { ComparisonData, ScenarioTrajectoryRow } from './read.js';

/** Plot sizes (px, before the 2x PNG scale): one plot for a zone metric, a row of panels for a region metric. */
const SINGLE = { width: 560, height: 260 } as const;
const PANEL = { width: 205, height: 190 } as const;

/** Dash patterns by scenario position (the reference solid), a second cue beside colour and for lines that coincide. */
const DASHES: readonly number[][] = [[1, 0], [7, 3], [2, 2], [9, 3, 2, 3], [4, 2, 1, 2], [12, 4], [3, 4], [6, 2, 2, 2, 2, 2]];

/** What each trajectory metric is, in the chart's words. */
const NOTES: Record<string, { label?: string; heading: string; note: string }> = {
  similarity: { heading: 'Similarity coefficient over time', note: "UNIDO similarity of the regions' sector output shares (1 = identical structures)." },
  duplicated_investment_share: { heading: 'Duplicated investment share over time', note: 'Share of each year\'s new investment that went into the same sectors in several regions at once.' },
  utilization: { heading: 'Capacity utilization over time', note: 'Capacity-weighted utilization of the zone each year.' },
  value_added: { heading: 'Value added over time', note: 'Value added (GDP proxy) of each region and of the zone, per year.' },
  [VALUE_ADDED_CHANGE]: {
    label: 'Change in cumulative value added',
    heading: 'Value added against the counterfactual over time',
    note: "Cumulative value added minus that of each scenario's own counterfactual (same seeds, every government invests, no fund); the last year is the GDP lens's change in the verdicts.",
  },
  payoff: { label: 'Payoff', heading: 'Government payoff over time', note: "Each government's payoff per year: value added less industrial spending plus fund distributions less forgone tax." },
  relocations: { heading: 'Relocations over time', note: 'Firms that moved between regions each year.' },
};

/** The unit of a trajectory metric, from the metric registry. */
export function trajectoryUnit(s: TrajectorySeries): string {
  return s.metric === VALUE_ADDED_CHANGE ? metricUnit('cumulative_value_added', 'region') : metricUnit(s.metric, s.scope);
}

/** `Label (unit)` of a trajectory metric's y axis. */
export function trajectoryAxisTitle(s: TrajectorySeries): string {
  return `${NOTES[s.metric]?.label ?? metricLabel(s.metric)} (${unitText(trajectoryUnit(s))})`;
}

/** Chart file stem of a trajectory metric: `over-time-<metric>`. */
export const overTimeName = (s: TrajectorySeries) => `over-time-${s.metric.replace(/_/g, '-')}`;

/** True for the charts of the "Over time" section. */
export const isOverTimeChart = (name: string) => name.startsWith('over-time-');

/** Colour and dash of every scenario by its position, so a scenario looks the same in every chart. */
function scenarioScales(data: ComparisonData): { colour: Spec; dash: Spec } {
  const labels = data.scenarios.map((s) => s.label);
  return {
    colour: { domain: labels, range: labels.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) },
    dash: { domain: labels, range: labels.map((_, i) => DASHES[i % DASHES.length]) },
  };
}

/**
 * The dated events of the compared scenarios when every scenario has the same
 * ones (year, kind and label), inside the years drawn; none otherwise.
 */
export function commonEvents(data: ComparisonData, domain: readonly [number, number]): ChartEvent[] {
  const resolved = Array.isArray(data.manifest.resolvedScenarios) ? (data.manifest.resolvedScenarios as unknown[]) : [];
  if (resolved.length !== data.scenarios.length) return [];
  const lists = resolved.map((s) => {
    const events = (s as { events?: unknown }).events;
    return (Array.isArray(events) ? events : []).map((e) => {
      const ev = (e ?? {}) as { year?: unknown; type?: unknown; label?: unknown };
      return { year: Number(ev.year), kind: String(ev.type ?? ''), label: String(ev.label ?? '') };
    });
  });
  const key = JSON.stringify(lists[0]);
  if (lists.some((l) => JSON.stringify(l) !== key)) return [];
  return mergeEvents(lists[0] ?? [], domain);
}

function yearDomain(rows: readonly ScenarioTrajectoryRow[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.year);
    hi = Math.max(hi, r.year);
  }
  return [lo, hi];
}

/** The layers of one plot: every scenario's band, then every scenario's mean line, then the shared events. */
function plotLayers(data: ComparisonData, s: TrajectorySeries, values: Spec[], domain: [number, number], size: { width: number; height: number }, legendBelow: boolean): Spec[] {
  const { colour, dash } = scenarioScales(data);
  const unit = trajectoryUnit(s);
  const share = isShareUnit(unit);
  const title = axisLines(trajectoryAxisTitle(s), Math.max(AXIS_CHARS, Math.floor(size.height / 7)));
  const x = { field: 'year', type: 'quantitative', title: 'Year', scale: { domain, nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1, labelFlush: true, tickCount: Math.max(3, Math.round(size.width / 70)) } };
  const y = { field: 'mean', type: 'quantitative', title, scale: { zero: false, padding: 6 }, axis: { tickCount: 5, ...(share ? { format: '%' } : {}) } };
  const format = share ? '.1%' : unit === 'index' || unit === 'ratio' ? '.3f' : ',.1f';
  const legendTitle = 'Scenario';
  // The band's colour carries the same legend as the line's (a null legend on one layer would drop the merged legend).
  const legend = { ...LINE_LEGEND, symbolSize: 500, ...(legendBelow ? { orient: 'bottom', direction: 'horizontal', columnPadding: 18 } : {}) };
  return [
    {
      data: { values },
      mark: { type: 'area', opacity: 0.13 },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: { field: 'scenario', type: 'nominal', scale: colour, title: legendTitle, legend } },
    },
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2.2 },
      encoding: {
        x,
        y,
        color: { field: 'scenario', type: 'nominal', scale: colour, title: legendTitle, legend },
        strokeDash: { field: 'scenario', type: 'nominal', scale: dash, title: legendTitle, legend },
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'series', type: 'nominal', title: 'Region' },
          { field: 'year', type: 'quantitative', title: 'Year' },
          { field: 'mean', type: 'quantitative', title: 'Mean', format },
          { field: 'low', type: 'quantitative', title: '95% CI low', format },
          { field: 'high', type: 'quantitative', title: '95% CI high', format },
          { field: 'n', type: 'quantitative', title: 'Replications' },
        ],
      },
    },
    ...eventLayers(commonEvents(data, domain), size, domain),
  ];
}

/** Least distance (px) between two event rules whose labels (10 px type, rotated) are written beside them. */
const LABEL_GAP = 14;

/** True when the events' labels fit beside their rules on a plot `width` px wide. */
export function eventLabelsFit(events: readonly ChartEvent[], width: number, [first, last]: readonly [number, number]): boolean {
  const px = last > first ? width / (last - first) : width;
  return events.every((e, i) => i === 0 || (e.year - events[i - 1].year) * px >= LABEL_GAP);
}

/** The shared events: rules with labels where they fit, else rules only (the subtitle names them). */
function eventLayers(events: readonly ChartEvent[], size: { width: number; height: number }, domain: [number, number]): Spec[] {
  const layers = eventLayersOf(events, size.height, domain);
  return eventLabelsFit(events, size.width, domain) ? layers : layers.filter((l) => (l.mark as { type?: string }).type === 'rule');
}

/** The subtitle's note on the shared events: which they are when the rules carry no labels. */
function eventsNote(events: readonly ChartEvent[], size: { width: number }, domain: [number, number]): string {
  if (events.length === 0) return '';
  if (eventLabelsFit(events, size.width, domain)) return 'Dashed grey rules: events every scenario has.';
  return `Dashed grey rules: events every scenario has (${events.map((e) => `${e.year}: ${e.label}`).join('; ')}).`;
}

/** The overlay chart of one trajectory metric; null when the folder has no rows of it. */
export function overTimeChart(data: ComparisonData, s: TrajectorySeries): TopLevelSpec | null {
  const rows = (data.trajectories ?? []).filter((r) => r.metric === s.metric);
  if (rows.length === 0) return null;
  const names = new Map([...data.regions.map((r) => [r.id, r.name] as const), ['zone', 'Zone'] as const]);
  const order = [...data.regions.map((r) => r.id), 'zone'].filter((id) => rows.some((r) => r.region === id));
  for (const r of rows) if (!order.includes(r.region)) order.push(r.region);
  const domain = yearDomain(rows);
  const valuesOf = (region: string) =>
    rows
      .filter((r) => r.region === region)
      .map((r) => ({ scenario: data.scenarios[r.index].label, series: names.get(r.region) ?? r.region, year: r.year, mean: round(r.mean), low: round(r.low), high: round(r.high), n: r.n }));
  const n = data.replications;
  const zoneOnly = order.length === 1 && order[0] === 'zone';
  const subtitle = [
    n > 1
      ? `Lines: mean of the ${n} replications of each scenario (same seeds in every scenario); shaded: the 95% confidence interval of that mean (Student's t).`
      : 'One replication per scenario (no interval).',
    NOTES[s.metric]?.note ?? '',
    eventsNote(commonEvents(data, domain), zoneOnly ? SINGLE : PANEL, domain),
  ]
    .filter(Boolean)
    .join(' ');
  const heading = NOTES[s.metric]?.heading ?? `${metricLabel(s.metric)} over time`;
  if (zoneOnly) return topLevel(heading, subtitle, { width: SINGLE.width, height: SINGLE.height, layer: plotLayers(data, s, valuesOf('zone'), domain, SINGLE, false) });
  const panels = order.map((region) => ({
    title: { text: names.get(region) ?? region, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: PANEL.width,
    height: PANEL.height,
    layer: plotLayers(data, s, valuesOf(region), domain, PANEL, true),
  }));
  return topLevel(heading, subtitle, { columns: Math.min(3, panels.length), concat: panels, resolve: { scale: { y: 'independent' } } });
}

/** The "Over time" charts of a comparison report, one per trajectory metric, in TRAJECTORY_SERIES order. */
export const OVER_TIME_CHARTS: readonly ChartEntry<ComparisonData>[] = TRAJECTORY_SERIES.map((s) => ({
  name: overTimeName(s),
  heading: NOTES[s.metric]?.heading ?? `${metricLabel(s.metric)} over time`,
  caption:
    s.scope === 'region'
      ? `One panel per region${s.withZone ? ' and the zone' : ''}. Each line is a scenario\'s mean over its replications, year by year, and the shaded band around it the 95% confidence interval of that mean; where two scenarios\' bands do not overlap in a year, they differ clearly in that year. Each panel has its own scale.`
      : "Each line is a scenario's mean over its replications, year by year, and the shaded band around it the 95% confidence interval of that mean; where two scenarios' bands do not overlap in a year, they differ clearly in that year.",
  build: (data) => overTimeChart(data, s),
  skipped: 'the folder has no trajectories of this metric (no trajectories.csv: written by chuanyu compare before trajectories were kept; or, for the change against the counterfactual, the scenarios ran without counterfactuals).',
}));
