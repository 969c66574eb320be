/** `chuanyu run` end to end, as a process: results folder contents and byte-identical reruns. */
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-run-'));

describe('chuanyu run', () => {
  const dir = tmp();
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const first = runCli(['run', 'cooperate', '--seed', '3', '--replications', '2', '--out', a]);

  it('writes every result file into exactly the --out folder and prints a summary', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('similarity sichuan~chongqing');
    for (const lens of ['welfare', 'GDP \\(objective\\)', 'fiscal balance']) expect(first.stdout).toMatch(new RegExp(`Verdict, ${lens}: (win-win|zero-sum|negative-sum|positive-sum-with-loser|no verdict): `));
    expect(first.stdout).toMatch(/chongqing +[-+][\d,]+ \[[-\d,]+, [-\d,]+\]/); // each region's change with its 95% interval
    expect(first.stdout).toContain(a);
    for (const file of ['metrics.csv', 'sectors.csv', 'markets.csv', 'summary.json', 'events.jsonl', 'manifest.json']) expect(existsSync(join(a, file)), file).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary folder left behind
  });

  it('writes tidy tables with the documented columns', () => {
    const metrics = readFileSync(join(a, 'metrics.csv'), 'utf8').split('\n');
    expect(metrics[0]).toBe('replication,step,year,region,metric,unit,value');
    expect(metrics.some((l) => /^0,0,2020,sichuan~chongqing,similarity,index,0\.\d+$/.test(l))).toBe(true);
    expect(metrics.some((l) => /^1,34,2054,zone,duplicated_investment_share,/.test(l))).toBe(true);
    const sectors = readFileSync(join(a, 'sectors.csv'), 'utf8').split('\n');
    expect(sectors[0]).toBe('replication,step,year,region,sector,output,capital,firms,lq,investment,grants,relocation_offers,fund_invested');
    const events = readFileSync(join(a, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toHaveProperty('step');
    expect(events[0]).toHaveProperty('cause');
    expect(events.some((e) => String(e.cause).startsWith('fund-invest'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ scenario: 'cooperate', seed: 3, replications: 2 });
    expect(manifest.resolvedScenario.fund.leverage).toBe(0.5);
    expect(typeof manifest.wallTimeSeconds).toBe('number');
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(summary.metrics.pairs['sichuan~chongqing'].similarity.final.n).toBe(2);
    expect(['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'unchanged']).toContain(summary.outcome.outcome);
  });

  it('gives byte-identical metrics and summary for the same scenario and seed', () => {
    const second = runCli(['run', 'cooperate', '--seed', '3', '--replications', '2', '--out', b, '--quiet']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
    for (const file of ['metrics.csv', 'sectors.csv', 'markets.csv', 'summary.json', 'events.jsonl'])
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
  });

  it('runs a file anywhere that extends a shipped scenario by name', () => {
    const cwd = tmp();
    const file = join(cwd, 'mine.yaml');
    writeFileSync(file, 'extends: cooperate\nname: mine\ntime: { start: 2020, steps: 4 }\ninitial: { firms: 300 }\n');
    const result = runCli(['run', file, '--replications', '1', '--out', join(cwd, 'out'), '--quiet'], { cwd });
    expect(result.status, result.stderr).toBe(0);
  });

  it('writes to results/<scenario>/<timestamp>-<seed>/ by default', () => {
    const cwd = tmp();
    const result = runCli(['run', 'baseline', '--replications', '1', '--seed', '9'], { cwd });
    expect(result.status).toBe(0);
    const runs = readdirSync(join(cwd, 'results', 'baseline'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^\d{8}T\d{6}Z-9$/);
  });
});
