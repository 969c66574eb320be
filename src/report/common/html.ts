/**
 * The HTML pieces every report page shares: the chart as drawn (inline SVG
 * with unique ids and an accessible name), escaping, and the page style.
 */
import { FONT_FAMILY } from './chart-spec.js';

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
