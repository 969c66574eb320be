/** `chuanyu sensitivity <scenario>`: yargs wiring only; the work is in actions/sensitivity-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addParquetOption, addRunOptions, addSeriesOption, addWorkersOption, chartOptions, numericOption, type ChartArgs, type ParquetArgs, type RunArgs, type SeriesArgs } from '../options.js';
import { METHODS } from '../../experiment/sensitivity/analysis.js';
import { SAMPLINGS } from '../../experiment/sensitivity/saltelli.js';
import { DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE } from '../../experiment/sensitivity/common.js';
import { DEFAULT_MORRIS_LEVELS } from '../../experiment/sensitivity/morris.js';
import { DEFAULT_SAMPLES, MAX_POINTS } from '../../experiment/sensitivity-run.js';

/** What defines a sensitivity analysis's plan (shared with `chuanyu slurm sensitivity`). */
export interface SensitivityPlanArgs extends RunArgs, SeriesArgs {
  scenario: string;
  param: string[];
  method: string;
  samples?: number;
  levels?: number;
  sampling?: string;
  output: string[];
  bootstrap?: number;
  confidence?: number;
}

interface SensitivityArgs extends SensitivityPlanArgs, ParquetArgs, ChartArgs {
  workers?: number;
  resume: boolean;
}

/** The scenario, run options and method options of a sensitivity analysis: everything its plan depends on. */
export function addSensitivityPlanOptions<T>(yargs: Argv<T>): Argv<T & SensitivityPlanArgs> {
  return addSeriesOption(addRunOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario name or file' })), 'Sensitivity:')
      .option('param', { alias: 'p', type: 'string', array: true, default: [], describe: 'path=lo:hi, an interval to vary; repeat for more', group: 'Sensitivity:' })
      .option('method', { alias: 'm', type: 'string', default: 'morris', describe: `${METHODS.join(' or ')}: Morris elementary effects (screening) or Sobol first- and total-order indices`, group: 'Sensitivity:' })
      .option(
        'samples',
        numericOption('--samples', { integer: true, min: 1, max: MAX_POINTS, maxReason: 'the most points an analysis may have' }, {
          alias: 'n',
          describe: `Morris trajectories (default ${DEFAULT_SAMPLES.morris}) or Sobol base samples N (default ${DEFAULT_SAMPLES.sobol}; best a power of two); points: r(k+1) or N(k+2) for k parameters`,
          group: 'Sensitivity:',
        }),
      )
      .option('levels', numericOption('--levels', { integer: true, min: 2, max: 1000 }, { describe: `Morris grid levels, even (default ${DEFAULT_MORRIS_LEVELS})`, group: 'Sensitivity:' }))
      .option('sampling', { type: 'string', describe: `Sobol base sample: ${SAMPLINGS.join(' or ')} (default quasi: a randomly shifted Sobol sequence)`, group: 'Sensitivity:' })
      .option('output', {
        type: 'string',
        array: true,
        default: [],
        describe: 'region.metric.statistic or a metric name, e.g. zone.similarity.final, sichuan.value_added_change.final, utilization; repeat for more (default: the headline outputs)',
        group: 'Sensitivity:',
      })
      .option('bootstrap', numericOption('--bootstrap', { integer: true, min: 0, max: 100_000 }, { describe: `Bootstrap resamples for the intervals (default ${DEFAULT_BOOTSTRAP}; 0 for none)`, group: 'Sensitivity:' }))
      .option('confidence', numericOption('--confidence', { min: 0, max: 1 }, { describe: `Coverage of the intervals (default ${DEFAULT_CONFIDENCE})`, group: 'Sensitivity:' })) as unknown as Argv<T & SensitivityPlanArgs>;
}

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: 'sensitivity <scenario>',
  describe: 'Global sensitivity analysis of model outputs to scenario parameters (Morris screening or Sobol indices), in parallel and resumable',
  builder: (yargs: Argv) =>
    addChartOptions(addParquetOption(addWorkersOption(addSensitivityPlanOptions(yargs), 'Sensitivity:'), 'Sensitivity:'))
      .option('resume', { type: 'boolean', default: false, describe: 'Finish an interrupted analysis in --out', group: 'Sensitivity:' })
      .example('$0 sensitivity cooperate -p fund.leverage=0:3 -p policy.fundShare=0.1:0.5 --method morris --samples 20', 'Morris screening, 20 trajectories')
      .example('$0 sensitivity cooperate -p fund.leverage=0:3 -p policy.fundShare=0.1:0.5 --method sobol --samples 256 -r 5', 'Sobol indices from 256 x 4 points')
      .example('$0 sensitivity cooperate -p fund.leverage=0:3 --output zone.utilization.over_run --out out/sa --resume', 'Finish an interrupted analysis') as unknown as Argv<SensitivityArgs>,
  handler: async (args) => {
    const { sensitivityAction } = await import('../actions/sensitivity-action.js'); // loaded when used, so other commands start fast
    const result = await sensitivityAction({ ...args, params: args.param, outputs: args.output, series: args.series, charts: chartOptions(args) });
    if (!result.complete) process.exitCode = 130;
  },
};
