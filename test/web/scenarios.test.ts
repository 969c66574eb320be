/**
 * The explorer's file loading (run in its Web Worker): the CLI's parser and
 * limits, `extends` from the shipped scenarios, and problems reported as
 * `file:line:column: field: message`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText, SHIPPED_SCENARIOS } from '../../src/web/scenarios.js';
import { ROOT } from '../helpers/cli.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/scenarios', name)));
const library = { ...SHIPPED_SCENARIOS };

describe('loading a scenario file in the explorer', () => {
  it('returns the parsed value and name of a file extending a shipped scenario', () => {
    const { value, name } = loadScenarioFile(bytes('extends: cooperate\nname: mine\nfriction: { border: 0.11 }\n'), 'mine.yaml', library);
    expect(name).toBe('mine');
    expect(value).toEqual({ extends: 'cooperate', name: 'mine', friction: { border: 0.11 } });
    // The library keeps the value; the page builds from it without parsing text again.
    expect(loadScenarioText(value, 'mine', { ...library, mine: value }).config.friction).toBeDefined();
  });

  it('locates schema problems in the file', () => {
    expect(() => loadScenarioFile(bytes('extends: cooperate\nname: mine\nfriction:\n  border: -3\n'), 'mine.yaml', library)).toThrow(/^mine\.yaml:4:3: friction\.border: /);
  });

  it('refuses what the CLI refuses, with the line and column', () => {
    expect(() => loadScenarioFile(fixture('alias-bomb.yaml'), 'alias-bomb.yaml', library)).toThrow(/^alias-bomb\.yaml:\d+:\d+: too many YAML alias expansions/);
    expect(() => loadScenarioFile(bytes(`name: x\na: ${'['.repeat(100)}${']'.repeat(100)}\n`), 'deep.yaml', library)).toThrow(/^deep\.yaml:2:\d+: nested too deeply/);
    expect(() => loadScenarioFile(bytes('name: x\nfund:\n  __proto__: { a: 1 }\n'), 'proto.yaml', library)).toThrow(/^proto\.yaml:3:3: fund\.__proto__: the key "__proto__" is not allowed/);
    expect(() => loadScenarioFile(new Uint8Array(3 * 1024 * 1024), 'big.yaml', library)).toThrow(/^big\.yaml: the file is too large/);
    expect(() => loadScenarioFile(bytes('extends: nowhere\nname: x\n'), 'orphan.yaml', library)).toThrow(/^orphan\.yaml:1:1: extends: no such parent scenario "nowhere"/);
  });
});
