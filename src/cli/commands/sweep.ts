/** `chuanyu sweep <scenario>`: yargs wiring only; the work is in actions/sweep-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addParquetOption, addRunOptions, addSeriesOption, addWorkersOption, chartOptions, numericOption, type ChartArgs, type ParquetArgs, type RunArgs, type SeriesArgs } from '../options.js';
import { DESIGNS, type Design } from '../../experiment/design.js';

/** What defines a sweep's plan (shared with `chuanyu slurm sweep`). */
export interface SweepPlanArgs extends RunArgs, SeriesArgs {
  scenario: string;
  param: string[];
  design?: Design;
  samples?: number;
  counterfactual: boolean;
}

interface SweepArgs extends SweepPlanArgs, ChartArgs, ParquetArgs {
  workers?: number;
  resume: boolean;
  shard?: string;
}

/** The scenario, run options and design options of a sweep: everything its plan depends on. */
export function addSweepPlanOptions<T>(yargs: Argv<T>): Argv<T & SweepPlanArgs> {
  return addSeriesOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file' })), 'Sweep:')
    .option('param', { alias: 'p', type: 'string', array: true, default: [], describe: 'path=start:stop:step, path=lo:hi (lhs) or path=a,b,c; repeat for more', group: 'Sweep:' })
    .option('design', { choices: DESIGNS, describe: 'grid (every combination) or lhs (Latin hypercube)', group: 'Sweep:' })
    .option('samples', numericOption('--samples', { integer: true, min: 1, max: 100_000, maxReason: 'the limit a scenario file has' }, { describe: 'Points of an lhs design', group: 'Sweep:' }))
    .option('counterfactual', { type: 'boolean', default: true, describe: 'Also run each point\'s counterfactual (--no-counterfactual halves the work)', group: 'Sweep:' }) as unknown as Argv<T & SweepPlanArgs>;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Run a parameter sweep (grid or Latin hypercube) with replications, in parallel and resumable',
  builder: (yargs: Argv) =>
    addChartOptions(addParquetOption(addWorkersOption(addSweepPlanOptions(yargs), 'Sweep:'), 'Sweep:'))
      .option('resume', { type: 'boolean', default: false, describe: 'Finish an interrupted sweep in --out', group: 'Sweep:' })
      .option('shard', { type: 'string', describe: 'Run only shard i of n (e.g. 2/8), for job arrays', group: 'Sweep:' })
      .example('$0 sweep cooperate --param fund.leverage=0:2:0.5 --param policy.fundShare=0.1,0.3,0.5 -r 10', 'A 5x3 grid, 10 replications a point')
      .example('$0 sweep cooperate --param fund.leverage=0:3 --param fund.capPerFirm=0.05:0.3 --design lhs --samples 40', 'A Latin hypercube')
      .example('$0 sweep cooperate -p fund.leverage=0:2:0.5 --series similarity,value_added --parquet', 'Keep two metrics at every step (series.csv) and write Parquet tables too')
      .example('$0 sweep cooperate -p fund.leverage=0:2:0.5 --out out/lev --resume', 'Finish an interrupted sweep') as unknown as Argv<SweepArgs>,
  handler: async (args) => {
    const { sweepAction } = await import('../actions/sweep-action.js'); // loaded when used, so other commands start fast
    const result = await sweepAction({ ...args, params: args.param, series: args.series, charts: chartOptions(args) });
    if (!result.complete) process.exitCode = 130;
  },
};
