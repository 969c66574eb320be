/** `chuanyu study`: the shipped which-game study at its tiny scale (a smoke test), its files and their consistency, and bad input. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess } from '../helpers/cli.js';
import { renderStudyReport } from '../../src/report/study/report.js';
import { reportAction } from '../../src/cli/actions/report-action.js';

const STUDY = join(ROOT, 'scenarios', 'studies', 'which-game.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'chuanyu-study-'));

describe('chuanyu study', () => {
  /** The tiny study's folder, written by the first test and re-rendered by the second. */
  const tiny = join(tmp(), 'which-game');

  it('runs the which-game study at its tiny scale: every cell typed in both lenses, indeterminate counts as in the table', () => {
    const out = tiny;
    const result = runCli(['study', STUDY, '--scale', 'tiny', '--out', out, '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Cooperation is an equilibrium/);
    for (const f of ['study.json', 'cells.csv', 'summary.md', 'manifest.json', 'charts/report.html', 'charts/which-game-fund-leverage.png', 'charts/which-game-policy-sidepayment.svg', 'games/fund-leverage.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const study = JSON.parse(readFileSync(join(out, 'study.json'), 'utf8'));
    expect(study.scale).toBe('tiny');
    expect(study.lenses).toEqual(['objective', 'welfare']);
    const grid = study.panels.reduce((n: number, p: { values: unknown[] }) => n + p.values.length, 0) * study.x.values.length;
    expect(grid).toBe(5 * 2 * 2); // five levers, first and last value each, two volatilities
    expect(study.cells).toHaveLength(grid * 2);
    const types = ['prisoners-dilemma', 'stag-hunt', 'chicken', 'harmony', 'deadlock', 'other', 'asymmetric', 'indeterminate'];
    for (const lens of ['objective', 'welfare']) {
      const cells = study.cells.filter((c: { lens: string }) => c.lens === lens);
      expect(cells).toHaveLength(grid);
      for (const c of cells) expect(types).toContain(c.type);
      const k = cells.filter((c: { type: string }) => c.type === 'indeterminate').length;
      expect(study.indeterminate[lens]).toEqual({ cells: grid, indeterminate: k, share: k / grid });
      // The summary's table says the same.
      const name = lens === 'objective' ? "Officials' objective" : 'Welfare \\(residents\\)';
      expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(new RegExp(`^\\| ${name} \\| ${grid} \\| ${k} \\| ${Math.round((100 * k) / grid)}% \\|$`, 'm'));
    }
    const csv = readFileSync(join(out, 'cells.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + grid * 2);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).kind).toBe('chuanyu-study');
    // The scenario's illustrative note, from the resolved scenario in manifest.json.
    expect(readFileSync(join(out, 'charts', 'report.html'), 'utf8')).toContain('<strong>Illustrative numbers:</strong>');
    // A panel's games are `chuanyu game` points with every lens.
    const games = JSON.parse(readFileSync(join(out, 'games', 'fund-leverage.json'), 'utf8'));
    expect(games.points).toHaveLength(4);
    expect(Object.keys(games.points[0].byLens).sort()).toEqual(['fiscal', 'gdp', 'objective', 'welfare']);
  });

  it('is re-rendered by `chuanyu report` from its own files: the charts folder and summary.md deleted, then drawn again byte for byte', async () => {
    expect(existsSync(join(tiny, 'study.json')), 'the tiny study above wrote its folder').toBe(true);
    const files = (dir: string) => readdirSync(join(tiny, dir)).sort().map((f) => join(dir, f));
    const drawn = files('charts');
    expect(drawn).toContain(join('charts', 'report.html'));
    const before = Object.fromEntries([...drawn, 'summary.md', 'manifest.json'].map((f) => [f, readFileSync(join(tiny, f))]));
    rmSync(join(tiny, 'charts'), { recursive: true });
    rmSync(join(tiny, 'summary.md'));
    const again = await reportAction({ resultsDir: tiny, quiet: true });
    expect(again.kind).toBe('study');
    expect(again.report).toBe(join(tiny, 'charts', 'report.html'));
    expect(files('charts')).toEqual(drawn);
    for (const [f, bytes] of Object.entries(before)) expect(readFileSync(join(tiny, f)).equals(bytes), f).toBe(true);
  });

  it('escapes the study\'s texts in report.html', async () => {
    const dir = join(tmp(), 'copy');
    const study = {
      kind: 'study', name: 'x', title: '<script>alert(1)</script>', question: 'Is <b>this</b> escaped?', scenario: 's<i>', scale: 'full', seed: 1, replications: 2,
      strategies: ['cooperate', 'compete'], lenses: ['objective'], regions: ['a', 'b'], set: {}, x: { path: 'demand.volatility', label: 'v<i>', values: [0] },
      panels: [{ path: 'fund.leverage', label: '<img src=x>', values: [1], note: '<u>n</u>', file: 'games/fund-leverage.json' }],
      indeterminate: { objective: { cells: 1, indeterminate: 0, share: 0 } },
      cells: [{ panel: 'fund.leverage', x: 0, y: 1, lens: 'objective', type: 'harmony', likely: 'harmony', sentence: '', players: [], cooperationEquilibrium: true, cooperationEquilibriumSure: true, competitionEquilibrium: false, equilibria: [['cooperate', 'cooperate']], cooperationPaysBoth: 'yes', gaps: [] }],
    };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
    await renderStudyReport(dir, { formats: ['svg'] });
    const html = readFileSync(join(dir, 'charts', 'report.html'), 'utf8');
    for (const bad of ['<script>alert', '<b>this', '<img src=x>', '<u>n</u>', 'v<i>']) expect(html).not.toContain(bad);
    expect(html).toContain('&lt;img src=x&gt;');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/Cooperation is an equilibrium .* in 1 of 1 cells/);
    // No manifest.json: no illustrative note; with one, the resolved scenario's note, escaped.
    expect(html).not.toContain('class="illustrative"');
    // A manifest as `chuanyu study` writes it (checked when read), whose scenario carries a note with markup.
    const manifest = {
      command: 'study', studyFile: 'x.yaml', study: 'x', scale: 'tiny', scenario: 's', scenarioFile: 's.yaml', seed: 1, replications: 1,
      packageVersion: '0', gitCommit: null, node: 'v20', startedAt: '2026-01-01T00:00:00Z', wallTimeSeconds: 1, strategies: ['cooperate', 'compete'],
      resolvedScenario: { name: 's', title: 't', description: 'd', illustrative: 'Plausible <b>numbers</b>, not statistics.' }, kind: 'chuanyu-study',
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await renderStudyReport(dir, { formats: ['svg'] });
    const noted = readFileSync(join(dir, 'charts', 'report.html'), 'utf8');
    expect(noted).toContain('<strong>Illustrative numbers:</strong> Plausible &lt;b&gt;numbers&lt;/b&gt;, not statistics.');
    expect(noted).not.toContain('<b>numbers');
  });

  it('refuses an unknown scale and a study naming no scenario parameter, with exit code 2 (in-process)', async () => {
    const scale = await runCliInProcess(['study', STUDY, '--scale', 'huge', '--out', join(tmp(), 'a')]);
    expect(scale.status).toBe(2);
    expect(scale.stderr).toMatch(/--scale huge: .* has no such scale; it has: full, tiny/);
    const dir = tmp();
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, readFileSync(STUDY, 'utf8').replace('path: fund.leverage', 'path: fund.levrage').replace('scenario: cooperate', 'scenario: cooperate'));
    const typo = await runCliInProcess(['study', file, '--scale', 'tiny', '--out', join(dir, 'b')]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('fund.leverage');
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('adds answers to a validation report for the full study only, and only to a report chuanyu wrote, before computing', () => {
    const dir = tmp();
    const report = join(dir, 'VALIDATION.md');
    writeFileSync(report, '# Pattern validation\n\nGenerated by `npm run validate` (test).\n');
    const tiny = runCli(['study', STUDY, '--scale', 'tiny', '--validation', report, '--out', join(dir, 'a')]);
    expect(tiny.status).toBe(2);
    expect(tiny.stderr).toMatch(/--validation takes the full study only/);
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# notes\n');
    const other = runCli(['study', STUDY, '--validation', notes, '--out', join(dir, 'b')]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/is not a validation report chuanyu wrote/);
    expect(readFileSync(notes, 'utf8')).toBe('# notes\n');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b'))).toBe(false);
  });
});
