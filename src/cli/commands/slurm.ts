/**
 * `chuanyu slurm sweep|sensitivity|status|shard|merge`: an experiment as a Slurm
 * job array. yargs wiring only; the work is in actions/slurm-*-action.ts and
 * the script text in experiment/slurm/.
 */
import type { Argv, CommandModule } from 'yargs';
import { numericOption } from '../options.js';
import { addSweepPlanOptions, type SweepPlanArgs } from './sweep.js';
import { addSensitivityPlanOptions, type SensitivityPlanArgs } from './sensitivity.js';

interface JobArgs {
  shards?: number;
  partition?: string;
  account?: string;
  time?: string;
  mem?: string;
  'cpus-per-task': number;
  throttle?: number;
  'sbatch-line': string[];
  node?: string;
  logs?: string;
  submit: boolean;
}

const JOB = 'Slurm job:';

/** The job settings both experiments take. */
function addJobOptions<T>(yargs: Argv<T>): Argv<T & JobArgs> {
  return yargs
    .option('shards', numericOption('--shards', { integer: true, min: 1, max: 10_000, maxReason: 'far beyond a useful job array' }, { describe: 'Array tasks, each running a shard of the points (default: about 8 points per CPU of a task, at most 100)', group: JOB }))
    .option('partition', { type: 'string', requiresArg: true, describe: '#SBATCH --partition (default: the cluster\'s)', group: JOB })
    .option('account', { type: 'string', requiresArg: true, describe: '#SBATCH --account (default: yours)', group: JOB })
    .option('time', { type: 'string', requiresArg: true, describe: '#SBATCH --time of each task and of the merge, e.g. 2:00:00 (default: the partition\'s)', group: JOB })
    .option('mem', { type: 'string', requiresArg: true, describe: '#SBATCH --mem of each task, e.g. 4G (default: the partition\'s)', group: JOB })
    .option('cpus-per-task', numericOption('--cpus-per-task', { integer: true, min: 1, max: 64, maxReason: 'the most --workers a shard takes' }, { default: 1, describe: 'CPUs of each array task, used as the shard\'s --workers', group: JOB }))
    .option('throttle', numericOption('--throttle', { integer: true, min: 1, max: 10_000 }, { describe: 'Run at most this many array tasks at once (--array=...%N)', group: JOB }))
    .option('sbatch-line', { type: 'string', array: true, default: [], describe: 'An extra #SBATCH line for both scripts, e.g. "--qos=short"; repeat for more', group: JOB })
    .option('node', { type: 'string', requiresArg: true, describe: 'Path of node on the compute nodes (default: this node, made absolute)', group: JOB })
    .option('logs', { type: 'string', requiresArg: true, describe: 'Folder of the Slurm logs (default: <out>/slurm/logs)', group: JOB })
    .option('submit', { type: 'boolean', default: false, describe: 'Submit the array and the merge with sbatch (otherwise print the commands)', group: JOB }) as unknown as Argv<T & JobArgs>;
}

const jobOptions = (args: JobArgs & { out?: string; quiet?: boolean }) => ({
  out: args.out,
  quiet: args.quiet,
  shards: args.shards,
  partition: args.partition,
  account: args.account,
  time: args.time,
  mem: args.mem,
  cpusPerTask: args['cpus-per-task'],
  throttle: args.throttle,
  sbatchLine: args['sbatch-line'],
  node: args.node,
  logs: args.logs,
  submit: args.submit,
});

const sweep: CommandModule<object, SweepPlanArgs & JobArgs> = {
  command: 'sweep <scenario>',
  describe: 'Plan a sweep (the arguments of chuanyu sweep) as a job array and a dependent merge job; --submit submits them',
  builder: (yargs: Argv) =>
    addJobOptions(addSweepPlanOptions(yargs))
      .example('$0 slurm sweep cooperate -p fund.leverage=0:2:0.1 -r 20 --cpus-per-task 8 --time 1:00:00 --out sweep-lev --submit', 'Submit a 21-point sweep')
      .example('$0 slurm status sweep-lev', 'Then see what is done') as unknown as Argv<SweepPlanArgs & JobArgs>,
  handler: async (args) => {
    const { slurmSweepAction } = await import('../actions/slurm-submit-action.js');
    await slurmSweepAction({ ...args, params: args.param, ...jobOptions(args) });
  },
};

const sensitivity: CommandModule<object, SensitivityPlanArgs & JobArgs> = {
  command: 'sensitivity <scenario>',
  describe: 'Plan a sensitivity analysis (the arguments of chuanyu sensitivity) as a job array and a dependent merge job; --submit submits them',
  builder: (yargs: Argv) =>
    addJobOptions(addSensitivityPlanOptions(yargs)).example(
      '$0 slurm sensitivity cooperate -p fund.leverage=0:3 -p policy.fundShare=0.1:0.5 --method sobol --samples 256 --cpus-per-task 16 --submit',
      'Sobol indices on a cluster',
    ) as unknown as Argv<SensitivityPlanArgs & JobArgs>,
  handler: async (args) => {
    const { slurmSensitivityAction } = await import('../actions/slurm-submit-action.js');
    await slurmSensitivityAction({ ...args, params: args.param, outputs: args.output, ...jobOptions(args) });
  },
};

const status: CommandModule<object, { dir: string; json: boolean; resubmit: boolean }> = {
  command: 'status <dir>',
  describe: 'Which shards are done, running, failed (with the log) or missing, and the command that resubmits only those left',
  builder: (yargs: Argv) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'The folder chuanyu slurm sweep|sensitivity wrote' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the status as JSON' })
      .option('resubmit', { type: 'boolean', default: false, describe: 'Run the printed commands: resubmit only the failed and missing shards, and a merge after them' }) as unknown as Argv<{ dir: string; json: boolean; resubmit: boolean }>,
  handler: async (args) => {
    const { slurmStatusAction } = await import('../actions/slurm-status-action.js');
    await slurmStatusAction(args);
  },
};

const shard: CommandModule<object, { dir: string; shard: string; workers: number; quiet: boolean }> = {
  command: 'shard <dir>',
  describe: 'Run (or resume) one shard of a planned folder: what each array task runs',
  builder: (yargs: Argv) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'The planned folder' })
      .option('shard', { type: 'string', demandOption: true, describe: 'i/n: shard i of the folder\'s n' })
      .option('workers', numericOption('--workers', { integer: true, min: 1, max: 64 }, { alias: 'j', default: 1, describe: 'Worker threads' }))
      .option('quiet', { alias: 'q', type: 'boolean', default: false }) as unknown as Argv<{ dir: string; shard: string; workers: number; quiet: boolean }>,
  handler: async (args) => {
    const { slurmShardAction } = await import('../actions/slurm-shard-action.js');
    const result = await slurmShardAction(args);
    if (!result.complete) process.exitCode = 130;
  },
};

const merge: CommandModule<object, { dir: string; quiet: boolean }> = {
  command: 'merge <dir>',
  describe: 'Merge the shards of a planned folder into its tables (what the merge job runs); refuses, listing the missing points, if any shard is unfinished',
  builder: (yargs: Argv) =>
    yargs
      .positional('dir', { type: 'string', demandOption: true, describe: 'The planned folder' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false }) as unknown as Argv<{ dir: string; quiet: boolean }>,
  handler: async (args) => {
    const { slurmMergeAction } = await import('../actions/slurm-shard-action.js');
    await slurmMergeAction(args);
  },
};

export const slurmCommand: CommandModule = {
  command: 'slurm <command>',
  describe: 'Run a sweep or sensitivity analysis as a Slurm job array (plan, submit, status, merge)',
  builder: (yargs: Argv) =>
    yargs
      .command(sweep)
      .command(sensitivity)
      .command(status)
      .command(shard)
      .command(merge)
      .demandCommand(1, 'Name a slurm command, e.g. `chuanyu slurm sweep cooperate -p fund.leverage=0:2:0.5 --submit`.'),
  handler: () => {},
};
