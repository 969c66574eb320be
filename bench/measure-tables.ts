/**
 * The figures behind docs/DATA.md, "Trajectories and Parquet": what Parquet
 * costs beside the CSVs (size and write time) for a 16-replication run and a
 * small sweep with trajectories, and whether a sweep's memory grows with its
 * points when it keeps trajectories (the same many-point sweep of a tiny world
 * without and with every metric kept, heap sampled after a full GC while the
 * points run). Prints plain lines and one JSON line.
 *   npm run build && node --expose-gc --import tsx bench/measure-tables.ts [--points N]
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The compiled package, so worker threads start from plain JS as they do for users.
import { loadScenario } from '../dist/scenario/load.js';
import { runScenario } from '../dist/experiment/run-scenario.js';
import { summarizeRun } from '../dist/experiment/summarize.js';
import { writeRunTables } from '../dist/results/run-files.js';
import { executeSweep, planSweep } from '../dist/experiment/sweep.js';
import { writeSweepTables } from '../dist/experiment/write-sweep.js';
import { parquetFileOf } from '../dist/results/table-files.js';
import { METRICS } from '../dist/model/metric-registry.js';
import { tinyWorld } from '../test/helpers/tiny-world.js';

const log = (line: string) => process.stdout.write(line + '\n');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const mib = (bytes: number) => bytes / 2 ** 20;
const size = (file: string) => statSync(file).size;
const root = mkdtempSync(join(tmpdir(), 'chuanyu-tables-'));

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of writing the tables without and with Parquet (median of 3 writes each), and the files' sizes. */
async function compare(label: string, write: (dir: string, parquet: boolean) => Promise<void>, tables: string[]) {
  const times: Record<string, number[]> = { csv: [], both: [] };
  for (let round = 0; round < 3; round++)
    for (const parquet of [false, true]) {
      const dir = join(root, `${label}-${parquet ? 'parquet' : 'csv'}`);
      rmSync(dir, { recursive: true, force: true });
      const t0 = performance.now();
      await write(dir, parquet);
      times[parquet ? 'both' : 'csv'].push((performance.now() - t0) / 1000);
    }
  const dir = join(root, `${label}-parquet`);
  const csvBytes = tables.reduce((a, t) => a + size(join(dir, t)), 0);
  const parquetBytes = tables.reduce((a, t) => a + size(parquetFileOf(join(dir, t))), 0);
  const out = { csvMiB: mib(csvBytes), parquetMiB: mib(parquetBytes), csvSeconds: median(times.csv), bothSeconds: median(times.both), csvRange: [Math.min(...times.csv), Math.max(...times.csv)], bothRange: [Math.min(...times.both), Math.max(...times.both)] };
  const range = (xs: number[]) => `[${xs.map((x) => x.toFixed(2)).join(', ')}]`;
  log(`${label}: CSV ${out.csvMiB.toFixed(2)} MiB written in ${out.csvSeconds.toFixed(2)} s ${range(out.csvRange)}; CSV and Parquet (${out.parquetMiB.toFixed(2)} MiB more) in ${out.bothSeconds.toFixed(2)} s ${range(out.bothRange)} (median [min, max] of 3; ${tables.join(', ')})`);
  return out;
}

// 1. A run of the cooperate scenario with 16 replications and their counterfactuals.
const cooperate = await loadScenario('cooperate');
let t0 = performance.now();
const run = runScenario(cooperate.config, { seed: 1, replications: 16 });
const runSeconds = (performance.now() - t0) / 1000;
const summary = summarizeRun(run);
const runTables = await compare(
  'run, cooperate, 16 replications',
  async (dir, parquet) => {
    await mkdir(dir, { recursive: true });
    await writeRunTables(dir, run, summary, { parquet });
  },
  ['metrics.csv', 'sectors.csv', 'markets.csv', 'counterfactual/metrics.csv', 'counterfactual/sectors.csv'],
);
log(`  (the 16 replications themselves took ${runSeconds.toFixed(1)} s)`);

// 2. Sweeps with and without trajectories: heap sampled (after a full GC) while points finish. A tiny world
// (8 firms) over 20 steps, so many points run quickly, each keeping every metric at every place.
const points = arg('--points', 200);
const tinyFile = join(root, 'tiny.json');
writeFileSync(tinyFile, JSON.stringify({ ...tinyWorld({ fund: { enabled: false }, investShare: 0.2 }), time: { start: 2000, steps: 20 } }));
const tiny = await loadScenario(tinyFile);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function sweepMemory(series: string[]) {
  const plan = planSweep(tiny, { params: [`initial.zoneCapital=1:${points}:1`], replications: 2, counterfactual: false, series });
  const dir = join(root, `memory-${series.length}`);
  const samples: { points: number; heapMiB: number }[] = [];
  const timer = setInterval(() => {
    gc!();
    const folder = join(dir, 'points');
    const done = existsSync(folder) ? readdirSync(folder).filter((f) => /^point-\d{6}\.json$/.test(f)).length : 0;
    samples.push({ points: done, heapMiB: mib(process.memoryUsage().heapUsed) });
  }, 200);
  const t0 = performance.now();
  await executeSweep(dir, plan, { resume: false, workers: 2, quiet: true });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const seriesFileBytes = readdirSync(join(dir, 'points')).filter((f) => f.startsWith('series-')).reduce((a, f) => a + size(join(dir, 'points', f)), 0);
  rmSync(dir, { recursive: true, force: true });
  // Least-squares slope of heap against finished points while the points run (from a tenth of them until all are
  // done; the end, where the sweep reads every point's summary back for its tables, is left out).
  const during = samples.filter((s) => s.points >= points / 10 && s.points < points);
  const mx = mean(during.map((s) => s.points));
  const my = mean(during.map((s) => s.heapMiB));
  const slope = during.reduce((a, s) => a + (s.points - mx) * (s.heapMiB - my), 0) / Math.max(1e-9, during.reduce((a, s) => a + (s.points - mx) ** 2, 0));
  const heaps = during.map((s) => s.heapMiB);
  const n = plan.series?.length ?? 0;
  const keptBytes = 2 * 20 * n * 8; // what one point's series would hold in memory as doubles alone
  log(
    `sweep of ${points} points x 2 replications x 20 steps keeping ${n} series, ${seconds.toFixed(1)} s: heap after GC ${Math.min(...heaps).toFixed(1)}-${Math.max(...heaps).toFixed(1)} MiB over ${during.length} samples, slope ${(slope * 1024).toFixed(1)} KiB a point` +
      (n > 0 ? ` (keeping the series in memory would add at least ${(keptBytes / 1024).toFixed(1)} KiB a point; the series files hold ${mib(seriesFileBytes).toFixed(1)} MiB)` : ''),
  );
  return { points, replications: 2, steps: 20, series: n, seconds, heapMinMiB: Math.min(...heaps), heapMaxMiB: Math.max(...heaps), heapSlopeKiBPerPoint: slope * 1024, keptKiBPerPoint: keptBytes / 1024, samples: during.length, seriesFileMiB: mib(seriesFileBytes) };
}
const ALL = [...new Set(METRICS.map((m) => m.name))];
const memoryWithout = await sweepMemory([]);
const memoryWith = await sweepMemory(ALL);

// 3. The tables of a small sweep with trajectories: 10 points x 4 replications of the small test world, 6 metrics kept.
const small = await loadScenario('test/fixtures/scenarios/small-cooperate.yaml');
const plan = planSweep(small, { params: ['fund.leverage=0:1.8:0.2'], replications: 4, series: ['value_added', 'firms', 'investment', 'similarity', 'duplicated_investment_share', 'fund_nav'] });
const sweepDir = join(root, 'sweep');
const result = await executeSweep(sweepDir, plan, { resume: false, workers: 2, quiet: true });
const sweepTables = await compare(
  `sweep, ${result.points.length} points x 4 replications keeping ${plan.series!.length} series`,
  async (dir, parquet) => {
    await mkdir(dir, { recursive: true });
    // The tables read the series from the sweep's points/ folder: write them there, then move the files aside.
    await writeSweepTables(sweepDir, plan, result.points, { parquet });
    for (const f of ['sweep.csv', 'outcomes.csv', 'series.csv', ...(parquet ? ['sweep.parquet', 'outcomes.parquet', 'series.parquet'] : [])])
      await rename(join(sweepDir, f), join(dir, f));
  },
  ['sweep.csv', 'outcomes.csv', 'series.csv'],
);
rmSync(root, { recursive: true, force: true });
log(JSON.stringify({ runTables, runSeconds, memoryWithout, memoryWith, sweepTables }));
