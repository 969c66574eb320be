/**
 * A sweep's throughput with a given number of workers, in a fresh process (as
 * `chuanyu sweep` starts): the first batch of points on a new pool ("cold":
 * from the command's start, with worker start-up, scenario loading and V8
 * compiling the model while it runs), then the same
 * batch again on the running pool ("running": what the rest of a long sweep
 * gets). Prints one JSON line.
 *   node --import tsx bench/measure-sweep.ts <workers> <firms> <points> <runs>
 */
// The compiled package, so worker threads start from plain JS as they do for users.
import { loadScenario } from '../dist/scenario/load.js';
import { createPointPool, prestartPointWorkers } from '../dist/experiment/pool.js';
import type { PointTask } from '../dist/experiment/run-point.js';

const [workers, firms, points, runs] = process.argv.slice(2, 6).map(Number);
// As `chuanyu sweep` does: worker threads start before the scenario is loaded and
// the points planned, and the cold figure counts from there to the first batch's end.
const commandStart = performance.now();
prestartPointWorkers(workers);
const scenario = structuredClone((await loadScenario('cooperate')).scenario) as any;
scenario.initial.firms = firms;
const tasks: PointTask[] = Array.from({ length: points }, (_, i) => ({
  index: i,
  scenario,
  values: { 'fund.leverage': (2 * i) / points },
  seed: 1,
  replications: 2,
  counterfactual: true,
}));
const pool = createPointPool(workers);
const timeBatch = async (t0 = performance.now()) => {
  await pool.run(tasks, () => {});
  return points / ((performance.now() - t0) / 1000);
};
const cold = await timeBatch(commandStart);
const running: number[] = [];
for (let r = 0; r < runs; r++) running.push(await timeBatch());
await pool.close();
running.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ workers, firms, points, cold, running: { median: running[Math.floor(runs / 2)], min: running[0], max: running[runs - 1], runs }, runningAll: running }) + '\n');
