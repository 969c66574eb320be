/**
 * Golden output: a small cooperate world (every process active: fund,
 * relocation offers via the competing region, entry and exit) must give exactly
 * the tables recorded when the design was fixed. Optimizations of the step loop
 * must not change a digit. To accept an intended model change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/model/golden.test.ts` and say why in the commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { metricRows, sectorRows } from '../../src/report/tables.js';
import { csvLine } from '../../src/report/csv.js';

const GOLDEN = new URL('../fixtures/golden/exploited-small.csv', import.meta.url);

async function goldenText(): Promise<string> {
  const loaded = await loadScenario('exploited');
  const scenario = structuredClone(loaded.scenario) as any;
  scenario.initial.firms = 600;
  scenario.time.steps = 12;
  const config = normalizeScenario(ScenarioSchema.parse(scenario));
  const run = runScenario(config, { seed: 11, replications: 2, keepLog: false });
  let text = '';
  for (const row of metricRows(config, run.replications)) text += csvLine(row);
  for (const row of sectorRows(config, run.replications)) text += csvLine(row);
  return text;
}

describe('golden output', () => {
  it('is unchanged', async () => {
    const text = await goldenText();
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, text);
    const golden = readFileSync(GOLDEN, 'utf8');
    const a = text.split('\n');
    const b = golden.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 ? null : { line: first + 1, got: a[first], expected: b[first] }).toBeNull();
    expect(a.length).toBe(b.length);
  });
});
