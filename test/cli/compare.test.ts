/**
 * `chuanyu compare` end to end, as a process (issue 13): every scenario, the
 * first too, gets its verdict against its own counterfactual in each displayed
 * lens, printed as a table per lens with each region's change and 95% interval,
 * then plain words, then where the results and the report are; verdicts.json,
 * verdicts.csv and the verdicts chart are written and listed in the manifest, so
 * --force replaces them. And `npm start` is the headline comparison of the four
 * shipped scenarios.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const SCENARIO = join(ROOT, 'test', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const VERDICT = '(win-win|zero-sum|negative-sum|positive-sum-with-loser|no verdict|no change)';
const CHANGE = '[-+]?[\\d,.]+ \\[[-\\d,.]+, [-\\d,.]+\\]'; // a mean change and its 95% interval

const tmp = mkdtempSync(join(tmpdir(), 'chuanyu-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Sichuan competes and pursues welfare: the objective is no longer GDP, so it gets its own table.
const compete = join(tmp, 'small-compete.yaml');
writeFileSync(
  compete,
  `extends: ${JSON.stringify(SCENARIO)}
name: small-compete
governments:
  sichuan: { strategy: compete, objective: { welfare: 1 } }
  chongqing: { strategy: compete }
fund: { enabled: false }
`,
);

describe('chuanyu compare', () => {
  const out = join(tmp, 'cmp');
  const first = runCli(['compare', SCENARIO, compete, '-r', '2', '--workers', '1', '--out', out]);
  const lines = first.stdout.trimEnd().split('\n');

  it('prints a verdict table per displayed lens: a row per scenario with each region and the zone with its interval, and the verdict', () => {
    expect(first.stderr).not.toMatch(/error|warning/i); // stderr carries only the progress bar
    expect(first.status).toBe(0);
    for (const heading of ['Welfare', 'Objective', 'GDP', 'Fiscal balance']) {
      const at = lines.findIndex((l) => l.startsWith(`${heading}: `));
      expect(at, heading).toBeGreaterThan(0);
      expect(lines[at + 1]).toMatch(/^scenario +sichuan +chongqing +zone +verdict$/);
      for (const [k, name] of ['small-cooperate', 'small-compete'].entries())
        expect(lines[at + 2 + k], `${heading}, ${name}`).toMatch(new RegExp(`^${name} +${CHANGE} +${CHANGE} +${CHANGE} +${VERDICT}$`));
    }
    expect(first.stdout).toContain('Objective: what each scenario\'s governments pursue: small-cooperate sichuan gdp 1, chongqing gdp 1; small-compete sichuan welfare 1, chongqing gdp 1.');
  });

  it('says it in plain words, then where the results and the report are, last', () => {
    for (const lens of ['welfare', 'objective', 'GDP', 'fiscal balance'])
      expect(first.stdout).toMatch(new RegExp(`^In ${lens}: small-cooperate (is|gives|changes) .*; small-compete (is|gives|changes) .*\\.$`, 'm'));
    expect(lines.at(-2)).toBe(`Results: ${out} (verdicts.csv, comparison.csv, replications.csv, trajectories.csv)`);
    expect(lines.at(-1)).toBe(`Report:  ${join(out, 'charts', 'report.html')} (open it in a browser)`);
    // The paired differences are still printed (shorter), above the verdicts.
    expect(first.stdout.indexOf('Paired differences against small-cooperate')).toBeLessThan(first.stdout.indexOf('Verdicts: each scenario'));
  });

  it('writes verdicts.json, verdicts.csv and the verdicts chart, listed in the manifest', () => {
    const verdicts = JSON.parse(readFileSync(join(out, 'verdicts.json'), 'utf8'));
    expect(verdicts.shown.map((l: { lens: string }) => l.lens)).toEqual(['welfare', 'objective', 'gdp', 'fiscal']);
    expect(verdicts.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['small-cooperate', 'small-compete']);
    expect(verdicts.scenarios[1].objectives.sichuan).toEqual({ gdp: 0, welfare: 1, fiscal: 0 });
    const csv = readFileSync(join(out, 'verdicts.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,lens,shown,region,change_mean,ci_low,ci_high,n,verdict,explanation');
    expect(csv).toHaveLength(1 + 2 * 4 * 3); // scenarios x lenses x (two regions and the zone)
    for (const f of ['verdicts.vl.json', 'verdicts.svg', 'verdicts.png']) expect(existsSync(join(out, 'charts', f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual(expect.arrayContaining(['verdicts.json', 'verdicts.csv', 'charts/verdicts.vl.json', 'charts/verdicts.svg', 'charts/verdicts.png']));
    expect(readFileSync(join(out, 'charts', 'report.html'), 'utf8')).toContain('id="verdicts-table"');
  });

  it('replaces its own folder, verdict files included, with --force', () => {
    const again = runCli(['compare', SCENARIO, compete, '-r', '2', '--workers', '1', '--out', out, '--force', '-q']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(existsSync(join(out, 'verdicts.json'))).toBe(true);
  });
});

describe('npm start', () => {
  it('compares the four shipped scenarios (baseline first) with seed 1', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node dist/cli/main.js compare baseline compete cooperate exploited --seed 1');
    for (const name of ['baseline', 'compete', 'cooperate', 'exploited']) expect(existsSync(join(ROOT, 'scenarios', `${name}.yaml`)), name).toBe(true);
  });
});
