/**
 * Writes an experiment's charts into `<dir>/charts/`: NAME.vl.json (Vega-Lite
 * with inline data, serialized like the run report's so re-rendering gives the
 * same bytes), NAME.svg and NAME.png (2x), in the formats asked for; files of a
 * format not asked for this time are removed so none is stale.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportChart } from '../html-report.js';
import { renderSvg, svgToPng } from '../render.js';
import { CHART_FORMATS, EXTENSION, LABEL, parseFormats, specJson, type ChartFormat } from '../chart-formats.js';
import type { ExperimentChart } from './index.js';


export interface ExperimentReportOptions {
  /** Chart files to write (default all three); report.html is always written. */
  formats?: (ChartFormat | string)[];
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
  return options.formats ? parseFormats(options.formats) : [...CHART_FORMATS];
}

/** Renders and writes every chart; returns what report.html needs and the files written. */
export async function writeExperimentCharts(outDir: string, charts: readonly ExperimentChart[], formats: readonly ChartFormat[]): Promise<{ drawn: ReportChart[]; files: string[] }> {
  await mkdir(outDir, { recursive: true });
  const drawn: ReportChart[] = [];
  const files: string[] = [];
  for (const chart of charts) {
    const svg = await renderSvg(chart.spec);
    for (const format of CHART_FORMATS) {
      const file = join(outDir, chart.name + EXTENSION[format]);
      if (!formats.includes(format)) {
        await rm(file, { force: true });
        continue;
      }
      if (format === 'vl') await writeFile(file, specJson(chart.spec));
      else if (format === 'svg') await writeFile(file, svg);
      else await writeFile(file, svgToPng(svg));
      files.push(file);
    }
    const title = (chart.spec as { title?: { text?: string } }).title?.text ?? chart.heading;
    drawn.push({
      name: chart.name,
      heading: chart.heading,
      caption: chart.caption,
      title,
      svg,
      files: CHART_FORMATS.filter((f) => formats.includes(f)).map((f) => ({ label: LABEL[f], href: chart.name + EXTENSION[f] })),
    });
  }
  return { drawn, files };
}
