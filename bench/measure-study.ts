/**
 * The study a researcher waits for: Sobol first- and total-order indices (with
 * bootstrap intervals) of 10 parameters of the calibrated historical scenario
 * at its own firm count, one replication a point, the default outputs (which
 * need the counterfactual), end to end through `chuanyu sensitivity` (the
 * compiled CLI, progress on, into a fresh folder, so resumable as always) with
 * 2 workers. Prints one JSON line with the wall time of each run.
 *   node --import tsx bench/measure-study.ts <samples N> <runs>
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The study's parameters and intervals (the 5 fitted ones' neighbours and 4 policy parameters of the compete and cooperate years). */
export const STUDY_PARAMETERS = [
  'agglomeration.localization=0.02:0.25',
  'agglomeration.congestion=0.02:0.3',
  'firms.depreciation=0.05:0.12',
  'firms.reinvestShare=0.5:0.9',
  'firms.upgradeBase=0.01:0.04',
  'firms.entryRate=0.005:0.03',
  'policy.offerRate=0.1:0.5',
  'policy.poachShare=0.05:0.3',
  'policy.comparativeTilt=0:1.5',
  'policy.sidePayment=0:0.3',
];
export const STUDY_SCENARIO = 'historical-calibrated';
export const STUDY_WORKERS = 2;

/** The command line of the study at N base samples (without --out). */
export const studyArgs = (samples: number) => ['sensitivity', STUDY_SCENARIO, ...STUDY_PARAMETERS.flatMap((p) => ['-p', p]), '--method', 'sobol', '--samples', String(samples), '--replications', '1', '--workers', String(STUDY_WORKERS)];

export function timeStudy(samples: number): number {
  const out = mkdtempSync(join(tmpdir(), 'chuanyu-bench-study-'));
  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  try {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, ...studyArgs(samples), '--out', join(out, 'study')], { stdio: ['ignore', 'ignore', 'ignore'] });
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [samples, runs] = process.argv.slice(2, 4).map(Number);
  const seconds = Array.from({ length: runs }, () => timeStudy(samples));
  process.stdout.write(JSON.stringify({ samples, points: samples * (STUDY_PARAMETERS.length + 2), seconds }) + '\n');
}
