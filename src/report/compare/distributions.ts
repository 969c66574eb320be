/**
 * Per-replication distributions of the zone's headline numbers, one panel per
 * metric: for every scenario a strip of grey dots (one per replication) and,
 * beside it, the mean with its 95% confidence interval (Student's t).
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import { axisLabelFormat, axisLines, flatDomain, meanInterval, valueFormat, type HeadlineMetric } from '../common/headline-metrics.js';
import { AXIS_CHARS, PANEL } from '../common/chart-spec.js';
import { replicationValues, type ComparisonData } from './read.js';
import { DISTRIBUTION_METRICS } from './metrics.js';

const REPLICATIONS = 'Replications';
const MEAN = 'Mean, 95% CI';

/** The x encoding of scenarios, in comparison order. */
/** Width of a panel with one group per scenario. */
export function scenarioWidth(data: ComparisonData): number {
  return Math.max(PANEL.width, 76 * data.scenarios.length);
}

export function scenarioX(data: ComparisonData): Spec {
  const labels = data.scenarios.map((s) => s.label);
  const turn = labels.some((l) => l.length * 7 + 10 > scenarioWidth(data) / labels.length);
  return { field: 'scenario', type: 'nominal', title: 'Scenario', sort: labels, scale: { paddingInner: 0.25, paddingOuter: 0.15 }, axis: { labelAngle: turn ? -35 : 0 } };
}

function panel(data: ComparisonData, h: HeadlineMetric): Spec | null {
  const points: Spec[] = [];
  const means: Spec[] = [];
  for (const s of data.scenarios) {
    const xs = replicationValues(data, s.index, 'zone', h.metric, h.statistic);
    if (xs.length === 0) continue;
    xs.forEach((value, replication) => points.push({ scenario: s.label, kind: REPLICATIONS, replication, value: round(value) }));
    const m = meanInterval(xs);
    means.push({ scenario: s.label, kind: MEAN, value: round(m.mean), low: round(m.low), high: round(m.high), n: m.n });
  }
  if (points.length === 0) return null;
  const x = scenarioX(data);
  const offset = { field: 'kind', type: 'nominal', scale: { domain: [REPLICATIONS, MEAN], paddingInner: 0.1 } };
  const format = valueFormat(h);
  const labels = axisLabelFormat(h);
  const flat = flatDomain([...points, ...means].flatMap((p) => [p.value, p.low, p.high] as (number | null | undefined)[]), h.zeroLine);
  const y = { field: 'value', type: 'quantitative', title: axisLines(h.axis, AXIS_CHARS), scale: { zero: false, padding: 8, ...(flat ? { domain: flat } : {}) }, axis: { ...(labels ? { format: labels } : {}), tickCount: 5 } };
  const layers: Spec[] = [];
  if (h.zeroLine) layers.push({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL.reference, strokeDash: [5, 4], strokeWidth: 1.2 }, encoding: { y: { field: 'zero', type: 'quantitative' } } });
  layers.push(
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 34, opacity: 0.55, color: '#666666' },
      encoding: {
        x,
        xOffset: offset,
        y,
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'replication', type: 'quantitative', title: 'Replication' },
          { field: 'value', type: 'quantitative', title: 'Value', format },
        ],
      },
    },
    {
      data: { values: means },
      mark: { type: 'rule', strokeWidth: 2, color: NEUTRAL.zone },
      encoding: { x, xOffset: offset, y: { ...y, field: 'low' }, y2: { field: 'high' } },
    },
    {
      data: { values: means },
      mark: { type: 'tick', thickness: 2.5, size: 14, color: NEUTRAL.zone, orient: 'horizontal' },
      encoding: {
        x,
        xOffset: offset,
        y,
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'value', type: 'quantitative', title: 'Mean', format },
          { field: 'low', type: 'quantitative', title: '95% CI low', format },
          { field: 'high', type: 'quantitative', title: '95% CI high', format },
          { field: 'n', type: 'quantitative', title: 'Replications' },
        ],
      },
    },
  );
  return { title: { text: h.title, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 }, width: scenarioWidth(data), height: PANEL.height, layer: layers };
}

export function distributionsChart(data: ComparisonData): TopLevelSpec | null {
  const panels = DISTRIBUTION_METRICS.map((h) => panel(data, h)).filter((p): p is Spec => p !== null);
  if (panels.length === 0) return null;
  const n = data.replications;
  return topLevel(
    'Headline metrics of each scenario, replication by replication',
    `Grey dots: the ${n} replication${n === 1 ? '' : 's'} of each scenario (same seeds in every scenario); black: their mean with its 95% confidence interval. Reference: ${data.reference.label}.`,
    { columns: Math.min(3, panels.length), concat: panels, resolve: { scale: { y: 'independent' } } },
  );
}
