/**
 * `chuanyu history` end to end on a small version of the calibrated
 * historical scenario (few firms, two replications, a coarse window grid),
 * in-process through the action function and through the yargs command.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { historyAction } from '../../src/cli/actions/history-action.js';
import { historyCommand } from '../../src/cli/commands/history.js';
import { reportAction } from '../../src/cli/actions/report-action.js';
import { UserError } from '../../src/scenario/errors.js';
import { renderHistoryReport, type HistorySummary } from '../../src/report/history/report.js';

const HISTORICAL = fileURLToPath(new URL('../../scenarios/historical.yaml', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'chuanyu-history-'));

function scenarioFile(name: string, extra = ''): string {
  const file = join(root, `${name}.yaml`);
  writeFileSync(file, `extends: ${JSON.stringify(HISTORICAL)}\nname: ${name}\ninitial: { firms: 200 }\nreplications: 2\n${extra}`);
  return file;
}

const tiny = scenarioFile('history-tiny');
const quiet = { quiet: true, workers: 1, log: () => {} };
const csvRows = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('chuanyu history', () => {
  const out = join(root, 'out-both');

  it('profiles the windows and attributes the mechanisms, writing its folder', async () => {
    const result = await historyAction({ scenario: tiny, out, step: 8, ...quiet });
    expect(result.complete).toBe(true);
    for (const f of ['summary.md', 'summary.json', 'profile.csv', 'attribution.csv', 'profile.vl.json', 'profile.svg', 'profile.png', 'attribution.vl.json', 'attribution.svg', 'attribution.png', 'report.html', 'manifest.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('chuanyu-history');
    expect(manifest.files).toContain('profile.csv');

    // Starts 1985, 1993, 2001, 2009 with ends 8 years apart and "to the end": 10 episodes, no episode, and the scenario's own 2003-2008 (off this grid).
    const profile = result.profile!;
    expect(profile.windows.length).toBe(12);
    expect(profile.windows.filter((w) => w.scenario).map((w) => w.label)).toEqual(['compete 2003-2008']);
    expect(profile.scoredYears).toEqual([1993, 1996, 1999, 2002, 2005, 2008, 2011, 2013, 2015]);
    expect(profile.windows.filter((w) => w.best)).toHaveLength(1);
    expect(profile.windows[profile.best].supported).toBe(true);
    expect(profile.runs).toBe(24);
    const rows = csvRows(join(out, 'profile.csv'));
    expect(rows[0].split(',').slice(0, 9)).toEqual(['window', 'first_year', 'last_year', 'rmse', 'mse_per_replication', 'vs_best', 'vs_best_low', 'vs_best_high', 'supported']);
    expect(rows).toHaveLength(13);

    // The full model and one row per mechanism; mechanisms dated after 2002 leave the 1978-2002 fall exactly as it was (same seeds).
    const attribution = result.attribution!;
    expect(attribution.rows.map((r) => r.id)).toEqual(['full', 'localization', 'electronics-boom', 'competition', 'agreements', 'relocation', 'stimulus', 'status', 'all-events']);
    const row = (id: string) => attribution.rows.find((r) => r.id === id)!;
    for (const id of ['electronics-boom', 'competition', 'stimulus']) expect(row(id).fall.vsFull.difference, id).toBe(0);
    expect(row('electronics-boom').rise.vsFull.difference).toBe(0); // the boom starts in 2009
    expect(row('localization').fall.vsFull.difference).not.toBe(0);
    expect(csvRows(join(out, 'attribution.csv'))).toHaveLength(10);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as HistorySummary;
    expect(summary.kind).toBe('chuanyu-history');
    expect(summary.command).toBe(`chuanyu history ${tiny} --profile --step 8 --attribution -r 2 --seed 1`);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toContain('### Which competition windows the data support (history-tiny)');
    expect(md).toContain('Switching off the agreements (removed 5 events');
    expect(md).toContain('leaves the 1978-2002 fall exactly unchanged (identical runs)');

    // report.html and the charts redrawn from summary.json alone (and manifest.json, for the provenance block) are the ones the run wrote.
    const copy = join(root, 'rerender', 'out-both');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'summary.json'), readFileSync(join(out, 'summary.json')));
    writeFileSync(join(copy, 'manifest.json'), readFileSync(join(out, 'manifest.json')));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<h2 id="provenance-heading">Provenance</h2>');
    const redrawn = await renderHistoryReport(copy);
    expect(redrawn.charts).toEqual(['profile', 'attribution']);
    for (const f of ['report.html', 'profile.vl.json', 'profile.svg', 'attribution.vl.json', 'attribution.svg']) expect(readFileSync(join(copy, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));

    // `chuanyu report` re-renders the folder itself: report.html and the charts deleted, then drawn again byte for byte (the manifest unchanged).
    const drawn = ['report.html', 'profile.vl.json', 'profile.svg', 'profile.png', 'attribution.vl.json', 'attribution.svg', 'attribution.png'];
    const before = Object.fromEntries([...drawn, 'manifest.json'].map((f) => [f, readFileSync(join(out, f))]));
    for (const f of drawn) rmSync(join(out, f));
    const lines: string[] = [];
    const again = await reportAction({ resultsDir: out, log: (line) => lines.push(line) });
    expect(again.kind).toBe('history');
    expect(again.charts).toEqual(['profile', 'attribution']);
    expect(lines[0]).toBe('Rendered 2 charts: profile, attribution');
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
  });

  it('refuses to replace its folder without --force, before computing', async () => {
    await expect(historyAction({ scenario: tiny, out, step: 8, ...quiet })).rejects.toThrow(/add --force/);
  });

  it('refuses to profile a scenario without a competition episode', async () => {
    const flat = scenarioFile('history-flat', 'governments:\n  sichuan: { strategy: invest }\n  chongqing: { strategy: invest }\n');
    const dir = join(root, 'out-flat');
    await expect(historyAction({ scenario: flat, out: dir, profile: true, ...quiet })).rejects.toThrow(UserError);
    await expect(historyAction({ scenario: flat, out: dir, profile: true, ...quiet })).rejects.toThrow(/no government of this scenario has a competition episode/);
    expect(existsSync(dir)).toBe(false);
  });

  it('runs one analysis through the yargs command, with the same numbers on any number of workers, and the chart files asked for', async () => {
    const one = join(root, 'out-attribution-1');
    const two = join(root, 'out-attribution-2');
    await yargs(['history', tiny, '--attribution', '-r', '2', '--workers', '1', '--out', one, '--quiet']).command(historyCommand).strict().parseAsync();
    await yargs(['history', tiny, '--attribution', '-r', '2', '--workers', '2', '--out', two, '--quiet', '--format', 'svg,pdf', '--captions', 'none']).command(historyCommand).strict().parseAsync();
    expect(existsSync(join(one, 'profile.csv'))).toBe(false);
    // --format and --captions: only the files asked for, the title without its notes.
    expect(existsSync(join(one, 'attribution.png'))).toBe(true);
    expect(existsSync(join(two, 'attribution.png'))).toBe(false);
    expect(readFileSync(join(two, 'attribution.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(two, 'attribution.svg'), 'utf8').length).toBeLessThan(readFileSync(join(one, 'attribution.svg'), 'utf8').length);
    expect(readFileSync(join(one, 'attribution.csv'), 'utf8')).toBe(readFileSync(join(two, 'attribution.csv'), 'utf8'));
    const s = JSON.parse(readFileSync(join(one, 'summary.json'), 'utf8')) as HistorySummary;
    expect(s.profile).toBeNull();
    expect(s.command).toBe(`chuanyu history ${tiny} --attribution -r 2 --seed 1`);
  });
});
