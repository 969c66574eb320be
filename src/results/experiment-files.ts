/**
 * Writing and reading the result files of the experiment commands
 * (calibrate, history, study, game): the JSON files against their formats,
 * written as `stableJson` (two-space indent, a final newline) and read back
 * checked, so a damaged file is a UserError naming the file and the field;
 * and their CSV tables (fit.csv, profile.csv, attribution.csv, cells.csv,
 * payoffs.csv, decomposition.csv), whose header and rows the <kind>-format.ts files make.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { UserError } from '../scenario/errors.js';
import { CALIBRATION_STUDY, CALIBRATION_SUMMARY, FIT_CSV_HEADER, fitRows, type FitSource, type calibrationStudySchema, type calibrationSummarySchema } from './calibration-format.js';
import { writeCsvFile } from './csv-file.js';
import { parseTable } from './csv-read.js';
import {
  GAME_FILE,
  PAYOFFS_CSV_COLUMNS,
  decompositionCsvHeader,
  decompositionCsvRows,
  payoffsCsvHeader,
  payoffsCsvRows,
  type DecompositionSource,
  type GameJson,
  type PayoffsCsvRow,
  type PayoffsSource,
} from './game-format.js';
import { GAME_MANIFEST, STUDY_MANIFEST, type gameManifestSchema, type studyManifestSchema } from './manifest-format.js';
import { MANIFEST_FILE } from './output-folder.js';
import { HISTORY_SUMMARY, attributionCsv, profileCsv, type attributionSchema, type historySummarySchema, type switchProfileSchema } from './history-format.js';
import { readJsonFile, stableJson } from './json-file.js';
import { STUDY_FILE, studyCellsCsv, type studyJsonSchema, type StudyJsonFile } from './study-format.js';

export const writeCalibrationSummary = (dir: string, summary: z.input<typeof calibrationSummarySchema>) => writeFile(join(dir, 'summary.json'), stableJson(summary));
export const writeFitCsv = (dir: string, summary: FitSource) => writeCsvFile(join(dir, 'fit.csv'), FIT_CSV_HEADER, fitRows(summary));
export const readCalibrationSummaryFile = (dir: string) => readJsonFile(dir, 'summary.json', CALIBRATION_SUMMARY, 'a calibration folder');

/** study.json of `chuanyu calibrate --study --out` (its folder also holds study.md). */
export const writeCalibrationStudyJson = (dir: string, study: z.input<typeof calibrationStudySchema>) => writeFile(join(dir, 'study.json'), stableJson(study));
export const readCalibrationStudyJson = (dir: string) => readJsonFile(dir, 'study.json', CALIBRATION_STUDY, 'a `chuanyu calibrate --study` folder');

export const writeHistorySummary = (dir: string, summary: z.input<typeof historySummarySchema>) => writeFile(join(dir, 'summary.json'), stableJson(summary));
export async function writeProfileCsv(dir: string, profile: z.output<typeof switchProfileSchema>): Promise<void> {
  const { header, rows } = profileCsv(profile);
  await writeCsvFile(join(dir, 'profile.csv'), header, rows);
}
export async function writeAttributionCsv(dir: string, attribution: z.output<typeof attributionSchema>): Promise<void> {
  const { header, rows } = attributionCsv(attribution);
  await writeCsvFile(join(dir, 'attribution.csv'), header, rows);
}
export const readHistorySummary = (dir: string) => readJsonFile(dir, 'summary.json', HISTORY_SUMMARY, 'a `chuanyu history` folder');

export const writeStudyJson = (dir: string, data: z.input<typeof studyJsonSchema>) => writeFile(join(dir, 'study.json'), stableJson(data));
export async function writeStudyCells(dir: string, data: StudyJsonFile): Promise<void> {
  const { header, rows } = studyCellsCsv(data);
  await writeCsvFile(join(dir, 'cells.csv'), header, rows);
}
export const readStudyJson = (dir: string): Promise<StudyJsonFile> => readJsonFile(dir, 'study.json', STUDY_FILE, 'a `chuanyu study` folder');
export const writeStudyManifest = (dir: string, manifest: z.input<typeof studyManifestSchema>) => writeFile(join(dir, MANIFEST_FILE), stableJson(manifest));
export const readStudyManifest = (dir: string) => readJsonFile(dir, MANIFEST_FILE, STUDY_MANIFEST, 'a `chuanyu study` folder');

/** Writes a game analysis at `file` (game.json, or a study's games/PANEL.json). */
export const writeGameJson = (file: string, game: GameJson) => writeFile(file, stableJson(game));
export const readGameJson = (dir: string): Promise<GameJson> => readJsonFile(dir, 'game.json', GAME_FILE, 'a `chuanyu game` folder');
export const writeGameManifest = (dir: string, manifest: z.input<typeof gameManifestSchema>) => writeFile(join(dir, MANIFEST_FILE), stableJson(manifest));
export const readGameManifest = (dir: string) => readJsonFile(dir, MANIFEST_FILE, GAME_MANIFEST, 'a `chuanyu game` folder');

/** payoffs.csv of a game folder: one column per swept parameter (`sweep`, their paths) after `point`. */
export const writePayoffsCsv = (dir: string, points: readonly PayoffsSource[], sweep: readonly string[]) => writeCsvFile(join(dir, 'payoffs.csv'), payoffsCsvHeader(sweep), payoffsCsvRows(points, sweep));

/** decomposition.csv of a game folder: one column per swept parameter (`sweep`, their paths) after `point`. */
export const writeDecompositionCsv = (dir: string, points: readonly DecompositionSource[], sweep: readonly string[]) =>
  writeCsvFile(join(dir, 'decomposition.csv'), decompositionCsvHeader(sweep), decompositionCsvRows(points, sweep));

/** payoffs.csv read back, each row checked (a row that is not one names the file and line). */
export async function readPayoffsCsv(dir: string): Promise<PayoffsCsvRow[]> {
  const file = join(dir, 'payoffs.csv');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${dir} is not a \`chuanyu game\` folder (no ${basename(file)})` : `cannot read payoffs.csv (${(error as Error).message})`, { file, cause: error });
  }
  return parseTable(text, file, PAYOFFS_CSV_COLUMNS);
}
