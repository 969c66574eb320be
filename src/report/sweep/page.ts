/** The HTML page of a sweep report (report.html): the swept parameters, the headline metrics at every point, and the charts. */
import type { Provenance } from '../../results/provenance-format.js';
import { basename } from 'node:path';
import type { PointSummary } from '../../results/sweep-format.js';
import { outcomeLabel } from '../common/palette.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { cell, levelText, seriesOf, usedOutcomes, type SweepData } from './read.js';
import { SWEEP_HEADLINE, statisticText } from '../common/headline-metrics.js';
import { formatIn } from '../common/format.js';
import { metricFormat } from './numbers.js';
import { modalOutcome } from './outcomes.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';
/** Points listed in the report's table at most. */
const MAX_TABLE_POINTS = 200;

function parametersTable(data: SweepData): string {
  const rows = data.parameters.map((p) => {
    const kind = p.categorical ? 'categories' : p.continuous ? 'continuous interval (Latin hypercube)' : 'values';
    const values = p.continuous && p.interval ? `${p.interval[0]} to ${p.interval[1]} (${p.levels.length} sampled values)` : p.levels.map(levelText).join(', ');
    return [`<code>${escapeHtml(p.path)}</code>`, escapeHtml(kind), escapeHtml(values)];
  });
  return htmlTable('The swept scenario parameters (dotted paths into the scenario file).', ['Parameter', 'Kind', 'Values'], rows);
}

/**
 * Styles of the points table: it scrolls inside its own box (both ways) with
 * the header row kept in view and the point number kept at the left, headings
 * wrap into narrow columns, and in print the box opens up to the full table.
 */
export const POINTS_TABLE_CSS = `
.points-scroll { max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; margin: 16px 0; }
.points-scroll table.points { margin: 0; width: auto; min-width: 100%; font-size: 0.85rem; }
.points-scroll caption { padding: 6px 8px; }
table.points thead th { position: sticky; top: 0; z-index: 2; background: #fff; box-shadow: inset 0 -1px 0 var(--line); vertical-align: bottom; white-space: normal; min-width: 11ch; max-width: 18ch; }
table.points tbody th { position: sticky; left: 0; z-index: 1; background: #fff; }
table.points thead th:first-child { left: 0; z-index: 3; }
table.points .note { display: block; font-weight: normal; }
@media print { .points-scroll { max-height: none; overflow: visible; border: 0; } table.points thead th, table.points tbody th { position: static; } }
`;

/** Short column headings of the points table. */
const SHORT: Record<string, string> = {
  similarity: 'Similarity',
  duplicated: 'Duplicated investment',
  'va-change': 'Value added vs counterfactual',
  payoff: 'Payoff',
  utilization: 'Utilization',
};

function pointsTable(data: SweepData): string {
  const columns: { head: string; value: (p: PointSummary) => string }[] = [];
  for (const h of SWEEP_HEADLINE) {
    const numbers = metricFormat(data, h);
    for (const s of seriesOf(data, h)) {
      const short = SHORT[h.id] ?? h.title.split(',')[0];
      const how = statisticText(h.metric, s.key === 'zone' ? 'zone' : h.scope, h.statistic);
      const unit = h.unit === 'share' ? '' : `, ${h.unit}`;
      columns.push({
        head: `${escapeHtml(short)}${h.scope === 'region' ? `, ${escapeHtml(s.name)}` : ''} <span class="note">(${escapeHtml(how + unit)})</span>`,
        value: (p) => escapeHtml(formatIn(numbers, cell(p, s.key, h.metric, h.statistic)?.mean ?? Number.NaN)),
      });
    }
  }
  const outcomes = usedOutcomes(data.points);
  const shown = data.points.slice(0, MAX_TABLE_POINTS);
  const rows = shown.map((p) => {
    const m = outcomes.length > 0 ? modalOutcome(p, outcomes) : null;
    const outcome = m ? `${m.outcome ? escapeHtml(outcomeLabel(m.outcome)) : 'tie'} (${Math.round(100 * m.share)}%)` : 'n/a';
    return [String(p.point), ...data.parameters.map((q) => escapeHtml(levelText(p.values[q.path]))), ...columns.map((c) => c.value(p)), ...(outcomes.length > 0 ? [outcome] : [])];
  });
  const n = data.replications;
  const header = ['Point', ...data.parameters.map((q) => `<code>${escapeHtml(q.path)}</code>`), ...columns.map((c) => c.head), ...(outcomes.length > 0 ? ['Most frequent outcome'] : [])];
  const first = 1 + data.parameters.length;
  const caption = `Headline metrics at every point: mean across ${n} replication${n === 1 ? '' : 's'}${n >= 2 ? ', each metric with the decimals its 95% intervals of the mean resolve' : ''}${outcomes.length > 0 ? '; the last column is the outcome most replications ended in, with its share' : ''}.${
    data.points.length > shown.length ? ` The first ${shown.length} of ${data.points.length} points are listed; summary.json and sweep.csv hold them all.` : ''
  }`;
  return htmlTable(caption, header, rows, { numeric: columns.map((_, i) => first + i), className: 'headline points', wrapClass: 'points-scroll' });
}

export function sweepHtml(data: SweepData, charts: Parameters<typeof buildExperimentHtml>[0]['charts'], provenance: Provenance | null = null): string {
  const { plan, scenario } = data;
  const name = scenario.title || scenario.name;
  const n = data.replications;
  const design = data.design === 'lhs' ? `Latin hypercube of ${data.points.length} points` : `grid of ${data.points.length} points`;
  const meta = [
    `Base scenario <code>${escapeHtml(scenario.name)}</code>`,
    escapeHtml(design),
    `${n} replication${n === 1 ? '' : 's'} a point${plan.counterfactual ? ', each with its counterfactual' : ''}`,
    `seed ${escapeHtml(String(plan.seed))}`,
    plan.shard ? `shard ${plan.shard.index} of ${plan.shard.count}` : '',
  ].filter(Boolean);
  const lede = [
    `A sweep of ${data.parameters.map((p) => p.path).join(', ')} over the scenario "${name}".`,
    ...(scenario.description ? [scenario.description] : []),
  ];
  const vl = charts.some((c) => c.files.some((f) => f.href.endsWith('.vl.json')));
  return buildExperimentHtml({
    provenance,
    title: `Sweep: ${name}`,
    documentTitle: `Sweep of ${scenario.name} – chuanyu-sim sweep report`,
    lede,
    illustrative: illustrativeHtml(illustrativeNotes([scenario])),
    meta,
    sections: [
      { id: 'parameters', heading: 'Parameters', html: parametersTable(data) },
      { id: 'points', heading: 'Results by point', html: pointsTable(data) },
    ],
    charts,
    css: POINTS_TABLE_CSS,
    footer: `Made by chuanyu-sim from the sweep folder <code>${escapeHtml(basename(data.dir))}</code> (plan.json and summary.json; sweep.csv and outcomes.csv hold every replication).${
      vl ? ' Each chart is also saved next to this page as a Vega-Lite spec with its data inline, so it can be re-drawn or restyled.' : ''
    }`,
  });
}
