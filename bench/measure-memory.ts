/**
 * Memory of a long sweep: one pool (kept up, as `chuanyu sweep` keeps it) runs
 * batch after batch of points whose results are dropped once handled (a sweep
 * saves each to disk). After each batch, a full garbage collection and the
 * main thread's live heap: with 1 worker the points run in this thread, so the
 * heap holds whatever running points leaves behind; with 2 it holds the pool's
 * own bookkeeping. The slope of the live heap over the batches (least squares,
 * the first half of the batches left out: V8 is still compiling and filling its caches there) is the growth per point. Resident
 * memory (all threads) is printed too; it moves with each heap's garbage.
 * Run with --expose-gc. Prints one JSON line.
 *   node --expose-gc --import tsx bench/measure-memory.ts <workers> <firms> <steps> <points per batch> <batches>
 */
import { loadScenario } from '../dist/scenario/load.js';
import { createPointPool } from '../dist/experiment/pool.js';
import type { PointTask } from '../dist/experiment/run-point.js';

const [workers, firms, steps, points, batches] = process.argv.slice(2, 7).map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const scenario = structuredClone((await loadScenario('cooperate')).scenario) as any;
scenario.initial.firms = firms;
scenario.time.steps = steps;
const pool = createPointPool(workers);
const rssMiB: number[] = [];
const heapMiB: number[] = [];
let done = 0;
for (let b = 0; b < batches; b++) {
  const tasks: PointTask[] = Array.from({ length: points }, (_, i) => ({
    index: b * points + i,
    scenario,
    values: { 'fund.leverage': ((b * points + i) % 17) / 8, 'agglomeration.localization': 0.02 + ((b * points + i) % 13) / 100 },
    seed: 1,
    replications: 1,
    counterfactual: true,
  }));
  await pool.run(tasks, () => void done++);
  gc();
  const memory = process.memoryUsage();
  rssMiB.push(memory.rss / 2 ** 20);
  heapMiB.push(memory.heapUsed / 2 ** 20);
}
await pool.close();
/** Least-squares slope of ys against 0, 1, 2, ... */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  });
  return sxx > 0 ? sxy / sxx : 0;
}
const perThousand = (series: number[]) => (slope(series.slice(Math.floor(batches / 2))) / points) * 1000;
process.stdout.write(
  JSON.stringify({ workers, firms, steps, pointsPerBatch: points, batches, points: done, heapMiB, rssMiB, heapGrowthMiBPer1000Points: perThousand(heapMiB), rssGrowthMiBPer1000Points: perThousand(rssMiB) }) + '\n',
);
