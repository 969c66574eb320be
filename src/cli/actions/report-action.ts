/**
 * `chuanyu report`: render the charts and report.html of an existing folder
 * written by `run`, `sweep`, `merge`, `compare`, `game`, `sensitivity`,
 * `calibrate`, `history` or `study` (recognised by its files). A plain
 * function so tests can call it without yargs.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderRunReport } from '../../report/run/report.js';
import type { Captions, ChartFormat } from '../../report/common/chart-formats.js';
import { renderSweepReport } from '../../report/sweep/report.js';
import { renderCompareReport } from '../../report/compare/report.js';
import { renderGameReport } from '../../report/game/report.js';
import { renderSensitivityReport } from '../../report/sensitivity/report.js';
import { renderCalibrationReport } from '../../report/calibration/report.js';
import { renderDiscoverReport } from '../../report/discover/report.js';
import { renderHistoryReport } from '../../report/history/report.js';
import { renderStudyReport } from '../../report/study/report.js';
import { readGameManifest } from '../../results/experiment-files.js';
import { recordFiles } from '../../results/output-folder.js';

export interface ReportActionOptions {
  resultsDir: string;
  formats?: ChartFormat[];
  /** `none`: chart files with their title only (default `full`). */
  captions?: Captions;
  quiet?: boolean;
  log?: (line: string) => void;
}

export type FolderKind = 'run' | 'sweep' | 'comparison' | 'game' | 'sensitivity' | 'calibration' | 'history' | 'study' | 'discover';

export function folderKind(dir: string): FolderKind {
  const has = (file: string) => existsSync(join(dir, file));
  if (has('study.json') && has('cells.csv')) return 'study';
  // A history folder holds profile.csv, attribution.csv or both (--profile, --attribution).
  if (has('summary.json') && (has('profile.csv') || has('attribution.csv'))) return 'history';
  if (existsSync(join(dir, 'game.json'))) return 'game';
  if (existsSync(join(dir, 'boxes.json'))) return 'discover';
  if (existsSync(join(dir, 'sensitivity-plan.json'))) return 'sensitivity';
  if (existsSync(join(dir, 'calibrated.yaml')) && existsSync(join(dir, 'fit.csv'))) return 'calibration';
  if (existsSync(join(dir, 'plan.json'))) return 'sweep';
  if (existsSync(join(dir, 'comparison.csv'))) return 'comparison';
  return 'run';
}

export async function reportAction(options: ReportActionOptions): Promise<{ kind: FolderKind; charts: string[]; report: string }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const dir = options.resultsDir;
  const kind = folderKind(dir);
  let charts: string[] = [];
  let skipped: string[] = [];
  let report: string;
  if (kind === 'run') {
    const result = await renderRunReport(dir, { formats: options.formats, captions: options.captions });
    ({ charts, skipped, report } = result);
  } else if (kind === 'sweep') {
    ({ charts, report } = await renderSweepReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'calibration') {
    ({ report } = await renderCalibrationReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'discover') {
    ({ charts, report } = await renderDiscoverReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'history') {
    ({ charts, report } = await renderHistoryReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'study') {
    ({ charts, report } = await renderStudyReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'sensitivity') {
    ({ charts, report } = await renderSensitivityReport(dir, { formats: options.formats, captions: options.captions }));
  } else if (kind === 'comparison') {
    ({ charts, report } = await renderCompareReport(dir, { formats: options.formats, captions: options.captions }));
  } else {
    const { resolvedScenario } = await readGameManifest(dir);
    const info = { title: resolvedScenario.title, description: resolvedScenario.description, illustrative: resolvedScenario.illustrative };
    ({ report } = await renderGameReport(dir, info, { formats: options.formats, captions: options.captions }));
  }
  // The charts just drawn are the tool's own files: listed in the manifest, so --force may later replace them.
  if (kind === 'run' || kind === 'comparison' || kind === 'game' || kind === 'calibration' || kind === 'history' || kind === 'study' || kind === 'discover') await recordFiles(dir);
  if (!options.quiet) {
    const shown = (path: string) => {
      const rel = relative(process.cwd(), path);
      return rel && !rel.startsWith('..') ? rel : path;
    };
    if (charts.length > 0) log(`Rendered ${charts.length} chart${charts.length === 1 ? '' : 's'}: ${charts.join(', ')}`);
    if (skipped.length > 0) log(`Skipped (nothing to show in this run): ${skipped.join(', ')}`);
    log(`Report: ${shown(report)}`);
  }
  return { kind, charts, report };
}
