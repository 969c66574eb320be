/**
 * Parquet tables beside the CSVs: read back with a reader library (hyparquet),
 * every cell equals the CSV's, columns typed as documented (integers INT32 or
 * INT64, other numbers DOUBLE, text UTF8, empty cells null), in row groups.
 */
import { join } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeTable } from '../../src/results/table-files.js';
import { writeParquetFileAtomically, columnTypes } from '../../src/results/parquet-file.js';
import { writeCsvFile } from '../../src/results/csv-file.js';
import { writeRunTables } from '../../src/results/run-files.js';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { summarizeRun } from '../../src/experiment/summarize.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { tinyWorld } from '../helpers/tiny-world.js';
import { scratchFolder } from '../helpers/results.js';
import { parquetVersusCsv, readParquet } from '../helpers/parquet.js';

const scratch = scratchFolder('chuanyu-parquet-');

const HEADER = ['point', 'replication', 'year', 'region', 'label', 'mixed', 'value', 'firms'];
const rows = () =>
  Array.from({ length: 2500 }, (_, i): (string | number)[] => [
    i,
    i % 3,
    2020 + (i % 7),
    i % 2 ? 'sichuan' : 'chongqing',
    i % 5 === 0 ? 'has, a comma' : i % 5 === 1 ? 'has "quotes"' : i % 5 === 2 ? '' : 'plain',
    i % 4 === 0 ? 'text' : i / 7,
    i % 11 === 0 ? Number.NaN : i % 13 === 0 ? Number.POSITIVE_INFINITY : Math.sin(i) * 1e6,
    i % 97 === 0 ? 2 ** 40 + i : i,
  ]);

describe('parquet-file', () => {
  it('writes the CSV\'s columns and cells, read back by hyparquet, in row groups', async () => {
    const file = join(scratch.path, 'table.csv');
    await writeCsvFile(file, HEADER, rows());
    await writeParquetFileAtomically(join(scratch.path, 'table.parquet'), HEADER, rows, { rowGroupRows: 1000 });
    expect(await parquetVersusCsv(file)).toEqual([]);
    const table = await readParquet(join(scratch.path, 'table.parquet'));
    expect(table.rowGroups).toBe(3);
    expect(table.columns.map((c) => `${c.name}:${c.type}${c.convertedType ? `/${c.convertedType}` : ''}`)).toEqual([
      'point:INT32',
      'replication:INT32',
      'year:INT32',
      'region:BYTE_ARRAY/UTF8',
      'label:BYTE_ARRAY/UTF8',
      'mixed:BYTE_ARRAY/UTF8',
      'value:DOUBLE',
      'firms:INT64',
    ]);
    expect(table.rows[11].value).toBeNull(); // NaN: an empty CSV cell
    expect(table.rows[13].value).toBeNull(); // infinity likewise
    expect(table.rows[0].firms).toBe(2n ** 40n);
  });

  it('types numeric columns by name, not by whether one run\'s values happen to be whole', () => {
    expect(columnTypes(['step', 'grants', 'unit'], [[1, 0, 'yuan'], [2, 0, 'yuan']])).toEqual(['INT32', 'DOUBLE', 'STRING']);
    expect(columnTypes(['step'], [[1.5]])).toEqual(['DOUBLE']); // never loses a fraction
  });

  it('writes an empty table as a valid file with its columns', async () => {
    const file = join(scratch.path, 'empty.csv');
    await writeTable(file, ['point', 'outcome'], () => [], { parquet: true, atomic: true });
    expect(await parquetVersusCsv(file)).toEqual([]);
  });

  it('writes a run\'s tables (and its counterfactual\'s) as Parquet beside the CSVs only when asked', async () => {
    const config = normalizeScenario(ScenarioSchema.parse(tinyWorld({ fund: { enabled: false }, investShare: 0.2 })));
    const run = runScenario(config, { seed: 3, replications: 2 });
    const withParquet = join(scratch.path, 'run');
    const csvOnly = join(scratch.path, 'run-csv');
    for (const dir of [withParquet, csvOnly]) mkdirSync(dir);
    await writeRunTables(withParquet, run, summarizeRun(run), { parquet: true });
    await writeRunTables(csvOnly, run, summarizeRun(run));
    for (const table of ['metrics', 'sectors', 'markets', 'counterfactual/metrics', 'counterfactual/sectors']) {
      expect(await parquetVersusCsv(join(withParquet, `${table}.csv`)), table).toEqual([]);
      expect(existsSync(join(csvOnly, `${table}.parquet`)), table).toBe(false);
    }
  });
});
