/**
 * Renders the charts and the HTML report of a finished sensitivity folder
 * into `<dir>/charts/`: NAME.vl.json, NAME.svg and NAME.png of every chart
 * (see charts.ts) and report.html. Reads sensitivity-plan.json and
 * summary.json only, so re-rendering the same folder gives the same specs.
 */
import { readFolderProvenance } from '../../results/provenance.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSensitivity } from './read.js';
import { sensitivityHtml } from './page.js';
import { sensitivityCharts } from './charts.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';

export { readSensitivity };

export async function renderSensitivityReport(dir: string, options: ExperimentReportOptions = {}): Promise<ExperimentReportResult> {
  const formats = chartFormats(options);
  const data = await readSensitivity(dir);
  const outDir = join(data.dir, 'charts');
  const { drawn, files } = await writeExperimentCharts(outDir, sensitivityCharts(data), formats, options.captions);
  const report = join(outDir, 'report.html');
  await writeFile(report, sensitivityHtml(data, drawn, await readFolderProvenance(dir)));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
