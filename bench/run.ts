/**
 * `npm run bench`: the speed and memory figures of README, measured on this
 * machine and written to bench/results.json. Each figure is the median of
 * several runs after a warm-up, with min and max. Children run in their own
 * processes so each size's peak memory is its own.
 *
 * The Sobol study is timed at two small N and extrapolated to N = 1024;
 * `BENCH_FULL_STUDY=1 npm run bench` also runs it once at N = 1024 (about
 * 10 minutes more) and keeps that wall time in results.json (later runs
 * without the variable carry it over). The same study by hand:
 *   chuanyu sensitivity historical-calibrated <the 10 -p of bench/measure-study.ts> --method sobol --samples 1024 --replications 1 --workers 2 --out <folder>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
// The compiled package, so worker threads start from plain JS as they do for users.
import { loadScenario } from '../dist/scenario/load.js';
import { runPoints } from '../dist/experiment/pool.js';
import type { PointTask } from '../dist/experiment/run-point.js';
import { writeBenchTable } from './readme-table.js';
import { STUDY_PARAMETERS, STUDY_SCENARIO, STUDY_WORKERS, studyArgs, timeStudy } from './measure-study.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const quick = process.argv.includes('--quick');
const fullStudy = process.env.BENCH_FULL_STUDY === '1';
const child = (script: string, args: (string | number)[], nodeFlags: string[] = []) =>
  JSON.parse(execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', here(script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop()!);
const stats = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: xs.length };
};
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(2));
const log = (line: string) => process.stdout.write(line + '\n');

log(`chuanyu-sim benchmark on ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

// 1. The whole step at three population sizes.
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const steps = 50;
const step: Record<string, unknown>[] = [];
for (const firms of sizes) {
  const runs = firms >= 1_000_000 ? 3 : 5;
  const r = child('measure-step.ts', [firms, steps, runs]);
  step.push(r);
  const parts = Object.entries(r.nsPerFirmStep as Record<string, number>).filter(([, ns]) => ns >= 0.5).sort((a, b) => b[1] - a[1]);
  log(`step, ${fmt(firms)} firms at start (${fmt(r.finalFirms)} after ${steps} steps): ${fmt(r.firmStepsPerSecond.median)} firm-steps/s [${fmt(r.firmStepsPerSecond.min)}, ${fmt(r.firmStepsPerSecond.max)}], live state ${r.bytesPerFirmLive.toFixed(0)} B/firm (${r.bytesPerFirmSlot.toFixed(0)} B/slot), peak RSS ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
  log(`  ns per firm-step: ${parts.map(([part, ns]) => `${part} ${ns.toFixed(1)}`).join(', ')}`);
}

// The memory floor under the investment pass: a bare loop over its arrays at the largest run's final size.
const largest = step[step.length - 1] as { finalFirms: number; nsPerFirmStep: Record<string, number> };
const stream = { ...child('measure-stream.ts', [largest.finalFirms, 5]), investmentPassNs: Object.fromEntries(step.map((s: any) => [s.firms, s.nsPerFirmStep['investment and exit']])) };
log(`investment pass: ${step.map((s: any) => `${(s.nsPerFirmStep['investment and exit'] as number).toFixed(1)} ns a firm at ${fmt(s.firms)} firms`).join(', ')}; a bare loop reading and writing its arrays over ${fmt(stream.firms)} firms: ${stream.nsPerFirm.median.toFixed(1)} ns [${stream.nsPerFirm.min.toFixed(1)}, ${stream.nsPerFirm.max.toFixed(1)}]`);

// 2. The obvious design (one object per firm, immer drafts) against ours, same small world.
const naive = child('measure-naive.ts', [2000, 20, 3]);
log(`typed arrays vs objects + immer (2,000 firms, 20 steps): ${fmt(naive.typedArrays.median)} vs ${fmt(naive.objectsWithImmer.median)} firm-steps/s: ${naive.ratio.toFixed(1)}x`);
const naiveLarge = quick ? null : child('measure-naive.ts', [20000, 20, 3]);
if (naiveLarge) log(`typed arrays vs objects + immer (20,000 firms, 20 steps): ${fmt(naiveLarge.typedArrays.median)} vs ${fmt(naiveLarge.objectsWithImmer.median)} firm-steps/s: ${naiveLarge.ratio.toFixed(1)}x`);

// 3. Historical scenario at full scale, 100 replications on all cores.
const historical = await loadScenario('historical');
const full = structuredClone(historical.scenario) as any;
full.initial.firms = 25_000;
const replications = quick ? 20 : 100;
const tasks: PointTask[] = Array.from({ length: replications }, (_, r) => ({ index: r, scenario: full, values: {}, seed: 1, replications: 1, firstReplication: r, counterfactual: false }));
const historicalTimes: number[] = [];
for (let run = 0; run < (quick ? 1 : 3) + 1; run++) {
  const t0 = performance.now();
  await runPoints(tasks, { workers: availableParallelism(), onResult: () => {} });
  if (run > 0) historicalTimes.push((performance.now() - t0) / 1000); // run 0 warms up
}
const historicalStats = stats(historicalTimes);
log(`historical 1978-2015, 25,000 firms, ${replications} replications on ${availableParallelism()} cores: ${historicalStats.median.toFixed(1)} s [${historicalStats.min.toFixed(1)}, ${historicalStats.max.toFixed(1)}]`);

// 4. Sweep throughput with 1 and 2 workers, each in a fresh process as `chuanyu sweep` starts:
// the first batch ("cold": starting workers, V8 compiling the model as it runs) and the
// same batch again on the running pool (what a long sweep gets from then on).
const sweepFirms = 6000;
const sweepPoints = 16;
const sweepRuns = quick ? 1 : 3;
// Several fresh processes per worker count: the cold figure is one batch per process.
type SweepFigures = { cold: ReturnType<typeof stats>; running: ReturnType<typeof stats> };
const sweepBy: Record<number, SweepFigures> = {};
for (const workers of [1, 2]) {
  const processes = Array.from({ length: sweepRuns }, () => child('measure-sweep.ts', [workers, sweepFirms, sweepPoints, sweepRuns]));
  sweepBy[workers] = { cold: stats(processes.map((p) => p.cold)), running: stats(processes.flatMap((p) => p.runningAll)) };
}
const sweepSpeedup = sweepBy[2].running.median / sweepBy[1].running.median;
const sweepColdSpeedup = sweepBy[2].cold.median / sweepBy[1].cold.median;
log(`sweep (${sweepPoints} points x 2 replications + counterfactuals, ${fmt(sweepFirms)} firms): running 1 worker ${sweepBy[1].running.median.toFixed(2)} points/s, 2 workers ${sweepBy[2].running.median.toFixed(2)} points/s: ${sweepSpeedup.toFixed(2)}x; first batch (cold) ${sweepBy[1].cold.median.toFixed(2)} vs ${sweepBy[2].cold.median.toFixed(2)} points/s: ${sweepColdSpeedup.toFixed(2)}x`);

// 5. Memory of a long sweep: the live heap after each batch of points on one pool (in-process and with 2 workers).
const memory = [1, 2].map((workers) => child('measure-memory.ts', [workers, 100, 10, quick ? 50 : 100, quick ? 6 : 10], ['--expose-gc']));
for (const m of memory)
  log(`long sweep, ${m.workers} worker${m.workers > 1 ? 's' : ''} (${m.points} points of ${m.firms} firms x ${m.steps} steps): main-thread live heap ${m.heapMiB[0].toFixed(1)} -> ${m.heapMiB[m.heapMiB.length - 1].toFixed(1)} MiB, growth ${m.heapGrowthMiBPer1000Points.toFixed(2)} MiB per 1,000 points; process RSS ${m.rssMiB[0].toFixed(0)} -> ${m.rssMiB[m.rssMiB.length - 1].toFixed(0)} MiB`);

// 6. The Sobol study (10 parameters of the calibrated historical scenario, N(k + 2) points, 1 replication
// each with its counterfactual) end to end through the CLI, at two small N; its time is fixed costs (start,
// tables, bootstrap, report) plus a time per base sample, so two sizes extrapolate to N = 1024.
const studySizes = quick ? [4, 8] : [8, 32];
const studyRuns = quick ? 1 : 3;
const studyPoints = (n: number) => n * (STUDY_PARAMETERS.length + 2);
const studyTimes = studySizes.map((n) => child('measure-study.ts', [n, studyRuns]).seconds as number[]);
const [small, large] = studyTimes.map((xs) => stats(xs));
const extrapolate = (tSmall: number, tLarge: number) => tLarge + ((tLarge - tSmall) / (studySizes[1] - studySizes[0])) * (1024 - studySizes[1]);
const studyAt1024 = stats(studyTimes[1].map((t, i) => extrapolate(studyTimes[0][i], t)));
log(`Sobol study of ${STUDY_SCENARIO}, ${STUDY_PARAMETERS.length} parameters, 1 replication + counterfactual a point, ${STUDY_WORKERS} workers: N = ${studySizes[0]} (${studyPoints(studySizes[0])} points) ${small.median.toFixed(1)} s [${small.min.toFixed(1)}, ${small.max.toFixed(1)}], N = ${studySizes[1]} (${studyPoints(studySizes[1])} points) ${large.median.toFixed(1)} s [${large.min.toFixed(1)}, ${large.max.toFixed(1)}]; extrapolated to N = 1024 (${studyPoints(1024)} points): ${(studyAt1024.median / 60).toFixed(1)} min [${(studyAt1024.min / 60).toFixed(1)}, ${(studyAt1024.max / 60).toFixed(1)}]`);
// The full study, once, when asked (BENCH_FULL_STUDY=1); otherwise the last full measurement is kept.
const previous = existsSync(here('results.json')) ? JSON.parse(readFileSync(here('results.json'), 'utf8')) : null;
let fullRun: { samples: number; points: number; seconds: number; date: string; loadAverage: number[] } | null = previous?.study?.full ?? null;
if (fullStudy) {
  const load = loadavg();
  const seconds = timeStudy(1024);
  fullRun = { samples: 1024, points: studyPoints(1024), seconds, date: new Date().toISOString(), loadAverage: load };
  log(`Sobol study at N = 1024 (${fullRun.points} points), measured in full: ${(seconds / 60).toFixed(1)} min`);
}

const results = {
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() },
  date: new Date().toISOString(),
  quick,
  step,
  stream,
  naiveComparison: naiveLarge ? [naive, naiveLarge] : [naive],
  historical: { firms: 25_000, replications, workers: availableParallelism(), seconds: historicalStats },
  memory,
  study: {
    scenario: STUDY_SCENARIO,
    parameters: STUDY_PARAMETERS,
    workers: STUDY_WORKERS,
    replications: 1,
    command: `chuanyu ${studyArgs(1024).join(' ')} --out <folder>`,
    sizes: studySizes.map((samples, i) => ({ samples, points: studyPoints(samples), seconds: stats(studyTimes[i]) })),
    extrapolatedSecondsAt1024: studyAt1024,
    full: fullRun,
  },
  sweep: { firms: sweepFirms, points: sweepPoints, replicationsPerPoint: 2, counterfactual: true, pointsPerSecond: sweepBy, speedup: sweepSpeedup, coldSpeedup: sweepColdSpeedup },
  targets: {
    firmStepsPerSecondAt1M: { target: 20e6, measured: (step.find((s) => s.firms === 1_000_000) as any)?.firmStepsPerSecond.median ?? null },
    bytesPerFirm: { target: 80, measured: (step[step.length - 1] as any).bytesPerFirmLive },
    historical100ReplicationsSeconds: { target: 10, measured: historicalStats.median },
    sweepSpeedup: { target: 1.7, measured: sweepSpeedup },
    coldSweepSpeedup: { target: 1.7, measured: sweepColdSpeedup },
    studyMinutesAt1024: { target: 10, measured: (fullRun?.seconds ?? studyAt1024.median) / 60, extrapolated: fullRun === null },
    longSweepHeapGrowthMiBPer1000Points: { target: 0, measured: Math.max(...memory.map((m) => m.heapGrowthMiBPer1000Points)) },
    typedArraysOverImmer: { target: 100, measured: (naiveLarge ?? naive).ratio },
  },
};
writeFileSync(here('results.json'), JSON.stringify(results, null, 2) + '\n');
log(`Wrote ${here('results.json')}`);
if (!quick) {
  writeBenchTable(here('../README.md'), results);
  log(`Updated the speed table in ${here('../README.md')}`);
}
