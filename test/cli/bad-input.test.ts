/**
 * Every kind of bad input gets a clear message naming the file, the field and
 * (for YAML) the line, exit code 2, no stack trace, and no results folder.
 * Messages are checked in-process (test/cli/program.test.ts shows a process
 * prints the same); a run that must succeed is checked as a process.
 */
import { mkdtempSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'chuanyu-bad-'));
const write = (name: string, text: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const BASE = `name: tiny
time: { start: 2020, steps: 3 }
sectors:
  - { id: autos, name: Autos }
  - { id: electronics, name: Electronics }
regions:
  - { id: sichuan, name: Sichuan, capitalShare: 0.6, sectorShares: { autos: 0.5, electronics: 0.5 } }
  - { id: chongqing, name: Chongqing, capitalShare: 0.4, sectorShares: { autos: 0.7, electronics: 0.3 } }
initial: { firms: 50 }
`;

interface Case {
  name: string;
  file: () => string;
  expect: (string | RegExp)[];
}

const cases: Case[] = [
  { name: 'unknown file', file: () => join(dir, 'nope.yaml'), expect: ['nope.yaml'] },
  { name: 'unknown scenario name', file: () => 'baselin', expect: ['baselin', 'baseline'] },
  { name: 'YAML syntax error', file: () => write('syntax.yaml', BASE + 'governments: { sichuan: { taxRate: 0.2 }\n'), expect: ['syntax.yaml', /:1\d:/] },
  { name: 'wrong type', file: () => write('type.yaml', BASE + 'governments:\n  sichuan:\n    taxRate: high\n'), expect: ['type.yaml:12', 'governments.sichuan.taxRate'] },
  { name: 'value out of range', file: () => write('range.yaml', BASE + 'governments:\n  sichuan:\n    taxRate: 1.5\n'), expect: ['range.yaml:12', 'governments.sichuan.taxRate'] },
  { name: 'unknown sector', file: () => write('sector.yaml', BASE.replace('electronics: 0.3', 'electronic: 0.3')), expect: ['sector.yaml', 'electronic', 'electronics'] },
  { name: 'unknown region', file: () => write('region.yaml', BASE + 'governments:\n  chongqin: { strategy: compete }\n'), expect: ['region.yaml', 'chongqin', 'chongqing'] },
  { name: 'unknown strategy', file: () => write('strategy.yaml', BASE + 'governments:\n  sichuan: { strategy: collude }\n'), expect: ['strategy.yaml:11', 'governments.sichuan.strategy', 'cooperate'] },
  { name: 'unknown key with suggestion', file: () => write('typo.yaml', BASE + 'governments:\n  sichuan: { taxrate: 0.2 }\n'), expect: ['typo.yaml:11', 'taxrate', 'taxRate'] },
  { name: 'shares not summing to 1', file: () => write('shares.yaml', BASE.replace('autos: 0.7, electronics: 0.3', 'autos: 0.7, electronics: 0.2')), expect: ['shares.yaml', 'regions.1.sectorShares', /sum to 0\.9/] },
  { name: 'event outside the horizon', file: () => write('event.yaml', BASE + 'events:\n  - { year: 2031, label: late, add: { friction.border: -0.1 } }\n'), expect: ['event.yaml:11', 'events.0.year', '2020-2022'] },
  { name: 'extends cycle', file: () => (write('cycle-b.yaml', 'extends: cycle-a\nname: b\n'), write('cycle-a.yaml', 'extends: cycle-b\nname: a\n')), expect: ['cycle-a.yaml', 'cycle-b.yaml'] },
  { name: 'missing parent', file: () => write('orphan.yaml', 'extends: no-such-parent\nname: orphan\n'), expect: ['orphan.yaml', 'no-such-parent'] },
  { name: 'empty file', file: () => write('empty.yaml', '# nothing here\n\n'), expect: ['empty.yaml', 'empty'] },
  { name: 'binary file', file: () => write('binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe])), expect: ['binary.yaml'] },
  { name: 'absurdly nested file', file: () => write('nested.yaml', 'name: x\ndeep: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n'), expect: ['nested.yaml', 'nested'] },
  { name: 'alias bomb', file: () => write('bomb.yaml', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n'), expect: ['bomb.yaml', /alias/i] },
  // Issue 12: hostile input.
  { name: 'path-like scenario name', file: () => write('evil-name.yaml', BASE.replace('name: tiny', 'name: ../../x')), expect: ['evil-name.yaml:1:1: name: expected a name of at most 64 letters, digits, "-" and "_"', '"../../x"'] },
  { name: 'path-like fund name', file: () => write('fund-name.yaml', BASE + 'fund: { name: "a/b" }\n'), expect: ['fund-name.yaml:10:', 'fund.name'] },
  { name: 'extends /etc/passwd', file: () => write('passwd.yaml', 'name: x\nextends: /etc/passwd\n'), expect: ['passwd.yaml:2:1: extends: "/etc/passwd" is not a scenario file'] },
  { name: 'extends /etc/ld.so.conf', file: () => write('ldso.yaml', 'name: x\nextends: /etc/ld.so.conf\n'), expect: ['ldso.yaml:2:1: extends: "/etc/ld.so.conf" is not a scenario file'] },
  { name: 'calibration target that is not CSV', file: () => write('target.yaml', BASE + 'calibrate: { parameters: {}, targetFile: /etc/passwd }\n'), expect: ['target.yaml:10:', 'calibrate.targetFile: expected a .csv file'] },
  { name: 'zone capital 1e308', file: () => write('capital.yaml', BASE.replace('firms: 50', 'firms: 50, zoneCapital: 1e308')), expect: ['capital.yaml:9:', 'initial.zoneCapital: Too big: expected number to be <=10000000'] },
  { name: 'transfers 1e308', file: () => write('transfers.yaml', BASE + 'governments:\n  sichuan: { transfers: 1e308 }\n'), expect: ['transfers.yaml:11:', 'governments.sichuan.transfers: Too big'] },
  { name: 'demand growth 1e308', file: () => write('growth.yaml', BASE.replace('{ id: autos, name: Autos }', '{ id: autos, name: Autos, demandGrowth: 1e308 }')), expect: ['growth.yaml:4:', 'sectors.0.demandGrowth: Too big: expected number to be <=1'] },
  { name: '180 000 distinct keys', file: () => write('keys.yaml', `name: x\nx: {${Array.from({ length: 180_000 }, (_, i) => `k${i}: 0`).join(', ')}}\n`), expect: [/keys\.yaml:2:\d+: too many keys and list items/] },
  { name: '!!binary tag', file: () => write('binary-tag.yaml', BASE + 'title: !!binary aGVsbG8=\n'), expect: ['binary-tag.yaml:10:8: tag !!binary is not supported in scenario files'] },
  { name: 'custom tag', file: () => write('custom-tag.yaml', BASE + 'title: !foo bar\n'), expect: ['custom-tag.yaml:10:8: tag !foo is not supported'] },
  { name: 'extends typo suggests a shipped scenario', file: () => write('typo-parent.yaml', 'extends: cooperat\nname: x\n'), expect: ['typo-parent.yaml:1:1: extends: no such parent scenario "cooperat"', 'did you mean "cooperate"?'] },
  { name: 'duplicate region ids: one error naming both', file: () => write('dup-region.yaml', BASE.replace('id: chongqing', 'id: sichuan')), expect: [/^error: [^\n]*dup-region\.yaml:8:7: regions\.1\.id: duplicate region id "sichuan" \(also at [^\n]*dup-region\.yaml:7:7, regions\.0\.id\)\n$/] },
  { name: 'UTF-16 file', file: () => write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')])), expect: ['utf16.yaml: not a UTF-8 text file (it is encoded as UTF-16); scenario files must be saved as UTF-8'] },
  { name: 'JSON with a wrong type', file: () => write('bad.json', JSON.stringify({ name: 'j', sectors: 'autos' }, null, 2)), expect: ['bad.json:3', 'sectors'] },
];

describe('bad input', () => {
  for (const c of cases) {
    it(`${c.name}: clear message, exit code 2`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'chuanyu-cwd-')), 'out');
      const result = await runCliInProcess(['run', c.file(), '--replications', '1', '--out', out]);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
      expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
      for (const e of c.expect) {
        if (typeof e === 'string') expect(result.stderr).toContain(e);
        else expect(result.stderr).toMatch(e);
      }
      expect(existsSync(out)).toBe(false);
    });
  }

  it('rejects a bad option value with exit code 2', async () => {
    const result = await runCliInProcess(['run', 'baseline', '--replications', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--replications');
  });

  it('names the unknown section of validate --skip, also in a comma list', async () => {
    const result = await runCliInProcess(['validate', '--skip', 'history,bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/skip.*"bogus".*robustness.*mechanisms.*history/s);
  });

  it('runs a UTF-8 BOM, CRLF line endings and -0 cleanly', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'chuanyu-cwd-'));
    const file = write('odd.yaml', '\uFEFF' + (BASE + 'seed: -0\n').replace(/\n/g, '\r\n'));
    const result = runCli(['run', file, '-r', '1', '-q', '--out', join(cwd, 'out')], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toContain('summary.json');
  });

  it('rejects __proto__ keys without polluting anything', async () => {
    const file = write('proto.yaml', BASE + '__proto__:\n  polluted: true\n');
    const result = await runCliInProcess(['run', file, '--replications', '1', '--out', join(dir, 'proto-out')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('__proto__');
    // In-process, so the prototype every object shares can be looked at.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
