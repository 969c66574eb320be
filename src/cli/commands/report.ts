/** `chuanyu report <results-dir>`: yargs wiring only; the work is in actions/report-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { CHART_FORMATS, parseFormats } from '../../report/common/chart-formats.js';

export interface ReportArgs {
  resultsDir: string;
  format: string[];
  quiet: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results-dir>',
  describe: 'Draw the charts and report.html of a results folder (into its charts/ folder)',
  builder: (yargs: Argv) =>
    yargs
      .positional('results-dir', { type: 'string', demandOption: true, describe: 'A results folder written by `chuanyu run`' })
      .option('format', {
        alias: 'f',
        type: 'string',
        array: true,
        default: [CHART_FORMATS.join(',')],
        defaultDescription: CHART_FORMATS.join(','),
        describe: `Chart files to write, comma-separated: ${CHART_FORMATS.join(', ')} (report.html is always written)`,
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .check((args) => {
        parseFormats((args.format as string[] | undefined) ?? []);
        return true;
      })
      .example('$0 report results/baseline/20260101T000000Z-1', 'Write SVG, PNG and Vega-Lite files and report.html')
      .example('$0 report out/coop --format svg,vl', 'Vector files only (no PNG)') as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const { reportAction } = await import('../actions/report-action.js'); // loaded when used, so other commands start fast
    await reportAction({ resultsDir: args.resultsDir, formats: parseFormats(args.format), quiet: args.quiet });
  },
};
