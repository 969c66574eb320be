/**
 * The files of a `chuanyu discover` folder, written atomically (a staging
 * sibling renamed into place; manifest.json lists every file):
 *
 *   boxes.json        the condition, the PRIM boxes with their trajectories and quasi-p-values, the CART rules
 *   trajectory.csv    one row per peeling step of every box
 *   summary.md        the findings in plain words
 *   trajectory.*, box-limits.*   the charts (Vega-Lite, SVG, PNG)
 *   report.html       the sentences, the tables and the charts
 *
 * `renderDiscoverReport` redraws the charts and report.html from boxes.json alone.
 */
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import { writeBoxesJson, writeTrajectoryCsv } from '../../results/discover-files.js';
import type { DiscoverFile } from '../../results/discover-format.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions, type ExperimentReportResult } from '../common/write-charts.js';
import { discoverCharts } from './charts.js';
import { discoverHtml } from './page.js';
import { readFolderProvenance } from '../../results/provenance.js';
import type { Provenance } from '../../results/provenance-format.js';
import { readDiscovery } from './read.js';
import { discoverySentences } from './text.js';

function summaryMarkdown(file: DiscoverFile): string {
  return [`# Scenario discovery: ${file.condition.words}`, '', `Condition: \`${file.condition.text}\``, '', ...discoverySentences(file).map((l) => `- ${l}`), '', `Reproduce: \`${file.command}\``, ''].join('\n');
}

/** Writes the whole discover folder at `outDir` (replacing an earlier one only with --force). */
export async function writeDiscoverFolder(outDir: string, file: DiscoverFile, options: ExperimentReportOptions & { force?: boolean; provenance?: Provenance }): Promise<string[]> {
  const target = resolve(outDir);
  const written: string[] = [];
  await writeDirectoryAtomically(target, { kind: 'discover', force: options.force, provenance: options.provenance }, async (dir) => {
    await writeBoxesJson(dir, file);
    await writeTrajectoryCsv(dir, file);
    await writeFile(join(dir, 'summary.md'), summaryMarkdown(file));
    written.push('boxes.json', 'trajectory.csv', 'summary.md');
    const { files } = await renderDiscoverReport(dir, { ...options, folderName: basename(target) }, file);
    written.push(...files.map((f) => basename(f)));
  });
  return written;
}

/** Charts and report.html of a discover folder, from its boxes.json (or the file given). */
export async function renderDiscoverReport(dir: string, options: ExperimentReportOptions & { folderName?: string } = {}, file?: DiscoverFile): Promise<ExperimentReportResult> {
  const data = file ?? (await readDiscovery(dir));
  const { drawn, files } = await writeExperimentCharts(dir, discoverCharts(data), chartFormats(options), options.captions);
  const report = join(dir, 'report.html');
  await writeFile(report, discoverHtml(data, drawn, options.folderName ?? basename(resolve(dir)), await readFolderProvenance(dir)));
  files.push(report);
  return { charts: drawn.map((c) => c.name), files, report };
}
