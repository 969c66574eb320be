/** `chuanyu history <scenario>`: yargs wiring only; the work is in actions/history-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addRunOptions, addWorkersOption, chartOptions, numericOption, type ChartArgs, type RunArgs } from '../options.js';

interface HistoryArgs extends RunArgs, ChartArgs {
  scenario: string;
  profile: boolean;
  attribution: boolean;
  step?: number;
  workers?: number;
}

export const historyCommand: CommandModule<object, HistoryArgs> = {
  command: 'history <scenario>',
  describe: 'Which competition windows a historical scenario\'s target supports (--profile) and which mechanism explains its history (--attribution); both when neither is given',
  builder: (yargs: Argv) =>
    addChartOptions(addWorkersOption(addForceOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file (with a target and a competition episode in its strategy timelines)' }))), 'History:'))
      .option('profile', { type: 'boolean', default: false, describe: 'Profile the error over the competition window (start year x end year, plus no episode)', group: 'History:' })
      .option('attribution', { type: 'boolean', default: false, describe: 'Switch off one mechanism at a time and measure its part of the fall and the rise', group: 'History:' })
      .option('step', numericOption('--step', { integer: true, min: 1, max: 100 }, { describe: 'Years between neighbouring window starts and ends in the profile (default 2)', group: 'History:' }))
      .example('$0 history historical-calibrated -r 30', 'Both analyses of the calibrated historical scenario, 30 replications per variant')
      .example('$0 history historical-calibrated --attribution -r 10', 'Only the mechanism attribution, quicker') as unknown as Argv<HistoryArgs>,
  handler: async (args) => {
    const { historyAction } = await import('../actions/history-action.js'); // loaded when used, so other commands start fast
    const result = await historyAction({
      scenario: args.scenario,
      profile: args.profile,
      attribution: args.attribution,
      replications: args.replications,
      seed: args.seed,
      step: args.step,
      out: args.out,
      force: args.force,
      quiet: args.quiet,
      workers: args.workers,
      charts: chartOptions(args),
    });
    if (!result.complete) process.exitCode = 130;
  },
};
