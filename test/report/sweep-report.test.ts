/**
 * Sweep reports made from real sweep folders (the `sweep` action on a small
 * scenario): a two-parameter grid, one parameter, a Latin hypercube and three
 * parameters with a categorical one. Every spec validates against the
 * Vega-Lite schema, compiles without warnings and carries its data inline; the
 * SVGs have titles and axis titles with units; PNGs are twice the SVG size;
 * report.html is self-contained and shows every chart; re-rendering gives the
 * same spec bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAction } from '../../src/cli/actions/sweep-action.js';
import { PNG_SCALE } from '../../src/report/common/render.js';
import { renderSweepReport } from '../../src/report/sweep/report.js';
import { formatIn } from '../../src/report/common/format.js';
import { PAYOFF, SIMILARITY, SWEEP_HEADLINE, UTILIZATION, VALUE_ADDED_CHANGE } from '../../src/report/common/headline-metrics.js';
import { readSweep } from '../../src/report/sweep/read.js';
import { metricFormat, metricIntervals } from '../../src/report/sweep/numbers.js';
import { ajv, validate, compileWithWarnings, dataBlocks, pngHeaderSize } from './vega-helpers.js';
import { svgRoleTexts, svgSize, svgTexts } from './svg-helpers.js';
import { intervalLabel, meanBounds } from '../../src/report/sweep/grid.js';

/** The colour encoding of a heatmap panel (its first layer) or scatter panel. */
function colourEncoding(panel: Record<string, unknown>): { scale: { domain: number[] } } {
  const p = panel as { layer?: { encoding: { color: unknown } }[]; encoding?: { color: unknown } };
  return (p.layer ? p.layer[0].encoding.color : p.encoding!.color) as { scale: { domain: number[] } };
}

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');





const VARIANTS = {
  grid: { params: ['fund.leverage=0:1:0.5', 'policy.fundShare=0.2,0.4'] },
  one: { params: ['fund.leverage=0:1:0.5'] },
  lhs: { params: ['fund.leverage=0:1', 'policy.fundShare=0.1:0.5'], design: 'lhs' as const, samples: 6 },
  three: { params: ['fund.leverage=0,1', 'policy.fundShare=0.2,0.4', 'governments.chongqing.strategy=compete,cooperate'] },
};
type Variant = keyof typeof VARIANTS;

const EXPECTED: Record<Variant, string[]> = {
  grid: ['heatmaps', 'effect-fund-leverage', 'effect-policy-fundshare', 'outcomes'],
  one: ['headline', 'outcomes'],
  lhs: ['scatter', 'effect-fund-leverage', 'effect-policy-fundshare', 'outcomes'],
  three: ['effect-fund-leverage', 'effect-policy-fundshare', 'effect-governments-chongqing-strategy', 'outcomes'],
};

let root: string;
const dirs = {} as Record<Variant, string>;
const charts = {} as Record<Variant, string[]>;
const variants = Object.keys(VARIANTS) as Variant[];

const chartsDir = (v: Variant) => join(dirs[v], 'charts');
const readSpec = (v: Variant, name: string) => JSON.parse(readFileSync(join(chartsDir(v), `${name}.vl.json`), 'utf8')) as TopLevelSpec & { title: { text: string } };
const readSvg = (v: Variant, name: string) => readFileSync(join(chartsDir(v), `${name}.svg`), 'utf8');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chuanyu-sweep-report-'));
  for (const v of variants) {
    const out = join(root, v);
    const result = await sweepAction({ scenario: SCENARIO, replications: 2, out, workers: 1, quiet: true, ...VARIANTS[v] });
    expect(result.complete).toBe(true);
    dirs[v] = out;
    charts[v] = (await renderSweepReport(out)).charts;
  }
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('renderSweepReport', () => {
  it('draws the charts each design calls for, with all three files each and report.html', async () => {
    for (const v of variants) {
      expect(charts[v], v).toEqual(EXPECTED[v]);
      const files = (await readdir(chartsDir(v))).sort();
      expect(files, v).toEqual([...EXPECTED[v].flatMap((n) => [`${n}.png`, `${n}.svg`, `${n}.vl.json`]), 'report.html'].sort());
    }
  });

  it('writes specs that validate against the Vega-Lite schema, compile without warnings and carry their data inline', () => {
    for (const v of variants)
      for (const name of charts[v]) {
        const spec = readSpec(v, name);
        const ok = validate(spec);
        expect(ok, `${v}/${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
        expect(compileWithWarnings(spec), `${v}/${name}`).toEqual([]);
        const blocks = dataBlocks(spec);
        expect(blocks.length, `${v}/${name}`).toBeGreaterThan(0);
        for (const block of blocks) expect(Array.isArray((block as { values?: unknown }).values), `${v}/${name}: data without inline values`).toBe(true);
        expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
      }
  });

  it('draws SVGs with the chart title and axis titles naming the parameters and units', () => {
    for (const v of variants)
      for (const name of charts[v]) {
        const svg = readSvg(v, name);
        const spec = readSpec(v, name);
        expect(svgRoleTexts(svg, 'title-text').join(' '), `${v}/${name}`).toContain(spec.title.text);
        const axes = svgRoleTexts(svg, 'axis-title');
        expect(axes.length, `${v}/${name}`).toBeGreaterThan(0);
        const parameter = name === 'effect-policy-fundshare' ? 'policy.fundShare' : name === 'effect-governments-chongqing-strategy' ? 'governments.chongqing.strategy' : 'fund.leverage';
        expect(axes.some((t) => t.startsWith(parameter)), `${v}/${name}: ${axes.join(' | ')}`).toBe(true);
        if (name.startsWith('effect-') || name === 'headline') {
          for (const title of ['Similarity coefficient (index)', 'Duplicated investment share (%)', 'Change in cumulative value added (billion yuan)', 'Cumulative payoff (billion yuan)', 'Capacity utilization (%)'])
            expect(axes, `${v}/${name}`).toContain(title);
        }
        if (name === 'outcomes' && v !== 'grid' && v !== 'lhs') expect(axes).toContain('Share of replications (%)');
      }
    // The grid's heatmaps: one panel per metric and region, legends titled with the unit.
    const heat = readSvg('grid', 'heatmaps');
    expect(svgRoleTexts(heat, 'legend-title')).toEqual(expect.arrayContaining(['index', '%', 'billion yuan']));
    expect(svgRoleTexts(heat, 'axis-title')).toContain('policy.fundShare');
  });

  it('labels every heatmap cell with its mean, in one format per metric', async () => {
    const data = await readSweep(dirs.grid);
    const summary = JSON.parse(readFileSync(join(dirs.grid, 'summary.json'), 'utf8'));
    const texts = svgTexts(readSvg('grid', 'heatmaps'));
    for (const point of summary.points) {
      expect(texts).toContain(formatIn(metricFormat(data, SIMILARITY), point.metrics['zone|similarity|final'].mean));
      expect(texts).toContain(formatIn(metricFormat(data, PAYOFF), point.metrics['sichuan|payoff|over_run'].mean));
    }
    // Changes carry a sign; every label of a metric has the same number of decimals.
    expect(metricFormat(data, VALUE_ADDED_CHANGE).signed).toBe(true);
    const decimals = (t: string) => (/\.(\d+)/.exec(t)?.[1].length ?? 0);
    const utilization = metricFormat(data, UTILIZATION);
    const labels = summary.points.map((p: { metrics: Record<string, { mean: number }> }) => formatIn(utilization, p.metrics['zone|utilization|over_run'].mean));
    expect(new Set(labels.map(decimals)).size).toBe(1);
    for (const label of labels) expect(texts).toContain(label);
  });

  it('shows the 95% interval of the mean under each heatmap cell', async () => {
    const data = await readSweep(dirs.grid);
    const summary = JSON.parse(readFileSync(join(dirs.grid, 'summary.json'), 'utf8'));
    const texts = svgTexts(readSvg('grid', 'heatmaps'));
    for (const point of summary.points)
      for (const [key, h] of [['zone|utilization|over_run', UTILIZATION], ['sichuan|value_added_change|final', VALUE_ADDED_CHANGE]] as const) {
        const label = intervalLabel(point.metrics[key], metricFormat(data, h));
        expect(label).toMatch(/^\[.+, .+\]$/);
        expect(texts).toContain(label);
        const [low, high] = meanBounds(point.metrics[key]);
        expect(low).toBeLessThanOrEqual(point.metrics[key].mean);
        expect(high).toBeGreaterThanOrEqual(point.metrics[key].mean);
      }
  });

  it('gives the panels of one metric one shared colour scale and legend, and each metric its own', () => {
    for (const v of ['grid', 'lhs'] as const) {
      const spec = readSpec(v, v === 'grid' ? 'heatmaps' : 'scatter') as unknown as { vconcat: { hconcat: Record<string, unknown>[]; resolve: { scale: { color: string }; legend: { color: string } } }[]; resolve: { scale: { color: string } } };
      expect(spec.resolve.scale.color).toBe('independent');
      expect(spec.vconcat.length, v).toBe(5);
      const domains = spec.vconcat.map((row) => {
        expect(row.resolve.scale.color).toBe('shared');
        expect(row.resolve.legend.color).toBe('shared');
        const scales = row.hconcat.map((panel) => JSON.stringify(colourEncoding(panel).scale.domain));
        expect(new Set(scales).size, `${v}: one domain in a row`).toBe(1);
        return { panels: row.hconcat.length, domain: scales[0] };
      });
      // Value added against the counterfactual and payoff: one panel per region in one row.
      expect(domains.map((d) => d.panels)).toEqual([1, 1, 2, 2, 1]);
      expect(new Set(domains.map((d) => d.domain)).size).toBe(5);
    }
    // The shared domain covers every region's means.
    const summary = JSON.parse(readFileSync(join(dirs.grid, 'summary.json'), 'utf8'));
    const payoffs = summary.points.flatMap((p: { metrics: Record<string, { mean: number }> }) => ['sichuan', 'chongqing'].map((r) => p.metrics[`${r}|payoff|over_run`].mean));
    const row = (readSpec('grid', 'heatmaps') as unknown as { vconcat: { hconcat: Record<string, unknown>[] }[] }).vconcat[3];
    const [lo, hi] = colourEncoding(row.hconcat[0]).scale.domain;
    expect(lo).toBeLessThanOrEqual(Math.min(...payoffs));
    expect(hi).toBeGreaterThanOrEqual(Math.max(...payoffs));
    // One legend per metric in the drawing: five legend titles.
    expect(svgRoleTexts(readSvg('grid', 'heatmaps'), 'legend-title')).toHaveLength(5);
  });

  it('never spreads a metric\'s colours over less than twice its widest interval (shares within 0-100%), levels around their means and changes around zero', async () => {
    for (const v of ['grid', 'lhs'] as const) {
      const data = await readSweep(dirs[v]);
      const spec = readSpec(v, v === 'grid' ? 'heatmaps' : 'scatter') as unknown as { vconcat: { hconcat: Record<string, unknown>[] }[] };
      SWEEP_HEADLINE.forEach((h, i) => {
        const cells = metricIntervals(data, h);
        const widest = Math.max(...cells.map((c) => c.high - c.low));
        expect(widest, `${v}/${h.id}: two replications give intervals`).toBeGreaterThan(0);
        const [lo, hi] = colourEncoding(spec.vconcat[i].hconcat[0]).scale.domain;
        // A share's scale stays inside 0-100%: at most all of it.
        const least = h.unit === 'share' ? Math.min(1, 2 * widest) : 2 * widest;
        expect(hi - lo, `${v}/${h.id}`).toBeGreaterThanOrEqual(least * (1 - 1e-6));
        if (h.unit === 'share') expect(lo >= 0 && hi <= 1, `${v}/${h.id}: inside 0-100%`).toBe(true);
        for (const c of cells) {
          expect(c.mean, `${v}/${h.id}`).toBeGreaterThanOrEqual(lo - 1e-6);
          expect(c.mean, `${v}/${h.id}`).toBeLessThanOrEqual(hi + 1e-6);
        }
        if (h.zeroLine) expect(lo, `${v}/${h.id}: centred on zero`).toBeCloseTo(-hi, 6);
      });
    }
  });

  it('names in the points table the statistic each column really is, in a scrolling box with a sticky header', () => {
    const html = readFileSync(join(chartsDir('grid'), 'report.html'), 'utf8');
    const heads = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    const head = (start: string) => heads.filter((h) => h.startsWith(start));
    expect(head('Value added vs counterfactual')).toEqual(['Value added vs counterfactual, Sichuan (cumulative over the run, billion yuan)', 'Value added vs counterfactual, Chongqing (cumulative over the run, billion yuan)']);
    expect(head('Similarity')).toEqual(['Similarity (final year, index)']);
    expect(head('Payoff, Sichuan')).toEqual(['Payoff, Sichuan (sum over the run, billion yuan)']);
    expect(head('Utilization')).toEqual(['Utilization (mean over the run)']);
    expect(html).toContain('<div class="table-wrap points-scroll"><table class="headline points">');
    expect(html).toMatch(/\.points-scroll \{[^}]*overflow: auto;/);
    expect(html).toMatch(/table\.points thead th \{[^}]*position: sticky; top: 0;/);
  });

  it('draws a categorical parameter as points with error bars and numeric ones as lines with bands', () => {
    const categorical = readSpec('three', 'effect-governments-chongqing-strategy') as unknown as { concat: { layer: { mark: { type: string }; encoding: { x?: { type: string; sort?: string[] } } }[] }[] };
    const marks = categorical.concat[0].layer.map((l) => l.mark.type);
    expect(marks).toEqual(['rule', 'point']);
    expect(categorical.concat[0].layer[1].encoding.x).toMatchObject({ type: 'nominal', sort: ['compete', 'cooperate'] });
    const numeric = readSpec('one', 'headline') as unknown as typeof categorical;
    expect(numeric.concat[0].layer.map((l) => l.mark.type)).toEqual(['area', 'line']);
    // A Latin hypercube among several parameters: points, no line.
    const lhs = readSpec('lhs', 'effect-fund-leverage') as unknown as typeof categorical;
    expect(lhs.concat[0].layer.map((l) => l.mark.type)).toEqual(['rule', 'point']);
  });

  it('writes PNGs at twice the SVG size', async () => {
    for (const v of variants)
      for (const name of charts[v]) {
        const size = svgSize(readSvg(v, name));
        const png = await readFile(join(chartsDir(v), `${name}.png`));
        expect(pngHeaderSize(png), `${v}/${name}`).toEqual({ width: Math.round(size.width * PNG_SCALE), height: Math.round(size.height * PNG_SCALE) });
      }
  });

  it('writes a self-contained report.html that shows and links every chart with a caption', () => {
    for (const v of variants) {
      const html = readFileSync(join(chartsDir(v), 'report.html'), 'utf8');
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
      expect(urls.filter((u) => !/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/.test(u)), v).toEqual([]);
      expect(html).not.toMatch(/<script|<link\b|<img\b/);
      for (const name of charts[v]) {
        expect(html, `${v}/${name}`).toContain(`<section id="chart-${name}"`);
        expect(html).toContain(`href="#chart-${name}"`);
        for (const ext of ['vl.json', 'svg', 'png']) expect(html).toContain(`href="${name}.${ext}"`);
      }
      expect(html.match(/<svg role="img" aria-labelledby="chart-[^"]+-title"/g)?.length).toBe(charts[v].length);
      expect(html.match(/<figcaption>[^<]{40,}<\/figcaption>/g)?.length).toBe(charts[v].length);
      expect(html).toContain('<code>fund.leverage</code>');
      expect(html).toContain('Small cooperate world for tests');
    }
  });

  it('reproduces the specs byte for byte when rendered again', async () => {
    for (const v of ['grid', 'lhs'] as const) {
      const before = charts[v].map((n) => readFileSync(join(chartsDir(v), `${n}.vl.json`)));
      const html = readFileSync(join(chartsDir(v), 'report.html'));
      await renderSweepReport(dirs[v]);
      charts[v].forEach((n, i) => expect(readFileSync(join(chartsDir(v), `${n}.vl.json`)).equals(before[i]), `${v}/${n}`).toBe(true));
      expect(readFileSync(join(chartsDir(v), 'report.html')).equals(html), `${v}/report.html`).toBe(true);
    }
  });

  it('writes only the formats asked for and removes stale files of the others', async () => {
    const result = await renderSweepReport(dirs.one, { formats: ['vl'] });
    const files = await readdir(chartsDir('one'));
    expect(files.filter((f) => f.endsWith('.png') || f.endsWith('.svg'))).toEqual([]);
    expect(result.files.map((f) => f.slice(chartsDir('one').length + 1))).toEqual(['headline.vl.json', 'outcomes.vl.json', 'report.html']);
    const html = readFileSync(result.report, 'utf8');
    expect(html).toContain('<svg role="img"');
    expect(html).not.toContain('.png"');
    await expect(renderSweepReport(dirs.one, { formats: ['gif'] })).rejects.toThrow('unknown chart format "gif"');
  });

  it('names the problem when the folder is not a finished sweep', async () => {
    await expect(renderSweepReport(root)).rejects.toThrow(/not a finished sweep folder \(no plan\.json\)/);
    expect(existsSync(join(root, 'charts'))).toBe(false);
  });
});
