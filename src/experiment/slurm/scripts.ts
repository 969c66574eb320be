/**
 * The Slurm job scripts of a sweep or sensitivity analysis, as text (no I/O):
 *
 *   plan (N points) -> n shards (round robin) -> array.sbatch: task i runs shard i
 *     -> merge.sbatch, submitted with --dependency=afterok:<array job> -> the tables
 *
 * Slurm launches only a few tasks a second (about 0.75 a second measured on a
 * single-node cluster of Debian's slurm-wlm), so a task is a shard of many
 * points, not a single run. Each task resumes its shard folder, so a requeued,
 * preempted or resubmitted task keeps the points it finished.
 */
import type { SlurmSettings } from '../../results/slurm-format.js';
import { slurmPaths } from '../../results/slurm-format.js';
import { shellLine, shellQuote } from './shell.js';

/** Default cut: about this many points per worker thread of a task, so a task outlasts Slurm's launch cost. */
export const POINTS_PER_WORKER = 8;
/** Default upper bound on array tasks (well under Slurm's default MaxArraySize of 1001). */
export const MAX_DEFAULT_SHARDS = 100;

/** ceil(points / (POINTS_PER_WORKER x cpus)), at least 1, at most MAX_DEFAULT_SHARDS and never more than the points. */
export function defaultShardCount(points: number, cpusPerTask: number): number {
  const byWork = Math.ceil(points / (POINTS_PER_WORKER * Math.max(1, cpusPerTask)));
  return Math.max(1, Math.min(byWork, MAX_DEFAULT_SHARDS, points));
}

/** The point indexes shard `index` of `count` runs: round robin, so slow and fast regions of a design spread over the tasks (as `--shard i/n`). */
export function shardPointIndexes(pointIndexes: readonly number[], index: number, count: number): number[] {
  return pointIndexes.filter((p) => p % count === index - 1);
}

/** `1-8%2`, `3,7`: an `--array=` value, with the throttle when set. */
export function arraySpec(tasks: readonly number[], throttle: number | null): string {
  return compressRanges(tasks) + (throttle ? `%${throttle}` : '');
}

/** 1,2,3,5,7,8 -> "1-3,5,7-8" (sorted, duplicates dropped). */
export function compressRanges(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The `#SBATCH` lines both scripts share: partition, account, time limit, memory, then the user's extra lines. */
function commonDirectives(s: SlurmSettings): string[] {
  return [
    ...(s.partition ? [`#SBATCH --partition=${s.partition}`] : []),
    ...(s.account ? [`#SBATCH --account=${s.account}`] : []),
    ...(s.time ? [`#SBATCH --time=${s.time}`] : []),
    ...(s.mem ? [`#SBATCH --mem=${s.mem}`] : []),
  ];
}

const extraDirectives = (s: SlurmSettings): string[] => s.sbatchLines.map((line) => (line.startsWith('#SBATCH') ? line : `#SBATCH ${line}`));

/** The log file of array task `task` of job `job` (as `#SBATCH --output` names it). */
export const arrayLogName = (task: number | string, job: string): string => `shard-${task}-${job}.out`;

export function arrayScript(s: SlurmSettings): string {
  const shards = Array.from({ length: s.shards }, (_, i) => i + 1);
  return [
    '#!/bin/bash',
    `# chuanyu slurm ${s.experiment}: array task i runs shard i of ${s.shards} of ${s.dir}.`,
    '# A task resumes its shard folder, so a requeued or resubmitted task keeps its finished points.',
    '# Resubmit some tasks only with: sbatch --array=3,7 <this file> (chuanyu slurm status prints the command).',
    `#SBATCH --job-name=${s.jobName}`,
    `#SBATCH --array=${arraySpec(shards, s.throttle)}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${s.cpusPerTask}`,
    `#SBATCH --output=${s.logDir}/${arrayLogName('%a', '%A')}`,
    '#SBATCH --requeue',
    ...commonDirectives(s),
    ...extraDirectives(s),
    'set -euo pipefail',
    `cd ${shellQuote(s.dir)}`,
    `exec ${shellLine([s.node, s.cli, 'slurm', 'shard', s.dir])} --shard "\${SLURM_ARRAY_TASK_ID}/${s.shards}" --workers ${s.cpusPerTask}`,
    '',
  ].join('\n');
}

export function mergeScript(s: SlurmSettings): string {
  return [
    '#!/bin/bash',
    `# chuanyu slurm ${s.experiment}: merges the ${s.shards} shards of ${s.dir} into its tables.`,
    '# Submitted with --dependency=afterok:<array job>; refuses, listing the missing points, if a shard is unfinished.',
    `#SBATCH --job-name=${s.jobName}-merge`,
    '#SBATCH --ntasks=1',
    '#SBATCH --cpus-per-task=1',
    `#SBATCH --output=${s.logDir}/merge-%j.out`,
    ...commonDirectives(s),
    ...extraDirectives(s),
    'set -euo pipefail',
    `cd ${shellQuote(s.dir)}`,
    `exec ${shellLine([s.node, s.cli, 'slurm', 'merge', s.dir])}`,
    '',
  ].join('\n');
}

/**
 * The shell commands that submit the array (all tasks, or only `tasks`) and then the merge, dependent on it.
 * `afterAny`: array jobs of this folder still running, which the merge also waits for (`afterany`: an array
 * with a cancelled task never satisfies `afterok`; the merge itself refuses if a point is missing).
 */
export function submitCommands(s: SlurmSettings, tasks?: readonly number[], afterAny: readonly string[] = []): string[] {
  const paths = slurmPaths(s.dir);
  const only = tasks ? [`--array=${arraySpec(tasks, s.throttle)}`] : [];
  const also = afterAny.length > 0 ? `,afterany:${afterAny.join(':')}` : '';
  return [
    `array=$(${shellLine(['sbatch', '--parsable', ...only, paths.arrayScript])})`,
    // --parsable prints "id" or "id;cluster".
    `sbatch --parsable --dependency=afterok:\${array%%;*}${also} ${shellQuote(paths.mergeScript)}`,
  ];
}

/** The sbatch arguments of a submission (for running sbatch without a shell). */
export function sbatchArguments(s: SlurmSettings, arrayJob: string | null, tasks?: readonly number[], afterAny: readonly string[] = []): { array: string[]; merge: string[] } {
  const paths = slurmPaths(s.dir);
  const also = afterAny.length > 0 ? `,afterany:${afterAny.join(':')}` : '';
  return {
    array: ['--parsable', ...(tasks ? [`--array=${arraySpec(tasks, s.throttle)}`] : []), paths.arrayScript],
    merge: ['--parsable', `--dependency=afterok:${arrayJob ?? '<array job id>'}${also}`, paths.mergeScript],
  };
}

/** The job id in what `sbatch --parsable` printed ("123" or "123;cluster"). */
export function parseParsable(output: string): string {
  const id = output.trim().split('\n').pop()!.split(';')[0].trim();
  if (!/^\d+$/.test(id)) throw new Error(`sbatch --parsable printed ${JSON.stringify(output.trim().slice(0, 200))}, not a job id`);
  return id;
}

/** A job name Slurm shows in squeue: the folder's name, kept to letters, digits and -_. (status finds the jobs by it). */
export function jobNameFor(experiment: string, folderName: string): string {
  return `chuanyu-${experiment}-${folderName.replace(/[^\w.-]/g, '_')}`.slice(0, 120);
}
