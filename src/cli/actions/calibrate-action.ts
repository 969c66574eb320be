/** `chuanyu calibrate`: a plain function the yargs command calls (and tests call in-process). */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { executeCalibration, planCalibration, type CalibrationPlan } from '../../experiment/calibration/calibrate.js';
import { createCalibrationProgress } from '../../experiment/calibration/progress.js';
import type { CalibrationSummary } from '../../experiment/calibration/summary.js';
import { AbortedError } from '../../experiment/pool.js';
import { writeCalibrationFolder } from '../../report/report-calibration.js';
import { checkOutputTarget, unusedFolder } from '../../report/output-folder.js';
import { loadScenario } from '../../scenario/load.js';
import { interruptSignal } from '../signals.js';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';

export interface CalibrateActionOptions {
  scenario: string;
  holdout?: number;
  /** Budget of objective evaluations. */
  iterations?: number;
  replications?: number;
  validationReplications?: number;
  seed?: number;
  out?: string;
  /** Replace an earlier calibration folder at `out`. */
  force?: boolean;
  quiet?: boolean;
  workers?: number;
  /** Chart files to write (default vl, svg, png). */
  formats?: string[];
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface CalibrateActionResult {
  outDir: string;
  complete: boolean;
  summary: CalibrationSummary | null;
}

const shellWord = (s: string) => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command that reproduces a calibration: every setting explicit, no date, output folder or worker count. */
export function calibrateCommandLine(scenario: string, plan: CalibrationPlan): string {
  const parts = ['chuanyu', 'calibrate', shellWord(scenario), '--holdout', String(plan.holdout.length), '--iterations', String(plan.evaluations), '--replications', String(plan.replications), '--seed', String(plan.seed)];
  if (plan.validationReplications !== plan.replications) parts.push('--validation-replications', String(plan.validationReplications));
  return parts.join(' ');
}

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');

export async function calibrateAction(options: CalibrateActionOptions): Promise<CalibrateActionResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const loaded = await loadScenario(options.scenario);
  const plan = planCalibration(loaded, options);
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', plan.scenarioName, `calibrate-${timestamp(started)}-${plan.seed}`)));
  const workers = options.workers ?? availableParallelism();
  await checkOutputTarget(outDir, { kind: 'calibration', force: options.force });
  if (!options.quiet) {
    log(
      `Calibrating ${plan.scenarioName}: ${plan.parameters.length} parameter${plan.parameters.length === 1 ? '' : 's'} (${plan.parameters.map((p) => p.path).join(', ')}), ` +
        `${plan.evaluations} evaluations x ${plan.replications} replications, then ${plan.validationReplications} on fresh seeds; ` +
        `${plan.fit.length} target points fitted${plan.holdout.length > 0 ? `, ${plan.holdout.length} held out` : ''}; ${workers} worker${workers === 1 ? '' : 's'}; into ${outDir}`,
    );
  }
  const interrupt = options.signal ? null : interruptSignal();
  const progress = createCalibrationProgress({ total: plan.evaluations, quiet: options.quiet });
  let result;
  try {
    checkRunFits(loaded, { replications: plan.replications, workers });
    result = await reportingModelLimits(loaded.file, () => executeCalibration(plan, { workers, signal: options.signal ?? interrupt!.signal, onProgress: (done, best) => progress.update(done, best) }));
  } catch (error) {
    if (error instanceof AbortedError) {
      progress.stop();
      log('Stopped before the calibration finished; nothing was written.');
      return { outDir, complete: false, summary: null };
    }
    throw error;
  } finally {
    progress.stop();
    interrupt?.dispose();
  }
  const command = calibrateCommandLine(options.scenario, plan);
  const summary = await writeCalibrationFolder(outDir, { plan, result, command, raw: loaded.raw }, { formats: options.formats, force: options.force });
  if (!options.quiet) {
    const seconds = (performance.now() - t0) / 1000;
    const e = summary.errors;
    log(`Fitted values: ${summary.parameters.map((p) => `${p.path}=${p.fitted}`).join(', ')}`);
    log(`RMSE: as written ${f4(e.start)}; in-sample ${f4(e.inSample)}; fresh seeds ${f4(e.freshSeeds)}${e.holdout ? `; hold-out ${f4(e.holdout.freshSeeds)}` : ''}`);
    log(`90% band covers ${summary.coverage.covered} of ${summary.coverage.total} target points.`);
    log(`${summary.runs} replication runs in ${seconds.toFixed(1)} s (${(summary.runs / seconds).toFixed(1)}/s).`);
    log(`Done: ${join(outDir, 'calibrated.yaml')}, fit.csv, summary.json`);
    log(`Report: ${join(outDir, 'report.html')}`);
  }
  return { outDir, complete: true, summary };
}
