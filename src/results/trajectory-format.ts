/**
 * The trajectories of a comparison (`chuanyu compare`): per scenario, metric,
 * region (or the zone) and year, the mean over replications and its 95%
 * Student-t interval, as trajectories.csv. Two shapes: the running moments a
 * point task hands back (mean and sum of squared deviations per year, Welford),
 * and the table rows made from them. The table is read back row by row against
 * a zod schema, so a damaged file is a `UserError` naming the file, the line
 * and the field.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../scenario/errors.js';
import { csvLine } from './csv.js';
import { parseCsv } from './csv-read.js';

export const TRAJECTORIES_CSV = 'trajectories.csv';
export const TRAJECTORY_COLUMNS = ['scenario', 'metric', 'region', 'year', 'mean', 'low', 'high', 'n'] as const;

export { trajectoryMomentsSchema, type TrajectoryMoments } from './point-format.js';

/** A number cell: empty for NaN (no value, or no interval with fewer than two replications). */
const cellNumber = z.union([z.literal('').transform(() => Number.NaN), z.string().regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'expected a number').transform(Number)]);

/** One row of trajectories.csv. */
export const trajectoryRowSchema = z.object({
  scenario: z.string().min(1, 'expected a scenario name'),
  metric: z.string().min(1, 'expected a metric name'),
  region: z.string().min(1, 'expected a region id or "zone"'),
  year: z.string().regex(/^-?\d+$/, 'expected a whole year').transform(Number),
  mean: cellNumber,
  low: cellNumber,
  high: cellNumber,
  n: z.string().regex(/^\d+$/, 'expected a whole number of replications').transform(Number),
});
export type TrajectoryRow = z.output<typeof trajectoryRowSchema>;

export async function writeTrajectoryTable(dir: string, rows: readonly TrajectoryRow[]): Promise<void> {
  let text = csvLine([...TRAJECTORY_COLUMNS]);
  for (const r of rows) text += csvLine([r.scenario, r.metric, r.region, r.year, r.mean, r.low, r.high, r.n]);
  await writeFile(join(dir, TRAJECTORIES_CSV), text);
}

/** Parses trajectories.csv; the first bad row is a UserError naming the file, line and field. */
export function parseTrajectoryTable(text: string, file: string): TrajectoryRow[] {
  const fail = (message: string, line: number, fieldPath?: string): never => {
    throw new UserError(message, { file, location: { line, column: 1 }, fieldPath });
  };
  const rows = parseCsv(text, fail);
  if (rows.length === 0) fail('the file is empty (expected the header line of trajectories.csv)', 1);
  const header = rows[0];
  const missing = TRAJECTORY_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) fail(`not the trajectories of a comparison: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header is: ${header.join(',')})`, 1);
  const out: TrajectoryRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0] === '') continue; // blank line
    if (row.length !== header.length) fail(`expected ${header.length} fields, found ${row.length}`, r + 1);
    const record: Record<string, string> = {};
    for (const c of TRAJECTORY_COLUMNS) record[c] = row[header.indexOf(c)];
    const parsed = trajectoryRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue.path[0] ?? '');
      fail(`${field}: ${issue.message}, found ${JSON.stringify(String(record[field] ?? '').slice(0, 40))}`, r + 1, field);
    }
    out.push(parsed.data!);
  }
  return out;
}

/** trajectories.csv of a comparison folder, or null when the folder has none (written before trajectories were kept). */
export async function readTrajectoryTable(dir: string): Promise<TrajectoryRow[] | null> {
  const file = join(dir, TRAJECTORIES_CSV);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read ${file}`, { file, cause: error });
  }
  return parseTrajectoryTable(text, file);
}
