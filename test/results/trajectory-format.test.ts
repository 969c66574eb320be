/** trajectories.csv: written and read back the same, and a damaged file is a UserError naming the file, line and field. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/scenario/errors.js';
import { TRAJECTORIES_CSV, readTrajectoryTable, writeTrajectoryTable, type TrajectoryRow } from '../../src/results/trajectory-format.js';

const ROWS: TrajectoryRow[] = [
  { scenario: 'baseline', metric: 'similarity', region: 'zone', year: 2020, mean: 0.59, low: 0.58, high: 0.6, n: 5 },
  { scenario: 'baseline', metric: 'value_added', region: 'sichuan', year: 2021, mean: 1234.5, low: 1200.25, high: 1268.75, n: 5 },
  { scenario: 'co,op "x"', metric: 'relocations', region: 'zone', year: 2021, mean: 2e-7, low: Number.NaN, high: Number.NaN, n: 1 },
];

async function written(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'chuanyu-trajectories-'));
  await writeTrajectoryTable(dir, ROWS);
  return dir;
}

async function damaged(edit: (text: string) => string): Promise<UserError> {
  const dir = await written();
  const file = join(dir, TRAJECTORIES_CSV);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const error = await readTrajectoryTable(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).file).toBe(file);
  return error as UserError;
}

describe('trajectories.csv', () => {
  it('reads back what was written (NaN bounds as empty cells, quoted names)', async () => {
    const dir = await written();
    expect(readFileSync(join(dir, TRAJECTORIES_CSV), 'utf8').split('\n')[0]).toBe('scenario,metric,region,year,mean,low,high,n');
    expect(await readTrajectoryTable(dir)).toEqual(ROWS);
  });

  it('is absent (null) in folders written before trajectories were kept', async () => {
    expect(await readTrajectoryTable(mkdtempSync(join(tmpdir(), 'chuanyu-trajectories-')))).toBeNull();
  });

  it('rejects a row whose count is not a whole number, naming the field and line', async () => {
    const error = await damaged((t) => t.replace(/,5\n/, ',five\n'));
    expect(error.fieldPath).toBe('n');
    expect(error.location?.line).toBe(2);
    expect(error.message).toContain('"five"');
  });

  it('rejects a mean that is not a number, naming the field', async () => {
    const error = await damaged((t) => t.replace('1234.5', '12x4.5'));
    expect(error.fieldPath).toBe('mean');
    expect(error.location?.line).toBe(3);
  });

  it('rejects a year that is not whole and an empty scenario name', async () => {
    expect((await damaged((t) => t.replace('2020', '2020.5'))).fieldPath).toBe('year');
    expect((await damaged((t) => t.replace('baseline,similarity', ',similarity'))).fieldPath).toBe('scenario');
  });

  it('rejects a file without the columns, naming the missing ones', async () => {
    const error = await damaged((t) => t.replace('scenario,metric,region,year,mean,low,high,n', 'scenario,metric,region,year,average,low,high,n'));
    expect(error.message).toContain('missing column mean');
    expect(error.location?.line).toBe(1);
  });
});
