import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUserError, ScenarioValidationError, UserError } from '../../src/scenario/errors.js';
import { listScenarios, loadScenario, loadScenarioFromText, resolveScenarioPath } from '../../src/scenario/load.js';
import { FIXTURES, ROOT, SHIPPED, tempDir, userError } from './helpers.js';

const fixture = (name: string) => loadScenario(name, { scenariosDir: FIXTURES, cwd: ROOT });
const fixtureError = (name: string) => userError(() => fixture(name));

describe('shipped scenarios', () => {
  const names = listScenarios();

  it('lists the scenarios folder of the package (not schema.json)', () => {
    expect(names).toEqual(expect.arrayContaining(['baseline', 'compete', 'cooperate', 'exploited']));
    expect(names).not.toContain('schema');
  });

  it.each(names)('%s loads and normalizes', async (name) => {
    const loaded = await loadScenario(name);
    expect(loaded.file.startsWith(SHIPPED)).toBe(true);
    expect(loaded.chain[0]).toBe(loaded.file);
    expect(loaded.raw).not.toHaveProperty('extends');
    expect(loaded.config.regions.length).toBeGreaterThan(0);
    expect(loaded.config.steps).toBe(loaded.scenario.time.steps);
  });

  it('follows extends chains (exploited -> cooperate -> baseline)', async () => {
    const loaded = await loadScenario('exploited');
    expect(loaded.chain.map((f) => f.slice(SHIPPED.length))).toEqual(['exploited.yaml', 'cooperate.yaml', 'baseline.yaml']);
    expect(loaded.scenario.name).toBe('exploited');
    expect(loaded.scenario.fund.enabled).toBe(true); // from cooperate
    expect(loaded.scenario.sectors).toHaveLength(12); // from baseline
    expect(loaded.config.governments.map((g) => g.rule)).toMatchObject([{ strategy: 'cooperate' }, { strategy: 'compete' }]);
  });
});

describe('finding scenario files', () => {
  it('accepts a bare name, a name with extension, or a path', () => {
    const file = join(FIXTURES, 'child-override.yaml');
    expect(resolveScenarioPath('child-override', { scenariosDir: FIXTURES, cwd: ROOT })).toBe(file);
    expect(resolveScenarioPath('child-override.yaml', { cwd: FIXTURES })).toBe(file);
    expect(resolveScenarioPath(file)).toBe(file);
    expect(resolveScenarioPath('scenarios/baseline.yaml', { cwd: join(SHIPPED, '..') })).toBe(join(SHIPPED, 'baseline.yaml'));
  });

  it('looks in ./scenarios of the working directory first, then in the package', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'scenarios'));
    copyFileSync(join(SHIPPED, 'baseline.yaml'), join(cwd, 'scenarios', 'baseline.yaml'));
    writeFileSync(join(cwd, 'scenarios', 'mine.yaml'), 'extends: baseline\nname: mine\n');
    expect(resolveScenarioPath('baseline', { cwd })).toBe(join(cwd, 'scenarios', 'baseline.yaml'));
    expect(resolveScenarioPath('compete', { cwd })).toBe(join(SHIPPED, 'compete.yaml'));
    const mine = await loadScenario('mine', { cwd });
    expect(mine.chain).toEqual([join(cwd, 'scenarios', 'mine.yaml'), join(cwd, 'scenarios', 'baseline.yaml')]);
    expect(mine.file).toBe(join(cwd, 'scenarios', 'mine.yaml'));
  });

  it('reports an unknown name with a suggestion and the available names', async () => {
    const e = await userError(() => loadScenario('basline'));
    expect(e.message).toMatch(/^no such scenario file "basline"/);
    expect(e.hint).toMatch(/did you mean "baseline"\?/);
    expect(e.hint).toMatch(/available scenarios in .*scenarios.*: baseline, compete, cooperate/);
    expect(formatUserError(e)).toContain('hint: did you mean "baseline"?');
  });

  it('reports a missing path, listing the scenarios in its folder', async () => {
    const e = await userError(() => loadScenario(join(FIXTURES, 'child-overide.yaml')));
    expect(e.message).toContain('child-overide.yaml');
    expect(e.hint).toMatch(/did you mean "child-override"\?/);
    expect(e.hint).not.toMatch(/_base/); // files starting with _ are partial scenarios, not listed
  });

  it('listScenarios skips schema.json and _ files', () => {
    const dir = tempDir();
    for (const f of ['a.yaml', 'b.yml', 'c.json', 'schema.json', '_partial.yaml', 'notes.txt']) writeFileSync(join(dir, f), 'name: x\n');
    expect(listScenarios(dir)).toEqual(['a', 'b', 'c']);
  });
});

describe('extends', () => {
  it('merges parent then child: the child wins, untouched parent fields stay', async () => {
    const loaded = await fixture('child-override');
    expect(loaded.scenario.name).toBe('child');
    expect(loaded.scenario.governments.sichuan).toMatchObject({ taxRate: 0.2, strategy: 'invest' });
    expect(loaded.scenario.governments.chongqing.strategy).toBe('compete');
    expect(loaded.raw).not.toHaveProperty('extends');
    expect(loaded.chain).toEqual([join(FIXTURES, 'child-override.yaml'), join(FIXTURES, '_base.yaml')]);
  });

  it('points an error in a field set by the parent at the parent file and line', async () => {
    const e = await fixtureError('parent-error');
    expect(e.message).toBe('test/fixtures/scenarios/_bad-base.yaml:8:5: governments.sichuan.taxRate: Too big: expected number to be <=1 (got 1.5)');
  });

  it('points an error in a field the child overrides at the child', async () => {
    expect((await fixtureError('child-error')).message).toMatch(/^test\/fixtures\/scenarios\/child-error\.yaml:6:5: governments\.sichuan\.taxRate: Too small/);
  });

  it('reports a cycle with the chain', async () => {
    const e = await fixtureError('cycle-a');
    expect(e.message).toContain('cycle-b.yaml:2:1: extends: extends cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml');
  });

  it('reports a missing parent at the extends line of the child', async () => {
    const e = await fixtureError('missing-parent');
    expect(e.message).toMatch(/missing-parent\.yaml:3:1: extends: no such parent scenario "_bsae"/);
    expect(e.hint).toMatch(/did you mean "_base"\?/);
  });

  it('resolves extends from text in scenariosDir, and refuses it without a folder', async () => {
    const text = 'extends: _base\nname: from-text\n';
    expect(loadScenarioFromText(text, { scenariosDir: FIXTURES, cwd: ROOT }).scenario.name).toBe('from-text');
    expect(loadScenarioFromText(text, { file: join(FIXTURES, 'virtual.yaml') }).chain[1]).toBe(join(FIXTURES, '_base.yaml'));
    const e = await userError(() => loadScenarioFromText(text, { file: 'pasted.yaml' }));
    expect(e.message).toMatch(/^pasted\.yaml:1:1: extends: no such parent scenario "_base"/);
    expect((await userError(() => loadScenarioFromText(text))).message).toMatch(/^<scenario>:1:1: extends: cannot resolve extends "_base" here/);
  });
});

describe('messages for invalid scenarios', () => {
  // [fixture, expected text]: each must name the file, the line:column and the dotted field path.
  const cases: [string, string | RegExp][] = [
    ['wrong-type', 'wrong-type.yaml:3:1: seed: expected a number, got "abc"'],
    ['wrong-type', 'wrong-type.yaml:5:3: time.steps: expected a number, got "ten"'],
    ['out-of-range', 'out-of-range.yaml:6:5: governments.sichuan.taxRate: Too big: expected number to be <=1 (got 3)'],
    ['out-of-range.json', 'out-of-range.json:6:7: governments.chongqing.taxMin: Too big: expected number to be <=1 (got 2)'],
    ['unknown-sector', /unknown-sector\.yaml:7:32: regions\.0\.sectorShares\.cars: unknown sector "cars"\..*Valid: food, autos/],
    ['unknown-region', /unknown-region\.yaml:4:3: governments\.sichaun: unknown region "sichaun"\. \(did you mean "sichuan"\?\)/],
    ['unknown-strategy', 'unknown-strategy.yaml:5:5: governments.chongqing.strategy: invalid value "cooperat" (did you mean "cooperate"?); expected one of: invest, compete, cooperate'],
    ['unknown-rule', /unknown-rule\.yaml:6:7: governments\.chongqing\.strategy\.rule: unknown rule "tit-for-tatt" \(did you mean "tit-for-tat"\?\); valid rules: fixed, tit-for-tat, grim/],
    ['unknown-key', 'unknown-key.yaml:5:5: governments.sichuan.taxrate: unknown key "taxrate" (did you mean "taxRate"?); valid keys here: strategy, objective, taxRate,'],
    ['shares-sum', 'shares-sum.yaml:7:5: regions.0.sectorShares: sector shares sum to 0.8, expected 1'],
    ['event-outside', 'event-outside.yaml:6:5: events.1.year: year 2100 is outside the horizon 2020-2029'],
  ];

  it.each(cases)('%s: %s', async (name, expected) => {
    const e = await fixtureError(name);
    expect(e).toBeInstanceOf(ScenarioValidationError);
    expect(e.exitCode).toBe(2);
    if (typeof expected === 'string') expect(e.message).toContain(`test/fixtures/scenarios/${expected}`);
    else expect(e.message).toMatch(expected);
  });

  it('lists several issues one per line, in file order', async () => {
    const e = (await fixtureError('wrong-type')) as ScenarioValidationError;
    expect(e.issues.map((i) => i.fieldPath)).toEqual(['seed', 'time.steps']);
    expect(formatUserError(e).split('\n')).toHaveLength(2);
  });

  it('explains union mismatches, missing fields and the top level', async () => {
    const base = readFileSync(join(FIXTURES, '_base.yaml'), 'utf8');
    const text = `${base.replace('name: base\n', '')}fund:\n  reinvestment: lots\n`;
    const e = (await userError(() => loadScenarioFromText(text, { file: 'u.yaml' }))) as ScenarioValidationError;
    expect(e.message).toContain('u.yaml:3:1: name: required field is missing (expected a string)');
    expect(e.message).toMatch(/u\.yaml:\d+:3: fund\.reinvestment: expected a number or a mapping, got "lots"/);
  });

  it('formats non-user errors as their message', () => {
    expect(formatUserError(new Error('boom'))).toBe('boom');
    expect(formatUserError('text')).toBe('text');
    expect(new UserError('bad', { file: 'f.yaml', location: { line: 2, column: 3 }, fieldPath: 'a.b' }).message).toBe('f.yaml:2:3: a.b: bad');
  });
});

describe('hostile input (issue 12)', () => {
  const base = readFileSync(join(FIXTURES, '_base.yaml'), 'utf8');
  const load = (extra: string, text = base) => loadScenarioFromText(text + extra, { file: 'h.yaml' });
  const issue = async (extra: string, text = base) => (await userError(() => load(extra, text))).message;

  it.each([
    ['name', base.replace('name: base', 'name: ../../x'), 'h.yaml:3:1: name: expected a name of at most 64 letters, digits, "-" and "_"'],
    ['name', base.replace('name: base', 'name: "my scenario"'), 'h.yaml:3:1: name: expected a name of at most 64 letters'],
    ['name', base.replace('name: base', `name: ${'a'.repeat(65)}`), 'h.yaml:3:1: name: expected a name of at most 64 letters'],
    ['fund.name', base + 'fund: { name: "fund/../../x" }\n', 'fund.name: expected a name of at most 64 letters'],
    ['regions.0.id', base.replace('id: sichuan', 'id: ../sichuan'), 'regions.0.id: expected a lower-case identifier'],
    ['sectors.0.id', base.replace('id: food', 'id: Food Processing'), 'sectors.0.id: expected a lower-case identifier'],
    ['target.metric', base + 'target: { metric: "../x", points: [{ year: 2020, value: 1 }] }\n', 'target.metric: expected a name of at most 64 letters'],
  ])('refuses a %s that is not a slug', async (_, text, expected) => {
    expect(await issue('', text)).toContain(expected);
  });

  it.each([
    ['initial: { zoneCapital: 1e308 }\n', 'initial.zoneCapital: Too big: expected number to be <=10000000 (got 1e+308)'],
    ['initial: { firms: 1e9 }\n', 'initial.firms: Too big'],
    ['initial: { capitalDispersion: .inf }\n', 'initial.capitalDispersion: expected a number, got Infinity'],
    ['initial: { capitalDispersion: .nan }\n', 'initial.capitalDispersion: expected a number, got NaN'],
    ['events: [{ year: 2021, label: x, add: { friction.border: 1e308 } }]\n', 'events.0.add["friction.border"]: Too big'],
  ])('refuses %s', async (extra, expected) => {
    expect(await issue(extra)).toContain(expected);
  });

  it.each([
    ['taxRate: 0.25', 'taxRate: 0.25\n    transfers: 1e308', 'h.yaml:21:5: governments.sichuan.transfers: Too big: expected number to be <=10000000 (got 1e+308)'],
    ['{ id: food, name: Food }', '{ id: food, name: Food, demandGrowth: 1e308 }', 'h.yaml:6:29: sectors.0.demandGrowth: Too big: expected number to be <=1'],
    ['{ id: autos, name: Automobiles }', '{ id: autos, name: Automobiles, demandGrowth: -1e308 }', 'h.yaml:7:37: sectors.1.demandGrowth: Too small: expected number to be >=-0.5'],
    ['start: 2020', 'start: -1e308', 'h.yaml:4:9: time.start: Too small'],
  ])('refuses %s changed to %s', async (from, to, expected) => {
    expect(await issue('', base.replace(from, to))).toContain(expected);
  });

  it('states every bound in the field description (and so in schema.json)', () => {
    const schema = JSON.parse(readFileSync(join(SHIPPED, 'schema.json'), 'utf8'));
    const growth = schema.properties.sectors.items.properties.demandGrowth;
    expect(growth).toMatchObject({ minimum: -0.5, maximum: 1, default: 0.06 });
    expect(growth.description).toContain('Range: -0.5 to 1.');
    expect(schema.properties.initial.properties.zoneCapital.description).toContain('Range: above 0 to 1e7.');
  });

  it('reports duplicate ids once, naming both places, without follow-up errors', async () => {
    const text = base.replace('id: chongqing', 'id: sichuan');
    const e = (await userError(() => load('', text))) as ScenarioValidationError;
    expect(e.issues).toHaveLength(1);
    expect(e.message).toBe('h.yaml:13:5: regions.1.id: duplicate region id "sichuan" (also at h.yaml:9:5, regions.0.id)');
    expect(await issue('', base.replace('id: autos', 'id: food'))).toBe('h.yaml:7:7: sectors.1.id: duplicate sector id "food" (also at h.yaml:6:7, sectors.0.id)');
  });

  it('prints at most 50 issues, then counts the rest', async () => {
    const params = Array.from({ length: 120 }, (_, i) => `p${i}: 1`).join(', ');
    const message = await issue(`sweep: { parameters: { ${params} } }\n`);
    const lines = message.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[50]).toBe('... and 70 more');
  });

  it('refuses a parent that is not a scenario file before reading it, at the extends line', async () => {
    for (const parent of ['/etc/passwd', '/etc/ld.so.conf', '../../../../../../etc/hostname']) {
      const e = await userError(() => loadScenarioFromText(`name: x\nextends: ${parent}\n`, { file: join(FIXTURES, 'h.yaml'), cwd: ROOT }));
      expect(e.message).toMatch(/h\.yaml:2:1: extends: /);
      expect(e.message).not.toMatch(/root:|include|\n[^ ]/);
    }
    const e = await userError(() => loadScenarioFromText('name: x\nextends: /etc/ld.so.conf\n', { file: join(FIXTURES, 'h.yaml'), cwd: ROOT }));
    expect(e.message).toBe('test/fixtures/scenarios/h.yaml:2:1: extends: "/etc/ld.so.conf" is not a scenario file (a parent must be a .yaml, .yml or .json file, or a scenario name)'.replace('test/fixtures/scenarios/', join(FIXTURES)));
  });

  it('refuses a scenario file argument that is not .yaml, .yml or .json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'name: x\n');
    expect((await userError(() => loadScenario(join(dir, 'notes.txt')))).message).toBe(`${join(dir, 'notes.txt')}: not a scenario file (scenario files end in .yaml, .yml or .json)`);
  });

  it('suggests shipped scenarios for a mistyped bare parent name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.yaml'), 'extends: cooperat\nname: mine\n');
    const e = await userError(() => loadScenario(join(dir, 'mine.yaml')));
    expect(e.message).toMatch(/mine\.yaml:1:1: extends: no such parent scenario "cooperat"/);
    expect(e.hint).toMatch(/^did you mean "cooperate"\? available scenarios in .*: .*baseline/);
  });

  it('refuses a calibration target file that is not .csv, at its line', async () => {
    expect(await issue('calibrate: { parameters: {}, targetFile: /etc/passwd }\n')).toBe('h.yaml:22:30: calibrate.targetFile: expected a .csv file (columns year,value) (got "/etc/passwd")');
  });
});
