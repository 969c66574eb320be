/** `chuanyu calibrate <scenario>`: yargs wiring only; the work is in actions/calibrate-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, addRunOptions, addWorkersOption, chartOptions, numericOption, type ChartArgs, type RunArgs } from '../options.js';

interface CalibrateArgs extends RunArgs, ChartArgs {
  scenario: string;
  holdout?: number;
  'fit-years'?: string;
  'holdout-years'?: string;
  'seed-sets'?: number;
  study?: boolean;
  iterations?: number;
  'validation-replications'?: number;
  workers?: number;
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate <scenario>',
  describe: 'Fit the free parameters of a scenario\'s calibrate: section to its target, then judge the fit on fresh seeds and held-out years',
  builder: (yargs: Argv) =>
    addChartOptions(addWorkersOption(addForceOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file (with a calibrate: section)' }))), 'Calibration:'))
      .option('holdout', numericOption('--holdout', { integer: true, min: 0, max: 1000 }, { describe: 'Leave the last K target points out of the fit and report their error (default: calibrate.holdout; not with --fit-years/--holdout-years)', group: 'Calibration:' }))
      .option('fit-years', { type: 'string', describe: 'Fit only the target points of these years, e.g. 1978-2002 (default: calibrate.fitYears, else every point not held out)', group: 'Calibration:' })
      .option('holdout-years', { type: 'string', describe: 'Hold out the target points of these years, e.g. 2005-2015: never read by the fit (default: calibrate.holdoutYears)', group: 'Calibration:' })
      .option('seed-sets', numericOption('--seed-sets', { integer: true, min: 1, max: 100 }, { describe: 'Sets of fresh seeds (seed+1000, seed+2000, ...) for the hold-out error, reported as median and range (default 1)', group: 'Calibration:' }))
      .option('study', { type: 'boolean', describe: 'Fit three ways (every point; calibrate.fitYears -> holdoutYears; the reverse) and print the calibration study as markdown (--out: a folder for study.md and study.json)', group: 'Calibration:' })
      .option('iterations', numericOption('--iterations', { integer: true, min: 1, max: 1_000_000 }, { alias: 'n', describe: 'Budget of objective evaluations (default: calibrate.iterations)', group: 'Calibration:' }))
      .option('validation-replications', numericOption('--validation-replications', { integer: true, min: 1, max: 10_000 }, { describe: 'Replications on fresh seeds for validation (default: as many as in fitting)', group: 'Calibration:' }))
      .example('$0 calibrate historical', 'Fit the historical scenario to the paper\'s Table 1 with its calibrate: settings')
      .example('$0 calibrate historical --holdout 2 --iterations 100 -r 5', 'A quicker fit, the last two target years held out')
      .example('$0 calibrate historical --fit-years 1978-2002 --holdout-years 2005-2015 --seed-sets 5', 'Fit 1978-2002 only, forecast 2005-2015, hold-out error over five sets of fresh seeds')
      .example('$0 calibrate historical --study --seed-sets 5 --validation-replications 30', 'Full, forward and reverse fits: counts, penalised errors, hold-out errors over seed sets, skill against naive forecasts')
      .example('$0 run results/historical/calibrate-20250101T000000Z-1/calibrated.yaml', 'Run the fitted scenario') as unknown as Argv<CalibrateArgs>,
  handler: async (args) => {
    if (args.study) {
      const { calibrationStudyAction } = await import('../actions/calibration-study-action.js');
      const study = await calibrationStudyAction({
        scenario: args.scenario,
        iterations: args.iterations,
        replications: args.replications,
        validationReplications: args['validation-replications'],
        seedSets: args['seed-sets'],
        seed: args.seed,
        workers: args.workers,
        out: args.out,
        force: args.force,
        quiet: args.quiet,
      });
      if (!study.complete) process.exitCode = 130;
      return;
    }
    const { calibrateAction } = await import('../actions/calibrate-action.js'); // loaded when used, so other commands start fast
    const result = await calibrateAction({
      scenario: args.scenario,
      holdout: args.holdout,
      fitYears: args['fit-years'],
      holdoutYears: args['holdout-years'],
      seedSets: args['seed-sets'],
      iterations: args.iterations,
      replications: args.replications,
      validationReplications: args['validation-replications'],
      seed: args.seed,
      out: args.out,
      force: args.force,
      quiet: args.quiet,
      workers: args.workers,
      charts: chartOptions(args),
    });
    if (!result.complete) process.exitCode = 130;
  },
};
