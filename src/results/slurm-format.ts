/**
 * The Slurm files of a results folder that `chuanyu slurm sweep|sensitivity`
 * wrote: `slurm/slurm.json` (how the plan was cut into array tasks and the
 * job settings, read back by `chuanyu slurm status` and the shard tasks) and
 * `slurm/jobs.json` (the job ids of each `--submit`). The folder's plan file
 * (plan.json or sensitivity-plan.json) holds what is run; the shards' points
 * are in `shards/shard-NNNN/`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import { fileFormat } from './file-format.js';
import { readJsonFile } from './json-file.js';

export const SLURM_KINDS = ['sweep', 'sensitivity'] as const;
export type SlurmKind = (typeof SLURM_KINDS)[number];

export const slurmSettingsSchema = z.object({
  kind: z.literal('chuanyu-slurm'),
  /** What the folder holds: a sweep or a sensitivity analysis. */
  experiment: z.enum(SLURM_KINDS),
  /** Absolute path of the results folder. */
  dir: z.string(),
  /** Array tasks; task i (1-based) runs shard i of n. */
  shards: z.number().int().positive(),
  /** Points of the whole plan. */
  points: z.number().int().nonnegative(),
  jobName: z.string(),
  /** Absolute paths of node and the chuanyu CLI the scripts run. */
  node: z.string(),
  cli: z.string(),
  partition: z.string().nullable(),
  account: z.string().nullable(),
  time: z.string().nullable(),
  mem: z.string().nullable(),
  /** CPUs of each array task, used as the shard's --workers. */
  cpusPerTask: z.number().int().positive(),
  /** At most this many array tasks at once (`--array=...%N`), or null for no limit. */
  throttle: z.number().int().positive().nullable(),
  /** Extra `#SBATCH` lines, as given. */
  sbatchLines: z.array(z.string()),
  /** Absolute folder of the Slurm logs. */
  logDir: z.string(),
});
export type SlurmSettings = z.output<typeof slurmSettingsSchema>;
export const SLURM_SETTINGS = fileFormat('the Slurm settings of a results folder (slurm/slurm.json)', slurmSettingsSchema);

export const slurmSubmissionSchema = z.object({
  /** The array job's id as sbatch --parsable printed it (without a cluster name); null for a merge submitted alone. */
  array: z.string().nullable(),
  merge: z.string(),
  /** The array tasks submitted, as in `--array=` (e.g. 1-8 or 3,7). */
  tasks: z.string(),
  submitted: z.string(),
});
export const slurmJobsSchema = z.object({ kind: z.literal('chuanyu-slurm-jobs'), submissions: z.array(slurmSubmissionSchema) });
export type SlurmJobs = z.output<typeof slurmJobsSchema>;
export const SLURM_JOBS = fileFormat('the Slurm job ids of a results folder (slurm/jobs.json)', slurmJobsSchema);

/** Where things are in a Slurm results folder. */
export const slurmPaths = (dir: string) => ({
  slurm: join(dir, 'slurm'),
  settings: join(dir, 'slurm', 'slurm.json'),
  jobs: join(dir, 'slurm', 'jobs.json'),
  arrayScript: join(dir, 'slurm', 'array.sbatch'),
  mergeScript: join(dir, 'slurm', 'merge.sbatch'),
  shards: join(dir, 'shards'),
});

/** Shard i's folder (1-based): `shards/shard-0003`. */
export const shardFolder = (dir: string, index: number): string => join(dir, 'shards', `shard-${String(index).padStart(4, '0')}`);

/** The Slurm settings of a folder `chuanyu slurm sweep|sensitivity` wrote (a UserError naming the folder otherwise). */
export function readSlurmSettings(dir: string): Promise<SlurmSettings> {
  return readJsonFile(dir, join('slurm', 'slurm.json'), SLURM_SETTINGS, 'a folder of chuanyu slurm (run chuanyu slurm sweep or chuanyu slurm sensitivity first)');
}

/** The submissions recorded so far (none when the folder was never submitted with --submit). */
export async function readSlurmJobs(dir: string): Promise<SlurmJobs> {
  if (!existsSync(join(dir, 'slurm', 'jobs.json'))) return { kind: 'chuanyu-slurm-jobs', submissions: [] };
  return readJsonFile(dir, join('slurm', 'jobs.json'), SLURM_JOBS, 'the Slurm job ids');
}
