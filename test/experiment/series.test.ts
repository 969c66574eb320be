/** Trajectory names (`--series`) and the checks of a point's series file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestNames, parseSeries } from '../../src/experiment/series.js';
import { planSweep } from '../../src/experiment/sweep.js';
import { loadScenario } from '../../src/scenario/load.js';
import { UserError } from '../../src/scenario/errors.js';
import { seriesFileProblem, seriesFileText } from '../../src/results/series-files.js';

const REGIONS = ['sichuan', 'chongqing'];
const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('parseSeries', () => {
  it('expands a bare metric to every place it is measured at, keeps order and drops repeats', () => {
    expect(parseSeries(['similarity,sichuan.value_added', 'value_added', 'zone.similarity'], REGIONS)).toEqual([
      'sichuan~chongqing.similarity',
      'zone.similarity',
      'sichuan.value_added',
      'chongqing.value_added',
      'zone.value_added',
    ]);
    expect(parseSeries(['budget'], REGIONS)).toEqual(['sichuan.budget', 'chongqing.budget']);
    expect(parseSeries([], REGIONS)).toEqual([]);
  });

  it('names the closest metrics and places of an unknown name', () => {
    expect(messageOf(() => parseSeries(['simlarity'], REGIONS))).toMatch(/--series "simlarity": unknown metric "simlarity"; closest: "similarity"/);
    expect(messageOf(() => parseSeries(['sichuan.valu_added'], REGIONS))).toMatch(/unknown metric "valu_added"; closest: "value_added"/);
    expect(messageOf(() => parseSeries(['sichuaan.value_added'], REGIONS))).toMatch(/unknown place "sichuaan"; closest: "sichuan"/);
    expect(messageOf(() => parseSeries(['sichuan.similarity'], REGIONS))).toContain('similarity is measured for each pair and the zone, not for "sichuan"');
    expect(messageOf(() => parseSeries(['value_added_change'], REGIONS))).toMatch(/unknown metric/); // a counterfactual comparison, not a per-step metric
    expect(messageOf(() => parseSeries(['a.b.c'], REGIONS))).toMatch(/expected a metric name or place\.metric/);
  });

  it('lists the closest few names, nearest first', () => {
    expect(closestNames('firm', ['firms', 'exits', 'entries', 'capital'], 2)).toEqual(['firms', 'exits']);
  });
});

describe('a scenario\'s sweep.series', () => {
  const scenarioWith = (series: string[]) => {
    const file = join(mkdtempSync(join(tmpdir(), 'chuanyu-series-')), 'with-series.yaml');
    writeFileSync(file, `extends: ${join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml')}\nsweep: { parameters: { fund.leverage: [0, 1] }, series: ${JSON.stringify(series)} }\n`);
    return loadScenario(file);
  };

  it('is the plan\'s series unless --series replaces it; without either the plan has none', async () => {
    const loaded = await scenarioWith(['zone.firms']);
    expect(planSweep(loaded, { params: [] }).series).toEqual(['zone.firms']);
    expect(planSweep(loaded, { params: [], series: ['sichuan.budget'] }).series).toEqual(['sichuan.budget']);
    expect(planSweep(await scenarioWith([]), { params: [] })).not.toHaveProperty('series');
  });

  it('names the file when it holds an unknown metric', async () => {
    const loaded = await scenarioWith(['zone.firmz']);
    expect(messageOf(() => planSweep(loaded, { params: [] }))).toMatch(/with-series\.yaml: sweep\.series "zone\.firmz": unknown metric "firmz"; closest: "firms"/);
  });
});

describe('series files', () => {
  const series = {
    keys: ['zone.similarity', 'sichuan.value_added'],
    replications: [0, 1].map((replication) => ({ replication, steps: [0, 1], years: [2020, 2021], values: Float64Array.from([0.5, 10, Number.NaN, 11.25]) })),
  };
  const text = seriesFileText(series);

  it('writes tidy rows in replication, step and series order, leaving undefined values out', () => {
    expect(text).toBe(
      'replication,step,year,region,metric,value\n' +
        '0,0,2020,zone,similarity,0.5\n0,0,2020,sichuan,value_added,10\n0,1,2021,sichuan,value_added,11.25\n' +
        '1,0,2020,zone,similarity,0.5\n1,0,2020,sichuan,value_added,10\n1,1,2021,sichuan,value_added,11.25\n',
    );
  });

  it('finds a missing, truncated or foreign series file', () => {
    const expected = { replications: 2, keys: series.keys };
    expect(seriesFileProblem(text, expected)).toBeNull();
    expect(seriesFileProblem(null, expected)).toMatch(/missing/);
    expect(seriesFileProblem(text.slice(0, -3), expected)).toMatch(/truncated/);
    expect(seriesFileProblem(text, { replications: 1, keys: series.keys })).toMatch(/line 5/);
    expect(seriesFileProblem(text, { replications: 2, keys: ['zone.similarity'] })).toMatch(/line 3/);
    expect(seriesFileProblem('x\n', expected)).toMatch(/header/);
  });
});
