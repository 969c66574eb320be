/**
 * report.html of an experiment (a sweep or a comparison): one self-contained
 * page (opens offline, no external URL) in the look of the run report, with a
 * header, sections of tables, and every chart as inline SVG with a heading,
 * a caption on how to read it and links to its files.
 */
import { REPORT_CSS, escapeHtml, inlineSvg, type ReportChart } from './html.js';
import type { Provenance } from '../../results/provenance-format.js';
import { PROVENANCE_ID, provenanceSection } from './provenance.js';

export { escapeHtml };

export interface ExperimentSection {
  /** Element id (also the contents link target). */
  id: string;
  heading: string;
  /** Body HTML (already escaped). */
  html: string;
}

export interface ExperimentPage {
  /** Page heading (h1). */
  title: string;
  /** Document title (the browser tab). */
  documentTitle: string;
  /** Paragraphs under the heading (plain text). */
  lede: string[];
  /** Notes on illustrative numbers under the lede (HTML, already escaped; see illustrative.ts). */
  illustrative?: string;
  /** Items of the meta line (HTML, already escaped). */
  meta: string[];
  /** Sections before the charts (tables). */
  sections: ExperimentSection[];
  charts: ReportChart[];
  /** Sections of charts after the charts above (e.g. a comparison's "Over time"), each with an introduction (HTML, already escaped). */
  chartSections?: ChartSection[];
  /** Footer text (HTML, already escaped). */
  footer: string;
  /** Further styles of this page only (appended to the shared ones). */
  css?: string;
  /** How the results were made (the folder's manifest); a last section when given. */
  provenance?: Provenance | null;
}

export interface ChartSection {
  id: string;
  heading: string;
  /** Paragraphs before the charts (HTML, already escaped). */
  intro: string;
  /** Each chart under an h3 heading. */
  charts: ReportChart[];
}

/** Further styles of experiment pages (on top of the run report's). */
const EXTRA_CSS = `
h3 { font-size: 1.08rem; margin: 20px 0 4px; }
.tag { display: inline-block; font-size: 0.78rem; font-weight: 600; color: #fff; background: #4a4a4a; border-radius: 3px; padding: 1px 6px; margin-left: 6px; vertical-align: 2px; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; text-align: right; }
th.num { text-align: right; }
tr.clear td, tr.clear th { background: #e3f2ea; }
.table-wrap { overflow-x: auto; }
.scenario p { margin: 4px 0 12px; max-width: 85ch; }
table.verdicts td { vertical-align: top; }
table.verdicts td strong { white-space: nowrap; }
`;

function figure(chart: ReportChart, level = 2): string {
  return `<section id="chart-${chart.name}" aria-labelledby="chart-${chart.name}-heading">
<h${level} id="chart-${chart.name}-heading">${escapeHtml(chart.heading)}</h${level}>
<figure>
<div class="chart">${inlineSvg(chart)}</div>
<figcaption>${escapeHtml(chart.caption)}</figcaption>
${chart.files.length > 0 ? `<p class="files">Files: ${chart.files.map((f) => `<a href="${escapeHtml(f.href)}">${escapeHtml(f.label)}</a>`).join(' · ')}</p>` : ''}
</figure>
</section>`;
}

/** A table with a caption; `header` and `rows` are cell HTML (already escaped). `numeric` marks right-aligned columns; `wrapClass` is added to the wrapping div's class. */
export function htmlTable(caption: string, header: string[], rows: string[][], options: { numeric?: number[]; className?: string; rowClass?: (i: number) => string; wrapClass?: string } = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const head = header.map((h, c) => `<th scope="col"${numeric.has(c) ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows.map((row, i) => {
    const cls = options.rowClass?.(i);
    const cells = row.map((cell, c) => (c === 0 ? `<th scope="row">${cell}</th>` : `<td${numeric.has(c) ? ' class="num"' : ''}>${cell}</td>`)).join('');
    return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
  });
  return `<div class="table-wrap${options.wrapClass ? ` ${options.wrapClass}` : ''}"><table${options.className ? ` class="${options.className}"` : ''}>
<caption>${caption}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

export function buildExperimentHtml(page: ExperimentPage): string {
  const chartSections = (page.chartSections ?? []).filter((s) => s.charts.length > 0);
  const toc = [
    ...page.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`),
    ...page.charts.map((c) => `<li><a href="#chart-${c.name}">${escapeHtml(c.heading)}</a></li>`),
    ...chartSections.flatMap((s) => [`<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`, ...s.charts.map((c) => `<li><a href="#chart-${c.name}">${escapeHtml(c.heading)}</a></li>`)]),
    ...(page.provenance ? [`<li><a href="#${PROVENANCE_ID}">Provenance</a></li>`] : []),
  ];
  const after = chartSections.map(
    (s) => `<section id="${s.id}" aria-labelledby="${s.id}-heading">
<h2 id="${s.id}-heading">${escapeHtml(s.heading)}</h2>
${s.intro}
${s.charts.map((c) => figure(c, 3)).join('\n')}
</section>
`,
  );
  const sections = page.sections.map(
    (s) => `<section id="${s.id}" aria-labelledby="${s.id}-heading">
<h2 id="${s.id}-heading">${escapeHtml(s.heading)}</h2>
${s.html}
</section>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.documentTitle)}</title>
<style>${REPORT_CSS}${EXTRA_CSS}${page.css ?? ''}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
${page.lede.map((p) => `<p class="lede">${escapeHtml(p)}</p>`).join('\n')}
${page.illustrative ? `${page.illustrative}\n` : ''}<p class="meta">${page.meta.join(' · ')}</p>
<nav aria-label="Contents"><ol>
${toc.join('\n')}
</ol></nav>
</header>
<main>
${sections.join('\n')}
${page.charts.map((c) => figure(c)).join('\n')}
${after.join('')}${page.provenance ? `${provenanceSection(page.provenance)}\n` : ''}</main>
<footer>
<p>${page.footer}</p>
</footer>
</body>
</html>
`;
}
