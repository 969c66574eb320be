/** Reads a Parquet file back with a reader library (hyparquet) and compares it with its CSV, cell by cell. */
import { readFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { parseCsv } from '../../src/results/csv-read.js';
import { formatNumber } from '../../src/results/csv.js';

export interface ParquetTable {
  columns: { name: string; type: string | undefined; convertedType: string | undefined }[];
  rows: Record<string, unknown>[];
  rowGroups: number;
}

export async function readParquet(file: string): Promise<ParquetTable> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const columns = metadata.schema.slice(1).map((s) => ({ name: s.name, type: s.type, convertedType: s.converted_type }));
  const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  return { columns, rows, rowGroups: metadata.row_groups.length };
}

/** A Parquet cell as the CSV writes it: null as an empty cell, numbers with the CSV's digits. */
export function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** Differences between `x.parquet` and `x.csv` (same header, same rows, every cell the same text); empty when they agree. */
export async function parquetVersusCsv(csvFile: string, parquetFile = csvFile.replace(/\.csv$/, '.parquet')): Promise<string[]> {
  const [header, ...rows] = parseCsv(readFileSync(csvFile, 'utf8'));
  const table = await readParquet(parquetFile);
  const problems: string[] = [];
  const names = table.columns.map((c) => c.name);
  if (names.join(',') !== header.join(',')) problems.push(`columns ${names.join(',')} != ${header.join(',')}`);
  if (table.rows.length !== rows.length) problems.push(`${table.rows.length} rows != ${rows.length}`);
  for (let i = 0; i < Math.min(rows.length, table.rows.length) && problems.length < 10; i++)
    header.forEach((name, c) => {
      const got = csvText(table.rows[i][name]);
      if (got !== rows[i][c]) problems.push(`row ${i + 1} ${name}: parquet ${got} != csv ${rows[i][c]}`);
    });
  return problems;
}
