/** `chuanyu run <scenario>`: yargs wiring only; the work is in actions/run-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addParquetOption, addRunOptions, chartOptions, type ChartArgs, type ParquetArgs, type RunArgs } from '../options.js';

export const runCommand: CommandModule<object, RunArgs & ChartArgs & ParquetArgs & { scenario: string }> = {
  command: 'run [scenario]',
  describe: 'Run a scenario with replications and write a results folder',
  builder: (yargs: Argv) =>
    addChartOptions(addParquetOption(addForceOption(
      addRunOptions(
        yargs.positional('scenario', { type: 'string', default: 'baseline', describe: 'Scenario name (in scenarios/) or path to a YAML/JSON file' }),
      ),
    )))
      .example('$0 run baseline', 'Run the baseline with its default seed and replications')
      .example('$0 run scenarios/cooperate.yaml --seed 7 --replications 20 --out out/coop', 'Twenty replications into out/coop')
      .example('$0 run cooperate --format png,pdf --captions none', 'Charts as PNG and PDF with their titles only')
      .example('$0 run cooperate -r 16 --parquet', 'Tables as CSV and Parquet') as Argv<RunArgs & ChartArgs & ParquetArgs & { scenario: string }>,
  handler: async (args) => {
    const { runAction } = await import('../actions/run-action.js'); // loaded when used, so other commands start fast
    await runAction({ scenario: args.scenario, seed: args.seed, replications: args.replications, out: args.out, force: args.force, parquet: args.parquet, quiet: args.quiet, charts: chartOptions(args) });
  },
};
