/**
 * `chuanyu slurm status <dir>`: gathers the facts (points in each shard folder,
 * squeue, sacct, the Slurm logs) and hands them to experiment/slurm/status.ts,
 * which decides what is done, running, failed or missing and how to resubmit.
 * Without squeue or sacct (not on PATH, or accounting off) it says so and goes on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readPlan } from '../../results/sweep-format.js';
import { readSensitivityPlan } from '../../experiment/sensitivity-run.js';
import { finishedPoints } from '../../results/plan-folder.js';
import { readSlurmJobs, readSlurmSettings, shardFolder, type SlurmSettings } from '../../results/slurm-format.js';
import { compressRanges, shardPointIndexes } from '../../experiment/slurm/scripts.js';
import { UserError } from '../../scenario/errors.js';
import { findSbatch, recordSubmission, submit, submitMerge } from './slurm-submit-action.js';
import { folderStatus, formatStatus, parseSacct, parseSqueue, type FolderStatus, type QueueEntry, type ShardFacts } from '../../experiment/slurm/status.js';

export async function slurmStatusAction(options: { dir: string; json?: boolean; resubmit?: boolean; log?: (line: string) => void }): Promise<FolderStatus> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const settings = await readSlurmSettings(options.dir);
  const plan = settings.experiment === 'sweep' ? await readPlan(settings.dir) : await readSensitivityPlan(settings.dir);
  const indexes = plan.points.map((p) => p.index);
  const logs = await logFiles(settings.logDir);
  const shards: ShardFacts[] = [];
  for (let i = 1; i <= settings.shards; i++) {
    const mine = shardPointIndexes(indexes, i, settings.shards);
    const have = await finishedPoints(shardFolder(settings.dir, i));
    shards.push({ index: i, points: mine.length, finished: mine.filter((p) => have.has(p)).length, log: logs.get(i) ?? null });
  }
  const submissions = (await readSlurmJobs(settings.dir)).submissions;
  const arrayJobs = submissions.map((s) => s.array).filter((a): a is string => a !== null);
  const status = folderStatus({
    settings,
    shards,
    queue: readQueue(settings),
    accounting: readAccounting([...arrayJobs, ...submissions.map((s) => s.merge)]),
    arrayJobs,
    merged: existsSync(join(settings.dir, settings.experiment === 'sweep' ? 'sweep.csv' : 'sensitivity.csv')),
  });
  if (options.json) log(JSON.stringify(status, null, 2));
  else for (const line of formatStatus(settings, status)) log(line);
  if (options.resubmit) await resubmit(settings, status, log);
  return status;
}

/** Runs what the status printed: cancels merges that can never start, resubmits failed and missing shards with a new merge (or the merge alone), records the ids. */
async function resubmit(settings: SlurmSettings, status: FolderStatus, log: (line: string) => void): Promise<void> {
  if (status.commands.length === 0) return log('Nothing to resubmit.');
  const sbatch = findSbatch();
  if (status.resubmit.length === 0) {
    const merge = submitMerge(sbatch, settings);
    await recordSubmission(settings.dir, { array: null, merge, tasks: '' });
    return log(`Submitted merge job ${merge}.`);
  }
  if (status.queuedMerges.length > 0) {
    const cancel = spawnSync('scancel', status.queuedMerges, { encoding: 'utf8' });
    if (cancel.error || cancel.status !== 0) throw new UserError(`scancel ${status.queuedMerges.join(' ')} failed: ${cancel.error?.message ?? cancel.stderr.trim()}`);
    log(`Cancelled merge job${status.queuedMerges.length === 1 ? '' : 's'} ${status.queuedMerges.join(', ')}.`);
  }
  const jobs = submit(sbatch, settings, status.resubmit, status.runningArrays);
  await recordSubmission(settings.dir, { ...jobs, tasks: compressRanges(status.resubmit) });
  log(`Resubmitted shard${status.resubmit.length === 1 ? '' : 's'} ${compressRanges(status.resubmit)} as array job ${jobs.array}, and merge job ${jobs.merge} after it.`);
}

/** The newest log of each array task: `shard-<task>-<job>.out`, the highest job id. */
async function logFiles(dir: string): Promise<Map<number, string>> {
  const newest = new Map<number, { job: number; path: string }>();
  if (!existsSync(dir)) return new Map();
  for (const name of await readdir(dir)) {
    const m = /^shard-(\d+)-(\d+)\.out$/.exec(name);
    if (!m) continue;
    const task = Number(m[1]);
    const job = Number(m[2]);
    if ((newest.get(task)?.job ?? -1) < job && (await stat(join(dir, name))).isFile()) newest.set(task, { job, path: join(dir, name) });
  }
  return new Map([...newest].map(([task, v]) => [task, v.path]));
}

/** squeue's lines for this folder's array and merge jobs (one line per array task), or null without squeue. */
function readQueue(settings: SlurmSettings): QueueEntry[] | null {
  const result = spawnSync('squeue', ['-h', '-r', '--name', `${settings.jobName},${settings.jobName}-merge`, '-o', '%F|%K|%T|%j'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return null;
  return parseSqueue(result.stdout);
}

/** sacct's lines for the recorded jobs, or null when sacct is missing or accounting is off. */
function readAccounting(jobs: string[]): QueueEntry[] | null {
  if (jobs.length === 0) return null;
  const result = spawnSync('sacct', ['-n', '-P', '-X', '-j', jobs.join(','), '-o', 'JobID,State,JobName'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return null;
  return parseSacct(result.stdout);
}
