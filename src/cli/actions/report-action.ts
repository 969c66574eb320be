/**
 * `chuanyu report`: render the charts and report.html of an existing results
 * folder. A plain function so tests can call it without yargs.
 */
import { relative } from 'node:path';
import { renderRunReport, type ChartFormat, type RenderRunReportResult } from '../../report/report-run.js';

export interface ReportActionOptions {
  resultsDir: string;
  formats?: ChartFormat[];
  quiet?: boolean;
  log?: (line: string) => void;
}

export async function reportAction(options: ReportActionOptions): Promise<RenderRunReportResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const result = await renderRunReport(options.resultsDir, { formats: options.formats });
  if (!options.quiet) {
    const shown = (path: string) => {
      const rel = relative(process.cwd(), path);
      return rel && !rel.startsWith('..') ? rel : path;
    };
    log(`Rendered ${result.charts.length} chart${result.charts.length === 1 ? '' : 's'}: ${result.charts.join(', ')}`);
    if (result.skipped.length > 0) log(`Skipped (nothing to show in this run): ${result.skipped.join(', ')}`);
    log(`Report: ${shown(result.report)}`);
  }
  return result;
}
