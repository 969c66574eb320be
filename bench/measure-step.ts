/**
 * Measures the whole step (every process and the metrics) of the default model
 * (the `cooperate` scenario: governments, fund, market, firms) at one population
 * size, in its own process so peak memory is its own. Prints one JSON line with
 * the rate, memory, and where the time goes (ns per firm-step by part of the
 * step, from the last run).
 *   node --import tsx bench/measure-step.ts <firms> <steps> <runs>
 */
import { benchmarkArgs, benchmarkConfig } from './world.js';
import { createSimulation, type Simulation } from '../src/model/simulation.js';
import { createStepScratch, stepSimulation, STEP_PARTS, type StepPart } from '../src/model/step.js';

const [firms, steps, runs] = benchmarkArgs([10000, 50, 3]);
const config = await benchmarkConfig(firms, steps);

function liveBytes(sim: Simulation): number {
  const f = sim.firms;
  const arrays = [f.region, f.sector, f.capital, f.productivity, f.tech, f.age, f.lossYears, f.profit, f.fundIn, f.home, f.outsideShare, ...f.fundShare];
  const scratch = [...sim.scratch.fundSelections.flatMap((s) => [s.firm, s.score, s.descending.order]), sim.scratch.moves.firm, sim.scratch.moves.offer, sim.scratch.moves.grant];
  return [...arrays, ...scratch].reduce((a, x) => a + x.byteLength, 0);
}

function once(seedReplication: number, timeParts: boolean) {
  const sim = createSimulation(config, { seed: 1, replication: seedReplication, keepLog: false });
  const scratch = createStepScratch(sim);
  const parts = Object.fromEntries(STEP_PARTS.map((p) => [p, 0])) as Record<StepPart, number>;
  let lapStart = 0;
  if (timeParts)
    scratch.lap = (part) => {
      const now = performance.now();
      parts[part] += now - lapStart;
      lapStart = now;
    };
  let firmSteps = 0;
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) {
    firmSteps += sim.firms.count;
    lapStart = performance.now();
    stepSimulation(sim, scratch);
  }
  const seconds = (performance.now() - t0) / 1000;
  const nsPerFirmStep = Object.fromEntries(STEP_PARTS.map((p) => [p, (parts[p] * 1e6) / firmSteps]));
  return { rate: firmSteps / seconds, seconds, firmSteps, finalFirms: sim.firms.count, capacity: sim.firms.capacity, liveBytes: liveBytes(sim), nsPerFirmStep };
}

// Warm-up (JIT), then measured runs; the parts are timed in one extra run, so
// the clock calls never touch the measured rate.
once(99, false);
const results = Array.from({ length: runs }, (_, r) => once(r, false));
const parts = once(0, true).nsPerFirmStep;
const last = results[results.length - 1];
const rates = results.map((r) => r.rate).sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    firms,
    steps,
    runs,
    firmStepsPerSecond: { median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates[rates.length - 1] },
    secondsPerRun: results.map((r) => r.seconds),
    finalFirms: last.finalFirms,
    bytesPerFirmLive: last.liveBytes / last.finalFirms,
    bytesPerFirmSlot: last.liveBytes / last.capacity,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakRssBytesPerFirm: (process.resourceUsage().maxRSS * 1024) / last.finalFirms,
    nsPerFirmStep: parts,
  }) + '\n',
);
