/**
 * `chuanyu slurm sweep|sensitivity`: plans the experiment once, writes the plan
 * folder (the plan, one resumable folder per shard), the job-array script and
 * the dependent merge script, then submits both (`--submit`) or prints the
 * commands that do. Script text comes from experiment/slurm/scripts.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { planSweep, type SweepOptions } from '../../experiment/sweep.js';
import { planSensitivity, type SensitivityOptions } from '../../experiment/sensitivity-run.js';
import { openSweep } from '../../results/sweep-format.js';
import { openPlanFolder } from '../../results/plan-folder.js';
import { SENSITIVITY_PLAN } from '../../results/sensitivity-format.js';
import { stableJson } from '../../results/file-format.js';
import { writeFileAtomically } from '../../results/atomic-file.js';
import { unusedFolder } from '../../results/output-folder.js';
import { readSlurmJobs, shardFolder, slurmPaths, type SlurmJobs, type SlurmKind, type SlurmSettings } from '../../results/slurm-format.js';
import { arrayScript, defaultShardCount, jobNameFor, mergeScript, parseParsable, sbatchArguments, submitCommands, arraySpec } from '../../experiment/slurm/scripts.js';
import { checkRunFits } from '../run-fits.js';
import { timestamp } from './run-action.js';

/** The job settings of `chuanyu slurm sweep|sensitivity` (everything but the experiment's own arguments). */
export interface SlurmJobOptions {
  out?: string;
  shards?: number;
  partition?: string;
  account?: string;
  time?: string;
  mem?: string;
  cpusPerTask?: number;
  throttle?: number;
  sbatchLine?: string[];
  node?: string;
  logs?: string;
  submit?: boolean;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface SlurmSubmitResult {
  outDir: string;
  settings: SlurmSettings;
  /** Job ids when submitted. */
  jobs: { array: string; merge: string } | null;
}

export function slurmSweepAction(options: SweepOptions & SlurmJobOptions & { scenario: string }): Promise<SlurmSubmitResult> {
  return prepare(options, 'sweep', async (loaded) => {
    const plan = planSweep(loaded, { ...options, shard: undefined });
    return {
      plan,
      seed: plan.seed,
      pointIndexes: plan.points.map((p) => p.index),
      open: async (dir, shards) => {
        await openSweep(dir, plan, false);
        for (let i = 1; i <= shards; i++) await openSweep(shardFolder(dir, i), { ...plan, shard: { index: i, count: shards } }, false);
      },
    };
  });
}

export function slurmSensitivityAction(options: SensitivityOptions & SlurmJobOptions & { scenario: string }): Promise<SlurmSubmitResult> {
  return prepare(options, 'sensitivity', async (loaded) => {
    const plan = planSensitivity(loaded, options);
    return {
      plan,
      seed: plan.seed,
      pointIndexes: plan.points.map((p) => p.index),
      open: async (dir, shards) => {
        // Each shard folder holds the whole plan and runs its own points of it (shardPointIndexes).
        await openPlanFolder(dir, plan, false, SENSITIVITY_PLAN);
        for (let i = 1; i <= shards; i++) await openPlanFolder(shardFolder(dir, i), plan, false, SENSITIVITY_PLAN);
      },
    };
  });
}

interface Planned {
  plan: { replications: number; scenario: string };
  seed: number;
  pointIndexes: number[];
  open: (dir: string, shards: number) => Promise<void>;
}

async function prepare(options: SlurmJobOptions & { scenario: string }, experiment: SlurmKind, planOf: (loaded: LoadedScenario) => Promise<Planned>): Promise<SlurmSubmitResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  // Before anything is written: a --submit that cannot submit leaves no folder behind.
  const sbatch = options.submit ? findSbatch() : null;
  const node = resolve(options.node ?? process.execPath);
  if (!existsSync(node)) throw new UserError(`--node ${node}: no such file; give the path of node on the cluster's compute nodes`);
  const cpus = options.cpusPerTask ?? 1;
  const loaded = await loadScenario(options.scenario);
  const planned = await planOf(loaded);
  checkRunFits(loaded, { replications: planned.plan.replications, workers: cpus });
  const points = planned.pointIndexes.length;
  const shards = options.shards ?? defaultShardCount(points, cpus);
  if (shards > points) throw new UserError(`--shards ${shards} is more than the ${points} point${points === 1 ? '' : 's'} of the plan; a shard needs at least one point`);
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', planned.plan.scenario, `slurm-${experiment}-${timestamp()}-${planned.seed}`)));
  const settings: SlurmSettings = {
    kind: 'chuanyu-slurm',
    experiment,
    dir: outDir,
    shards,
    points,
    jobName: jobNameFor(experiment, basename(outDir)),
    node,
    cli: cliPath(),
    partition: options.partition ?? null,
    account: options.account ?? null,
    time: options.time ?? null,
    mem: options.mem ?? null,
    cpusPerTask: cpus,
    throttle: options.throttle ?? null,
    sbatchLines: options.sbatchLine ?? [],
    logDir: options.logs ? resolve(options.logs) : join(outDir, 'slurm', 'logs'),
  };
  await planned.open(outDir, shards);
  const paths = slurmPaths(outDir);
  await mkdir(settings.logDir, { recursive: true });
  await writeFileAtomically(paths.settings, stableJson(settings));
  await writeFile(paths.arrayScript, arrayScript(settings));
  await writeFile(paths.mergeScript, mergeScript(settings));
  await chmod(paths.arrayScript, 0o755);
  await chmod(paths.mergeScript, 0o755);
  if (!options.quiet) log(`Planned ${experiment} of ${planned.plan.scenario}: ${points} points in ${shards} shard${shards === 1 ? '' : 's'} (array tasks ${arraySpec(Array.from({ length: shards }, (_, i) => i + 1), settings.throttle)}, ${cpus} CPU${cpus === 1 ? '' : 's'} each), in ${outDir}`);
  if (!sbatch) {
    if (!options.quiet) {
      log(`Wrote ${paths.arrayScript} and ${paths.mergeScript}. Submit both (the merge waits for the whole array) with:`);
      for (const line of submitCommands(settings)) log(`  ${line}`);
      log(`Then follow it with: chuanyu slurm status ${outDir}`);
    }
    return { outDir, settings, jobs: null };
  }
  const jobs = submit(sbatch, settings);
  await recordSubmission(outDir, { ...jobs, tasks: `1-${shards}` });
  if (!options.quiet) {
    log(`Submitted array job ${jobs.array} (${shards} tasks) and merge job ${jobs.merge} (after the array succeeds).`);
    log(`Follow it with: chuanyu slurm status ${outDir}`);
  }
  return { outDir, settings, jobs };
}

/** Submits the array (all tasks or `tasks`), then the merge that waits for it. */
export function submit(sbatch: string, settings: SlurmSettings, tasks?: readonly number[], afterAny: readonly string[] = []): { array: string; merge: string } {
  const first = sbatchArguments(settings, null, tasks);
  const array = runSbatch(sbatch, first.array);
  const merge = runSbatch(sbatch, sbatchArguments(settings, array, tasks, afterAny).merge);
  return { array, merge };
}

/** Submits the merge alone (every shard done, no merge queued). */
export function submitMerge(sbatch: string, settings: SlurmSettings): string {
  return runSbatch(sbatch, ['--parsable', slurmPaths(settings.dir).mergeScript]);
}

function runSbatch(sbatch: string, args: string[]): string {
  const result = spawnSync(sbatch, args, { encoding: 'utf8' });
  if (result.error) throw new UserError(`could not run ${sbatch}: ${result.error.message}`);
  if (result.status !== 0) throw new UserError(`sbatch ${args.join(' ')} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`);
  try {
    return parseParsable(result.stdout);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

export async function recordSubmission(dir: string, submission: { array: string | null; merge: string; tasks: string }): Promise<void> {
  const file = slurmPaths(dir).jobs;
  const jobs: SlurmJobs = await readSlurmJobs(dir);
  jobs.submissions.push({ ...submission, submitted: new Date().toISOString() });
  await writeFileAtomically(file, stableJson(jobs));
}

/** sbatch on PATH, or a UserError saying so (and what to do without it). */
export function findSbatch(): string {
  const found = whichSync('sbatch');
  if (!found)
    throw new UserError(
      'sbatch is not on PATH, so --submit cannot submit (is this a Slurm login node? on many clusters `module load slurm` puts it on PATH); run without --submit to write the scripts and print the sbatch commands, then run them where sbatch is',
    );
  return found;
}

export function whichSync(tool: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const path = join(dir, tool);
    if (existsSync(path)) return path;
  }
  return null;
}

/** The chuanyu CLI the scripts run: this build's dist/cli/main.js (also when the action runs from src/ under tests). */
export function cliPath(): string {
  const here = fileURLToPath(new URL('../main.js', import.meta.url));
  return existsSync(here) ? here : fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
}
