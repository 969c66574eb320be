/**
 * `chuanyu calibrate <scenario> --study`: fits the scenario three ways (every
 * point, forward hold-out, reverse hold-out), prints the markdown of
 * docs/VALIDATION.md's calibration section, and with --out writes study.md and
 * study.json (no timings: the same seed gives the same bytes).
 */
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { writeDirectoryAtomically } from '../../results/atomic-dir.js';
import { commandProvenance, scenarioSource } from '../provenance.js';
import { join, resolve } from 'node:path';
import { calibrationStudy, type CalibrationStudy } from '../../experiment/calibration/study.js';
import { AbortedError } from '../../experiment/pool.js';
import { calibrationStudyMarkdown } from '../../report/validation/calibration-study-md.js';
import { writeCalibrationStudyJson } from '../../results/experiment-files.js';
import { loadScenario } from '../../scenario/load.js';
import { interruptSignal } from '../signals.js';

export interface CalibrationStudyActionOptions {
  scenario: string;
  iterations?: number;
  replications?: number;
  validationReplications?: number;
  seedSets?: number;
  seed?: number;
  workers?: number;
  out?: string;
  /** Replace an earlier study's folder at --out. */
  force?: boolean;
  quiet?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export async function calibrationStudyAction(options: CalibrationStudyActionOptions): Promise<{ complete: boolean; study: CalibrationStudy | null; markdown: string[] }> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const loaded = await loadScenario(options.scenario);
  const interrupt = options.signal ? null : interruptSignal();
  let lastReport = 0;
  let study: CalibrationStudy;
  try {
    study = await calibrationStudy(loaded, {
      iterations: options.iterations,
      replications: options.replications,
      validationReplications: options.validationReplications,
      seedSets: options.seedSets,
      seed: options.seed,
      workers: options.workers ?? availableParallelism(),
      signal: options.signal ?? interrupt!.signal,
      onProgress: (direction, evaluations, best) => {
        if (options.quiet || Date.now() - lastReport < 5000) return;
        lastReport = Date.now();
        process.stderr.write(`Calibration study, ${direction}: ${evaluations} evaluations, best RMSE ${best.toFixed(4)}\n`);
      },
    });
  } catch (error) {
    if (error instanceof AbortedError) {
      log('Stopped before the study finished; nothing was written.');
      return { complete: false, study: null, markdown: [] };
    }
    throw error;
  } finally {
    interrupt?.dispose();
  }
  const markdown = calibrationStudyMarkdown(study);
  if (options.out) {
    const { directions, ...rest } = study;
    const provenance = commandProvenance([scenarioSource(loaded)], { sampler: 'cma-es', sampleSize: directions.reduce((n, d) => n + d.evaluations, 0), seed: study.seed, replications: directions[0]?.replications ?? 0 });
    // Written to a staging folder and renamed into place; an earlier study's folder is replaced only with --force.
    await writeDirectoryAtomically(resolve(options.out), { kind: 'calibration-study', force: options.force, provenance }, async (dir) => {
      // Timings vary with the machine: left out of the file.
      await writeCalibrationStudyJson(dir, { ...rest, directions: directions.map(({ seconds: _seconds, ...d }) => d) });
      await writeFile(join(dir, 'study.md'), markdown.join('\n') + '\n');
    });
  }
  log(markdown.join('\n'));
  if (!options.quiet) for (const d of study.directions) process.stderr.write(`${d.direction.name}: ${d.runs} runs in ${d.seconds.toFixed(0)} s\n`);
  return { complete: true, study, markdown };
}
