/**
 * Regional numbers side by side: for each metric by region (cumulative value
 * added, cumulative payoff, value added against the counterfactual), grouped
 * bars per scenario and region (mean over replications) with the 95%
 * confidence interval of the mean as an error bar.
 */
import type { TopLevelSpec } from 'vega-lite';
import { NEUTRAL } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import { axisLabelFormat, axisLines, flatDomain, meanInterval, regionScale, valueFormat, type HeadlineMetric } from '../common/headline-metrics.js';
import { AXIS_CHARS } from '../common/chart-spec.js';
import { replicationValues, type ComparisonData } from './read.js';
import { scenarioWidth, scenarioX } from './distributions.js';
import { REGIONAL_METRICS, comparisonSeries } from './metrics.js';

function panel(data: ComparisonData, h: HeadlineMetric): Spec | null {
  const series = comparisonSeries(data, h);
  const values: Spec[] = [];
  for (const s of data.scenarios)
    for (const r of series) {
      const m = meanInterval(replicationValues(data, s.index, r.key, h.metric, h.statistic));
      if (m.n === 0) continue;
      values.push({ scenario: s.label, series: r.name, mean: round(m.mean), low: round(m.low), high: round(m.high), n: m.n });
    }
  if (values.length === 0) return null;
  const x = scenarioX(data);
  const xOffset = { field: 'series', type: 'nominal', sort: series.map((s) => s.name), scale: { paddingInner: 0.08 } };
  const format = valueFormat(h);
  const labels = axisLabelFormat(h);
  const flat = flatDomain(values.flatMap((v) => [v.mean, v.low, v.high] as (number | null | undefined)[]), true);
  const y = { field: 'mean', type: 'quantitative', title: axisLines(h.axis, AXIS_CHARS), ...(flat ? { scale: { domain: flat } } : {}), axis: { ...(labels ? { format: labels } : {}), tickCount: 5 } };
  const colour = { field: 'series', type: 'nominal', title: 'Region', scale: regionScale(data.regions, h.withZone) };
  return {
    title: { text: h.title, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 },
    width: scenarioWidth(data),
    height: 200,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.9 },
        encoding: {
          x,
          xOffset,
          y,
          color: colour,
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'series', type: 'nominal', title: 'Region' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format },
            { field: 'low', type: 'quantitative', title: '95% CI low', format },
            { field: 'high', type: 'quantitative', title: '95% CI high', format },
            { field: 'n', type: 'quantitative', title: 'Replications' },
          ],
        },
      },
      { mark: { type: 'rule', strokeWidth: 1.6, color: NEUTRAL.zone }, encoding: { x, xOffset, y: { ...y, field: 'low' }, y2: { field: 'high' } } },
      ...(h.zeroLine ? [{ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: NEUTRAL.reference, strokeWidth: 1.2 }, encoding: { y: { field: 'zero', type: 'quantitative' } } }] : []),
    ],
  };
}

export function regionsChart(data: ComparisonData): TopLevelSpec | null {
  const panels = REGIONAL_METRICS.map((h) => panel(data, h)).filter((p): p is Spec => p !== null);
  if (panels.length === 0) return null;
  const n = data.replications;
  return topLevel(
    'Regional results by scenario',
    `Bars: mean over ${n} replication${n === 1 ? '' : 's'} for each region; black lines: 95% confidence interval of the mean. Value added against the counterfactual compares each scenario with its own counterfactual run (same seed, every government invests, no fund).`,
    { columns: Math.min(2, panels.length), concat: panels, resolve: { scale: { y: 'independent', color: 'shared' } } },
  );
}
