/**
 * Writes one chart next to a report: NAME.vl.json (Vega-Lite with inline data),
 * NAME.svg and NAME.png (2x), in the formats asked for, and removes the chart's
 * files in the other formats so none is stale. Used by the run report and by
 * every experiment report.
 */
import { rm, writeFile } from 'node:fs/promises';
import type { TopLevelSpec } from 'vega-lite';
import { join } from 'node:path';
import type { ReportChart } from './html.js';
import { renderSvg, svgToPng } from './render.js';
import { CHART_FORMATS, EXTENSION, LABEL, specJson, type ChartFormat } from './chart-formats.js';

export interface ChartToWrite {
  name: string;
  heading: string;
  caption: string;
  spec: TopLevelSpec;
}

/** Renders the chart and writes it in `formats` (in that order); returns what report.html shows and the files written. */
export async function writeChart(outDir: string, chart: ChartToWrite, formats: readonly ChartFormat[]): Promise<{ drawn: ReportChart; files: string[] }> {
  const svg = await renderSvg(chart.spec);
  const files: string[] = [];
  for (const format of formats) {
    const file = join(outDir, chart.name + EXTENSION[format]);
    if (format === 'vl') await writeFile(file, specJson(chart.spec));
    else if (format === 'svg') await writeFile(file, svg);
    else await writeFile(file, svgToPng(svg));
    files.push(file);
  }
  await removeChartFiles(outDir, chart.name, formats);
  const title = (chart.spec as { title?: { text?: string } }).title?.text ?? chart.heading;
  const drawn: ReportChart = {
    name: chart.name,
    heading: chart.heading,
    caption: chart.caption,
    title,
    svg,
    files: formats.map((f) => ({ label: LABEL[f], href: chart.name + EXTENSION[f] })),
  };
  return { drawn, files };
}

/** Removes the chart's files of an earlier rendering, except those in `kept`. */
export async function removeChartFiles(outDir: string, name: string, kept: readonly ChartFormat[] = []): Promise<void> {
  for (const format of CHART_FORMATS) if (!kept.includes(format)) await rm(join(outDir, name + EXTENSION[format]), { force: true });
}
