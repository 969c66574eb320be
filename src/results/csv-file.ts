/** Streams tidy rows to a CSV file in 64 KiB chunks, so large tables never sit in memory whole. */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { csvLine } from './csv.js';

export async function writeCsvFile(file: string, header: readonly string[], rows: Iterable<(string | number)[]>): Promise<void> {
  const out = createWriteStream(file);
  let buffer = csvLine([...header]);
  for (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** The same, written to a temporary name and renamed, so readers never see a partial file. */
export async function writeCsvFileAtomically(file: string, header: readonly string[], rows: Iterable<(string | number)[]>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeCsvFile(tmp, header, rows);
  await rename(tmp, file);
}
