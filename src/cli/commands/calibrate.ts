/** `chuanyu calibrate <scenario>`: yargs wiring only; the work is in actions/calibrate-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addForceOption, addRunOptions, addWorkersOption, numericOption, type RunArgs } from '../options.js';

interface CalibrateArgs extends RunArgs {
  scenario: string;
  holdout?: number;
  iterations?: number;
  'validation-replications'?: number;
  workers?: number;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate <scenario>',
  describe: 'Fit the free parameters of a scenario\'s calibrate: section to its target, then judge the fit on fresh seeds and held-out years',
  builder: (yargs: Argv) =>
    addWorkersOption(addForceOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file (with a calibrate: section)' }))), 'Calibration:')
      .option('holdout', numericOption('--holdout', { integer: true, min: 0, max: 1000 }, { describe: 'Leave the last K target points out of the fit and report their error (default: calibrate.holdout)', group: 'Calibration:' }))
      .option('iterations', numericOption('--iterations', { integer: true, min: 1, max: 1_000_000 }, { alias: 'n', describe: 'Budget of objective evaluations (default: calibrate.iterations)', group: 'Calibration:' }))
      .option('validation-replications', numericOption('--validation-replications', { integer: true, min: 1, max: 10_000 }, { describe: 'Replications on fresh seeds for validation (default: as many as in fitting)', group: 'Calibration:' }))
      .example('$0 calibrate historical', 'Fit the historical scenario to the paper\'s Table 1 with its calibrate: settings')
      .example('$0 calibrate historical --holdout 2 --iterations 100 -r 5', 'A quicker fit, the last two target years held out')
      .example('$0 run results/historical/calibrate-20250101T000000Z-1/calibrated.yaml', 'Run the fitted scenario') as unknown as Argv<CalibrateArgs>,
  handler: async (args) => {
    const { calibrateAction } = await import('../actions/calibrate-action.js'); // loaded when used, so other commands start fast
    const result = await calibrateAction({
      scenario: args.scenario,
      holdout: args.holdout,
      iterations: args.iterations,
      replications: args.replications,
      validationReplications: args['validation-replications'],
      seed: args.seed,
      out: args.out,
      force: args.force,
      quiet: args.quiet,
      workers: args.workers,
    });
    if (!result.complete) process.exitCode = 130;
  },
};
