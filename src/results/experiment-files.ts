/**
 * Writing and reading the JSON result files of the experiment commands
 * (calibrate, history, study, game) against their formats: written as
 * `stableJson` (two-space indent, a final newline), read back checked, so a
 * damaged file is a UserError naming the file and the field.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CALIBRATION_SUMMARY, type calibrationSummarySchema } from './calibration-format.js';
import { GAME_FILE, type GameJson } from './game-format.js';
import { HISTORY_SUMMARY, type historySummarySchema } from './history-format.js';
import { readJsonFile, stableJson } from './json-file.js';
import { STUDY_FILE, type studyJsonSchema, type StudyJsonFile } from './study-format.js';

export const writeCalibrationSummary = (dir: string, summary: z.input<typeof calibrationSummarySchema>) => writeFile(join(dir, 'summary.json'), stableJson(summary));
export const readCalibrationSummaryFile = (dir: string) => readJsonFile(dir, 'summary.json', CALIBRATION_SUMMARY, 'a calibration folder');

export const writeHistorySummary = (dir: string, summary: z.input<typeof historySummarySchema>) => writeFile(join(dir, 'summary.json'), stableJson(summary));
export const readHistorySummary = (dir: string) => readJsonFile(dir, 'summary.json', HISTORY_SUMMARY, 'a `chuanyu history` folder');

export const writeStudyJson = (dir: string, data: z.input<typeof studyJsonSchema>) => writeFile(join(dir, 'study.json'), stableJson(data));
export const readStudyJson = (dir: string): Promise<StudyJsonFile> => readJsonFile(dir, 'study.json', STUDY_FILE, 'a `chuanyu study` folder');

/** Writes a game analysis at `file` (game.json, or a study's games/PANEL.json). */
export const writeGameJson = (file: string, game: GameJson) => writeFile(file, stableJson(game));
export const readGameJson = (dir: string): Promise<GameJson> => readJsonFile(dir, 'game.json', GAME_FILE, 'a `chuanyu game` folder');
