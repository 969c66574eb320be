/**
 * The files of a `chuanyu history` folder, written atomically (a staging
 * sibling renamed into place; manifest.json lists every file):
 *
 *   profile.csv       one row per competition window: RMSE, the comparisons with the best, supported flags, mean at each target year
 *   attribution.csv   one row per mechanism switched off: fall, rise, differences from the full model, shares, RMSE
 *   summary.json      both results in full (and the scenario's illustrative note, when it makes one)
 *   summary.md        the findings in plain words and tables (the same lines `historyMarkdown` gives chuanyu validate)
 *   profile.*, attribution.*   the charts (Vega-Lite, SVG, PNG)
 *   report.html       the sentences and the charts
 *
 * `renderHistoryReport` redraws the charts and report.html from summary.json
 * alone (read.ts), so a folder can be re-rendered later.
 */
import { readFolderProvenance } from '../../results/provenance.js';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import type { Provenance } from '../../results/provenance-format.js';
import { illustrativeField } from '../../results/file-format.js';
import { writeAttributionCsv, writeHistorySummary, writeProfileCsv } from '../../results/experiment-files.js';
import { historyHtml } from './page.js';
import { historyCharts } from './charts.js';
import { historySummaryMarkdown, type HistoryResult } from './text.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';
import { readHistory, type HistorySummary } from './read.js';

export type { HistorySummary } from './read.js';

/** Writes the whole history folder at `outDir` (replacing an earlier one only with --force). */
export async function writeHistoryFolder(
  outDir: string,
  result: HistoryResult,
  options: ExperimentReportOptions & { force?: boolean; command: string; /** The scenario's note on illustrative numbers (recorded in summary.json when there is one). */ illustrative?: string; provenance?: Provenance },
): Promise<string[]> {
  const target = resolve(outDir);
  const written: string[] = [];
  await writeDirectoryAtomically(target, { kind: 'history', force: options.force, provenance: options.provenance }, async (dir) => {
    const summary: HistorySummary = { kind: 'chuanyu-history', command: options.command, ...illustrativeField(options.illustrative), ...result };
    await writeHistorySummary(dir, summary);
    await writeFile(join(dir, 'summary.md'), historySummaryMarkdown(result, options.command));
    written.push('summary.json', 'summary.md');
    if (result.profile) {
      await writeProfileCsv(dir, result.profile);
      written.push('profile.csv');
    }
    if (result.attribution) {
      await writeAttributionCsv(dir, result.attribution);
      written.push('attribution.csv');
    }
    const { files } = await renderHistoryReport(dir, { ...options, folderName: basename(target) }, summary);
    written.push(...files.map((f) => basename(f)));
  });
  return written;
}

/** Charts and report.html of a history folder, from its summary.json (or the summary given). */
export async function renderHistoryReport(dir: string, options: ExperimentReportOptions & { folderName?: string } = {}, summary?: HistorySummary): Promise<ExperimentReportResult> {
  const data = summary ?? (await readHistory(dir));
  const { drawn, files } = await writeExperimentCharts(dir, historyCharts(data), chartFormats(options), options.captions);
  const report = join(dir, 'report.html');
  await writeFile(report, historyHtml(data, drawn, options.folderName ?? basename(resolve(dir)), data.command, data.illustrative, await readFolderProvenance(dir)));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
