/**
 * `chuanyu run`: load a scenario, run its replications and counterfactuals,
 * write the results folder atomically and print the headline table. A plain
 * function so tests can call it without yargs.
 */
import { join, resolve } from 'node:path';
import { loadScenario } from '../../scenario/load.js';
import { runScenario } from '../../experiment/run-scenario.js';
import { summarizeRun, type RunSummary } from '../../experiment/summarize.js';
import { writeResults } from '../../results/run-files.js';
import { formatHeadline } from '../../report/run/text.js';
import { renderRunReport } from '../../report/run/report.js';
import { illustrativeLines, illustrativeNotes } from '../../report/common/illustrative.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { gitCommit, packageVersion } from '../package-info.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import type { ChartFileOptions } from '../options.js';

export interface RunActionOptions {
  scenario: string;
  seed?: number;
  replications?: number;
  out?: string;
  /** Replace an earlier run's results folder at `out`. */
  force?: boolean;
  /** Also write the tables as Parquet. */
  parquet?: boolean;
  quiet?: boolean;
  /** Where default result folders go (default: ./results). */
  resultsRoot?: string;
  log?: (line: string) => void;
  /** Chart files to write and their captions (default: vl, svg, png with full captions). */
  charts?: ChartFileOptions;
}

export interface RunActionResult {
  outDir: string;
  summary: RunSummary;
}

/** e.g. 20261125T090102Z */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const loaded = await loadScenario(options.scenario);
  const seed = options.seed ?? loaded.scenario.seed;
  const replications = options.replications ?? loaded.scenario.replications;
  const name = loaded.scenario.name;
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join(options.resultsRoot ?? 'results', name, `${timestamp(started)}-${seed}`)));
  await checkOutputTarget(outDir, { kind: 'run', force: options.force });
  if (!options.quiet) log(`Running ${name}: ${replications} replication${replications === 1 ? '' : 's'} and their counterfactuals, seed ${seed}...`);
  checkRunFits(loaded, { replications, keepsRecords: true });
  const run = await reportingModelLimits(loaded.file, () => runScenario(loaded.config, { seed, replications }));
  const summary = summarizeRun(run);
  const seconds = (performance.now() - t0) / 1000;
  const provenance = commandProvenance([scenarioSource(loaded)], { sampler: 'single', sampleSize: 1, seed, replications });
  await writeResults(outDir, run, summary, {
    scenario: name,
    scenarioFile: loaded.file,
    seed,
    replications,
    packageVersion: packageVersion(),
    gitCommit: gitCommit(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    startedAt: started.toISOString(),
    wallTimeSeconds: (performance.now() - t0) / 1000,
    resolvedScenario: loaded.scenario,
    provenance,
  }, async (dir) => {
    await renderRunReport(dir, options.charts);
  }, { force: options.force, parquet: options.parquet });
  if (!options.quiet) {
    log('');
    log(formatHeadline(summary, loaded.scenario.title, seconds));
    log('');
    const notes = illustrativeLines(illustrativeNotes([loaded.scenario]));
    if (notes.length > 0) {
      for (const line of notes) log(line);
      log('');
    }
    log(`Results: ${outDir}`);
    log(`Report:  ${join(outDir, 'charts', 'report.html')}`);
  }
  return { outDir, summary };
}
