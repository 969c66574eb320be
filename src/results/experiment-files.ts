/**
 * Writing and reading the result files of the experiment commands
 * (calibrate, history, study, game): the JSON files against their formats,
 * written as `stableJson` (two-space indent, a final newline) and read back
 * checked, so a damaged file is a UserError naming the file and the field;
 * and their CSV tables (fit.csv, profile.csv, attribution.csv, cells.csv),
 * whose rows the <kind>-format.ts files make.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CALIBRATION_SUMMARY, FIT_CSV_HEADER, fitRows, type FitSource, type calibrationSummarySchema } from './calibration-format.js';
import { writeCsvFile } from './csv-file.js';
import { GAME_FILE, type GameJson } from './game-format.js';
import { HISTORY_SUMMARY, attributionCsv, profileCsv, type attributionSchema, type historySummarySchema, type switchProfileSchema } from './history-format.js';
import { readJsonFile, stableJson } from './json-file.js';
import { STUDY_FILE, studyCellsCsv, type studyJsonSchema, type StudyJsonFile } from './study-format.js';

export const writeCalibrationSummary = (dir: string, summary: z.input<typeof calibrationSummarySchema>) => writeFile(join(dir, 'summary.json'), stableJson(summary));
export const writeFitCsv = (dir: string, summary: FitSource) => writeCsvFile(join(dir, 'fit.csv'), FIT_CSV_HEADER, fitRows(summary));
export const readCalibrationSummaryFile = (dir: string) => readJsonFile(dir, 'summary.json', CALIBRATION_SUMMARY, 'a calibration folder');

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

/** Writes a game analysis at `file` (game.json, or a study's games/PANEL.json). */
export const writeGameJson = (file: string, game: GameJson) => writeFile(file, stableJson(game));
export const readGameJson = (dir: string): Promise<GameJson> => readJsonFile(dir, 'game.json', GAME_FILE, 'a `chuanyu game` folder');
