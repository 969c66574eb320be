import { loadScenario } from '../src/scenario/load.js';
import { ScenarioSchema } from '../src/scenario/schema.js';
import { normalizeScenario } from '../src/scenario/normalize.js';
import { createSimulation } from '../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../src/model/step.js';
const n = Number(process.argv[2] ?? 100000);
const name = process.argv[3] ?? 'cooperate';
const loaded = await loadScenario(name);
const s = structuredClone(loaded.scenario) as any;
s.initial.firms = n;
const config = normalizeScenario(ScenarioSchema.parse(s));
const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
const scratch = createStepScratch(sim);
let firmSteps = 0;
const t0 = performance.now();
for (let t = 0; t < 50 && t < config.steps; t++) { firmSteps += sim.firms.count; stepSimulation(sim, scratch); }
const ms = performance.now() - t0;
console.log(`${name} n=${n}: ${(firmSteps / ms / 1000).toFixed(2)} M firm-steps/s, ${ms.toFixed(0)} ms, final firms ${sim.firms.count}, heap ${(process.memoryUsage().heapUsed/1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss/1e6).toFixed(0)} MB`);
