/**
 * What became of each array task of a Slurm results folder, from facts gathered
 * elsewhere (no I/O here): the points each shard folder holds, what `squeue`
 * and `sacct` say (either may be missing: sacct needs Slurm's accounting
 * storage, which many small clusters lack), and which Slurm logs exist.
 *
 *   done     every point of the shard is in its folder
 *   running  queued or running (squeue, else sacct)
 *   failed   not done, not queued, and it ran: sacct says it failed, or it left a log
 *   missing  not done and never ran
 *
 * Failed and missing shards are resubmitted with `sbatch --array=<them>`.
 */
import { compressRanges, submitCommands } from './scripts.js';
import { shellLine } from './shell.js';
import { slurmPaths } from '../../results/slurm-format.js';
import type { SlurmSettings } from '../../results/slurm-format.js';

export const SHARD_STATES = ['done', 'running', 'failed', 'missing'] as const;
export type ShardState = (typeof SHARD_STATES)[number];

/** One line of `squeue -h -r -o '%F|%K|%T|%j'` (or of sacct): array job, task, state. */
export interface QueueEntry {
  job: string;
  /** The array task, or null for a job that is no array (the merge). */
  task: number | null;
  state: string;
  name: string;
}

/** States of a job that is not over (squeue's and sacct's long names). */
const ACTIVE = new Set(['PENDING', 'RUNNING', 'CONFIGURING', 'COMPLETING', 'REQUEUED', 'REQUEUE_HOLD', 'REQUEUE_FED', 'RESIZING', 'SUSPENDED', 'STAGE_OUT', 'SIGNALING', 'RESV_DEL_HOLD', 'POWER_UP_NODE']);
const FAILED = new Set(['FAILED', 'CANCELLED', 'TIMEOUT', 'OUT_OF_MEMORY', 'NODE_FAIL', 'PREEMPTED', 'BOOT_FAIL', 'DEADLINE', 'REVOKED', 'SPECIAL_EXIT']);

export const isActive = (state: string): boolean => ACTIVE.has(state.split(/\s/)[0]);
export const isFailed = (state: string): boolean => FAILED.has(state.split(/\s/)[0]);

/** Array task ids of one field: `4`, `[5-7%2]`, `5-7,9`, or `N/A` (no array). */
export function parseTaskField(field: string): number[] | null {
  const text = field.trim().replace(/^\[|\]$/g, '').replace(/%\d+$/, '');
  if (text === '' || text === 'N/A') return null;
  const tasks: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?(?::\d+)?$/.exec(part.trim());
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let t = from; t <= to; t++) tasks.push(t);
  }
  return tasks;
}

/** Lines of `squeue -h -r -o '%F|%K|%T|%j'`: one per array task (-r), pending ranges expanded all the same. */
export function parseSqueue(text: string): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const line of text.split('\n')) {
    const [job, taskField, state, ...name] = line.trim().split('|');
    if (!job || state === undefined || !/^\d+$/.test(job)) continue;
    const tasks = parseTaskField(taskField ?? '');
    if (tasks === null) entries.push({ job, task: null, state, name: name.join('|') });
    else for (const task of tasks) entries.push({ job, task, state, name: name.join('|') });
  }
  return entries;
}

/** Lines of `sacct -n -P -X -o JobID,State,JobName`: `123_4|COMPLETED|name`, `123_[5-7]|PENDING|name`, `124|CANCELLED by 0|name`. */
export function parseSacct(text: string): QueueEntry[] {
  const entries: QueueEntry[] = [];
  for (const line of text.split('\n')) {
    const [id, state, ...name] = line.trim().split('|');
    if (!id || state === undefined) continue;
    const m = /^(\d+)(?:_(.+))?$/.exec(id);
    if (!m) continue;
    const tasks = m[2] === undefined ? null : parseTaskField(m[2]);
    if (tasks === null) entries.push({ job: m[1], task: null, state, name: name.join('|') });
    else for (const task of tasks) entries.push({ job: m[1], task, state, name: name.join('|') });
  }
  return entries;
}

/** What is known of one shard. */
export interface ShardFacts {
  index: number;
  /** Points of the shard, and how many of them its folder holds. */
  points: number;
  finished: number;
  /** The newest Slurm log of the task, if any. */
  log: string | null;
}

export interface ShardStatus extends ShardFacts {
  state: ShardState;
  /** The Slurm state behind it, when squeue or sacct knew the task (e.g. RUNNING, CANCELLED), and its array job. */
  slurmState: string | null;
  job: string | null;
}

export interface FolderStatus {
  shards: ShardStatus[];
  /** Tasks to submit again: failed and missing. */
  resubmit: number[];
  /** Array jobs of this folder still running, which a new merge must also wait for. */
  runningArrays: string[];
  /** Merge jobs still queued (pending on an array that failed, they never start: cancel them before resubmitting). */
  queuedMerges: string[];
  merged: boolean;
  /** Shell commands that finish the folder (resubmit, then merge), empty when nothing is left to do. */
  commands: string[];
  /** Whether squeue and sacct answered. */
  squeue: boolean;
  sacct: boolean;
}

export interface StatusInput {
  settings: SlurmSettings;
  shards: ShardFacts[];
  /** squeue's entries, or null when squeue is not there or failed. */
  queue: QueueEntry[] | null;
  /** sacct's entries, or null when sacct is not there or accounting is off. */
  accounting: QueueEntry[] | null;
  /** Array jobs of this folder (jobs.json), newest last; squeue is also read by job name. */
  arrayJobs: readonly string[];
  merged: boolean;
}

/** The last word on a task from a list of entries: the newest array job that knows it. */
function latest(entries: readonly QueueEntry[], task: number, arrayJobs: ReadonlySet<string>, jobName: string): QueueEntry | null {
  const mine = entries.filter((e) => e.task === task && (arrayJobs.has(e.job) || e.name === jobName));
  mine.sort((a, b) => Number(a.job) - Number(b.job));
  return mine.at(-1) ?? null;
}

export function folderStatus(input: StatusInput): FolderStatus {
  const { settings } = input;
  const jobs = new Set(input.arrayJobs);
  const shards = input.shards.map((facts): ShardStatus => {
    const queued = input.queue ? latest(input.queue, facts.index, jobs, settings.jobName) : null;
    const accounted = input.accounting ? latest(input.accounting, facts.index, jobs, settings.jobName) : null;
    const slurmState = queued?.state ?? accounted?.state ?? null;
    const job = queued?.job ?? accounted?.job ?? null;
    let state: ShardState;
    if (facts.finished >= facts.points) state = 'done';
    else if (queued && isActive(queued.state)) state = 'running';
    else if (!input.queue && accounted && isActive(accounted.state)) state = 'running';
    else if ((accounted && isFailed(accounted.state)) || facts.log !== null || facts.finished > 0) state = 'failed';
    else state = 'missing';
    return { ...facts, state, slurmState, job };
  });
  const resubmit = shards.filter((s) => s.state === 'failed' || s.state === 'missing').map((s) => s.index);
  const queuedMerges = [...new Set((input.queue ?? []).filter((e) => e.task === null && e.name === `${settings.jobName}-merge` && isActive(e.state)).map((e) => e.job))];
  const running = shards.filter((s) => s.state === 'running');
  const anyRunning = running.length > 0;
  const runningArrays = [...new Set(running.map((s) => s.job).filter((j): j is string => j !== null))].sort((a, b) => Number(a) - Number(b));
  const commands: string[] = [];
  if (resubmit.length > 0) {
    if (queuedMerges.length > 0) commands.push(`scancel ${queuedMerges.join(' ')}`);
    commands.push(...submitCommands(settings, resubmit, runningArrays));
  } else if (!anyRunning && !input.merged && queuedMerges.length === 0) {
    // Every shard is done and no merge job is queued (never submitted, or it failed): merge now.
    commands.push(shellLine(['sbatch', slurmPaths(settings.dir).mergeScript]));
  }
  // The tables appear before the merge job has drawn the report: merged once no merge job runs.
  const merging = (input.queue ?? []).some((e) => e.task === null && e.name === `${settings.jobName}-merge` && isActive(e.state) && e.state !== 'PENDING');
  return { shards, resubmit, runningArrays, queuedMerges, merged: input.merged && !merging, commands, squeue: input.queue !== null, sacct: input.accounting !== null };
}

/** The status as lines for a terminal. */
export function formatStatus(settings: SlurmSettings, status: FolderStatus): string[] {
  const count = (state: ShardState) => status.shards.filter((s) => s.state === state);
  const lines = [
    `${settings.experiment} in ${settings.dir}: ${settings.shards} shard${settings.shards === 1 ? '' : 's'} of ${settings.points} points (job ${settings.jobName})`,
    `  ${SHARD_STATES.map((s) => `${s} ${count(s).length}`).join(', ')}${status.merged ? '; merged' : ''}`,
  ];
  if (!status.squeue) lines.push('  (squeue did not answer: running tasks cannot be told from failed ones, except by their logs)');
  for (const s of status.shards) {
    if (s.state === 'done') continue;
    const where = s.state === 'failed' && s.log ? `, log ${s.log}` : '';
    lines.push(`  shard ${s.index}: ${s.state}${s.slurmState ? ` (${s.slurmState})` : ''}, ${s.finished} of ${s.points} points${where}`);
  }
  if (count('done').length === settings.shards && count('done').length > 0) lines.push('  every shard is done');
  if (status.resubmit.length > 0) {
    lines.push(`Resubmit only shard${status.resubmit.length === 1 ? '' : 's'} ${compressRanges(status.resubmit)} (each resumes its folder), then the merge:`);
    if (status.queuedMerges.length > 0) lines.push(`  (first cancel the merge job${status.queuedMerges.length === 1 ? '' : 's'} ${status.queuedMerges.join(', ')} that wait${status.queuedMerges.length === 1 ? 's' : ''} on the failed array)`);
  } else if (status.commands.length > 0) lines.push('Every shard is done; merge with:');
  for (const c of status.commands) lines.push(`  ${c}`);
  if (status.commands.length > 0) lines.push(`(or: chuanyu slurm status ${settings.dir} --resubmit, which runs them and records the job ids)`);
  return lines;
}

