/** `chuanyu compare <a> <b> [...]`: yargs wiring only. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addRunOptions, addWorkersOption, chartOptions, type ChartArgs, type RunArgs } from '../options.js';

type CompareArgs = RunArgs & ChartArgs & { scenarios: string[]; workers: number };

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare scenarios under common random numbers: paired differences with 95% intervals',
  builder: (yargs: Argv) =>
    addChartOptions(addWorkersOption(addForceOption(addRunOptions(yargs.positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Two or more scenarios; the first is the reference' })))))
      .example('$0 compare baseline compete cooperate -r 20', 'Competition and cooperation against the baseline') as unknown as Argv<CompareArgs>,
  handler: async (args) => {
    const { compareAction } = await import('../actions/compare-action.js'); // loaded when used, so other commands start fast
    await compareAction({ ...args, charts: chartOptions(args) });
  },
};
