/** `chuanyu calibrate`: a plain function the yargs command calls (and tests call in-process). */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { executeCalibration, planCalibration, type CalibrationOptions, type CalibrationPlan } from '../../experiment/calibration/calibrate.js';
import { parseYearRange } from '../../experiment/calibration/target.js';
import { createCalibrationProgress } from '../../experiment/calibration/progress.js';
import type { CalibrationSummary } from '../../experiment/calibration/summary.js';
import { AbortedError } from '../../experiment/pool.js';
import { writeCalibrationFolder } from '../../report/calibration/report.js';
import { illustrativeLines, illustrativeNotes } from '../../report/common/illustrative.js';
import { checkOutputTarget, unusedFolder } from '../../results/output-folder.js';
import { loadScenario } from '../../scenario/load.js';
import { interruptSignal } from '../signals.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import type { ChartFileOptions } from '../options.js';

export interface CalibrateActionOptions {
  scenario: string;
  holdout?: number;
  /** "1978-2002": fit only these years. */
  fitYears?: string;
  /** "2005-2015": hold out these years. */
  holdoutYears?: string;
  /** Sets of fresh seeds for the hold-out error. */
  seedSets?: number;
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
  /** `--format` and `--captions` (formats here win over `formats`). */
  charts?: ChartFileOptions;
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
  const split =
    plan.split.kind === 'last'
      ? ['--holdout', String(plan.split.holdout)]
      : [...(plan.split.fitYears ? ['--fit-years', plan.split.fitYears.join('-')] : []), ...(plan.split.holdoutYears ? ['--holdout-years', plan.split.holdoutYears.join('-')] : [])];
  const parts = ['chuanyu', 'calibrate', shellWord(scenario), ...split, '--iterations', String(plan.evaluations), '--replications', String(plan.replications), '--seed', String(plan.seed)];
  if (plan.validationReplications !== plan.replications) parts.push('--validation-replications', String(plan.validationReplications));
  if (plan.seedSets > 1) parts.push('--seed-sets', String(plan.seedSets));
  return parts.join(' ');
}

/** The command line's split and seed-set settings as calibration options (year ranges parsed). */
export function calibrationOptionsOf(options: CalibrateActionOptions): CalibrationOptions {
  return {
    holdout: options.holdout,
    fitYears: options.fitYears === undefined ? undefined : parseYearRange(options.fitYears, '--fit-years'),
    holdoutYears: options.holdoutYears === undefined ? undefined : parseYearRange(options.holdoutYears, '--holdout-years'),
    seedSets: options.seedSets,
    iterations: options.iterations,
    replications: options.replications,
    validationReplications: options.validationReplications,
    seed: options.seed,
  };
}

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');

export async function calibrateAction(options: CalibrateActionOptions): Promise<CalibrateActionResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const started = new Date();
  const t0 = performance.now();
  const loaded = await loadScenario(options.scenario);
  const plan = planCalibration(loaded, calibrationOptionsOf(options));
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
  const summary = await writeCalibrationFolder(outDir, { plan, result, command, raw: loaded.raw }, { formats: options.charts?.formats ?? options.formats, captions: options.charts?.captions, force: options.force, provenance: commandProvenance([scenarioSource(loaded)], { sampler: 'cma-es', sampleSize: plan.evaluations, seed: plan.seed, replications: plan.replications }) });
  if (!options.quiet) {
    const seconds = (performance.now() - t0) / 1000;
    const e = summary.errors;
    log(`Fitted values: ${summary.parameters.map((p) => `${p.path}=${p.fitted}`).join(', ')}`);
    log(`RMSE: as written ${f4(e.start)}; in-sample ${f4(e.inSample)}; fresh seeds ${f4(e.freshSeeds)}${e.holdout ? `; hold-out ${f4(e.holdout.freshSeeds)}` : ''}`);
    const a = summary.assessment;
    log(`Choices: k = ${a.k} (${a.kFitted} fitted + ${a.kHand} by hand), n = ${a.n} fitted points; AICc ${a.criteria.aicc === null ? 'undefined (n <= K + 1)' : a.criteria.aicc.toFixed(2)}, BIC ${a.criteria.bic.toFixed(2)}`);
    if (a.holdout?.model)
      log(
        `Hold-out RMSE over ${a.holdout.model.count} seed sets: median ${f4(a.holdout.model.median)} [${f4(a.holdout.model.min)}, ${f4(a.holdout.model.max)}]; skill vs ` +
          a.holdout.naive.map((n) => `${n.name} ${n.skill ? n.skill.median.toFixed(2) : 'n/a'}`).join(', '),
      );
    log(`90% band covers ${summary.coverage.covered} of ${summary.coverage.total} target points.`);
    log(`${summary.runs} replication runs in ${seconds.toFixed(1)} s (${(summary.runs / seconds).toFixed(1)}/s).`);
    for (const line of illustrativeLines(illustrativeNotes([{ name: summary.scenario.name, illustrative: summary.scenario.illustrative }]))) log(line);
    log(`Done: ${join(outDir, 'calibrated.yaml')}, fit.csv, summary.json`);
    log(`Report: ${join(outDir, 'report.html')}`);
  }
  return { outDir, complete: true, summary };
}
