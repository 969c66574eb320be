/**
 * A tidy table as CSV, and as Parquet beside it (`x.csv`, `x.parquet`) when
 * asked: both from the same header and rows, so they carry the same columns
 * and cells. `rows` is called once for the CSV and twice for the Parquet file
 * (types, then data); each call must give the same rows.
 */
import { writeCsvFile, writeCsvFileAtomically } from './csv-file.js';
import { writeParquetFileAtomically, type Cell } from './parquet-file.js';

export interface TableOutput {
  /** Also write `<name>.parquet` beside the CSV. */
  parquet?: boolean;
  /** Write the CSV to a temporary name and rename it (the Parquet file always is). */
  atomic?: boolean;
}

export const parquetFileOf = (csvFile: string): string => csvFile.replace(/\.csv$/, '') + '.parquet';

export async function writeTable(csvFile: string, header: readonly string[], rows: () => Iterable<readonly Cell[]>, output: TableOutput = {}): Promise<void> {
  const write = output.atomic ? writeCsvFileAtomically : writeCsvFile;
  await write(csvFile, header, rows() as Iterable<Cell[]>);
  if (output.parquet) await writeParquetFileAtomically(parquetFileOf(csvFile), header, rows);
}
