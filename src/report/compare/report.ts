/**
 * Renders the charts and the HTML report of a comparison folder into
 * `<compareDir>/charts/`: NAME.vl.json, NAME.svg and NAME.png for every chart
 * (see charts.ts) and report.html with the scenarios' titles and
 * descriptions, the verdicts of each scenario against its own counterfactual
 * and a table of the paired differences. Reads summary.json, manifest.json,
 * replications.csv and verdicts.json. Specs are deterministic, so rendering the
 * same folder again reproduces them byte for byte.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCharts } from './charts.js';
import { readComparison } from './read.js';
import { compareHtml } from './page.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';

export type { ExperimentReportOptions, ExperimentReportResult } from '../common/write-charts.js';

export async function renderCompareReport(dir: string, options: ExperimentReportOptions = {}): Promise<ExperimentReportResult> {
  const formats = chartFormats(options);
  const data = await readComparison(dir);
  const outDir = join(data.dir, 'charts');
  const { drawn, files } = await writeExperimentCharts(outDir, compareCharts(data), formats, options.captions);
  const report = join(outDir, 'report.html');
  await writeFile(report, compareHtml(data, drawn));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
