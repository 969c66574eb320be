/** Runs the naive (object-per-firm, immer) model and the real step on the same small world. Prints one JSON line. */
import { benchmarkArgs, benchmarkConfig } from './world.js';
import { createSimulation } from '../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../src/model/step.js';
import { runNaive } from './naive-model.js';

const [firms, steps, runs] = benchmarkArgs([2000, 20, 3]);
const config = await benchmarkConfig(firms, steps);

function real() {
  const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
  const scratch = createStepScratch(sim);
  let firmSteps = 0;
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) {
    firmSteps += sim.firms.count;
    stepSimulation(sim, scratch);
  }
  return firmSteps / ((performance.now() - t0) / 1000);
}
const naive = () => {
  const r = runNaive(config, steps);
  return r.firmSteps / r.seconds;
};
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Warm up both for at least a second and a half (V8 keeps optimizing the typed
// step for several short runs; one run would understate it).
for (const run of [real, naive]) {
  const start = performance.now();
  do run();
  while (performance.now() - start < 1500);
}
const realRates = Array.from({ length: runs }, real);
const naiveRates = Array.from({ length: runs }, naive);
process.stdout.write(
  JSON.stringify({
    firms,
    steps,
    runs,
    typedArrays: { median: median(realRates), min: Math.min(...realRates), max: Math.max(...realRates) },
    objectsWithImmer: { median: median(naiveRates), min: Math.min(...naiveRates), max: Math.max(...naiveRates) },
    ratio: median(realRates) / median(naiveRates),
  }) + '\n',
);
