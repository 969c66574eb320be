/**
 * report.html: one self-contained page per run (opens offline, no external
 * URL): the scenario's title and description, a headline table from
 * summary.json, every chart as inline SVG with a caption on how to read it,
 * and the list of dated events.
 */
import { basename } from 'node:path';
import type { MetricSummary } from '../experiment/summarize.js';
import type { Stats } from '../experiment/statistics.js';
import { formatQuantity as fmt, formatSignedPercent } from './format.js';
import { outcomeLabel } from './palette.js';
import { displayedLenses, WHY_LENSES_DIFFER } from './lens-display.js';
import { FONT_FAMILY } from './charts/common.js';
import type { ResultsData } from './read-results.js';

export interface ReportChart {
  name: string;
  heading: string;
  caption: string;
  /** Chart title, used as the SVG's accessible name. */
  title: string;
  svg: string;
  /** Files written next to report.html, e.g. [{ label: 'PNG', href: 'similarity.png' }]. */
  files: { label: string; href: string }[];
}

export interface SkippedChart {
  name: string;
  heading: string;
  reason: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : 'n/a');

function interval(s: Stats | undefined, format: (x: number) => string): string {
  if (!s || !Number.isFinite(s.mean)) return 'n/a';
  return s.n > 1 ? `${format(s.mean)} <span class="ci">[${format(s.p05)}, ${format(s.p95)}]</span>` : format(s.mean);
}

/**
 * Makes ids of an inline SVG unique in the page (Vega numbers clip paths and
 * gradients from 1 in every SVG, so two charts would otherwise share ids).
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  // Only inside tags: chart text (a region name, say) may itself read ` id="x"` and must stay as written.
  // Vega escapes `<` and `>` in text and attribute values, so `<[^>]*>` is exactly one tag.
  return svg.replace(/<[^>]*>/g, (tag) =>
    tag
      .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
      .replace(/(\s(?:xlink:)?href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`),
  );
}

/** The SVG as an accessible image: role img, a title, no XML prolog. */
export function inlineSvg(chart: ReportChart): string {
  const id = `chart-${chart.name}`;
  let svg = prefixSvgIds(chart.svg.replace(/^<\?xml[^>]*>\s*/, ''), id);
  svg = svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${id}-title" focusable="false"`);
  svg = svg.replace(/^(<svg\b[^>]*>)/, `$1<title id="${id}-title">${escapeHtml(chart.title)}</title>`);
  return svg;
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

export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #0072B2; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "${FONT_FAMILY}", Verdana, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--text); background: #fff; line-height: 1.5; font-size: 16px; }
main, header, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 32px; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 1.35rem; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.lede { font-size: 1.08rem; max-width: 75ch; margin: 8px 0; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 4px 0 0; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; background: var(--bg-soft); padding: 1px 4px; border-radius: 3px; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 16px 0 0; list-style: none; font-size: 0.95rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
table { border-collapse: collapse; margin: 16px 0; font-size: 0.95rem; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: 6px; caption-side: top; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--bg-soft); font-weight: 600; }
table.headline td { font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody th { font-weight: 500; }
tr.total th, tr.total td { font-weight: 700; }
.ci { color: var(--muted); }
.note { color: var(--muted); font-weight: 400; font-size: 0.88em; }
.outcome { font-size: 1.02rem; }
figure { margin: 0 0 12px; }
.chart { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.chart svg text { font-family: "${FONT_FAMILY}", Verdana, "Segoe UI", Helvetica, Arial, sans-serif; }
figcaption { margin: 8px 0 0; max-width: 85ch; }
.files { color: var(--muted); font-size: 0.88rem; margin: 4px 0 0; }
.skipped { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 0.85rem; padding-top: 32px; padding-bottom: 40px; }
@media print { .chart { border: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
`;

/** The whole page. */
export function buildHtmlReport(data: ResultsData, charts: ReportChart[], skipped: SkippedChart[] = [], illustrative = ''): string {
  const { scenario, summary, manifest } = data;
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
