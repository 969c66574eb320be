/**
 * Parquet beside a CSV table: the same header and the same rows as
 * csv-file.ts, so both files always carry the same columns and cells.
 * Written with hyparquet-writer (pure JS) in row groups, so a large table is
 * never held whole in memory: the rows are read twice, once to choose each
 * column's type and once to write, one row group at a time.
 *
 * Cells hold exactly what the CSV shows: numbers rounded to its 12
 * significant digits, non-finite numbers (empty CSV cells) as null. Types:
 * a column with any text is UTF8 text (its numbers as the CSV writes them);
 * the index and count columns (WHOLE_NUMBER_COLUMNS) INT32, INT64 beyond 32
 * bits; every other number DOUBLE.
 */
import { rename, rm } from 'node:fs/promises';
import { ParquetWriter, fileWriter, type SchemaElement } from 'hyparquet-writer';
import { formatNumber } from './csv.js';

export type Cell = string | number;
export type ParquetType = 'INT32' | 'INT64' | 'DOUBLE' | 'STRING';

/** Rows per row group: large enough for good compression, small enough to keep memory flat. */
export const ROW_GROUP_ROWS = 100_000;

const INT32_MAX = 2 ** 31 - 1;

/**
 * Columns that index or count, whole numbers wherever they appear; every other
 * numeric column is DOUBLE, so a column's type never depends on whether one
 * run's values happen to be whole (a table's schema is the same in every run).
 */
export const WHOLE_NUMBER_COLUMNS: ReadonlySet<string> = new Set(['point', 'replication', 'step', 'year', 'firms']);

/** Each column's type over all rows (see the file comment). */
export function columnTypes(header: readonly string[], rows: Iterable<readonly Cell[]>): ParquetType[] {
  const columns = header.length;
  const text = new Array<boolean>(columns).fill(false);
  const fraction = new Array<boolean>(columns).fill(false);
  const wide = new Array<boolean>(columns).fill(false);
  for (const row of rows)
    for (let c = 0; c < columns; c++) {
      const v = row[c];
      if (typeof v === 'string') text[c] = true;
      else if (!Number.isFinite(v)) continue;
      else if (!Number.isSafeInteger(v)) fraction[c] = true; // a fraction, or beyond 2^53 where an integer is only a double
      else if (Math.abs(v) > INT32_MAX) wide[c] = true;
    }
  return header.map((name, c) => (text[c] ? 'STRING' : fraction[c] || !WHOLE_NUMBER_COLUMNS.has(name) ? 'DOUBLE' : wide[c] ? 'INT64' : 'INT32'));
}

/** A cell as the column's type holds it: the CSV's value, null for an empty CSV cell. */
function parquetCell(v: Cell | undefined, type: ParquetType): string | number | bigint | null {
  if (v === undefined) return null;
  if (type === 'STRING') {
    if (typeof v === 'string') return v;
    return Number.isFinite(v) ? formatNumber(v) : null;
  }
  const n = v as number;
  if (!Number.isFinite(n)) return null;
  if (type === 'INT64') return BigInt(n);
  return type === 'INT32' ? n : Number(formatNumber(n));
}

function schemaOf(header: readonly string[], types: readonly ParquetType[]): SchemaElement[] {
  return [
    { name: 'root', num_children: header.length },
    ...header.map((name, c): SchemaElement => {
      const type = types[c];
      return type === 'STRING'
        ? { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }
        : { name, type, repetition_type: 'OPTIONAL' };
    }),
  ];
}

/**
 * Writes `rows()` (called twice: types, then data) as a Parquet file under a
 * temporary name, renamed into place when complete.
 */
export async function writeParquetFileAtomically(file: string, header: readonly string[], rows: () => Iterable<readonly Cell[]>, options: { rowGroupRows?: number } = {}): Promise<void> {
  const types = columnTypes(header, rows());
  const groupRows = options.rowGroupRows ?? ROW_GROUP_ROWS;
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const writer = new ParquetWriter({ writer: fileWriter(tmp), schema: schemaOf(header, types), createdBy: 'chuanyu-sim' });
    let columns = header.map((): (string | number | bigint | null)[] => []);
    const flush = () => {
      if (columns[0]?.length) writer.write({ columnData: header.map((name, c) => ({ name, data: columns[c] })), rowGroupSize: columns[0].length });
      columns = header.map(() => []);
    };
    for (const row of rows()) {
      for (let c = 0; c < header.length; c++) columns[c].push(parquetCell(row[c], types[c]));
      if (columns[0].length >= groupRows) flush();
    }
    flush();
    writer.finish();
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
