/** Options shared by every command that runs the model (run, and later experiments). */
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';

export interface RunArgs {
  seed?: number;
  replications?: number;
  out?: string;
  quiet?: boolean;
}

export function addRunOptions<T>(yargs: Argv<T>): Argv<T & RunArgs> {
  return yargs
    .option('seed', { type: 'number', describe: 'Random seed (default: the scenario\'s)', group: 'Run options:' })
    .option('replications', { alias: 'r', type: 'number', describe: 'Number of replications (default: the scenario\'s)', group: 'Run options:' })
    .option('out', { alias: 'o', type: 'string', describe: 'Write results exactly into this folder', group: 'Run options:' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors', group: 'Run options:' })
    .check((args) => {
      const a = args as RunArgs;
      if (a.seed !== undefined && (!Number.isInteger(a.seed) || a.seed < 0)) return `--seed must be a non-negative integer, got ${a.seed}`;
      if (a.replications !== undefined && (!Number.isInteger(a.replications) || a.replications < 1)) return `--replications must be a positive integer, got ${a.replications}`;
      return true;
    }) as Argv<T & RunArgs>;
}

export interface WorkersArgs {
  workers?: number;
}

/** `--workers` / `-j`: worker threads, one per core by default, checked to be a positive integer. */
export function addWorkersOption<T>(yargs: Argv<T>, group?: string): Argv<T & WorkersArgs> {
  return yargs
    .option('workers', { alias: 'j', type: 'number', default: availableParallelism(), describe: 'Worker threads', ...(group ? { group } : {}) })
    .check((args) => {
      const workers = (args as WorkersArgs).workers;
      return workers !== undefined && (!Number.isInteger(workers) || workers < 1) ? `--workers must be a positive integer, got ${workers}` : true;
    }) as Argv<T & WorkersArgs>;
}

/** What the plain action functions behind the commands share. */
export interface ActionOptions extends RunArgs {
  workers?: number;
  /** Where progress and summaries go (default: stdout). */
  log?: (line: string) => void;
}
