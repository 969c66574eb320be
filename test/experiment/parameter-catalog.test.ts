/**
 * Sweep parameters by id and by index, the closest-path hints, and the
 * parameter catalog `chuanyu params` prints (search, values, units, ranges).
 */
import { describe, expect, it } from 'vitest';
import { canonicalParameterPath, closestPaths } from '../../src/experiment/parameter-paths.js';
import { checkParameterPath } from '../../src/experiment/parameters.js';
import { parameterCatalog, searchParameters } from '../../src/experiment/parameter-catalog.js';
import { configForValues } from '../../src/experiment/run-point.js';
import { UserError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';

const cooperate = async () => (await loadScenario('cooperate')).scenario as unknown as Record<string, unknown>;
const messageOf = (f: () => void): UserError => {
  try {
    f();
  } catch (e) {
    return e as UserError;
  }
  throw new Error('expected an error');
};

describe('parameter paths by id', () => {
  it('turns list ids into indices and region indices under governments into ids', async () => {
    const s = await cooperate();
    const k = (s.sectors as { id: string }[]).findIndex((x) => x.id === 'electronics');
    expect(k).toBeGreaterThan(0);
    expect(canonicalParameterPath('sectors.electronics.demandGrowth', s)).toBe(`sectors.${k}.demandGrowth`);
    expect(canonicalParameterPath(`sectors.${k}.demandGrowth`, s)).toBe(`sectors.${k}.demandGrowth`);
    expect(canonicalParameterPath('regions.chongqing.capitalShare', s)).toBe('regions.1.capitalShare');
    expect(canonicalParameterPath('governments.0.taxRate', s)).toBe('governments.sichuan.taxRate');
    expect(canonicalParameterPath('fund.leverage', s)).toBe('fund.leverage');
    expect(canonicalParameterPath('sectors.nosuch.demandGrowth', s)).toBe('sectors.nosuch.demandGrowth');
  });

  it('accepts id paths where index paths are accepted, and they make the same model', async () => {
    const s = await cooperate();
    expect(() => checkParameterPath('sectors.electronics.demandGrowth', s)).not.toThrow();
    expect(() => checkParameterPath('regions.sichuan.capitalShare', s)).not.toThrow();
    expect(() => checkParameterPath('governments.1.taxRate', s)).not.toThrow();
    const k = (s.sectors as { id: string }[]).findIndex((x) => x.id === 'electronics');
    const byId = configForValues(s, { 'sectors.electronics.demandGrowth': 0.2, 'governments.0.taxRate': 0.2 });
    const byIndex = configForValues(s, { [`sectors.${k}.demandGrowth`]: 0.2, 'governments.sichuan.taxRate': 0.2 });
    expect(byId).toEqual(byIndex);
    expect(byId).not.toEqual(configForValues(s, {}));
  });

  it('hints at the closest few paths, not at forty, and at the sector the user meant', async () => {
    const s = await cooperate();
    const e = messageOf(() => checkParameterPath('sectors.electronix.demandGrowth', s));
    expect(e.message).toMatch(/did you mean "sectors.electronics.demandGrowth"/);
    const listed = /closest parameters: ([^;]*);/.exec(e.hint ?? '')![1].split(', ');
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.length).toBeLessThanOrEqual(5);
    expect(listed.every((p) => !p.startsWith('inputOutput'))).toBe(true);
    expect(messageOf(() => checkParameterPath('fund.levrage', s)).message).toMatch(/did you mean "fund.leverage"/);
  });

  it('ranks by edits and shared words', () => {
    expect(closestPaths('policy.fund', ['policy.fundShare', 'fund.leverage', 'time.steps'], 2)).toEqual(['policy.fundShare', 'fund.leverage']);
    expect(closestPaths('x', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toHaveLength(5);
  });
});

describe('the parameter catalog', () => {
  it('lists every sweepable parameter with type, unit, default, range and description', async () => {
    const s = await cooperate();
    const entries = parameterCatalog(s);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('fund.leverage')).toMatchObject({ type: 'number', unit: 'ratio', default: (s.fund as { leverage: number }).leverage, range: '0 to 20' });
    expect(byPath.get('sectors.electronics.elasticity')).toMatchObject({ type: 'number', range: 'above 1 to 20' });
    expect(byPath.get('governments.sichuan.strategy')?.default).toBe('cooperate');
    expect(byPath.get('fund.start')?.type).toBe('integer or null');
    // Every listed path is one a sweep accepts; no description, events or sub-fields of a strategy given by name.
    for (const e of entries) expect(() => checkParameterPath(e.path, s), e.path).not.toThrow();
    expect(entries.some((e) => /^(events|name|title|description|sweep)(\.|$)/.test(e.path))).toBe(false);
    expect(byPath.has('governments.sichuan.strategy.rule')).toBe(false);
    expect(byPath.has('sectors.electronics.id') || byPath.has('fund.name')).toBe(false);
    expect(entries.every((e) => e.description !== '')).toBe(true);
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });

  it('finds the parameters matching every term in path or description', async () => {
    const entries = parameterCatalog(await cooperate());
    const fund = searchParameters(entries, ['fund']);
    expect(fund.map((e) => e.path)).toContain('fund.leverage');
    expect(fund.map((e) => e.path)).toContain('policy.fundShare');
    const both = searchParameters(entries, ['fund', 'share']);
    expect(both.length).toBeLessThan(fund.length);
    expect(both.every((e) => /fund/i.test(e.path + e.description) && /share/i.test(e.path + e.description))).toBe(true);
    expect(searchParameters(entries, ['ELECTRONICS', 'demandgrowth']).map((e) => e.path)).toEqual(['sectors.electronics.demandGrowth']);
    expect(searchParameters(entries, ['no-such-word'])).toEqual([]);
  });
});
