/**
 * Reading the CSV tables of results folders back: RFC 4180 parsing and typed
 * records for a known header, with a `UserError` naming the file and line of
 * any malformed row.
 */
import { UserError } from '../scenario/errors.js';

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote
 * inside doubled), CRLF or LF line ends. Returns the rows as string arrays;
 * `onError(message, line)` is called for malformed input.
 */
export function parseCsv(text: string, onError: (message: string, line: number) => never = (m, l) => {
  throw new Error(`line ${l}: ${m}`);
}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = text.length;
  let fieldStarted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  while (i < n) {
    const c = text[i];
    if (c === '"' && !fieldStarted) {
      // Quoted field.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) onError('unterminated quoted field', startLine);
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          if (q === '\n') line++;
          field += q;
          i++;
        }
      }
      fieldStarted = true;
      const after = text[i];
      if (i < n && after !== ',' && after !== '\n' && after !== '\r') onError('unexpected character after a quoted field', line);
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      let end = i;
      while (end < n) {
        const e = text.charCodeAt(end);
        if (e === 44 /* , */ || e === 10 /* \n */ || e === 13 /* \r */) break;
        end++;
      }
      const chunk = text.slice(i, end);
      if (chunk.includes('"')) onError('unexpected double quote inside an unquoted field', line);
      field += chunk;
      fieldStarted = true;
      i = end;
    }
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type Column<T> = { [K in keyof T]: T[K] extends number ? 'number' : 'string' };

/** Parses a CSV table with a known header into typed records. */
export function parseTable<T extends object>(text: string, file: string, columns: Column<T>): T[] {
  const fail = (message: string, line: number): never => {
    throw new UserError(message, { file, location: { line, column: 1 } });
  };
  const rows = parseCsv(text, fail);
  if (rows.length === 0) fail('the file is empty (expected a header line)', 1);
  const names = Object.keys(columns) as (keyof T & string)[];
  const header = rows[0];
  const index = names.map((name) => header.indexOf(name));
  const missing = names.filter((_, c) => index[c] < 0);
  if (missing.length > 0) fail(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header is: ${header.join(',')})`, 1);
  const kinds = names.map((name) => (columns as Record<string, string>)[name]);
  const out: T[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === '') continue; // blank line
    if (row.length !== header.length) fail(`expected ${header.length} fields, found ${row.length}`, r + 1);
    const record: Record<string, string | number> = {};
    for (let c = 0; c < names.length; c++) {
      const cell = row[index[c]];
      if (kinds[c] === 'number') {
        const value = cell === '' ? Number.NaN : Number(cell);
        if (cell !== '' && Number.isNaN(value)) fail(`${names[c]}: not a number: ${JSON.stringify(cell.slice(0, 40))}`, r + 1);
        record[names[c]] = value;
      } else {
        record[names[c]] = cell;
      }
    }
    out.push(record as T);
  }
  return out;
}

