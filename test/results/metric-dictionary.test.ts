/**
 * The metric dictionary (metrics.json): it covers every registry metric and
 * every summary measure an experiment writes, documents every column of every
 * table a folder holds (and of the other commands' tables), and a run folder's
 * tidy metrics.csv carries each row's unit.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readResults } from '../../src/report/run/read.js';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metric-registry.js';
import { summarizeReplication } from '../../src/experiment/replication-summary.js';
import { runScenario } from '../../src/experiment/run-scenario.js';
import { sweepColumns } from '../../src/experiment/sweep-tables.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { COMPARISON_COLUMNS } from '../../src/results/compare-format.js';
import { FIT_CSV_HEADER } from '../../src/results/calibration-format.js';
import { payoffsCsvHeader } from '../../src/results/game-format.js';
import { attributionCsv, profileCsv } from '../../src/results/history-format.js';
import { VERDICT_COLUMNS } from '../../src/report/compare/verdicts.js';
import { seriesColumns } from '../../src/results/series-files.js';
import { TRAJECTORY_COLUMNS } from '../../src/results/trajectory-format.js';
import { TRAJECTORY_CSV_HEADER } from '../../src/results/discover-format.js';
import { buildMetricDictionary, describeColumn, metricDictionarySchema, metricEntries, metricUnit } from '../../src/results/metric-dictionary.js';
import { readMetricDictionary } from '../../src/results/metric-dictionary-file.js';
import { listFiles } from '../../src/results/output-folder.js';
import type { SweepPlan } from '../../src/results/sweep-format.js';
import { fixtureScenario, makeResultsFolder } from '../report/fixture.js';

describe('the metric entries', () => {
  it('hold every registry metric with its scope, unit, kind and description, and the lens it feeds', () => {
    const entries = metricEntries();
    for (const d of METRICS) expect(entries, d.name).toContainEqual(expect.objectContaining({ name: d.name, scope: d.scope, unit: d.unit, kind: d.kind, description: d.description, source: 'registry' }));
    const lensOf = (name: string) => entries.find((e) => e.name === name && e.source === 'registry')?.lens;
    expect(lensOf('value_added')).toBe('gdp');
    expect(lensOf('fiscal_balance')).toBe('fiscal');
    expect(lensOf('consumption')).toBe('welfare');
    expect(lensOf('similarity')).toBeNull();
    expect(() => metricDictionarySchema.parse(buildMetricDictionary([]))).not.toThrow();
  });

  it('give a unit to every measure a replication summary holds (sweep.csv, replications.csv)', () => {
    const scenario = ScenarioSchema.parse({ ...fixtureScenario(), time: { start: 2010, steps: 6, stepYears: 1 }, target: undefined });
    const config = normalizeScenario(scenario);
    const run = runScenario(config, { seed: 3, replications: 1, keepLog: false });
    const summary = summarizeReplication(config, 0, run.replications[0].records, run.counterfactual![0].records);
    const names = [...new Set(summary.cells.map((c) => c[1]))];
    expect(names.length).toBeGreaterThan(METRICS.length / 2);
    expect(names.filter((n) => metricUnit(n) === undefined)).toEqual([]);
    expect(metricUnit('welfare_change')).toBe('billion yuan');
    expect(metricUnit('idle_capital_vs_counterfactual')).toBe(metricUnit('idle_capital'));
  });
});

describe('table columns', () => {
  it('documents every column of every command\'s tables, parameters with their unit', () => {
    const plan = { parameters: [{ path: 'sectors.electronics.demandGrowth' }, { path: 'fund.leverage' }] } as unknown as SweepPlan;
    const profile = profileCsv({ target: [{ year: 2015 }], windows: [], years: [2010, 2020] } as never).header;
    const tables: [string, readonly string[]][] = [
      ['sweep.csv', sweepColumns(plan)],
      ['outcomes.csv', ['point', 'replication', 'fund.leverage', 'outcome']],
      ['comparison.csv', COMPARISON_COLUMNS],
      ['replications.csv', ['scenario', 'replication', 'region', 'metric', 'statistic', 'value']],
      ['verdicts.csv', VERDICT_COLUMNS],
      ['fit.csv', FIT_CSV_HEADER],
      ['payoffs.csv', payoffsCsvHeader(['fund.leverage'])],
      ['decomposition.csv', ['point', 'fund.leverage', 'lens', 'profile', 'reference', 'region', 'part', 'mean_difference', 'ci_low', 'ci_high']],
      ['sensitivity.csv', ['method', 'output', 'parameter', 'index', 'value', 'ci_low', 'ci_high']],
      ['points.csv', ['point', 'fund.leverage', 'output', 'value']],
      ['profile.csv', profile],
      ['attribution.csv', attributionCsv({ rows: [] } as never).header],
      ['series.csv', seriesColumns(['fund.leverage'])],
      ['trajectories.csv', TRAJECTORY_COLUMNS],
      ['trajectory.csv', TRAJECTORY_CSV_HEADER],
      ['cells.csv', ['lever', 'lever_value', 'fund.leverage', 'lens', 'type', 'likely_type', 'cooperation_equilibrium', 'cooperation_equilibrium_sure', 'competition_equilibrium', 'cooperation_pays_both', 'equilibria']],
    ];
    for (const [file, header] of tables) for (const column of header) expect(describeColumn(file, column).description, `${file}: ${column}`).not.toBe('');
    expect(describeColumn('sweep.csv', 'sectors.electronics.demandGrowth').unit).toBe('per year');
    expect(describeColumn('sweep.csv', 'fund.leverage').unit).toBe('ratio');
    expect(describeColumn('sweep.csv', 'value').unit).toBe('(unit column)');
    expect(describeColumn('markets.csv', 'investment').unit).toBe('billion yuan');
    expect(describeColumn('x.csv', 'no_such_column').description).toBe('');
  });
});

describe('a run folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeResultsFolder();
  });
  afterAll(async () => {
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it('holds metrics.json describing every column of every table it holds', async () => {
    const dictionary = await readMetricDictionary(dir);
    const csvs = (await listFiles(dir)).filter((f) => f.endsWith('.csv'));
    expect(dictionary.tables.map((t) => t.file)).toEqual(csvs);
    for (const table of dictionary.tables) {
      const header = (await readFile(join(dir, table.file), 'utf8')).split('\n')[0].split(',');
      expect(table.columns.map((c) => c.name), table.file).toEqual(header);
      for (const c of table.columns) expect(c.description, `${table.file}: ${c.name}`).not.toBe('');
    }
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')).files).toContain('metrics.json');
  });

  it('writes each row\'s unit into metrics.csv, the registry\'s', async () => {
    const [header, ...rows] = (await readFile(join(dir, 'metrics.csv'), 'utf8')).trim().split('\n');
    expect(header).toBe('replication,step,year,region,metric,unit,value');
    const units = new Map(METRICS.map((d) => [d.name, d.unit]));
    const seen = new Set<string>();
    for (const row of rows) {
      const [, , , , metric, unit] = row.split(',');
      expect(unit, metric).toBe(units.get(metric));
      seen.add(metric);
    }
    expect(seen.size).toBeGreaterThan(METRICS.length / 2);
  });

  it('reads back the same with or without the unit column (folders written before it)', async () => {
    const before = await readResults(dir);
    const text = await readFile(join(dir, 'metrics.csv'), 'utf8');
    const copy = await mkdtemp(join(tmpdir(), 'chuanyu-old-'));
    await cp(dir, copy, { recursive: true });
    await writeFile(join(copy, 'metrics.csv'), text.replace(/^((?:[^,\n]*,){5})[^,\n]*,/gm, '$1'));
    expect((await readFile(join(copy, 'metrics.csv'), 'utf8')).split('\n')[0]).toBe('replication,step,year,region,metric,value');
    expect((await readResults(copy)).metrics).toEqual(before.metrics);
    await rm(copy, { recursive: true, force: true });
  });
});
