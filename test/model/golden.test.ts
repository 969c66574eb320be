/**
 * Golden output: a small cooperate world (every process active: fund,
 * relocation offers via the competing region, entry and exit) must give exactly
 * the tables recorded when the design was fixed. Optimizations of the step loop
 * must not change a digit. To accept an intended model change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/model/golden.test.ts` and say why in the
 * commit. A missing fixture is a failure, never written silently.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { metricRows, sectorRows } from '../../src/results/run-tables.js';
import { csvLine } from '../../src/results/csv.js';
import { createSimulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';

const GOLDEN = new URL('../fixtures/golden/exploited-small.csv', import.meta.url);
const GOLDEN_STATE = new URL('../fixtures/golden/exploited-small-state.sha256', import.meta.url);

/** The golden world: a small exploited scenario (fund, relocation offers, entry and exit all active). */
async function goldenConfig() {
  const loaded = await loadScenario('exploited');
  const scenario = structuredClone(loaded.scenario) as any;
  scenario.initial.firms = 600;
  scenario.time.steps = 12;
  const config = normalizeScenario(ScenarioSchema.parse(scenario));
  return config;
}

async function goldenText(): Promise<string> {
  const config = await goldenConfig();
  const run = runScenario(config, { seed: 11, replications: 2, keepLog: false });
  let text = '';
  for (const row of metricRows(config, run.replications)) text += csvLine(row);
  for (const row of sectorRows(config, run.replications)) text += csvLine(row);
  return text;
}

/**
 * Every bit of a run: each step's record at full precision, the firm arrays at
 * the end, the structured state and the event log, hashed. The CSV above shows
 * where a change is; this catches a change in the last bit that has not yet
 * reached 12 digits.
 */
async function stateHash(): Promise<string> {
  const config = await goldenConfig();
  const hash = createHash('sha256');
  for (const replication of [0, 1]) {
    const sim = createSimulation(config, { seed: 11, replication, keepLog: true });
    const scratch = createStepScratch(sim);
    for (let t = 0; t < config.steps; t++) hash.update(JSON.stringify(stepSimulation(sim, scratch)));
    const f = sim.firms;
    for (const a of [f.region, f.sector, f.capital, f.productivity, f.tech, f.age, f.lossYears, f.profit, f.home, f.outsideShare, ...f.fundShare])
      hash.update(new Uint8Array(a.buffer, 0, f.count * a.BYTES_PER_ELEMENT));
    hash.update(JSON.stringify(sim.state));
    hash.update(JSON.stringify(sim.log));
  }
  return hash.digest('hex') + '\n';
}

const UPDATE = 'UPDATE_GOLDEN=1 npx vitest run test/model/golden.test.ts';

/**
 * The recorded fixture, or with UPDATE_GOLDEN=1 the current output written as
 * the new fixture. A missing fixture fails (a test that writes what it checks
 * passes whatever the model does): it is only ever created deliberately.
 */
function recorded(file: URL, current: string): string {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, current);
  if (!existsSync(file))
    throw new Error(`golden fixture ${fileURLToPath(file)} is missing; to record the current output as the golden one deliberately, run \`${UPDATE}\` and say why in the commit`);
  return readFileSync(file, 'utf8');
}

describe('golden output', () => {
  it('is unchanged', async () => {
    const text = await goldenText();
    const golden = recorded(GOLDEN, text);
    const a = text.split('\n');
    const b = golden.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 ? null : { line: first + 1, got: a[first], expected: b[first] }).toBeNull();
    expect(a.length).toBe(b.length);
  });

  it('is unchanged to the last bit (records, firms, state and event log)', async () => {
    const hash = await stateHash();
    expect(hash).toBe(recorded(GOLDEN_STATE, hash));
  });
});
