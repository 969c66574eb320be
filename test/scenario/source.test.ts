import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOURCE_BYTES, parseScenarioText, readScenarioFile } from '../../src/scenario/source.js';
import { MAX_ENTRIES } from '../../src/scenario/parse.js';
import { loadScenario } from '../../src/scenario/load.js';
import { FIXTURES, ROOT, tempDir, userError } from './helpers.js';

// The YAML parser, counted: limits that must hold before parsing are shown by its not being called (not by a clock).
const parser = vi.hoisted(() => ({ calls: [] as unknown[][] }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  const parseDocument = (...args: Parameters<typeof yaml.parseDocument>) => (parser.calls.push(args), yaml.parseDocument(...args));
  return { ...yaml, parseDocument };
});
// Files read whole, recorded: the size limit must hold before a file is read.
const reads = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => (reads.files.push(String(args[0])), fs.readFileSync(...args))) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});
beforeEach(() => {
  parser.calls.length = 0;
  reads.files.length = 0;
});

const dir = tempDir();
const write = (name: string, content: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('reading scenario text safely', () => {
  it('reports an empty file (only whitespace and comments)', async () => {
    const e = await userError(() => loadScenario('empty', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toContain('empty.yaml');
    expect(e.message).toMatch(/the file is empty/);
    expect((await userError(() => parseScenarioText('  \n\n', 'blank.yaml'))).message).toBe('blank.yaml: ' + e.detail);
  });

  it('reports a binary file (NUL bytes)', async () => {
    const file = write('binary.yaml', new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x00, 0xff, 0x10]));
    const e = await userError(() => readScenarioFile(file, 'binary.yaml'));
    expect(e.message).toBe('binary.yaml: not a text file (it contains NUL bytes)');
    expect(e.exitCode).toBe(2);
  });

  it('reports invalid UTF-8', async () => {
    const file = write('latin1.yaml', new Uint8Array([...Buffer.from('name: caf'), 0xe9, 0x0a]));
    expect((await userError(() => loadScenario(file))).message).toMatch(/latin1\.yaml: not a UTF-8 text file \(it is not valid UTF-8\); scenario files must be saved as UTF-8/);
  });

  it.each([
    ['with a BOM, little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le')])],
    ['with a BOM, big-endian', Buffer.from([0xfe, 0xff, 0, 0x6e, 0, 0x61, 0, 0x6d, 0, 0x65])],
    ['without a BOM', Buffer.from('name: x\nseed: 1\n', 'utf16le')],
  ])('refuses UTF-16 text (%s), saying it must be UTF-8', async (_, bytes) => {
    const file = write('utf16.yaml', bytes);
    expect((await userError(() => readScenarioFile(file, 'utf16.yaml'))).message).toBe('utf16.yaml: not a UTF-8 text file (it is encoded as UTF-16); scenario files must be saved as UTF-8');
  });

  it('reads a UTF-8 BOM, CRLF line endings and -0 like any other file', () => {
    const file = write('odd.yaml', '\uFEFFname: odd\r\nseed: -0\r\ntitle: "a\r\n  b"\r\n');
    const source = readScenarioFile(file, 'odd.yaml');
    expect(source.value).toEqual({ name: 'odd', seed: -0, title: 'a b' });
    expect(source.locate(['seed'])).toEqual({ line: 2, column: 1 });
  });

  it('refuses a file over 2 MB before reading it', async () => {
    const file = write('huge.yaml', `name: huge\ndescription: "${'x'.repeat(MAX_SOURCE_BYTES)}"\n`);
    expect((await userError(() => readScenarioFile(file, 'huge.yaml'))).message).toMatch(/^huge\.yaml: the file is too large \(2\.0 MB; .*limited to 2 MB\)/);
    expect(reads.files).toEqual([]);
    // The same check reads an ordinary file.
    readScenarioFile(write('small.yaml', 'name: small\n'), 'small.yaml');
    expect(reads.files).toEqual([join(dir, 'small.yaml')]);
  });

  it.each([
    ['100000 unclosed [', '['.repeat(100_000), 1],
    ['balanced flow brackets', `name: x\nsectors: ${'['.repeat(70)}1${']'.repeat(70)}\n`, 2],
    ['nested flow mappings', `name: x\ninitial: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`, 2],
    ['compact block sequences', `name: x\nsectors:\n  ${'- '.repeat(200)}x\n`, 3],
    ['indented mappings', `name: x\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`, 66],
  ])('reports nesting that is too deep (%s) with its line, before the (recursive) parser runs', async (_, text, line) => {
    const file = write('deep.yaml', text);
    const e = await userError(() => loadScenario(file));
    expect(e.message).toMatch(new RegExp(`deep\\.yaml:${line}:\\d+: nested too deeply \\(more than 64 levels`));
    expect(parser.calls).toEqual([]);
  });

  it('still accepts ordinary nesting, brackets inside strings and comments', () => {
    const text = [
      'name: "[[[[ not a list"',
      "title: 'it''s [fine'",
      'description: see [1] and {2} # [[[[[[ comment',
      'notes: |',
      '  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      `deep: ${'['.repeat(30)}${']'.repeat(30)}`,
    ].join('\n');
    expect(parseScenarioText(text, 'ok.yaml').value.notes).toMatch(/^\[+\n$/);
  });

  it('checks nesting of the parsed structure exactly (aliases cannot hide depth)', async () => {
    const text = `name: x\nbase: &a ${'['.repeat(40)}1${']'.repeat(40)}\nmore: ${'['.repeat(30)}*a${']'.repeat(30)}\n`;
    // 31 + 40 levels only through the alias; the location is inside the anchored value it expands to.
    expect((await userError(() => parseScenarioText(text, 'alias-deep.yaml'))).message).toMatch(/^alias-deep\.yaml:2:\d+: nested too deeply/);
  });

  it('refuses an alias inside its own anchor (a cyclic value)', async () => {
    expect((await userError(() => parseScenarioText('name: x\nloop: &x { again: *x }\n', 'loop.yaml'))).message).toMatch(/^loop\.yaml:2:\d+: a YAML alias refers to a value that contains it/);
  });

  it('refuses the billion-laughs alias bomb at the alias-expansion limit', async () => {
    const e = await userError(() => loadScenario('alias-bomb', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toContain('alias-bomb.yaml:4:8:'); // the first alias
    expect(e.message).toMatch(/too many YAML alias expansions \(more than 100\)/);
  });

  it('allows a few aliases', () => {
    expect(parseScenarioText('name: x\na: &s { x: 1 }\nb: *s\n', 'a.yaml').value.b).toEqual({ x: 1 });
  });

  it('reports a YAML syntax error with the line and column from the parser', async () => {
    const e = await userError(() => loadScenario('syntax-error', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toMatch(/syntax-error\.yaml:3:1: YAML syntax error: .*end with a \]/);
    expect(e.location).toEqual({ line: 3, column: 1 });
  });

  it('reports duplicate keys (naming the first) and a top level that is not a mapping', async () => {
    expect((await userError(() => parseScenarioText('name: a\nseed: 1\nname: b\n', 'dup.yaml'))).message).toBe(
      'dup.yaml:3:1: YAML syntax error: Map keys must be unique; "name" is already a key of this mapping (line 1:1)',
    );
    // 1 and "1" are the same key of the parsed object.
    expect((await userError(() => parseScenarioText('a: { 1: x, "1": y }\n', 'dup.yaml'))).message).toMatch(/^dup\.yaml:1:12: .*"1" is already a key/);
    expect((await userError(() => parseScenarioText('? [a, b]\n: 1\n', 'complex.yaml'))).message).toBe('complex.yaml:1:3: a key must be a plain name, not a list, mapping or alias');
    expect((await userError(() => parseScenarioText('- a\n- b\n', 'list.yaml'))).message).toMatch(/^list\.yaml:1:1: the top level must be a mapping .*not a list/);
  });

  it('parses JSON with the same parser, so JSON errors have lines too', async () => {
    expect((await userError(() => parseScenarioText('{\n  "name": "x",\n  "seed": [1,\n}\n', 'bad.json'))).message).toMatch(/^bad\.json:4:1: YAML syntax error/);
  });
});

describe('entry limit and duplicate keys in linear time', () => {
  const keys = (n: number, flow: boolean) => {
    const entries = Array.from({ length: n }, (_, i) => `k${i.toString(36)}: 0`);
    return flow ? `name: x\nx: {${entries.join(', ')}}\n` : `name: x\nx:\n${entries.map((e) => `  ${e}`).join('\n')}\n`;
  };

  it.each([true, false])('refuses 180 000 keys before parsing (flow style: %s)', async (flow) => {
    const e = await userError(() => parseScenarioText(keys(180_000, flow), 'keys.yaml'));
    expect(e.message).toMatch(new RegExp(`^keys\\.yaml:\\d+:\\d+: too many keys and list items \\(scenario files are limited to ${MAX_ENTRIES}\\)`));
    // The parser takes ~10 us a key and once took about ten minutes on such a file: it must not see it.
    expect(parser.calls).toEqual([]);
  });

  it('parses a file just under the limit, and finds a duplicate at its end with its own check', async () => {
    const text = keys(MAX_ENTRIES - 10, true);
    expect(Object.keys(parseScenarioText(text, 'many.yaml').value.x as object)).toHaveLength(MAX_ENTRIES - 10);
    const e = await userError(() => parseScenarioText(text.replace('}', ', k0: 1}'), 'many.yaml'));
    expect(e.message).toMatch(/^many\.yaml:2:\d+: YAML syntax error: Map keys must be unique; "k0" is already a key of this mapping \(line 2:5\)/);
    // The parser's own duplicate-key check is quadratic in the keys of a mapping: it is off, so the message above is the linear one's.
    expect(parser.calls).toHaveLength(2);
    for (const [, options] of parser.calls) expect(options).toMatchObject({ uniqueKeys: false });
  });
});

describe('YAML tags', () => {
  it.each([
    ['a: !!binary aGVsbG8=', '!!binary', 4],
    ['a: !!set {x}', '!!set', 4],
    ['a: !!omap [b: 1]', '!!omap', 4],
    ['a: !!timestamp 2001-01-01', '!!timestamp', 4],
    ['a: !foo bar', '!foo', 4],
    ['a: &x !!python/object:os.system {b: 1}', '!!python/object:os.system', 7],
    ['a: [1, !custom 2]', '!custom', 8],
  ])('refuses %s where the tag is written', async (text, tag, column) => {
    expect((await userError(() => parseScenarioText(`name: x\n${text}\n`, 't.yaml'))).message).toBe(`t.yaml:2:${column}: tag ${tag} is not supported in scenario files (only plain values, lists and mappings)`);
  });

  it('accepts the plain core tags, and refuses one on a value it cannot describe', async () => {
    expect(parseScenarioText('name: !!str 12\nseed: !!int 3\nx: !!float 1.5\ny: !!map {}\nz: !!seq []\nb: !!bool true\nn: !!null ~\n', 'ok.yaml').value).toEqual({ name: '12', seed: 3, x: 1.5, y: {}, z: [], b: true, n: null });
    expect((await userError(() => parseScenarioText('name: x\nseed: !!int many\n', 't.yaml'))).message).toBe('t.yaml:2:7: the value cannot be read as !!int');
  });
});

describe('locate', () => {
  const source = parseScenarioText(
    ['name: x', 'governments:', '  sichuan:', '    taxRate: 3', '  chongqing: { strategy: compete }', 'regions:', '  - id: a', '  - { id: b, name: B }'].join('\n'),
    'loc.yaml',
  );

  it('points at the key of a mapping entry and at list items', () => {
    expect(source.locate(['governments', 'sichuan', 'taxRate'])).toEqual({ line: 4, column: 5 });
    expect(source.locate(['governments', 'chongqing', 'strategy'])).toEqual({ line: 5, column: 16 });
    expect(source.locate(['regions', 1])).toEqual({ line: 8, column: 5 });
    expect(source.locate(['regions', 1, 'name'])).toEqual({ line: 8, column: 14 });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(source.locate(['governments', 'sichuan', 'taxMin'])).toEqual({ line: 3, column: 3 });
    expect(source.locate(['regions', 0, 'name'])).toEqual({ line: 7, column: 5 });
    expect(source.locate(['nothing', 'here'])).toEqual({ line: 1, column: 1 });
    expect(source.resolve(['governments', 'sichuan', 'taxMin']).depth).toBe(2);
  });
});
