/**
 * Trajectory files of resumable experiments (sweeps and sensitivity analyses
 * run with `--series`): `points/series-NNNNNN.csv`, one per finished point,
 * beside its point file and written before it (atomically), so a point that
 * counts as finished always has its series. At the end the tidy `series.csv`
 * (point, parameters..., replication, step, year, region, metric, value) is
 * streamed from these files one point at a time, never the whole table in memory.
 */
import { copyFile, readFile, rename } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import { csvLine } from './csv.js';
import { writeTable, type TableOutput } from './table-files.js';
import type { Cell } from './parquet-file.js';
import type { DesignPoint, ParameterValue } from './point-format.js';
import { unitCell } from './metric-dictionary.js';

/** One replication's trajectories: `values[s * keys + k]` is series k at step s (NaN where undefined). */
export interface ReplicationSeries {
  replication: number;
  steps: number[];
  years: number[];
  values: Float64Array;
}

/** A point's trajectories, as a worker sends them to the main thread. */
export interface PointSeries {
  /** `place.metric` names, the order of `values`' columns. */
  keys: string[];
  replications: ReplicationSeries[];
}

export const SERIES_FILE_COLUMNS = ['replication', 'step', 'year', 'region', 'metric', 'value'] as const;
const HEADER_LINE = SERIES_FILE_COLUMNS.join(',');

export const seriesFileName = (index: number): string => `series-${String(index).padStart(6, '0')}.csv`;
export const seriesPath = (dir: string, index: number): string => join(dir, 'points', seriesFileName(index));

/** The point's series file: tidy rows in replication, step and series order; undefined values (NaN) are left out, as in metrics.csv. */
export function seriesFileText(series: PointSeries): string {
  const places = series.keys.map((key) => key.split('.'));
  let text = HEADER_LINE + '\n';
  for (const rep of series.replications)
    rep.steps.forEach((step, s) => {
      places.forEach(([place, metric], k) => {
        const value = rep.values[s * places.length + k];
        if (Number.isFinite(value)) text += csvLine([rep.replication, step, rep.years[s], place, metric, value]);
      });
    });
  return text;
}

export async function saveSeries(dir: string, index: number, series: PointSeries): Promise<void> {
  await writeFileAtomically(seriesPath(dir, index), seriesFileText(series));
}

/** Why a point's series file is not the plan's (missing, truncated, edited), or null when it is sound. */
export function seriesFileProblem(text: string | null, expected: { replications: number; keys: readonly string[] }): string | null {
  if (text === null) return 'its series file is missing';
  if (!text.startsWith(HEADER_LINE + '\n')) return `its series file does not start with the header ${HEADER_LINE}`;
  if (!text.endsWith('\n')) return 'its series file is truncated';
  const keys = new Set(expected.keys);
  const lines = text.split('\n');
  for (let i = 1; i < lines.length - 1; i++) {
    const cells = lines[i].split(',');
    const replication = Number(cells[0]);
    if (
      cells.length !== 6 ||
      !Number.isInteger(replication) ||
      replication < 0 ||
      replication >= expected.replications ||
      !Number.isFinite(Number(cells[1])) ||
      !Number.isFinite(Number(cells[2])) ||
      !keys.has(`${cells[3]}.${cells[4]}`) ||
      cells[5] === '' ||
      !Number.isFinite(Number(cells[5]))
    )
      return `its series file's line ${i + 1} is not a series row of the plan: ${lines[i].slice(0, 80)}`;
  }
  return null;
}

/** The text of a point's series file, or null when there is none. */
export async function readSeriesText(dir: string, index: number): Promise<string | null> {
  return readFile(seriesPath(dir, index), 'utf8').catch(() => null);
}

/** Copies a point's series file into another folder's points/ (merge), atomically. */
export async function copySeries(from: string, to: string, index: number): Promise<void> {
  const target = seriesPath(to, index);
  const tmp = `${target}.tmp-${process.pid}`;
  await copyFile(seriesPath(from, index), tmp);
  await rename(tmp, target);
}

/** series.csv's columns: as the point files', with the design point's values in front and each metric's unit (metrics.json) after its name. */
export const seriesColumns = (paths: readonly string[]): string[] => ['point', ...paths, 'replication', 'step', 'year', 'region', 'metric', 'unit', 'value'];

const valueCell = (v: ParameterValue | undefined): Cell => (typeof v === 'number' ? v : String(v));

/** series.csv rows, read from the points' files one point at a time (in the order given). */
export function* seriesTableRows(dir: string, points: readonly DesignPoint[], paths: readonly string[]): Generator<Cell[]> {
  for (const point of points) {
    const params = paths.map((path) => valueCell(point.values[path]));
    const lines = readFileSync(seriesPath(dir, point.index), 'utf8').split('\n');
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const [replication, step, year, region, metric, value] = lines[i].split(',');
      yield [point.index, ...params, Number(replication), Number(step), Number(year), region, metric, unitCell(metric), Number(value)];
    }
  }
}

/** Writes `series.csv` (and `series.parquet` when asked) from the points' series files. */
export async function writeSeriesTable(dir: string, points: readonly DesignPoint[], paths: readonly string[], output: TableOutput = {}): Promise<void> {
  const sorted = points.slice().sort((a, b) => a.index - b.index);
  await writeTable(join(dir, 'series.csv'), seriesColumns(paths), () => seriesTableRows(dir, sorted, paths), { ...output, atomic: true });
}
