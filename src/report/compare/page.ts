/** The HTML page of a comparison report (report.html): the scenarios, their verdicts, the paired differences, and the charts. */
import { provenanceOf } from '../../results/provenance-format.js';
import { basename } from 'node:path';
import type { ReportChart } from '../common/html.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import type { ComparisonData } from './read.js';
import { differenceRows } from './forest.js';
import { DIFFERENCE_METRICS } from './metrics.js';
import { isOverTimeChart } from './over-time.js';
import { verdictsSection } from './verdicts-html.js';
import { formatDifference, formatValue } from '../common/format.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';

function scenariosSection(data: ComparisonData): string {
  return data.scenarios
    .map((s) => {
      const heading = `${escapeHtml(s.title || s.name)} <code>${escapeHtml(s.label)}</code>${s.index === 0 ? '<span class="tag">reference</span>' : ''}`;
      return `<div class="scenario">
<h3 id="scenario-${s.index}">${heading}</h3>
${s.description ? `<p>${escapeHtml(s.description)}</p>` : '<p class="note">No description.</p>'}
</div>`;
    })
    .join('\n');
}

const pValue = (p: number) => (!Number.isFinite(p) ? 'n/a' : p < 0.001 ? '&lt;0.001' : p.toFixed(3));

function differencesTable(data: ComparisonData): string {
  const rows: string[][] = [];
  const clear: boolean[] = [];
  for (const h of DIFFERENCE_METRICS)
    for (const { row, series } of differenceRows(data, h)) {
      const excludesZero = Number.isFinite(row.ciLow) && Number.isFinite(row.ciHigh) && (row.ciLow > 0 || row.ciHigh < 0);
      clear.push(excludesZero);
      rows.push([
        `${escapeHtml(h.title)} <span class="note">(${escapeHtml(h.unit === 'share' ? '%' : h.unit)})</span>`,
        escapeHtml(series.name),
        `<code>${escapeHtml(data.scenarios[row.index].label)}</code>`,
        escapeHtml(formatValue(row.meanA, h.unit)),
        escapeHtml(formatValue(row.meanB, h.unit)),
        `${escapeHtml(formatDifference(row.difference, h.unit))} <span class="ci">[${escapeHtml(formatDifference(row.ciLow, h.unit))}, ${escapeHtml(formatDifference(row.ciHigh, h.unit))}]</span>`,
        pValue(row.p),
      ]);
    }
  if (rows.length === 0) return '<p>The comparison has no paired differences of the headline metrics.</p>';
  const ref = escapeHtml(data.reference.label);
  const n = data.replications;
  return htmlTable(
    `Scenario minus <code>${ref}</code>, paired replication by replication (${n} replication${n === 1 ? '' : 's'}, same seeds): mean difference with its 95% confidence interval in brackets and the p-value of the paired t test. Shares differ in percentage points (pp). Shaded rows: the interval excludes zero.`,
    ['Metric', 'Region', 'Scenario', `Mean, ${ref}`, 'Mean, scenario', 'Difference [95% CI]', 'p'],
    rows,
    { numeric: [3, 4, 5, 6], className: 'headline', rowClass: (i) => (clear[i] ? 'clear' : '') },
  );
}

function overTimeIntro(data: ComparisonData): string {
  const n = data.replications;
  return `<p>How the scenarios' headline numbers develop year by year. Each line is a scenario's mean over its ${n} replication${n === 1 ? '' : 's'} (the same seeds in every scenario), the shaded band the 95% confidence interval of that mean (Student's t); <code>trajectories.csv</code> holds the numbers. A gap between two bands in a year is a clear difference in that year; the paired differences above are the sharper test of the whole run, since they remove the noise the scenarios share.</p>`;
}

export function compareHtml(data: ComparisonData, charts: ReportChart[]): string {
  const { manifest } = data;
  const labels = data.scenarios.map((s) => s.label);
  const n = data.replications;
  const meta = [
    `Scenarios ${labels.map((l) => `<code>${escapeHtml(l)}</code>`).join(', ')}`,
    `${n} replication${n === 1 ? '' : 's'} each`,
    `seed ${escapeHtml(String(data.seed))} (common random numbers)`,
    manifest.packageVersion ? `chuanyu-sim ${escapeHtml(String(manifest.packageVersion))}` : '',
    manifest.gitCommit ? `commit <code>${escapeHtml(String(manifest.gitCommit).slice(0, 12))}</code>` : '',
  ].filter(Boolean);
  const verdicts = verdictsSection(data);
  const vl = charts.some((c) => c.files.some((f) => f.href.endsWith('.vl.json')));
  return buildExperimentHtml({
    provenance: provenanceOf(manifest),
    title: `Comparison: ${labels.join(' vs ')}`,
    documentTitle: `Comparison of ${labels.join(', ')} – chuanyu-sim comparison report`,
    lede: [
      `Every scenario ran with the same seed and replications (common random numbers), so each replication of a scenario is paired with the same replication of the reference, ${data.reference.label}, and their difference is free of most of the noise between runs.`,
    ],
    illustrative: illustrativeHtml(illustrativeNotes(data.scenarios)),
    meta,
    sections: [
      { id: 'scenarios', heading: 'Scenarios', html: scenariosSection(data) },
      ...(verdicts ? [{ id: 'verdicts-table', heading: 'Verdicts: each scenario against its own counterfactual', html: verdicts }] : []),
      { id: 'differences-table', heading: `Paired differences from ${data.reference.label}`, html: differencesTable(data) },
    ],
    charts: charts.filter((c) => !isOverTimeChart(c.name)),
    chartSections: [{ id: 'over-time', heading: 'Over time', intro: overTimeIntro(data), charts: charts.filter((c) => isOverTimeChart(c.name)) }],
    footer: `Made by chuanyu-sim from the comparison folder <code>${escapeHtml(basename(data.dir))}</code> (summary.json, manifest.json, replications.csv and verdicts.json; comparison.csv holds the differences of every metric, verdicts.csv every lens's changes and verdicts).${
      vl ? ' Each chart is also saved next to this page as a Vega-Lite spec with its data inline, so it can be re-drawn or restyled.' : ''
    }`,
  });
}
