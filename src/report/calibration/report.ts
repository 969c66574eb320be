/**
 * The files of a calibration folder, written atomically (a temporary sibling
 * renamed into place, so an interrupted run never leaves half a folder):
 *
 *   calibrated.yaml    the fitted scenario (extends the original by relative path)
 *   fit.csv            year,target,mean,p05,p95,in_fit,mean_fitting_seeds per target point
 *   summary.json       fitted values, errors, coverage, evaluations, series
 *   fit.vl.json/.svg/.png, convergence.vl.json/.svg/.png   the charts
 *   report.html        the errors in and out of sample, stated plainly, and the charts
 *
 * `renderCalibrationReport` redraws the charts and report.html from
 * summary.json alone, so a folder can be re-rendered later.
 */
import { readFolderProvenance } from '../../results/provenance.js';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CalibrationPlan, CalibrationResult } from '../../experiment/calibration/calibrate.js';
import { calibratedScenarioYaml } from '../../experiment/calibration/calibrated-yaml.js';
import { buildCalibrationSummary, type CalibrationSummary } from '../../experiment/calibration/summary.js';
import { writeCalibrationSummary, writeFitCsv } from '../../results/experiment-files.js';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import type { Provenance } from '../../results/provenance-format.js';
import { calibrationCharts } from './charts.js';
import { calibrationHtml } from './page.js';
import { readCalibrationSummary, type CalibrationSummaryFile } from './read.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';

export { readCalibrationSummary };
export { errorSentences } from './page.js';

export interface WriteCalibrationInput {
  plan: CalibrationPlan;
  result: CalibrationResult;
  /** The reproducing command (date-free). */
  command: string;
  /** The merged scenario before defaults (LoadedScenario.raw): the source of lists repeated in calibrated.yaml. */
  raw: unknown;
}

/** Writes the whole calibration folder at `outDir` (replacing an earlier one); returns the summary. */
export async function writeCalibrationFolder(outDir: string, input: WriteCalibrationInput, options: ExperimentReportOptions & { force?: boolean; provenance?: Provenance } = {}): Promise<CalibrationSummary> {
  const target = resolve(outDir);
  // Relative paths (extends, target file) are taken from the final folder: the temporary one is its sibling.
  const summary = buildCalibrationSummary(input.plan, input.result, { outDir: target, command: input.command });
  const yaml = calibratedScenarioYaml(input.plan, input.result, { outDir: target, command: input.command, raw: input.raw });
  await writeDirectoryAtomically(target, { kind: 'calibration', force: options.force, provenance: options.provenance }, async (dir) => {
    await writeFile(join(dir, 'calibrated.yaml'), yaml);
    await writeCalibrationSummary(dir, summary);
    await writeFitCsv(dir, summary);
    await renderCalibrationReport(dir, { ...options, folderName: basename(target) }, summary);
  });
  return summary;
}

/** Charts and report.html of a calibration folder, from its summary.json (or the summary given). */
export async function renderCalibrationReport(dir: string, options: ExperimentReportOptions & { folderName?: string } = {}, summary?: CalibrationSummaryFile): Promise<ExperimentReportResult> {
  const data = summary ?? (await readCalibrationSummary(dir));
  const { drawn, files } = await writeExperimentCharts(dir, calibrationCharts(data), chartFormats(options), options.captions);
  const report = join(dir, 'report.html');
  await writeFile(report, calibrationHtml(data, drawn, options.folderName ?? basename(resolve(dir)), await readFolderProvenance(dir)));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
