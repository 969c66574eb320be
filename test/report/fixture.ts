/**
 * A small results folder made by running the model through the API: two
 * regions, four sectors, 400 firms, 12 years, 2 replications, a guidance fund,
 * one agreement and a target series (or, with `plain`, no fund, no event and no
 * target; with `regions`, one or three regions).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { summarizeRun } from '../../src/experiment/summarize.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { writeResults } from '../../src/results/run-files.js';

export interface FixtureOptions {
  plain?: boolean;
  regions?: 1 | 2 | 3;
}

export function fixtureScenario(options: FixtureOptions = {}): ScenarioInput {
  const regions = [
    { id: 'sichuan', name: 'Sichuan', capitalShare: 0.6, sectorShares: { food: 0.4, metals: 0.2, autos: 0.1, electronics: 0.3 } },
    { id: 'chongqing', name: 'Chongqing', capitalShare: 0.4, sectorShares: { food: 0.15, metals: 0.35, autos: 0.35, electronics: 0.15 } },
  ];
  if (options.regions === 1) {
    regions.pop();
    regions[0].capitalShare = 1;
  }
  if (options.regions === 3) {
    regions[0].capitalShare = 0.55;
    regions[1].capitalShare = 0.35;
  }
  if (options.regions === 3) regions.push({ id: 'guang-an', name: "Guang'an", capitalShare: 0.1, sectorShares: { food: 0.4, metals: 0.3, autos: 0.2, electronics: 0.1 } });
  const scenario: ScenarioInput = {
    name: options.plain ? 'report-plain' : 'report-test',
    title: options.plain ? '' : 'Report test: both cooperate through a fund',
    description: options.plain ? '' : 'A tiny run for the chart and report tests <with markup & "quotes">.',
    seed: 7,
    replications: 2,
    time: { start: 2010, steps: 12, stepYears: 1 },
    sectors: [
      { id: 'food', name: 'Food and beverages' },
      { id: 'metals', name: 'Metallurgy' },
      { id: 'autos', name: 'Automobiles' },
      { id: 'electronics', name: 'Electronic information' },
    ],
    regions,
    inputOutput: { autos: { metals: 0.2 }, electronics: { metals: 0.05 } },
    initial: { firms: 400, zoneCapital: 200 },
    governments: Object.fromEntries(regions.map((r) => [r.id, { strategy: options.plain ? 'compete' : 'cooperate' }])),
  } as ScenarioInput;
  if (!options.plain) {
    scenario.fund = { enabled: true, name: 'test-fund', leverage: 0.5 };
    scenario.events = [{ year: 2014, type: 'agreement', label: 'Test agreement', source: 'test', add: { 'friction.border': -0.05 } }];
    scenario.target = { metric: 'similarity', source: 'Test target', points: [{ year: 2010, value: 0.8 }, { year: 2015, value: 0.75 }, { year: 2021, value: 0.7 }] };
  }
  return scenario;
}

/** Runs the scenario and writes its results folder into a new temporary directory; returns the folder. */
export async function makeResultsFolder(options: FixtureOptions = {}): Promise<string> {
  const parsed = ScenarioSchema.parse(fixtureScenario(options));
  const config = normalizeScenario(parsed);
  const run = runScenario(config, { seed: parsed.seed, replications: parsed.replications, keepLog: false });
  const summary = summarizeRun(run);
  const dir = join(await mkdtemp(join(tmpdir(), 'chuanyu-report-')), 'results');
  await writeResults(dir, run, summary, {
    scenario: parsed.name,
    scenarioFile: null,
    seed: parsed.seed,
    replications: parsed.replications,
    packageVersion: '0.0.0-test',
    gitCommit: null,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    startedAt: '2026-01-01T00:00:00.000Z',
    wallTimeSeconds: 0,
    resolvedScenario: parsed,
  });
  return dir;
}
