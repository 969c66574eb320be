/**
 * The on-disk state of a sweep: `plan.json` (what is to be run) and one file
 * per finished point in `points/`, each written to a temporary name and renamed,
 * so a crash never leaves a partial point that could be read as a result.
 * Resuming reads the plan back, checks it matches, and skips finished points.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../scenario/errors.js';
import type { DesignPoint } from './design.js';
import type { ParameterSpec } from './parameters.js';
import type { PointResult } from './run-point.js';

export interface SweepPlan {
  kind: 'chuanyu-sweep';
  scenario: string;
  /** The resolved base scenario. */
  resolvedScenario: unknown;
  parameters: ParameterSpec[];
  design: string;
  samples: number | null;
  seed: number;
  replications: number;
  counterfactual: boolean;
  points: DesignPoint[];
  /** This folder's part of the plan: shard i of n (1-based), or null for all points. */
  shard: { index: number; count: number } | null;
}

const PLAN = 'plan.json';
const pointFile = (index: number) => `point-${String(index).padStart(6, '0')}.json`;

export function pointsOfShard(plan: SweepPlan): DesignPoint[] {
  if (!plan.shard) return plan.points;
  const { index, count } = plan.shard;
  return plan.points.filter((p) => p.index % count === index - 1);
}

/** The plan without its shard, for checking that folders belong to the same sweep. */
export function planIdentity(plan: SweepPlan): Omit<SweepPlan, 'shard'> {
  const { shard: _shard, ...rest } = plan;
  return rest;
}

export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/** How one kind of resumable folder (sweep, sensitivity analysis) names and describes its plan. */
export interface PlanKind {
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
}

export const SWEEP_PLAN: PlanKind = {
  file: PLAN,
  tag: 'chuanyu-sweep',
  name: 'sweep',
  holds: 'a sweep',
  differs: 'scenario, parameters, design, seed, replications or shard',
};

/** Reads a folder's plan, with a message naming the folder if it is not one of this kind. */
export async function readPlanFile<P extends { kind: string }>(dir: string, kind: PlanKind): Promise<P> {
  const file = join(dir, kind.file);
  if (!existsSync(file)) throw new UserError(`${dir} is not a ${kind.name} folder (no ${kind.file})`);
  try {
    const plan = JSON.parse(await readFile(file, 'utf8')) as P;
    if (plan.kind !== kind.tag) throw new Error(`not a ${kind.name} plan`);
    return plan;
  } catch {
    throw new UserError(`${file} is not a readable ${kind.name} plan`);
  }
}

/** Creates the folder with its plan, or (resume) checks that the folder holds the same plan. */
export async function openPlanFolder(dir: string, plan: { kind: string }, resume: boolean, kind: PlanKind): Promise<void> {
  const exists = existsSync(join(dir, kind.file));
  if (exists && !resume) throw new UserError(`${dir} already holds ${kind.holds}; add --resume to finish it, or choose another --out folder`);
  if (exists) {
    // Compared as stored: the plan written to disk is the plan's JSON.
    if (!isDeepStrictEqual(await readPlanFile(dir, kind), JSON.parse(JSON.stringify(plan))))
      throw new UserError(`${dir} holds a different ${kind.holds.replace(/^an? /, '')} (${kind.differs} differ); --resume needs the same command`);
    return;
  }
  if (resume) throw new UserError(`nothing to resume in ${dir} (no ${kind.file})`);
  await mkdir(join(dir, 'points'), { recursive: true });
  await writeFileAtomically(join(dir, kind.file), JSON.stringify(plan, null, 2) + '\n');
}

export function readPlan(dir: string): Promise<SweepPlan> {
  return readPlanFile<SweepPlan>(dir, SWEEP_PLAN);
}

/** Creates the folder with its plan, or (resume) checks that the existing plan is the same sweep. */
export function openSweep(dir: string, plan: SweepPlan, resume: boolean): Promise<void> {
  return openPlanFolder(dir, plan, resume, SWEEP_PLAN);
}

export async function finishedPoints(dir: string): Promise<Set<number>> {
  const names = existsSync(join(dir, 'points')) ? await readdir(join(dir, 'points')) : [];
  return new Set(names.filter((n) => /^point-\d{6}\.json$/.test(n)).map((n) => Number(n.slice(6, 12))));
}

export async function savePoint(dir: string, result: PointResult): Promise<void> {
  await writeFileAtomically(join(dir, 'points', pointFile(result.index)), JSON.stringify(result) + '\n');
}

export async function loadPoint(dir: string, index: number): Promise<PointResult> {
  return JSON.parse(await readFile(join(dir, 'points', pointFile(index)), 'utf8')) as PointResult;
}
