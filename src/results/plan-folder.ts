/**
 * The on-disk state of a resumable experiment (a sweep, a sensitivity
 * analysis): its plan file (what is to be run) and one file per finished point
 * in `points/`, each written to a temporary name and renamed, so a crash never
 * leaves a partial point that could be read as a result. Resuming reads the
 * plan back, checks it matches, and skips finished points.
 */
import { lstat, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { UserError, formatPath } from '../scenario/errors.js';
import { writeFileAtomically } from './atomic-file.js';
import { checkJson, parseJsonFile, stableJson, type FileFormat } from './json-file.js';
import { processIsAlive } from './processes.js';
import { POINT_FILE, type DesignPoint, type PointResult } from './point-format.js';
import { readSeriesText, seriesFileProblem, seriesPath } from './series-files.js';

const pointFile = (index: number) => `point-${String(index).padStart(6, '0')}.json`;

/** How one kind of resumable folder (sweep, sensitivity analysis) names and describes its plan. */
export interface PlanKind<S extends z.ZodType = z.ZodType> {
  /** The plan's file name in the folder. */
  file: string;
  /** The plan's `kind` field. */
  tag: string;
  /** As in "is not a sweep folder", "a readable sweep plan". */
  name: string;
  /** As in "already holds a sweep". */
  holds: string;
  /** What a different plan may differ in, for the message. */
  differs: string;
  /** The plan file's schema. */
  format: FileFormat<S>;
}

/** Reads a folder's plan, with a message naming the folder if it is not one of this kind. */
export async function readPlanFile<S extends z.ZodType>(dir: string, kind: PlanKind<S>): Promise<z.output<S>> {
  const file = join(dir, kind.file);
  if (!existsSync(file)) throw new UserError(`${dir} is not a ${kind.name} folder (no ${kind.file})`);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
    if ((value as { kind?: unknown })?.kind !== kind.tag) throw new Error(`not a ${kind.name} plan`);
  } catch {
    throw new UserError(`${file} is not a readable ${kind.name} plan`);
  }
  return checkJson(value, file, kind.format);
}

/** Creates the folder with its plan, or (resume) checks that the folder holds the same plan. */
export async function openPlanFolder<S extends z.ZodType>(dir: string, plan: z.output<S>, resume: boolean, kind: PlanKind<S>): Promise<void> {
  const exists = existsSync(join(dir, kind.file));
  if (exists && !resume) throw new UserError(`${dir} already holds ${kind.holds}; add --resume to finish it, or choose another --out folder`);
  if (exists) {
    // Compared as stored: the plan written to disk is the plan's JSON.
    if (!isDeepStrictEqual(await readPlanFile(dir, kind), JSON.parse(JSON.stringify(plan))))
      throw new UserError(`${dir} holds a different ${kind.holds.replace(/^an? /, '')} (${kind.differs} differ); --resume needs the same command`);
    return;
  }
  if (resume) throw new UserError(`nothing to resume in ${dir} (no ${kind.file})`);
  await checkEmptyOrNew(dir, kind);
  await mkdir(join(dir, 'points'), { recursive: true });
  await writeFileAtomically(join(dir, kind.file), stableJson(plan));
}

/** A new plan folder goes only where nothing is: a new path or an empty folder (never a user's folder, whose files it could overwrite). */
async function checkEmptyOrNew(dir: string, kind: PlanKind): Promise<void> {
  const stat = await lstat(dir).catch(() => null);
  if (!stat) return;
  if (!stat.isDirectory()) throw new UserError(`--out ${dir} is a file, not a folder; a ${kind.name} writes a folder of results. Choose a new folder name (nothing was written)`);
  const entries = (await readdir(dir)).sort();
  if (entries.length > 0)
    throw new UserError(
      `--out ${dir} is a folder that holds other files (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? `, ... (${entries.length} in all)` : ''}) and no ${kind.file}; a ${kind.name} needs a new or empty folder, so none of them is overwritten (nothing was written)`,
    );
}

export async function finishedPoints(dir: string): Promise<Set<number>> {
  const names = existsSync(join(dir, 'points')) ? await readdir(join(dir, 'points')) : [];
  return new Set(names.filter((n) => /^point-\d{6}\.json$/.test(n)).map((n) => Number(n.slice(6, 12))));
}

/** What a point's file must hold to count as that point's result under the plan. */
export interface PointExpectation {
  index: number;
  values: DesignPoint['values'];
  replications: number;
}

/** Why a point file is not the plan's result for its point (truncated, edited, swapped with another), or null when it is. */
export function pointFileProblem(text: string, expected: PointExpectation): string | null {
  let point: Partial<PointResult>;
  try {
    point = JSON.parse(text) as Partial<PointResult>;
  } catch {
    return 'it is not complete JSON (truncated or damaged)';
  }
  if (!point || typeof point !== 'object' || Array.isArray(point)) return 'it does not hold a point result';
  if (point.index !== expected.index) return `it holds point ${JSON.stringify(point.index)}, not point ${expected.index}`;
  if (!isDeepStrictEqual(point.values, JSON.parse(JSON.stringify(expected.values)))) return `its parameter values ${JSON.stringify(point.values)} are not the plan's ${JSON.stringify(expected.values)}`;
  const reps = point.replications;
  if (!Array.isArray(reps) || reps.length !== expected.replications) return `it holds ${Array.isArray(reps) ? reps.length : 'no'} replications, the plan ${expected.replications}`;
  for (const [i, rep] of reps.entries()) {
    if (!rep || rep.replication !== i || !Array.isArray(rep.cells)) return `its replication ${i} is not replication ${i} of the plan (seed streams differ)`;
    for (const cell of rep.cells)
      if (!Array.isArray(cell) || cell.length !== 4 || typeof cell[0] !== 'string' || typeof cell[1] !== 'string' || typeof cell[2] !== 'string' || (typeof cell[3] !== 'number' && cell[3] !== null))
        return `its replication ${i} holds a malformed value ${JSON.stringify(cell).slice(0, 80)}`;
  }
  const shape = POINT_FILE.schema.safeParse(point);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    return `${formatPath(issue.path.filter((k): k is string | number => typeof k !== 'symbol'))}: ${issue.message}`;
  }
  return null;
}

/** A point file that is not its point's result under the plan. */
export interface DamagedPoint {
  index: number;
  file: string;
  problem: string;
}

/**
 * The finished points of a folder, each checked against the plan: the good ones,
 * and the damaged ones with what is wrong (to re-run on resume, or to refuse in merge).
 * With `series` (the plan's trajectories), a point also needs a sound series file.
 * Leftover temporary files of processes that were killed are removed.
 */
export async function checkedPoints(dir: string, plan: readonly DesignPoint[], replications: number, series: readonly string[] = []): Promise<{ good: Set<number>; damaged: DamagedPoint[] }> {
  const byIndex = new Map(plan.map((p) => [p.index, p]));
  const good = new Set<number>();
  const damaged: DamagedPoint[] = [];
  for (const index of await finishedPoints(dir)) {
    const file = join(dir, 'points', pointFile(index));
    const design = byIndex.get(index);
    if (!design) {
      damaged.push({ index, file, problem: `the plan has no point ${index}` });
      continue;
    }
    const problem = pointFileProblem(await readFile(file, 'utf8'), { index, values: design.values, replications });
    const seriesProblem = problem || series.length === 0 ? null : seriesFileProblem(await readSeriesText(dir, index), { replications, keys: series });
    if (problem) damaged.push({ index, file, problem });
    else if (seriesProblem) damaged.push({ index, file: seriesPath(dir, index), problem: seriesProblem });
    else good.add(index);
  }
  await removeDeadTemporaries(join(dir, 'points'));
  return { good, damaged };
}

/** `point-000001.json.tmp-PID` files whose process is gone (the process was killed mid-write). */
async function removeDeadTemporaries(folder: string): Promise<void> {
  const names = existsSync(folder) ? await readdir(folder) : [];
  for (const name of names) {
    const m = /\.tmp-(\d+)$/.exec(name);
    if (m && !processIsAlive(Number(m[1]))) await rm(join(folder, name), { force: true });
  }
}

/** The file of a point, for messages. */
export const pointPath = (dir: string, index: number): string => join(dir, 'points', pointFile(index));

export async function savePoint(dir: string, result: PointResult): Promise<void> {
  await writeFileAtomically(join(dir, 'points', pointFile(result.index)), JSON.stringify(result) + '\n');
}

/** A point's result, read after `checkedPoints` found it sound (a file that changed since is named). */
export async function loadPoint(dir: string, index: number): Promise<PointResult> {
  const file = join(dir, 'points', pointFile(index));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read point ${index}: ${(e as Error).message}`, { file });
  }
  return parseJsonFile(text, file, POINT_FILE);
}
