/**
 * `chuanyu slurm shard <dir> --shard i/n` and `chuanyu slurm merge <dir>`: what
 * the array task and the merge job of a Slurm folder run. A shard always
 * resumes its folder (made when the folder was planned): a requeued, preempted
 * or resubmitted task runs only the points its folder does not hold yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../scenario/errors.js';
import { executeSweep, parseShard } from '../../experiment/sweep.js';
import { readSensitivityPlan, type SensitivityPlan } from '../../experiment/sensitivity-run.js';
import { runPlan } from '../../experiment/resumable-points.js';
import { writeSensitivityTables } from '../../experiment/write-sensitivity.js';
import { shardPointIndexes, compressRanges } from '../../experiment/slurm/scripts.js';
import { readPlan } from '../../results/sweep-format.js';
import { SENSITIVITY_PLAN } from '../../results/sensitivity-format.js';
import { checkedPoints, finishedPoints, loadPoint, openPlanFolder, savePoint } from '../../results/plan-folder.js';
import { readSlurmSettings, shardFolder, type SlurmSettings } from '../../results/slurm-format.js';
import { renderSensitivityReport } from '../../report/sensitivity/report.js';
import { interruptSignal } from '../signals.js';
import { reportingModelLimits } from '../run-fits.js';
import { mergeAction, pointList } from './sweep-action.js';

export async function slurmShardAction(options: { dir: string; shard: string; workers?: number; quiet?: boolean; signal?: AbortSignal; log?: (line: string) => void }): Promise<{ complete: boolean }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const settings = await readSlurmSettings(options.dir);
  const shard = parseShard(options.shard)!;
  if (shard.count !== settings.shards) throw new UserError(`--shard ${options.shard}: ${settings.dir} is cut into ${settings.shards} shards, not ${shard.count}`);
  const folder = shardFolder(settings.dir, shard.index);
  const interrupt = options.signal ? null : interruptSignal();
  const signal = options.signal ?? interrupt!.signal;
  const started = Date.now();
  try {
    const run = await reportingModelLimits(settings.dir, async () => {
      if (settings.experiment === 'sweep') {
        const plan = { ...(await readPlan(settings.dir)), shard };
        return executeSweep(folder, plan, { resume: existsSync(join(folder, 'plan.json')), workers: options.workers, quiet: true, signal });
      }
      const plan = await readSensitivityPlan(settings.dir);
      const mine = new Set(shardPointIndexes(plan.points.map((p) => p.index), shard.index, shard.count));
      return runPlan(folder, plan, SENSITIVITY_PLAN, plan.points.filter((p) => mine.has(p.index)), `sensitivity ${plan.scenario}`, {
        resume: existsSync(join(folder, SENSITIVITY_PLAN.file)),
        workers: options.workers,
        quiet: true,
        signal,
      });
    });
    if (!options.quiet) log(`shard ${shard.index}/${shard.count}: ${run.done} of ${run.total} points in ${folder} (${((Date.now() - started) / 1000).toFixed(1)} s)${run.complete ? '' : ', stopped before the end'}`);
    return { complete: run.complete };
  } finally {
    interrupt?.dispose();
  }
}

/** The shards whose folders lack points, with those points; nothing read but file names (safe beside running tasks). */
export async function unfinishedShards(settings: SlurmSettings, pointIndexes: readonly number[]): Promise<{ shard: number; missing: number[] }[]> {
  const out = [];
  for (let i = 1; i <= settings.shards; i++) {
    const have = await finishedPoints(shardFolder(settings.dir, i));
    const missing = shardPointIndexes(pointIndexes, i, settings.shards).filter((p) => !have.has(p));
    if (missing.length > 0) out.push({ shard: i, missing });
  }
  return out;
}

/** Merges the shards into the folder's tables and report; refuses, listing the unfinished shards and their points, when any point is missing. */
export async function slurmMergeAction(options: { dir: string; quiet?: boolean; log?: (line: string) => void }): Promise<string> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const settings = await readSlurmSettings(options.dir);
  const plan = settings.experiment === 'sweep' ? await readPlan(settings.dir) : await readSensitivityPlan(settings.dir);
  const indexes = plan.points.map((p) => p.index);
  const unfinished = await unfinishedShards(settings, indexes);
  if (unfinished.length > 0) {
    const missing = unfinished.flatMap((u) => u.missing);
    throw new UserError(
      `cannot merge: ${missing.length} of ${indexes.length} points are missing (${pointList(missing)}), from shard${unfinished.length === 1 ? '' : 's'} ${compressRanges(unfinished.map((u) => u.shard))}; resubmit ${unfinished.length === 1 ? 'it' : 'them'} as chuanyu slurm status ${settings.dir} shows`,
    );
  }
  const shards = Array.from({ length: settings.shards }, (_, i) => shardFolder(settings.dir, i + 1));
  if (settings.experiment === 'sweep') return mergeAction({ dirs: shards, out: settings.dir, quiet: options.quiet, log });
  return mergeSensitivity(settings.dir, plan as SensitivityPlan, shards, options.quiet ? () => {} : log);
}

async function mergeSensitivity(dir: string, plan: SensitivityPlan, shards: string[], log: (line: string) => void): Promise<string> {
  const sources = new Map<number, string>();
  for (const shard of shards) {
    const { good, damaged } = await checkedPoints(shard, plan.points, plan.replications);
    if (damaged.length > 0) throw new UserError(`cannot merge: point ${damaged[0].index} is damaged (${damaged[0].problem}); resubmit its shard`, { file: damaged[0].file });
    for (const index of good) if (!sources.has(index)) sources.set(index, shard);
  }
  const missing = plan.points.filter((p) => !sources.has(p.index)).map((p) => p.index);
  if (missing.length > 0) throw new UserError(`cannot merge: ${missing.length} of ${plan.points.length} points are missing (${pointList(missing)})`);
  await openPlanFolder(dir, plan, true, SENSITIVITY_PLAN);
  const points = [];
  for (const p of plan.points) {
    const point = await loadPoint(sources.get(p.index)!, p.index);
    await savePoint(dir, point);
    points.push(point);
  }
  await writeSensitivityTables(dir, plan, points);
  await renderSensitivityReport(dir);
  log(`Merged ${shards.length} shards (${points.length} points) into ${dir}`);
  return dir;
}
