/**
 * Every chart spec: valid against the Vega-Lite JSON schema, compiles without
 * warnings, carries its data inline; the rendered SVG has the expected title,
 * axis titles with units, legends, events and one mark group per series.
 */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { compile } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/report/run/charts.js';
import { chartEvents } from '../../src/report/run/charts/events.js';
import { OKABE_ITO, SECTOR_COLOURS, regionColours } from '../../src/report/common/palette.js';
import { readResults, type ResultsData } from '../../src/report/run/read.js';
import { renderSvg } from '../../src/report/common/render.js';
import { makeResultsFolder } from './fixture.js';
import { ajv, validate, compileWithWarnings } from './vega-helpers.js';
import { lineSeriesCount, lineStrokes, svgRoleTexts, svgTexts } from './svg-helpers.js';



const folders: string[] = [];
let full: ResultsData;
let plain: ResultsData;
let three: ResultsData;

beforeAll(async () => {
  const dirs = await Promise.all([makeResultsFolder(), makeResultsFolder({ plain: true }), makeResultsFolder({ regions: 3 })]);
  folders.push(...dirs);
  [full, plain, three] = await Promise.all(dirs.map((d) => readResults(d)));
});

afterAll(async () => {
  for (const dir of folders) await rm(dirname(dir), { recursive: true, force: true });
});

const specs = (data: ResultsData) => CHARTS.map((c) => ({ name: c.name, spec: c.build(data) }));

describe('chart specs', () => {
  it('cover the eight charts, the fund chart only when a fund received money', () => {
    expect(CHARTS.map((c) => c.name)).toEqual(['similarity', 'sector-structure', 'capacity', 'waste', 'clusters', 'value-added', 'win-win', 'guidance-fund']);
    expect(specs(full).every((s) => s.spec !== null)).toBe(true);
    const plainSpecs = specs(plain);
    expect(plainSpecs.filter((s) => s.spec === null).map((s) => s.name)).toEqual(['guidance-fund']);
  });

  for (const variant of ['full', 'plain', 'three'] as const) {
    it(`validate against the Vega-Lite schema and compile without warnings (${variant})`, () => {
      const data = { full, plain, three }[variant];
      for (const { name, spec } of specs(data)) {
        if (!spec) continue;
        const ok = validate(spec);
        expect(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
        expect(compileWithWarnings(spec), name).toEqual([]);
        const vega = compile(spec).spec;
        expect(vega.marks?.length ?? 0, name).toBeGreaterThan(0);
      }
    });
  }

  it('the schema check rejects a broken spec (the validator works)', () => {
    const broken = { ...(specs(full)[0].spec as object), mark: 'lien' };
    expect(validate(broken)).toBe(false);
  });

  it('carry their data inline, a title and the Vega-Lite schema URL', () => {
    for (const { name, spec } of specs(full)) {
      const text = JSON.stringify(spec);
      expect(text, name).not.toMatch(/"url"\s*:/);
      expect(text, name).toContain('"values"');
      expect(spec).toHaveProperty('title.text');
      expect((spec as { $schema?: string }).$schema).toMatch(/vega-lite\/v6\.json$/);
      expect(text, name).not.toMatch(/NaN|Infinity/);
    }
  });

  it('are pure: building twice gives the same JSON', () => {
    for (const chart of CHARTS) expect(JSON.stringify(chart.build(full))).toBe(JSON.stringify(chart.build(full)));
  });

  it('name the DejaVu Sans font in their config', () => {
    for (const { spec } of specs(full)) if (spec) expect((spec as { config?: { font?: string } }).config?.font).toBe('DejaVu Sans');
  });
});

describe('rendered SVG', () => {
  const svgs = new Map<string, string>();
  beforeAll(async () => {
    for (const { name, spec } of specs(full)) if (spec) svgs.set(name, await renderSvg(spec));
  });

  it('similarity: title, axis titles with units, one line per pair and run, target points and events', () => {
    const svg = svgs.get('similarity')!;
    expect(svgRoleTexts(svg, 'title-text')).toContain("Similarity of the regions' industrial structures");
    const axes = svgRoleTexts(svg, 'axis-title');
    expect(axes).toContain('Year');
    expect(axes).toContain('Similarity coefficient (index)');
    // One pair, scenario and counterfactual.
    expect(lineSeriesCount(svg)).toBe(2);
    const texts = svgTexts(svg);
    expect(texts).toContain('Sichuan – Chongqing');
    expect(texts).toContain('Observed (2010, 2015, 2021)');
    expect(texts).toContain('Test agreement');
    expect(svgRoleTexts(svg, 'title-subtitle').join(' ')).toContain('Test target');
  });

  it('value added: one line per region and run, in the regions\' palette colours', () => {
    const svg = svgs.get('value-added')!;
    expect(svgRoleTexts(svg, 'axis-title')).toContain('Value added (billion yuan)');
    expect(lineSeriesCount(svg)).toBe(4);
    const strokes = new Set(lineStrokes(svg));
    expect(strokes).toEqual(new Set([OKABE_ITO.blue, OKABE_ITO.vermillion]));
    expect(svgRoleTexts(svg, 'legend-label')).toEqual(expect.arrayContaining(['Sichuan', 'Chongqing', 'Scenario (mean)', 'Counterfactual (mean)']));
  });

  it('sector structure: one panel per region, sectors named in the legend', () => {
    const svg = svgs.get('sector-structure')!;
    expect(svgRoleTexts(svg, 'title-text')).toEqual(expect.arrayContaining(['Sector structure of each region', 'Sichuan', 'Chongqing']));
    expect(svgRoleTexts(svg, 'axis-title')).toContain("Share of the region's output (%)");
    expect(svgRoleTexts(svg, 'legend-label')).toEqual(['Food and beverages', 'Metallurgy', 'Automobiles', 'Electronic information']);
    expect(svg.match(/<g class="mark-area role-mark\b/g)?.length).toBe(2 * 4);
    // Wide bands are also named at their right end (direct labels), drawn as text in the plot.
    const spec = CHARTS.find((c) => c.name === 'sector-structure')!.build(full) as unknown as { concat: { layer: { mark: { type: string }; data?: { values: { sector: string; mid: number }[] } }[] }[] };
    const direct = spec.concat.map((panel) => panel.layer.find((l) => l.mark.type === 'text' && l.data?.values[0]?.sector !== undefined)?.data?.values ?? []);
    expect(direct.every((labels) => labels.length > 0)).toBe(true);
    const texts = svgTexts(svg);
    for (const labels of direct) for (const l of labels) expect(texts.filter((t) => t === l.sector).length, l.sector).toBeGreaterThanOrEqual(2);
  });

  it('capacity: one utilization line per sector plus the zone, threshold and duplicated- and wasted-expansion panel', () => {
    const svg = svgs.get('capacity')!;
    const axes = svgRoleTexts(svg, 'axis-title');
    expect(axes).toContain('Capacity utilization (%)');
    expect(axes).toContain('Share of expansion (%)');
    // 4 sectors + zone, then 2 duplicated-investment series x 2 runs.
    expect(lineSeriesCount(svg)).toBe(5 + 4);
    expect(svgTexts(svg)).toContain('Overcapacity threshold (80%)');
  });

  it('waste: four panels of zone waste, each with its counterfactual dashed', () => {
    const svg = svgs.get('waste')!;
    const titles = svgRoleTexts(svg, 'title-text');
    for (const t of ['Idle capital (capital x unused capacity share)', 'Capital written off (exits after scrap, relocation losses)', 'Expansion wasted (sector in overcapacity within the horizon)', 'Duplicated expansion on line into overcapacity'])
      expect(titles).toContain(t);
    expect(lineSeriesCount(svg)).toBe(4 * 2); // scenario and counterfactual in each panel
  });

  it('clusters: a heatmap per snapshot year with LQ values', () => {
    const svg = svgs.get('clusters')!;
    const texts = svgTexts(svg);
    for (const year of ['2010', '2015', '2021']) expect(texts).toContain(year);
    expect(svg.match(/<g class="mark-rect role-mark\b/g)?.length).toBeGreaterThanOrEqual(3);
    expect(texts.filter((t) => /^\d+\.\d\d$/.test(t)).length).toBe(3 * 2 * 4);
  });

  it('win-win: one point per replication, the zero-sum diagonal and quadrant labels', () => {
    const svg = svgs.get('win-win')!;
    const axes = svgRoleTexts(svg, 'axis-title');
    expect(axes).toContain('Sichuan: change in cumulative value added (billion yuan)');
    expect(axes).toContain('Chongqing: change in cumulative value added (billion yuan)');
    const texts = svgTexts(svg);
    expect(texts).toContain('zero-sum: x + y = 0 (above: the zone gains)');
    expect(texts).toContain('Both lose');
    const points = svg.match(/<g class="mark-symbol role-mark\b[^>]*>([\s\S]*?)<\/g>/)?.[1] ?? '';
    expect(points.match(/<path\b/g)?.length).toBe(full.summary.replications);
  });

  it('guidance fund: stocks, investment by region, TVPI', () => {
    const svg = svgs.get('guidance-fund')!;
    const axes = svgRoleTexts(svg, 'axis-title');
    expect(axes).toEqual(expect.arrayContaining(['Amount (billion yuan)', 'Invested per year (billion yuan)', 'TVPI (ratio)']));
    expect(svgRoleTexts(svg, 'legend-label')).toEqual(expect.arrayContaining(['Committed (paid in)', 'Private capital mobilised', 'Net asset value (NAV)']));
    // 5 stocks, 2 regions, TVPI.
    expect(lineSeriesCount(svg)).toBe(5 + 2 + 1);
  });

  it('time charts draw every event', () => {
    expect(chartEvents(full)).toEqual([
      { year: 2010, kind: 'fund', label: 'Test fund created' },
      { year: 2014, kind: 'agreement', label: 'Test agreement' },
    ]);
    for (const name of ['similarity', 'sector-structure', 'capacity', 'value-added', 'guidance-fund']) {
      expect(svgTexts(svgs.get(name)!), name).toContain('Test agreement');
      expect(svgTexts(svgs.get(name)!), name).toContain('Test fund created');
    }
  });
});

describe('three regions', () => {
  it('similarity draws one line per pair and run; win-win says it shows the first two regions', async () => {
    const similarity = await renderSvg(CHARTS.find((c) => c.name === 'similarity')!.build(three)!);
    expect(lineSeriesCount(similarity)).toBe(3 * 2);
    const winWin = await renderSvg(CHARTS.find((c) => c.name === 'win-win')!.build(three)!);
    expect(svgRoleTexts(winWin, 'title-subtitle').join(' ')).toContain('this chart shows the first two');
  });

  it('regions keep their colours: fixed for Sichuan and Chongqing, the next free one for others', () => {
    expect(regionColours(['sichuan', 'chongqing', 'guang-an'])).toEqual([OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen]);
    expect(regionColours(['chongqing', 'sichuan'])).toEqual([OKABE_ITO.vermillion, OKABE_ITO.blue]);
    expect(regionColours(['a', 'b'])).toEqual([OKABE_ITO.blue, OKABE_ITO.vermillion]);
    expect(new Set(SECTOR_COLOURS).size).toBe(SECTOR_COLOURS.length);
    expect(SECTOR_COLOURS.length).toBeGreaterThanOrEqual(12);
  });
});
