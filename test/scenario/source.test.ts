import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, parseScenarioText, readScenarioFile } from '../../src/scenario/source.js';
import { loadScenario } from '../../src/scenario/load.js';
import { FIXTURES, ROOT, tempDir, userError } from './helpers.js';

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
    expect((await userError(() => loadScenario(file))).message).toMatch(/latin1\.yaml: not a text file \(it is not valid UTF-8\)/);
  });

  it('refuses a file over 2 MB before reading it', async () => {
    const file = write('huge.yaml', `name: huge\ndescription: "${'x'.repeat(MAX_SOURCE_BYTES)}"\n`);
    expect((await userError(() => readScenarioFile(file, 'huge.yaml'))).message).toMatch(/^huge\.yaml: the file is too large \(2\.0 MB; .*limited to 2 MB\)/);
  });

  it.each([
    ['100000 unclosed [', '['.repeat(100_000), 1],
    ['balanced flow brackets', `name: x\nsectors: ${'['.repeat(70)}1${']'.repeat(70)}\n`, 2],
    ['nested flow mappings', `name: x\ninitial: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`, 2],
    ['compact block sequences', `name: x\nsectors:\n  ${'- '.repeat(200)}x\n`, 3],
    ['indented mappings', `name: x\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`, 66],
  ])('reports nesting that is too deep (%s) with its line', async (_, text, line) => {
    const t0 = Date.now();
    const file = write('deep.yaml', text);
    const e = await userError(() => loadScenario(file));
    expect(e.message).toMatch(new RegExp(`deep\\.yaml:${line}:\\d+: nested too deeply \\(more than 64 levels`));
    expect(Date.now() - t0).toBeLessThan(5000);
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

  it('refuses the billion-laughs alias bomb', async () => {
    const t0 = Date.now();
    const e = await userError(() => loadScenario('alias-bomb', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toContain('alias-bomb.yaml:4:8:'); // the first alias
    expect(e.message).toMatch(/too many YAML alias expansions \(more than 100\)/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('allows a few aliases', () => {
    expect(parseScenarioText('name: x\na: &s { x: 1 }\nb: *s\n', 'a.yaml').value.b).toEqual({ x: 1 });
  });

  it('reports a YAML syntax error with the line and column from the parser', async () => {
    const e = await userError(() => loadScenario('syntax-error', { scenariosDir: FIXTURES, cwd: ROOT }));
    expect(e.message).toMatch(/syntax-error\.yaml:3:1: YAML syntax error: .*end with a \]/);
    expect(e.location).toEqual({ line: 3, column: 1 });
  });

  it('reports duplicate keys and a top level that is not a mapping', async () => {
    expect((await userError(() => parseScenarioText('name: a\nseed: 1\nname: b\n', 'dup.yaml'))).message).toMatch(/^dup\.yaml:3:1: YAML syntax error: Map keys must be unique/);
    expect((await userError(() => parseScenarioText('- a\n- b\n', 'list.yaml'))).message).toMatch(/^list\.yaml:1:1: the top level must be a mapping .*not a list/);
  });

  it('parses JSON with the same parser, so JSON errors have lines too', async () => {
    expect((await userError(() => parseScenarioText('{\n  "name": "x",\n  "seed": [1,\n}\n', 'bad.json'))).message).toMatch(/^bad\.json:4:1: YAML syntax error/);
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
