/**
 * metrics.json on disk (the format is metric-dictionary.ts): written into a
 * results folder from the CSV tables it holds (their headers read back, so
 * every column written is documented), and read back checked.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from './csv-read.js';
import { readJsonFile, stableJson } from './json-file.js';
import { writeFileAtomically } from './atomic-file.js';
import { listFiles } from './output-folder.js';
import { METRIC_DICTIONARY, METRIC_DICTIONARY_FILE, buildMetricDictionary, type MetricDictionary } from './metric-dictionary.js';

/** The header of a CSV file: its first line, read without loading the whole table (tables can be large). */
async function csvHeader(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    let text = '';
    const buffer = Buffer.alloc(64 * 1024);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      text += buffer.subarray(0, bytesRead).toString('utf8');
      position += bytesRead;
      if (text.includes('\n')) break;
    }
    const line = text.split(/\r?\n/)[0];
    return line === '' ? [] : (parseCsv(line)[0] ?? []);
  } finally {
    await handle.close();
  }
}

/** The dictionary of the CSV tables in `dir` (every `*.csv` under it, sorted by path). */
export async function metricDictionaryOf(dir: string): Promise<MetricDictionary> {
  const files = (await listFiles(dir)).filter((f) => f.endsWith('.csv'));
  const tables = await Promise.all(files.map(async (file) => ({ file, header: await csvHeader(join(dir, ...file.split('/'))) })));
  return buildMetricDictionary(tables);
}

/** Writes metrics.json into `dir` (to a temporary name, renamed), describing the tables it holds now. */
export async function writeMetricDictionary(dir: string): Promise<void> {
  await writeFileAtomically(join(dir, METRIC_DICTIONARY_FILE), stableJson(await metricDictionaryOf(dir)));
}

export const readMetricDictionary = (dir: string): Promise<MetricDictionary> => readJsonFile(dir, METRIC_DICTIONARY_FILE, METRIC_DICTIONARY, 'a results folder with a metric dictionary');
