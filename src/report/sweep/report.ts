/**
 * Renders the charts and the HTML report of a finished sweep folder into
 * `<sweepDir>/charts/`: NAME.vl.json, NAME.svg and NAME.png for every chart
 * (see charts.ts for which) and report.html. Reads plan.json and
 * summary.json only. Specs are deterministic, so rendering the same folder
 * again reproduces them byte for byte.
 */
import { readFolderProvenance } from '../../results/provenance.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSweep } from './read.js';
import { sweepHtml } from './page.js';
import { sweepCharts } from './charts.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';

export type { ExperimentReportOptions, ExperimentReportResult } from '../common/write-charts.js';

export async function renderSweepReport(dir: string, options: ExperimentReportOptions = {}): Promise<ExperimentReportResult> {
  const formats = chartFormats(options);
  const data = await readSweep(dir);
  const outDir = join(data.dir, 'charts');
  const { drawn, files } = await writeExperimentCharts(outDir, sweepCharts(data), formats, options.captions);
  const report = join(outDir, 'report.html');
  await writeFile(report, sweepHtml(data, drawn, await readFolderProvenance(dir)));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
