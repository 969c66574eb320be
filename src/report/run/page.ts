/**
 * report.html: one self-contained page per run (opens offline, no external
 * URL): the scenario's title and description, a headline table from
 * summary.json, every chart as inline SVG with a caption on how to read it,
 * and the list of dated events.
 */
import { provenanceOf } from '../../results/provenance-format.js';
import { PROVENANCE_ID, provenanceSection } from '../common/provenance.js';
import { basename } from 'node:path';
import type { MetricSummary } from '../../experiment/summarize.js';
import type { Stats } from '../../experiment/statistics.js';
import { formatQuantity as fmt, formatSignedPercent } from '../common/format.js';
import { outcomeLabel } from '../common/palette.js';
import { displayedLenses, WHY_LENSES_DIFFER } from '../common/lens-display.js';
import { REPORT_CSS, escapeHtml, inlineSvg, type ReportChart, type SkippedChart } from '../common/html.js';
import type { ResultsData } from './read.js';

const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : 'n/a');

function interval(s: Stats | undefined, format: (x: number) => string): string {
  if (!s || !Number.isFinite(s.mean)) return 'n/a';
  return s.n > 1 ? `${format(s.mean)} <span class="ci">[${format(s.p05)}, ${format(s.p95)}]</span>` : format(s.mean);
}

function headlineTable(data: ResultsData): string {
  const { summary } = data;
  const names = new Map(data.scenario.regions.map((r) => [r.id, r.name]));
  const finalYear = summary.years[1];
  const rows: string[] = [];
  const row = (label: string, m: MetricSummary | undefined, format: (x: number) => string, note = '') => {
    if (!m) return;
    const over = m.overRunKind === 'mean' ? interval(m.overRun, format) : `sum ${interval(m.overRun, format)}`;
    rows.push(`<tr><th scope="row">${escapeHtml(label)}${note ? ` <span class="note">${escapeHtml(note)}</span>` : ''}</th><td>${interval(m.final, format)}</td><td>${over}</td></tr>`);
  };
  for (const [pair, metrics] of Object.entries(summary.metrics.pairs ?? {})) {
    const label = pair
      .split('~')
      .map((id) => names.get(id) ?? id)
      .join(' – ');
    row(`Similarity coefficient, ${label}`, metrics.similarity, (x) => fmt(x, 3), '(index, 1 = identical)');
  }
  const zone = summary.metrics.zone ?? {};
  row('Duplicated investment share', zone.duplicated_investment_share, (x) => pct(x), '(of all new investment)');
  row('Capacity utilization', zone.utilization, (x) => pct(x), '(capacity-weighted)');
  row('Overcapacity sectors', zone.overcapacity_sectors, (x) => fmt(x, 1), '(sectors)');
  row('Clusters', zone.clusters, (x) => fmt(x, 1), '(region-sector cells)');
  if (zone.fund_committed && zone.fund_committed.final.mean > 0) {
    row('Guidance fund: committed', zone.fund_committed, (x) => fmt(x, 1), '(billion yuan, cumulative)');
    row('Guidance fund: TVPI', zone.fund_tvpi, (x) => fmt(x, 2), '(ratio)');
    row('Guidance fund: TVPI without grant-financed value', zone.fund_tvpi_ex_grants, (x) => fmt(x, 2), '(ratio)');
    row('Guidance fund: DPI', zone.fund_dpi, (x) => fmt(x, 2), '(ratio)');
  }
  for (const region of data.scenario.regions) row(`Value added, ${region.name}`, summary.metrics.regions?.[region.id]?.value_added, (x) => fmt(x, 1), '(billion yuan)');
  const n = summary.replications;
  let html = `<table class="headline">
<caption>Headline metrics: mean across ${n} replication${n === 1 ? '' : 's'}${n > 1 ? ', with the 90% interval (5th-95th percentile) in brackets' : ''}.</caption>
<thead><tr><th scope="col">Metric</th><th scope="col">Final year (${escapeHtml(String(finalYear))})</th><th scope="col">Over the run (mean, or sum of a flow)</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  const o = summary.outcome;
  if (o && o.lenses) {
    const ci = (c: { mean: number; low: number; high: number } | undefined) => (c ? `${fmt(c.mean, 1)} [${fmt(c.low, 1)}, ${fmt(c.high, 1)}]` : 'n/a');
    const shown = displayedLenses(o.objectives, o.discountRate);
    const orows = data.scenario.regions.map((r) => `<tr><th scope="row">${escapeHtml(r.name)}</th>${shown.map((l) => `<td>${ci(o.lenses[l.lens].regions[r.id])}</td>`).join('')}</tr>`);
    orows.push(`<tr class="total"><th scope="row">Zone</th>${shown.map((l) => `<td>${ci(o.lenses[l.lens].zone)}</td>`).join('')}</tr>`);
    const verdicts = shown.map((l) => {
      const v = o.lenses[l.lens];
      return `<li><strong>${escapeHtml(l.heading)}: ${escapeHtml(v.verdict === 'indistinguishable' ? 'no verdict' : outcomeLabel(v.verdict).toLowerCase())}</strong> (${escapeHtml(l.note)}): ${escapeHtml(v.explanation)}.</li>`;
    });
    const v = o.lenses.gdp;
    const counts = Object.entries(v.classes)
      .filter(([, c]) => c.count > 0)
      .map(([name, c]) => `${escapeHtml(outcomeLabel(name).toLowerCase())} in ${c.count} of ${v.replications} (95% Wilson interval ${pct(c.low, 0)}-${pct(c.high, 0)})`)
      .join(', ');
    html += `
<table class="headline">
<caption>Change against the counterfactual (${escapeHtml(o.counterfactual)}) in each lens: mean over paired replications with its 95% confidence interval, billion yuan. Welfare is residents' and the government's consumption discounted at ${pct(o.discountRate, 0)} a year plus discounted final wealth; GDP is cumulative value added produced in the region; fiscal is the government's cumulative fiscal balance.</caption>
<thead><tr><th scope="col">Region</th>${shown.map((l) => `<th scope="col">${escapeHtml(l.heading)}</th>`).join('')}</tr></thead>
<tbody>
${orows.join('\n')}
</tbody>
</table>
<ul class="outcome">
${verdicts.join('\n')}
</ul>
<p class="outcome">Win-win only when every region's interval lies above zero. ${escapeHtml(WHY_LENSES_DIFFER)} Replications by class in the GDP lens: ${counts}; a region counts as up or down beyond ${pct(o.tolerance, 1)} of its own counterfactual value.</p>${
      o.fundLeverage
        ? `\n<p class="outcome">Fund money from outside the zone against each region's gain (an accounting split of amounts, not of causes; a run with <code>fund.leverage</code> 0 shows what the outside money changes):</p>\n<ul class="outcome">${o.fundLeverage.map((x) => `<li>${escapeHtml(x.sentence)}</li>`).join('')}</ul>`
        : ''
    }`;
  } else if (o) {
    html += '\n<p class="outcome">This results folder was written by an earlier version without the verdict; run the scenario again for it.</p>';
  } else {
    html += '\n<p class="outcome">This run has no counterfactual, so there is no zero-sum / win-win classification.</p>';
  }
  return html;
}

function eventsSection(data: ResultsData): string {
  const events = [...(data.summary.events ?? [])].sort((a, b) => a.year - b.year);
  if (events.length === 0) return '<section id="events" aria-labelledby="events-heading">\n<h2 id="events-heading">Events</h2>\n<p>The scenario has no dated events.</p>\n</section>';
  const rows = events.map(
    (e) => `<tr><td>${escapeHtml(String(e.year))}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.label)}</td><td>${escapeHtml(e.source ?? '')}</td></tr>`,
  );
  return `<section id="events" aria-labelledby="events-heading">
<h2 id="events-heading">Events</h2>
<table class="events">
<caption>Dated events of the scenario, drawn as dashed rules on the time charts.</caption>
<thead><tr><th scope="col">Year</th><th scope="col">Kind</th><th scope="col">Event</th><th scope="col">Source</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** The whole page. */
export function buildHtmlReport(data: ResultsData, charts: ReportChart[], skipped: SkippedChart[] = [], illustrative = ''): string {
  const { scenario, summary, manifest } = data;
  const provenance = provenanceOf(manifest);
  const title = scenario.title || scenario.name;
  const n = summary.replications;
  const meta = [
    `Scenario <code>${escapeHtml(scenario.name)}</code>`,
    `${n} replication${n === 1 ? '' : 's'} with counterfactuals`,
    `seed ${escapeHtml(String(summary.seed))}`,
    `${summary.years[0]}–${summary.years[1]}`,
    manifest.packageVersion ? `chuanyu-sim ${escapeHtml(String(manifest.packageVersion))}` : '',
    manifest.gitCommit ? `commit <code>${escapeHtml(String(manifest.gitCommit).slice(0, 12))}</code>` : '',
  ].filter(Boolean);
  const toc = [
    '<li><a href="#headline">Headline results</a></li>',
    ...charts.map((c) => `<li><a href="#chart-${c.name}">${escapeHtml(c.heading)}</a></li>`),
    '<li><a href="#events">Events</a></li>',
    ...(provenance ? [`<li><a href="#${PROVENANCE_ID}">Provenance</a></li>`] : []),
  ];
  const figures = charts.map(
    (c) => `<section id="chart-${c.name}" aria-labelledby="chart-${c.name}-heading">
<h2 id="chart-${c.name}-heading">${escapeHtml(c.heading)}</h2>
<figure>
<div class="chart">${inlineSvg(c)}</div>
<figcaption>${escapeHtml(c.caption)}</figcaption>
${c.files.length > 0 ? `<p class="files">Files: ${c.files.map((f) => `<a href="${escapeHtml(f.href)}">${escapeHtml(f.label)}</a>`).join(' · ')}</p>` : ''}
</figure>
</section>`,
  );
  const skippedHtml = skipped.map((s) => `<p class="skipped" id="chart-${s.name}">${escapeHtml(s.heading)}: not shown, ${escapeHtml(s.reason)}</p>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – chuanyu-sim run report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
${scenario.description ? `<p class="lede">${escapeHtml(scenario.description)}</p>` : ''}
${illustrative ? `${illustrative}\n` : ''}<p class="meta">${meta.join(' · ')}</p>
<nav aria-label="Contents"><ol>
${toc.join('\n')}
</ol></nav>
</header>
<main>
<section id="headline" aria-labelledby="headline-heading">
<h2 id="headline-heading">Headline results</h2>
${headlineTable(data)}
</section>
${figures.join('\n')}
${skippedHtml.join('\n')}
${eventsSection(data)}
${provenanceSection(provenance)}
</main>
<footer>
<p>Made by chuanyu-sim from the results folder <code>${escapeHtml(basename(data.dir))}</code> (metrics.csv, sectors.csv, markets.csv, summary.json and the counterfactual).${
    charts.some((c) => c.files.some((f) => f.href.endsWith('.vl.json'))) ? ' Each chart is also saved next to this page as a Vega-Lite spec with its data inline, so it can be re-drawn or restyled.' : ''
  }</p>
</footer>
</body>
</html>
`;
}
