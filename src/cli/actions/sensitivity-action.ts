/** `chuanyu sensitivity`: a plain function the yargs command calls (and tests call in-process). */
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { prestartPointWorkers } from '../../experiment/pool.js';
import { unusedFolder } from '../../results/output-folder.js';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { executeSensitivity, planSensitivity, type SensitivityOptions, type SensitivityPlan } from '../../experiment/sensitivity-run.js';
import { writeSensitivityTables } from '../../experiment/write-sensitivity.js';
import { renderSensitivityReport } from '../../report/sensitivity/report.js';
import { interruptSignal } from '../signals.js';
import { commandProvenance } from '../provenance.js';
import { writePlanFolderManifest } from '../../results/provenance.js';
import { writeMetricDictionary } from '../../results/metric-dictionary-file.js';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';

import type { ChartFileOptions } from '../options.js';
export interface SensitivityActionOptions extends SensitivityOptions {
  scenario: string;
  out?: string;
  resume?: boolean;
  workers?: number;
  quiet?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Also write the tables as Parquet. */
  parquet?: boolean;
  /** `--format` and `--captions`. */
  charts?: ChartFileOptions;
}

export async function sensitivityAction(options: SensitivityActionOptions): Promise<{ outDir: string; complete: boolean }> {
  // The worker threads start now, while the scenario loads and the points are planned and resolved.
  prestartPointWorkers(options.workers ?? availableParallelism());
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  if (options.resume && !options.out) throw new UserError('--resume needs --out naming the sensitivity folder to finish');
  const loaded = await loadScenario(options.scenario);
  const plan = planSensitivity(loaded, options);
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', plan.scenario, `sensitivity-${plan.method}-${timestamp()}-${plan.seed}`)));
  if (!options.quiet) {
    const n = plan.points.length;
    const design =
      plan.method === 'morris'
        ? `Morris, ${plan.samples} trajectories on a ${plan.levels}-level grid`
        : `Sobol, ${plan.samples} ${plan.sampling === 'quasi' ? 'quasi-random' : 'random'} base samples (Saltelli design)`;
    const r = plan.replications;
    log(`Sensitivity of ${plan.scenario} to ${plan.parameters.length} parameter${plan.parameters.length === 1 ? '' : 's'}: ${design}; ${n} points x ${r} replication${r === 1 ? '' : 's'}, into ${outDir}`);
    if (plan.method === 'sobol' && plan.sampling === 'quasi' && (plan.samples & (plan.samples - 1)) !== 0)
      log(`Note: --samples ${plan.samples} is not a power of two; the Sobol sequence is best balanced at 2^k samples.`);
  }
  const interrupt = options.signal ? null : interruptSignal();
  try {
    checkRunFits(loaded, { replications: plan.replications, workers: options.workers });
    const result = await reportingModelLimits(loaded.file, () =>
      executeSensitivity(outDir, plan, { resume: options.resume ?? false, workers: options.workers, quiet: options.quiet, signal: options.signal ?? interrupt!.signal }),
    );
    if (!result.complete) {
      log(`Stopped with ${result.done} of ${result.total} points finished and kept in ${outDir}.`);
      log(`Finish it with: ${resumeCommand(options.scenario, plan, outDir)}`);
      return { outDir, complete: false };
    }
    await writeSensitivityTables(outDir, plan, result.points, { parquet: options.parquet });
    await writePlanFolderManifest(
      outDir,
      'sensitivity',
      commandProvenance([{ name: plan.scenario, resolved: plan.resolvedScenario }], { sampler: plan.method, sampleSize: plan.points.length, seed: plan.seed, replications: plan.replications }),
    );
    await writeMetricDictionary(outDir);
    await renderSensitivityReport(outDir, options.charts);
    if (!options.quiet) {
      log(`Done: ${join(outDir, 'sensitivity.csv')}, points.csv${plan.series ? ', series.csv' : ''}${options.parquet ? ' (and .parquet)' : ''}, summary.json`);
      log(`Report: ${join(outDir, 'charts', 'report.html')}`);
    }
    return { outDir, complete: true };
  } finally {
    interrupt?.dispose();
  }
}

/** The command that finishes this analysis: every setting spelled out from the plan, so it matches exactly. */
export function resumeCommand(scenario: string, plan: SensitivityPlan, outDir: string): string {
  const quote = (text: string) => (/^[\w@%+=:,./~-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);
  const args = [
    'chuanyu sensitivity',
    quote(scenario),
    ...plan.parameters.map((p) => `--param ${quote(`${p.path}=${p.interval[0]}:${p.interval[1]}`)}`),
    `--method ${plan.method}`,
    `--samples ${plan.samples}`,
    ...(plan.levels !== null ? [`--levels ${plan.levels}`] : []),
    ...(plan.sampling !== null ? [`--sampling ${plan.sampling}`] : []),
    ...plan.outputs.map((o) => `--output ${quote(o)}`),
    `--seed ${plan.seed}`,
    `--replications ${plan.replications}`,
    `--bootstrap ${plan.bootstrap}`,
    `--confidence ${plan.confidence}`,
    ...(plan.series?.length ? [`--series ${quote(plan.series.join(','))}`] : []),
    `--out ${quote(outDir)}`,
    '--resume',
  ];
  return args.join(' ');
}
