/**
 * Renders the charts and the HTML report of a results folder into
 * `<resultsDir>/charts/`: NAME.vl.json (Vega-Lite with inline data), NAME.svg
 * and NAME.png (2x) for every chart the run has data for, and report.html.
 * Specs are deterministic (no timestamps, fixed key order), so rendering the
 * same folder again reproduces them byte for byte.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_FORMATS, parseFormats, type Captions, type ChartFormat } from '../common/chart-formats.js';
import { CHARTS } from './charts.js';
import type { ReportChart, SkippedChart } from '../common/html.js';
import { buildHtmlReport } from './page.js';
import { readResults } from './read.js';
import { removeChartFiles, writeChart } from '../common/chart-files.js';
import type { Manifest } from '../../results/run-format.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';

export interface RenderRunReportOptions {
  /** Chart files to write (default vl, svg, png); report.html is always written. */
  formats?: ChartFormat[];
  /** `none`: chart files with their title only, no method notes (default `full`). */
  captions?: Captions;
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
  const formats = options.formats ? parseFormats(options.formats) : [...DEFAULT_FORMATS];
  const data = await readResults(resultsDir, { manifest: options.manifest });
  const outDir = join(data.dir, 'charts');
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const drawn: ReportChart[] = [];
  const skipped: SkippedChart[] = [];
  for (const chart of CHARTS) {
    const spec = chart.build(data);
    if (spec) {
      const written = await writeChart(outDir, { name: chart.name, heading: chart.heading, caption: chart.caption(data), spec }, formats, options.captions);
      drawn.push(written.drawn);
      files.push(...written.files);
    } else {
      skipped.push({ name: chart.name, heading: chart.heading, reason: chart.skipped?.(data) ?? 'the run has no data for it.' });
      await removeChartFiles(outDir, chart.name); // an earlier rendering's files would be stale
    }
  }
  const report = join(outDir, 'report.html');
  await writeFile(report, buildHtmlReport(data, drawn, skipped, illustrativeHtml(illustrativeNotes([data.scenario]))));
  files.push(report);
  return { charts: drawn.map((c) => c.name), skipped: skipped.map((s) => s.name), files, report };
}
