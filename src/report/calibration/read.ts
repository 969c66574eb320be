/**
 * Reads a calibration folder's summary.json through the results readers,
 * checked against results/calibration-format.ts in every field (the hand
 * choices and the assessment included): the report draws from the file's own
 * type, which the summary `chuanyu calibrate` builds in memory also fits.
 */
import type { CalibrationSummaryFile } from '../../results/calibration-format.js';
import { readCalibrationSummaryFile } from '../../results/experiment-files.js';

export type { CalibrationSummaryFile };

export const readCalibrationSummary = (dir: string): Promise<CalibrationSummaryFile> => readCalibrationSummaryFile(dir);
