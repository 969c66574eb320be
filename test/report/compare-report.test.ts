/**
 * Comparison reports made from a real comparison folder (the `compare` action
 * on a small scenario, a competing variant of it, and the scenario again): the
 * five charts validate against the Vega-Lite schema, compile without warnings
 * and carry their data inline; the SVGs have titles and axis titles with
 * units; PNGs are twice the SVG size; report.html shows the scenarios, a table
 * of each scenario's verdicts per lens, a table of paired differences and every chart with a caption, with no external URL;
 * re-rendering gives the same bytes; a scenario compared with itself differs
 * by exactly zero.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAction } from '../../src/cli/actions/compare-action.js';
import { readComparison } from '../../src/report/compare/read.js';
import { PNG_SCALE } from '../../src/report/common/render.js';
import { renderCompareReport } from '../../src/report/compare/report.js';
import { ajv, validate, compileWithWarnings, dataBlocks, pngHeaderSize } from './vega-helpers.js';
import { svgRoleTexts, svgSize } from './svg-helpers.js';
import { TRAJECTORY_SERIES } from '../../src/experiment/trajectories.js';
import { overTimeName } from '../../src/report/compare/over-time.js';
import { readTrajectoryTable } from '../../src/results/trajectory-format.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');





const COMPETE_YAML = (parent: string) => `extends: ${JSON.stringify(parent)}
name: small-compete
title: "Small compete world <for tests>"
description: "Both governments compete & chase the \\"hot\\" sectors; no fund."
governments:
  sichuan: { strategy: compete }
  chongqing: { strategy: compete }
fund: { enabled: false }
`;

const OVER_TIME = TRAJECTORY_SERIES.map(overTimeName);
const CHARTS = ['verdicts', 'distributions', 'differences', 'regions', 'outcomes', ...OVER_TIME];

let root: string;
let dir: string;
let charts: string[];
const chartsDir = () => join(dir, 'charts');
const readSpec = (name: string) => JSON.parse(readFileSync(join(chartsDir(), `${name}.vl.json`), 'utf8')) as TopLevelSpec & { title: { text: string } };
const readSvg = (name: string) => readFileSync(join(chartsDir(), `${name}.svg`), 'utf8');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chuanyu-compare-report-'));
  const compete = join(root, 'small-compete.yaml');
  await writeFile(compete, COMPETE_YAML(SCENARIO));
  dir = join(root, 'cmp');
  await compareAction({ scenarios: [SCENARIO, compete, SCENARIO], replications: 2, out: dir, quiet: true, workers: 1 });
  charts = (await renderCompareReport(dir)).charts;
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('renderCompareReport', () => {
  it('draws the five charts and the overlays over time with all three files each, and report.html', async () => {
    expect(charts).toEqual(CHARTS);
    expect((await readdir(chartsDir())).sort()).toEqual([...CHARTS.flatMap((n) => [`${n}.png`, `${n}.svg`, `${n}.vl.json`]), 'report.html'].sort());
  });

  it('writes specs that validate against the Vega-Lite schema, compile without warnings and carry their data inline', () => {
    for (const name of charts) {
      const spec = readSpec(name);
      const ok = validate(spec);
      expect(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
      expect(compileWithWarnings(spec), name).toEqual([]);
      const blocks = dataBlocks(spec);
      expect(blocks.length, name).toBeGreaterThan(0);
      for (const block of blocks) expect(Array.isArray((block as { values?: unknown }).values), `${name}: data without inline values`).toBe(true);
    }
  });

  it('draws SVGs with titles and axis titles with units', () => {
    for (const name of charts) {
      const svg = readSvg(name);
      expect(svgRoleTexts(svg, 'title-text').join(' '), name).toContain(readSpec(name).title.text);
    }
    const distributions = svgRoleTexts(readSvg('distributions'), 'axis-title');
    expect(distributions).toEqual(expect.arrayContaining(['Scenario', 'Similarity coefficient (index)', 'Duplicated investment share (%)', 'Capacity utilization (%)', 'Relocations (firms)']));
    const differences = svgRoleTexts(readSvg('differences'), 'axis-title');
    expect(differences).toEqual(
      expect.arrayContaining(['Difference from small-cooperate (index)', 'Difference from small-cooperate (percentage points)', 'Difference from small-cooperate (billion yuan)']),
    );
    expect(svgRoleTexts(readSvg('regions'), 'axis-title')).toEqual(expect.arrayContaining(['Cumulative value added (billion yuan)', 'Cumulative payoff (billion yuan)']));
    expect(svgRoleTexts(readSvg('regions'), 'legend-label')).toEqual(['Sichuan', 'Chongqing']);
    expect(svgRoleTexts(readSvg('outcomes'), 'axis-title')).toContain('Share of replications (%)');
  });

  it('draws one forest row per scenario, metric and region; the scenario against itself differs by exactly zero', () => {
    const spec = readSpec('differences') as unknown as { concat: { title: { text: string }; data: { values: { scenario: string; series: string; difference: number; low: number; high: number }[] } }[] };
    const byTitle = new Map(spec.concat.map((p) => [p.title.text, p.data.values]));
    expect([...byTitle.keys()]).toEqual([
      'Similarity coefficient, final year',
      'Duplicated investment share, mean over the run',
      'Capacity utilization, mean over the run',
      'Value added, summed over the run',
      'Government payoff, summed over the run',
      'Relocations, total over the run',
    ]);
    const va = byTitle.get('Value added, summed over the run')!;
    expect(va.map((r) => `${r.scenario}/${r.series}`)).toEqual([
      'small-compete/Sichuan',
      'small-compete/Chongqing',
      'small-compete/Zone',
      'small-cooperate (2)/Sichuan',
      'small-cooperate (2)/Chongqing',
      'small-cooperate (2)/Zone',
    ]);
    for (const rows of byTitle.values())
      for (const r of rows.filter((x) => x.scenario === 'small-cooperate (2)')) expect([r.difference, r.low, r.high]).toEqual([0, 0, 0]);
    const sim = byTitle.get('Similarity coefficient, final year')!.find((r) => r.scenario === 'small-compete')!;
    expect(sim.difference).toBeGreaterThan(0); // competing regions stay more alike than cooperating ones
  });

  it("draws each scenario's verdict per lens: a panel per displayed lens, a row per scenario named with its verdict, each region and the zone with a 95% interval", () => {
    const spec = readSpec('verdicts') as unknown as { concat: { title: { text: string }; data: { values: { row: string; series: string; change: number; low: number; high: number }[] }; layer: { encoding: Record<string, { field?: string }> }[] }[] };
    const verdicts = JSON.parse(readFileSync(join(dir, 'verdicts.json'), 'utf8')) as { shown: { lens: string }[]; scenarios: { scenario: string }[] };
    expect(verdicts.shown.map((l) => l.lens)).toEqual(['welfare', 'gdp', 'fiscal']);
    expect(spec.concat.map((p) => p.title.text)).toEqual(['Welfare', 'GDP (objective)', 'Fiscal balance']);
    for (const p of spec.concat) {
      const rows = [...new Set(p.data.values.map((v) => v.row))];
      expect(rows.map((r) => r.split(': ')[0])).toEqual(['small-cooperate', 'small-compete', 'small-cooperate (2)']);
      for (const r of rows) expect(r.split(': ')[1]).toMatch(/^(win-win|zero-sum|negative-sum|positive-sum-with-loser|no verdict|no change)$/);
      expect(p.data.values.filter((v) => v.row === rows[0]).map((v) => v.series)).toEqual(['Sichuan', 'Chongqing', 'Zone']);
      for (const v of p.data.values) if (Number.isFinite(v.low)) expect(v.low <= v.change && v.change <= v.high, JSON.stringify(v)).toBe(true);
      expect(p.layer[0].encoding.x.field).toBe('zero');
      // A scenario and itself (same seeds) get the same verdict and the same numbers.
      expect(p.data.values.filter((v) => v.row.startsWith('small-cooperate (2)')).map((v) => [v.row.split(': ')[1], v.change, v.low, v.high])).toEqual(
        p.data.values.filter((v) => v.row.startsWith('small-cooperate:')).map((v) => [v.row.split(': ')[1], v.change, v.low, v.high]),
      );
    }
    expect(svgRoleTexts(readSvg('verdicts'), 'axis-title')).toContain('Change against the counterfactual (billion yuan)');
  });

  it('shows the verdicts in report.html: a table per lens with each region, the zone and the verdict, and the plain words', () => {
    const html = readFileSync(join(chartsDir(), 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('id="verdicts-table"'), html.indexOf('id="differences-table"'));
    expect(section).toContain('<h3>Welfare</h3>');
    expect(section).toContain('<h3>GDP (objective)</h3>');
    expect(section).toContain('<h3>Fiscal balance</h3>');
    expect(section.match(/<th scope="col" class="num">Zone<\/th>/g)?.length).toBe(3);
    expect(section.match(/<tr\b/g)?.length).toBe(3 * (1 + 3)); // header + three scenarios, per lens
    expect(section).toContain('<h3>In words</h3>');
    expect(section).toMatch(/<li>In welfare: small-cooperate .*; small-compete .*; small-cooperate \(2\) /);
  });

  it('tells repeated scenarios apart when reading the folder', async () => {
    const data = await readComparison(dir);
    expect(data.scenarios.map((s) => s.label)).toEqual(['small-cooperate', 'small-compete', 'small-cooperate (2)']);
    expect(data.values.get('0|zone|similarity|final')).toEqual(data.values.get('2|zone|similarity|final'));
    expect(data.values.get('0|zone|similarity|final')).toHaveLength(2);
    expect(new Set(data.differences.map((d) => d.index))).toEqual(new Set([1, 2]));
  });

  it('overlays every scenario over time: one line and band per scenario, units on the axes, a scenario and itself the same', () => {
    expect(OVER_TIME).toEqual(['over-time-similarity', 'over-time-duplicated-investment-share', 'over-time-utilization', 'over-time-value-added', 'over-time-value-added-change', 'over-time-payoff', 'over-time-relocations']);
    const labels = ['small-cooperate', 'small-compete', 'small-cooperate (2)'];
    for (const name of OVER_TIME) expect(svgRoleTexts(readSvg(name), 'legend-label'), name).toEqual(labels);
    expect(svgRoleTexts(readSvg('over-time-similarity'), 'axis-title')).toEqual(['Year', 'Similarity coefficient (index)']);
    expect(svgRoleTexts(readSvg('over-time-duplicated-investment-share'), 'axis-title')).toContain('Duplicated investment share (%)');
    expect(svgRoleTexts(readSvg('over-time-relocations'), 'axis-title')).toContain('Relocations (firms)');
    expect(svgRoleTexts(readSvg('over-time-value-added'), 'axis-title').filter((t) => t === 'Value added (billion yuan)')).toHaveLength(3); // Sichuan, Chongqing, zone
    const spec = readSpec('over-time-value-added') as unknown as { concat: { title: { text: string }; layer: { data: { values: { scenario: string; year: number; mean: number; low: number; high: number; n: number }[] } }[] }[] };
    expect(spec.concat.map((p) => p.title.text)).toEqual(['Sichuan', 'Chongqing', 'Zone']);
    const rows = spec.concat[0].layer[1].data.values;
    const of = (label: string) => rows.filter((r) => r.scenario === label).map((r) => [r.year, r.mean, r.low, r.high, r.n]);
    expect(of('small-cooperate').length).toBe(12); // one per year of the 12-year world
    expect(of('small-cooperate (2)')).toEqual(of('small-cooperate'));
    expect(of('small-compete')).not.toEqual(of('small-cooperate'));
    for (const r of rows) expect(r.low <= r.mean && r.mean <= r.high && r.n === 2, JSON.stringify(r)).toBe(true);
    // The payoff has no zone panel (the registry has no zone payoff).
    expect((readSpec('over-time-payoff') as unknown as { concat: { title: { text: string } }[] }).concat.map((p) => p.title.text)).toEqual(['Sichuan', 'Chongqing']);
  });

  it("ends the change against the counterfactual at the verdicts' GDP-lens change of each scenario", async () => {
    const rows = (await readTrajectoryTable(dir))!;
    const verdicts = JSON.parse(readFileSync(join(dir, 'verdicts.json'), 'utf8')) as { scenarios: { scenario: string; lenses: { gdp: { zone: { mean: number; low: number; high: number }; regions: Record<string, { mean: number; low: number; high: number }> } } }[] };
    const compete = verdicts.scenarios[1];
    expect(compete.scenario).toBe('small-compete');
    const last = Math.max(...rows.map((r) => r.year));
    for (const region of ['sichuan', 'chongqing', 'zone']) {
      const row = rows.find((r) => r.scenario === 'small-compete' && r.metric === 'value_added_change' && r.region === region && r.year === last)!;
      const want = region === 'zone' ? compete.lenses.gdp.zone : compete.lenses.gdp.regions[region];
      const scale = Math.max(1, Math.abs(want.mean));
      for (const k of ['mean', 'low', 'high'] as const) expect(Math.abs(row[k] - want[k]) / scale, `${region} ${k}`).toBeLessThan(1e-9);
    }
  });

  it('puts the overlays in a section "Over time" after the other charts', () => {
    const html = readFileSync(join(chartsDir(), 'report.html'), 'utf8');
    const start = html.indexOf('<section id="over-time"');
    expect(start).toBeGreaterThan(html.indexOf('<section id="chart-outcomes"'));
    expect(html).toContain('<h2 id="over-time-heading">Over time</h2>');
    const section = html.slice(start, html.indexOf('</main>'));
    for (const name of OVER_TIME) expect(section).toContain(`<h3 id="chart-${name}-heading">`);
    expect(section).toContain('<code>trajectories.csv</code>');
    expect(html).toContain('<li><a href="#over-time">Over time</a></li>');
  });

  it('draws no overlay and no section from a folder without trajectories.csv, the rest unchanged', async () => {
    const copy = join(root, 'old');
    await cp(dir, copy, { recursive: true });
    await rm(join(copy, 'trajectories.csv'));
    await rm(join(copy, 'charts'), { recursive: true });
    const result = await renderCompareReport(copy);
    expect(result.charts).toEqual(CHARTS.filter((c) => !OVER_TIME.includes(c)));
    const html = readFileSync(join(copy, 'charts', 'report.html'), 'utf8');
    expect(html).not.toContain('over-time');
    for (const name of result.charts) expect(readFileSync(join(copy, 'charts', `${name}.vl.json`)).equals(readFileSync(join(chartsDir(), `${name}.vl.json`))), name).toBe(true);
  });

  it('writes PNGs at twice the SVG size', async () => {
    for (const name of charts) {
      const size = svgSize(readSvg(name));
      expect(pngHeaderSize(await readFile(join(chartsDir(), `${name}.png`))), name).toEqual({ width: Math.round(size.width * PNG_SCALE), height: Math.round(size.height * PNG_SCALE) });
    }
  });

  it('writes a self-contained report.html with the scenarios, the table of differences and every chart', () => {
    const html = readFileSync(join(chartsDir(), 'report.html'), 'utf8');
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(urls.filter((u) => !/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/.test(u))).toEqual([]);
    expect(html).not.toMatch(/<script|<link\b|<img\b/);
    // Scenarios: titles and descriptions, escaped.
    expect(html).toContain('Small cooperate world for tests');
    expect(html).toContain('Small compete world &lt;for tests&gt;');
    expect(html).toContain('Both governments compete &amp; chase the &quot;hot&quot; sectors; no fund.');
    expect(html).toContain('<span class="tag">reference</span>');
    // The table of paired differences.
    expect(html).toContain('<th scope="col" class="num">Difference [95% CI]</th>');
    expect(html).toContain('<th scope="col" class="num">p</th>');
    const tableRows = html.slice(html.indexOf('id="differences-table"'), html.indexOf('id="chart-verdicts"')).match(/<tr\b/g)?.length ?? 0;
    expect(tableRows).toBe(1 + 2 * (1 + 1 + 1 + 3 + 2 + 1)); // header + 2 scenarios x (3 zone metrics, value added by region and zone, payoff by region, relocations)
    // Every chart inline, with heading, caption and file links.
    for (const name of charts) {
      expect(html).toContain(`<section id="chart-${name}"`);
      expect(html).toContain(`href="#chart-${name}"`);
      for (const ext of ['vl.json', 'svg', 'png']) expect(html).toContain(`href="${name}.${ext}"`);
    }
    expect(html.match(/<svg role="img" aria-labelledby="chart-[^"]+-title"/g)?.length).toBe(charts.length);
    expect(html.match(/<figcaption>[^<]{40,}<\/figcaption>/g)?.length).toBe(charts.length);
  });

  it('reproduces every file but the PNGs byte for byte when rendered again', async () => {
    const names = [...charts.flatMap((n) => [`${n}.vl.json`, `${n}.svg`]), 'report.html'];
    const before = names.map((n) => readFileSync(join(chartsDir(), n)));
    await renderCompareReport(dir);
    names.forEach((n, i) => expect(readFileSync(join(chartsDir(), n)).equals(before[i]), n).toBe(true));
  });

  it('names the problem when the folder is not a comparison', async () => {
    await expect(renderCompareReport(root)).rejects.toThrow(/not a comparison folder \(no summary\.json\)/);
  });
});
