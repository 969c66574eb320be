import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/scenario/errors.js';
import { deepMerge, findUnsafeKey, getPath, setPath } from '../../src/scenario/merge.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseScenarioText } from '../../src/scenario/source.js';
import { FIXTURES, ROOT, userError } from './helpers.js';

describe('deepMerge', () => {
  it('merges mappings recursively; lists and scalars replace', () => {
    const base = { a: 1, nested: { x: 1, y: [1, 2, 3], deep: { keep: true } }, list: [{ id: 'a' }], s: 'base' };
    const override = { nested: { y: [9], deep: { add: 1 } }, list: [{ id: 'b' }], s: 'child', extra: null };
    expect(deepMerge(base, override)).toEqual({
      a: 1,
      nested: { x: 1, y: [9], deep: { keep: true, add: 1 } },
      list: [{ id: 'b' }],
      s: 'child',
      extra: null,
    });
  });

  it('lets a scalar replace a mapping and a mapping replace a scalar', () => {
    expect(deepMerge({ a: { x: 1 } }, { a: 5 })).toEqual({ a: 5 });
    expect(deepMerge({ a: 5 }, { a: { x: 1 } })).toEqual({ a: { x: 1 } });
  });

  it('ignores undefined values in the override', () => {
    expect(deepMerge({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });

  it('never mutates or shares its inputs', () => {
    const base = { nested: { x: 1 }, list: [1] };
    const override = { nested: { y: 2 }, other: { z: [1] } };
    const snapshot = JSON.stringify([base, override]);
    const merged = deepMerge<Record<string, any>>(base, override);
    merged.nested.x = 99;
    merged.list.push(2);
    merged.other.z.push(2);
    expect(JSON.stringify([base, override])).toBe(snapshot);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere, naming its path', (key) => {
    const bad = JSON.parse(`{ "a": { "list": [ { "${key}": { "polluted": true } } ] } }`);
    for (const [base, override] of [
      [bad, {}],
      [{}, bad],
    ]) {
      const error = (() => {
        try {
          deepMerge(base, override);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).fieldPath).toBe(`a.list.0.${key}`);
      expect((error as UserError).message).toContain(`"${key}"`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('terminates on cyclic input', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(findUnsafeKey(cyclic)).toBeUndefined();
  });

  it('finds a non-enumerable own __proto__ key too', () => {
    const obj = {};
    Object.defineProperty(obj, '__proto__', { value: { polluted: true }, enumerable: false });
    expect(findUnsafeKey({ x: obj })).toEqual(['x', '__proto__']);
  });
});

describe('getPath / setPath', () => {
  const data = { governments: { sichuan: { taxRate: 0.25 } }, regions: [{ id: 'a' }, { id: 'b' }] };

  it('reads own properties by dotted path or segments', () => {
    expect(getPath(data, 'governments.sichuan.taxRate')).toBe(0.25);
    expect(getPath(data, 'regions.1.id')).toBe('b');
    expect(getPath(data, ['regions', 0, 'id'])).toBe('a');
    expect(getPath(data, 'governments.chongqing.taxRate')).toBeUndefined();
    expect(getPath(data, 'governments.toString')).toBeUndefined(); // inherited, not own
  });

  it('sets by copy-on-write without touching the input', () => {
    const snapshot = JSON.stringify(data);
    const next = setPath(data, 'governments.sichuan.taxRate', 0.1);
    expect(getPath(next, 'governments.sichuan.taxRate')).toBe(0.1);
    expect(JSON.stringify(data)).toBe(snapshot);
    expect(next.regions).toBe(data.regions); // untouched branches are shared
    expect(getPath(setPath(data, 'regions.1.id', 'c'), 'regions.1.id')).toBe('c');
    expect(getPath(setPath(data, 'fund.annual.sichuan', 5), 'fund.annual.sichuan')).toBe(5);
  });

  it('rejects forbidden segments and impossible steps', async () => {
    for (const path of ['__proto__.polluted', 'a.constructor.prototype.polluted', 'prototype']) {
      expect((await userError(() => setPath({}, path, true))).message).toMatch(/is not allowed/);
      expect(() => getPath({}, path)).toThrow(UserError);
    }
    expect((await userError(() => setPath(data, 'governments.sichuan.taxRate.x', 1))).fieldPath).toBe('governments.sichuan.taxRate.x');
    expect((await userError(() => setPath(data, 'regions.5.id', 1))).message).toMatch(/index from 0 to 2/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('prototype pollution through scenario files', () => {
  it('rejects a __proto__ key in YAML, with file, line and path', async () => {
    const e = await userError(() => loadScenario('proto', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toContain('proto.yaml:5:5: governments.sichuan.__proto__:');
    expect(e.message).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects constructor/prototype keys in JSON, with line numbers', async () => {
    const e = await userError(() => loadScenario('constructor', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toContain('constructor.json:5:5: initial.constructor:');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects __proto__ in a file that is parsed on its own', async () => {
    const source = parseScenarioText('{"__proto__": {"polluted": 1}, "name": "x"}', 'p.json');
    expect(Object.getOwnPropertyNames(source.value)).toContain('__proto__');
    expect(Object.getPrototypeOf(source.value)).toBe(Object.prototype); // the parser kept it as data
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
