/** `chuanyu params` as a user runs it (in process): scenario or term first, text and JSON; and a sweep by sector id equals one by index. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramsAction } from '../../src/cli/actions/params-action.js';
import { runCli } from '../helpers/cli.js';

const collect = async (words: string[], json = false) => {
  let out = '';
  const result = await paramsAction({ words, json, log: (t) => (out += t) });
  return { ...result, out };
};

describe('chuanyu params', () => {
  it('takes a scenario first, or the baseline when the first word is a term', async () => {
    const named = await collect(['cooperate', 'fund']);
    expect(named.scenario).toBe('cooperate');
    expect(named.out).toMatch(/parameters of cooperate matching fund/);
    expect(named.out).toMatch(/^fund\.leverage\n  number; unit: ratio; default: [\d.]+; range: 0 to 20\n/m);
    const plain = await collect(['fund', 'leverage']);
    expect(plain.scenario).toBe('baseline');
    expect(plain.entries.map((e) => e.path)).toContain('fund.leverage');
  });

  it('prints JSON for machines', async () => {
    const { out } = await collect(['cooperate', 'electronics', 'demand'], true);
    const json = JSON.parse(out);
    expect(json.scenario).toBe('cooperate');
    expect(json.terms).toEqual(['electronics', 'demand']);
    expect(json.parameters.map((p: { path: string }) => p.path)).toContain('sectors.electronics.demandGrowth');
    expect(Object.keys(json.parameters[0]).sort()).toEqual(['default', 'description', 'path', 'range', 'type', 'unit']);
  });

  it('says so when nothing matches', async () => {
    expect((await collect(['zzzz'])).out).toMatch(/No parameter of baseline matches "zzzz"/);
  });

  it('a sweep by sector id gives the same numbers as a sweep by index', () => {
    const root = mkdtempSync(join(tmpdir(), 'chuanyu-params-'));
    const scenario = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
    const run = (path: string, out: string) => {
      const r = runCli(['sweep', scenario, '-p', `${path}=0.02,0.2`, '-r', '1', '--workers', '1', '--no-counterfactual', '--out', join(root, out), '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      const [header, ...rows] = readFileSync(join(root, out, 'sweep.csv'), 'utf8').split('\n');
      return { header, rows };
    };
    const byId = run('sectors.electronics.demandGrowth', 'id');
    const byIndex = run('sectors.10.demandGrowth', 'index');
    expect(byId.header).toContain('sectors.electronics.demandGrowth');
    expect(byId.rows.length).toBeGreaterThan(10);
    expect(byId.rows).toEqual(byIndex.rows);
    // The finished sweep's manifest records how it was made.
    const { provenance } = JSON.parse(readFileSync(join(root, 'id', 'manifest.json'), 'utf8'));
    expect(provenance.commandLine).toMatch(/^chuanyu sweep \S+small-cooperate\.yaml -p sectors\.electronics\.demandGrowth=0\.02,0\.2 -r 1 /);
    expect(provenance.design).toEqual({ sampler: 'grid', sampleSize: 2, seed: 1, replications: 1 });
    expect(provenance.scenarios[0].name).toBe('small-cooperate');
    // Its metric dictionary documents sweep.csv, the swept parameter with its unit; every row carries its metric's unit.
    const dictionary = JSON.parse(readFileSync(join(root, 'id', 'metrics.json'), 'utf8'));
    const sweepTable = dictionary.tables.find((t: { file: string }) => t.file === 'sweep.csv');
    expect(sweepTable.columns.map((c: { name: string }) => c.name).join(',')).toBe(byId.header);
    expect(sweepTable.columns.find((c: { name: string }) => c.name === 'sectors.electronics.demandGrowth').unit).toBe('per year');
    const unitAt = byId.header.split(',').indexOf('unit');
    expect(byId.rows.filter((r) => r !== '').every((r) => r.split(',')[unitAt] !== undefined)).toBe(true);
    expect(byId.rows.some((r) => r.includes(',value_added,billion yuan,'))).toBe(true);
  });
});
