/** boxes.json and trajectory.csv of a `chuanyu discover` folder, written and read back against discover-format.ts. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCsvFile } from './csv-file.js';
import { DISCOVER_FILE, TRAJECTORY_CSV_HEADER, trajectoryRows, type DiscoverFile } from './discover-format.js';
import { readJsonFile, stableJson } from './json-file.js';

export const writeBoxesJson = (dir: string, file: DiscoverFile) => writeFile(join(dir, 'boxes.json'), stableJson(file));
export const writeTrajectoryCsv = (dir: string, file: DiscoverFile) => writeCsvFile(join(dir, 'trajectory.csv'), TRAJECTORY_CSV_HEADER, trajectoryRows(file));
export const readBoxesJson = (dir: string): Promise<DiscoverFile> => readJsonFile(dir, 'boxes.json', DISCOVER_FILE, 'a `chuanyu discover` folder');
