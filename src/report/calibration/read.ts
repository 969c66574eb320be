/**
 * Reads a calibration folder's summary.json through the results readers.
 * The folder holds no resolved scenario (summary.json names the scenario and
 * its file; manifest.json lists the files), so the report has no
 * illustrative note to show.
 */
import type { CalibrationSummary } from '../../experiment/calibration/summary.js';
import { readCalibrationSummaryFile } from '../../results/experiment-files.js';

export async function readCalibrationSummary(dir: string): Promise<CalibrationSummary> {
  // Checked against results/calibration-format.ts, which names every field the report, fit.csv and the charts read;
  // the rest (choices, assessment) is the experiment's own and passes through as written.
  return (await readCalibrationSummaryFile(dir)) as CalibrationSummary;
}
