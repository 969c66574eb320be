/**
 * Renders the charts and the HTML report of a results folder into
 * `<resultsDir>/charts/`: NAME.vl.json (Vega-Lite with inline data), NAME.svg
 * and NAME.png (2x) for every chart the run has data for, and report.html.
 * Specs are deterministic (no timestamps, fixed key order), so rendering the
 * same folder again reproduces them byte for byte.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHART_FORMATS, EXTENSION, LABEL, parseFormats, specJson, type ChartFormat } from './chart-formats.js';
import { CHARTS } from './charts/index.js';
import { buildHtmlReport, type ReportChart, type SkippedChart } from './html-report.js';
import { readResults } from './read-results.js';
import { renderSvg, svgToPng } from './render.js';
import type { Manifest } from './write-results.js';

export interface RenderRunReportOptions {
  /** Chart files to write (default all three); report.html is always written. */
  formats?: ChartFormat[];
  /** The run's manifest, when manifest.json is not written yet (see ReadResultsOptions). */
  manifest?: Manifest;
}

export interface RenderRunReportResult {
  /** Names of the charts drawn, in report order (e.g. `similarity`). */
  charts: string[];
  /** Charts left out because the run has nothing to show (e.g. no fund). */
  skipped: string[];
  /** Every file written, report.html last. */
  files: string[];
  /** Absolute path of report.html. */
  report: string;
}

export async function renderRunReport(resultsDir: string, options: RenderRunReportOptions = {}): Promise<RenderRunReportResult> {
  const formats = options.formats ? parseFormats(options.formats) : [...CHART_FORMATS];
  const data = await readResults(resultsDir, { manifest: options.manifest });
  const outDir = join(data.dir, 'charts');
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const drawn: ReportChart[] = [];
  const skipped: SkippedChart[] = [];
  for (const chart of CHARTS) {
    const spec = chart.build(data);
    const written = new Set<ChartFormat>();
    if (spec) {
      const svg = await renderSvg(spec);
      for (const format of formats) {
        const file = join(outDir, chart.name + EXTENSION[format]);
        if (format === 'vl') await writeFile(file, specJson(spec));
        else if (format === 'svg') await writeFile(file, svg);
        else await writeFile(file, svgToPng(svg));
        files.push(file);
        written.add(format);
      }
      const title = (spec as { title?: { text?: string } }).title?.text ?? chart.heading;
      drawn.push({
        name: chart.name,
        heading: chart.heading,
        caption: chart.caption(data),
        title,
        svg,
        files: formats.map((f) => ({ label: LABEL[f], href: chart.name + EXTENSION[f] })),
      });
    } else {
      skipped.push({ name: chart.name, heading: chart.heading, reason: chart.skipped?.(data) ?? 'the run has no data for it.' });
    }
    // Files of an earlier rendering that this one did not write would be stale.
    for (const format of CHART_FORMATS) if (!written.has(format)) await rm(join(outDir, chart.name + EXTENSION[format]), { force: true });
  }
  const report = join(outDir, 'report.html');
  await writeFile(report, buildHtmlReport(data, drawn, skipped));
  files.push(report);
  return { charts: drawn.map((c) => c.name), skipped: skipped.map((s) => s.name), files, report };
}
