/** `chuanyu report <results-dir>`: yargs wiring only; the work is in actions/report-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, chartOptions, type ChartArgs } from '../options.js';

export interface ReportArgs extends ChartArgs {
  resultsDir: string;
  quiet: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results-dir>',
  describe: 'Draw the charts and report.html of a results folder again (where the command that wrote it put them)',
  builder: (yargs: Argv) =>
    addChartOptions(
      yargs
        .positional('results-dir', { type: 'string', demandOption: true, describe: 'A results folder written by `chuanyu run`, `sweep`, `compare`, `game`, `sensitivity`, `calibrate`, `history` or `study`' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' }),
    )
      .example('$0 report results/baseline/20260101T000000Z-1', 'Write SVG, PNG and Vega-Lite files and report.html')
      .example('$0 report out/coop --format svg,vl', 'Vector files only (no PNG)')
      .example('$0 report out/coop --format pdf --captions none', 'PDF charts with their titles only, to paste into a paper') as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const { reportAction } = await import('../actions/report-action.js'); // loaded when used, so other commands start fast
    await reportAction({ resultsDir: args.resultsDir, ...chartOptions(args), quiet: args.quiet });
  },
};
