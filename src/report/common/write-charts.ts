/** Writes an experiment's charts into `<dir>/charts/` (see chart-files.ts), in the formats asked for. */
import { mkdir } from 'node:fs/promises';
import type { ReportChart } from './html.js';
import { writeChart } from './chart-files.js';
import { CHART_FORMATS, DEFAULT_FORMATS, parseFormats, type Captions, type ChartFormat } from './chart-formats.js';
import type { TopLevelSpec } from 'vega-lite';

export interface ExperimentReportOptions {
  /** Chart files to write (default vl, svg, png); report.html is always written. */
  formats?: (ChartFormat | string)[];
  /** `none`: chart files with their title only, no method notes (default `full`). */
  captions?: Captions;
}

export interface ExperimentReportResult {
  /** Names of the charts drawn, in report order. */
  charts: string[];
  /** Every file written, report.html last. */
  files: string[];
  /** Absolute path of report.html. */
  report: string;
}

export function chartFormats(options: ExperimentReportOptions): ChartFormat[] {
  return options.formats ? parseFormats(options.formats) : [...DEFAULT_FORMATS];
}

/** Renders and writes every chart; returns what report.html needs and the files written. */
export async function writeExperimentCharts(outDir: string, charts: readonly ExperimentChart[], formats: readonly ChartFormat[], captions: Captions = 'full'): Promise<{ drawn: ReportChart[]; files: string[] }> {
  await mkdir(outDir, { recursive: true });
  const ordered = CHART_FORMATS.filter((f) => formats.includes(f)); // files in a fixed order, whatever order was asked
  const drawn: ReportChart[] = [];
  const files: string[] = [];
  for (const chart of charts) {
    const written = await writeChart(outDir, chart, ordered, captions);
    drawn.push(written.drawn);
    files.push(...written.files);
  }
  return { drawn, files };
}

export interface ExperimentChart {
  /** File stem: charts/NAME.vl.json, NAME.svg, NAME.png. */
  name: string;
  heading: string;
  /** How to read the chart, in a sentence or two. */
  caption: string;
  spec: TopLevelSpec;
}
