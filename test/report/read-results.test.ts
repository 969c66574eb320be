/** Reading a results folder back: the CSV parser, typed tables, scenario facts and clear errors. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/results/csv-read.js';
import { readResults } from '../../src/report/run/read.js';
import type { Manifest } from '../../src/results/run-format.js';
import { UserError } from '../../src/scenario/errors.js';
import { makeResultsFolder } from './fixture.js';

describe('parseCsv', () => {
  it('reads plain and quoted fields, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reports malformed input with its line', () => {
    expect(() => parseCsv('a\n"open')).toThrow('line 2: unterminated quoted field');
    expect(() => parseCsv('a\nx"y"')).toThrow('line 2: unexpected double quote');
    expect(() => parseCsv('a\n"x"y')).toThrow('line 2: unexpected character after a quoted field');
  });
});

describe('readResults', () => {
  let dir: string;
  let scratch: string;
  beforeAll(async () => {
    dir = await makeResultsFolder();
    scratch = await mkdtemp(join(tmpdir(), 'chuanyu-read-'));
  });
  afterAll(async () => {
    await rm(dirname(dir), { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it('reads every table into typed records', async () => {
    const data = await readResults(dir);
    const metricsLines = (await readFile(join(dir, 'metrics.csv'), 'utf8')).trim().split('\n').length - 1;
    expect(data.metrics).toHaveLength(metricsLines);
    const first = data.metrics[0];
    expect(typeof first.value).toBe('number');
    expect(typeof first.region).toBe('string');
    expect(first.year).toBe(2010);
    expect(data.sectors).toHaveLength(2 * 12 * 2 * 4);
    expect(data.markets).toHaveLength(2 * 12 * 4);
    expect(data.sectors[0]).toMatchObject({ replication: 0, step: 0, year: 2010, region: 'sichuan', sector: 'food' });
    expect(Object.keys(data.markets[0])).toEqual(['replication', 'step', 'year', 'sector', 'demand', 'capacity', 'sold', 'price', 'utilization', 'investment', 'duplicated_investment']);
    expect(data.counterfactual?.metrics.length).toBeGreaterThan(0);
    expect(data.counterfactual?.sectors).toHaveLength(data.sectors.length);
    expect(data.summary.years).toEqual([2010, 2021]);
    expect(data.summary.events).toEqual([
      expect.objectContaining({ year: 2010, kind: 'fund', label: 'test-fund created' }),
      expect.objectContaining({ year: 2014, kind: 'agreement', label: 'Test agreement' }),
    ]);
  });

  it('extracts the scenario facts the charts need from the manifest', async () => {
    const { scenario } = await readResults(dir);
    expect(scenario.name).toBe('report-test');
    expect(scenario.title).toBe('Report test: both cooperate through a fund');
    expect(scenario.regions).toEqual([{ id: 'sichuan', name: 'Sichuan' }, { id: 'chongqing', name: 'Chongqing' }]);
    expect(scenario.sectors.map((s) => s.id)).toEqual(['food', 'metals', 'autos', 'electronics']);
    expect(scenario.target).toEqual({ metric: 'similarity', source: 'Test target', points: [{ year: 2010, value: 0.8 }, { year: 2015, value: 0.75 }, { year: 2021, value: 0.7 }] });
    expect(scenario.overcapacityThreshold).toBe(0.8);
    expect(scenario.clusterLocationQuotient).toBe(1.25);
  });

  it('falls back to ids from the tables when the manifest has no resolved scenario, or takes the manifest as an option', async () => {
    const copy = join(scratch, 'no-scenario');
    await cp(dir, copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as Manifest;
    await writeFile(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, resolvedScenario: null }));
    const data = await readResults(copy);
    expect(data.scenario.regions).toEqual([{ id: 'sichuan', name: 'sichuan' }, { id: 'chongqing', name: 'chongqing' }]);
    expect(data.scenario.target).toBeNull();
    await rm(join(copy, 'manifest.json'));
    await expect(readResults(copy)).rejects.toThrow('the results folder has no manifest.json');
    const withOption = await readResults(copy, { manifest });
    expect(withOption.scenario.regions[0].name).toBe('Sichuan');
  });

  it('reads a folder without counterfactual', async () => {
    const copy = join(scratch, 'no-counterfactual');
    await cp(dir, copy, { recursive: true });
    await rm(join(copy, 'counterfactual'), { recursive: true });
    expect((await readResults(copy)).counterfactual).toBeNull();
  });

  it('names the folder or file in every error', async () => {
    await expect(readResults(join(scratch, 'nope'))).rejects.toThrow(UserError);
    await expect(readResults(join(scratch, 'nope'))).rejects.toThrow(/no such results folder ".*nope"/);
    await writeFile(join(scratch, 'a-file'), 'x');
    await expect(readResults(join(scratch, 'a-file'))).rejects.toThrow('is a file, not a results folder');

    const copy = join(scratch, 'broken');
    await cp(dir, copy, { recursive: true });
    await rm(join(copy, 'sectors.csv'));
    await expect(readResults(copy)).rejects.toThrow(`${join(copy, 'sectors.csv')}: the results folder has no sectors.csv`);
    await cp(join(dir, 'sectors.csv'), join(copy, 'sectors.csv'));

    await writeFile(join(copy, 'markets.csv'), 'replication,step,year,sector\n0,0,2010,food\n');
    await expect(readResults(copy)).rejects.toThrow(`${join(copy, 'markets.csv')}:1:1: missing columns demand, capacity`);
    await cp(join(dir, 'markets.csv'), join(copy, 'markets.csv'));

    const metrics = await readFile(join(dir, 'metrics.csv'), 'utf8');
    const lines = metrics.split('\n');
    lines[3] = lines[3].replace(/,[^,]*$/, ',abc');
    await writeFile(join(copy, 'metrics.csv'), lines.join('\n'));
    await expect(readResults(copy)).rejects.toThrow(`${join(copy, 'metrics.csv')}:4:1: value: not a number: "abc"`);
    lines[3] = '0,0,2010';
    await writeFile(join(copy, 'metrics.csv'), lines.join('\n'));
    await expect(readResults(copy)).rejects.toThrow('metrics.csv:4:1: expected 7 fields, found 3');
    await cp(join(dir, 'metrics.csv'), join(copy, 'metrics.csv'));

    await writeFile(join(copy, 'summary.json'), '{ not json');
    await expect(readResults(copy)).rejects.toThrow(`${join(copy, 'summary.json')}: not valid JSON`);
  });

  it('names the file and the field of a damaged summary.json or manifest.json', async () => {
    const copy = join(scratch, 'damaged');
    await cp(dir, copy, { recursive: true });
    const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8'));
    const zone = Object.keys(summary.metrics.zone)[0];
    summary.metrics.zone[zone].final.mean = 'high';
    await writeFile(join(copy, 'summary.json'), JSON.stringify(summary));
    const error = await readResults(copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).file).toBe(join(copy, 'summary.json'));
    expect((error as UserError).fieldPath).toBe(`metrics.zone.${zone}.final.mean`);
    expect((error as UserError).message).toContain('not a run summary: expected a number or null, found "high"');

    await cp(join(dir, 'summary.json'), join(copy, 'summary.json'));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    delete manifest.seed;
    await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));
    await expect(readResults(copy)).rejects.toThrow(`${join(copy, 'manifest.json')}: seed: not a run manifest: expected a number, found nothing`);
  });
});
