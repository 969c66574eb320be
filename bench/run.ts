/**
 * `npm run bench`: the speed and memory figures of README, measured on this
 * machine and written to bench/results.json. Each figure is the median of
 * several runs after a warm-up, with min and max. Children run in their own
 * processes so each size's peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
// The compiled package, so worker threads start from plain JS as they do for users.
import { loadScenario } from '../dist/scenario/load.js';
import { runPoints } from '../dist/experiment/pool.js';
import type { PointTask } from '../dist/experiment/run-point.js';
import { writeBenchTable } from './readme-table.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const quick = process.argv.includes('--quick');
const child = (script: string, args: (string | number)[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', here(script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop()!);
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

const results = {
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() },
  date: new Date().toISOString(),
  quick,
  step,
  naiveComparison: naiveLarge ? [naive, naiveLarge] : [naive],
  historical: { firms: 25_000, replications, workers: availableParallelism(), seconds: historicalStats },
  sweep: { firms: sweepFirms, points: sweepPoints, replicationsPerPoint: 2, counterfactual: true, pointsPerSecond: sweepBy, speedup: sweepSpeedup, coldSpeedup: sweepColdSpeedup },
  targets: {
    firmStepsPerSecondAt1M: { target: 20e6, measured: (step.find((s) => s.firms === 1_000_000) as any)?.firmStepsPerSecond.median ?? null },
    bytesPerFirm: { target: 80, measured: (step[step.length - 1] as any).bytesPerFirmLive },
    historical100ReplicationsSeconds: { target: 10, measured: historicalStats.median },
    sweepSpeedup: { target: 1.7, measured: sweepSpeedup },
    typedArraysOverImmer: { target: 100, measured: (naiveLarge ?? naive).ratio },
  },
};
writeFileSync(here('results.json'), JSON.stringify(results, null, 2) + '\n');
log(`Wrote ${here('results.json')}`);
if (!quick) {
  writeBenchTable(here('../README.md'), results);
  log(`Updated the speed table in ${here('../README.md')}`);
}
