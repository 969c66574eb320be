/**
 * Charts and tables a report writer can paste (issue 16): event labels inside
 * the plot away from the axes, the target at the year it was observed, one
 * number format per interval, one zone row in the compare table, PDF with text
 * kept as text, --captions none, and the scenario's note on illustrative numbers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLayersOf, readableId } from '../../src/report/common/events.js';
import { similarityChart } from '../../src/report/run/charts/similarity.js';
import { topLevel } from '../../src/report/common/chart-spec.js';
import { writeChart, withoutCaptions } from '../../src/report/common/chart-files.js';
import { d3FormatOf, formatBoundsIn, formatIn, formatInterval, formatIntervalIn, intervalDecimals, quantityFormat } from '../../src/report/common/format.js';
import { formatComparison } from '../../src/report/compare/text.js';
import { illustrativeHtml, illustrativeLines, illustrativeNotes } from '../../src/report/common/illustrative.js';
import { readResults, type ResultsData } from '../../src/report/run/read.js';
import { renderSvg, solidDashes, svgToPdf, textWidth } from '../../src/report/common/render.js';
import type { Comparison, ComparisonRow } from '../../src/experiment/compare.js';
import { makeResultsFolder } from './fixture.js';
import { svgRoleTexts } from './svg-helpers.js';

let data: ResultsData;
let dir: string;
const tmp: string[] = [];
beforeAll(async () => {
  dir = await makeResultsFolder();
  data = await readResults(dir);
});
afterAll(async () => {
  await rm(dirname(dir), { recursive: true, force: true });
  for (const d of tmp) await rm(d, { recursive: true, force: true });
});

type Layer = { data: { values: { year: number }[] }; mark: Record<string, unknown> };
const textLayers = (layers: unknown[]) => (layers as Layer[]).filter((l) => l.mark.type === 'text' && l.mark.stroke === undefined);

describe('event labels', () => {
  it('sit inside the plot, right of the rule near the left edge and left of it near the right edge', () => {
    const layers = eventLayersOf([{ year: 2020, kind: 'fund', label: 'Fund created' }, { year: 2054, kind: 'shock', label: 'Late shock' }], 280, [2020, 2054]);
    const texts = textLayers(layers);
    expect(texts).toHaveLength(2);
    const first = texts.find((l) => l.data.values[0].year === 2020)!.mark;
    const last = texts.find((l) => l.data.values[0].year === 2054)!.mark;
    // Rotated 90 degrees: baseline 'bottom' with a negative dy lies right of the rule (into the plot, off the y axis).
    expect(first).toMatchObject({ angle: 90, align: 'left', baseline: 'bottom' });
    expect(first.dy as number).toBeLessThan(0);
    expect(last).toMatchObject({ angle: 90, align: 'left', baseline: 'top' });
    expect(last.dy as number).toBeGreaterThan(0);
    // Both start below the top edge of the plot.
    for (const m of [first, last]) expect(m.dx as number).toBeGreaterThan(0);
  });

  it('name a fund in words, region ids by their names', () => {
    expect(readableId('chengdu-chongqing-fund', new Map([['chongqing', 'Chongqing']]))).toBe('Chengdu Chongqing fund');
    expect(readableId('joint-fund')).toBe('Joint fund');
  });
});

describe('target points', () => {
  it('are drawn at the year they were observed, the axis reaching back to it, and labelled with that year', () => {
    const moved: ResultsData = { ...data, scenario: { ...data.scenario, target: { metric: 'similarity', source: 'Table 1', points: [{ year: 2010, value: 0.65, observedYear: 2005 }] } } };
    const spec = similarityChart(moved) as unknown as { layer: { data?: { values: { year: number }[] }; encoding: { x: { scale: { domain: number[] } }; shape?: { scale: { domain: string[] } } } }[] };
    const target = spec.layer.find((l) => l.encoding.shape)!;
    expect(target.data!.values.map((v) => v.year)).toEqual([2005]);
    expect(target.encoding.shape!.scale.domain).toEqual(['Observed (2005)']);
    expect(target.encoding.x.scale.domain[0]).toBe(2005);
  });
});

describe('interval format', () => {
  it('gives a mean and its bounds one format, the decimals chosen by the interval width', () => {
    expect(formatInterval(-33, -522.0, 340.9)).toBe('-33 [-522, 341]');
    expect(formatInterval(0.0063, 1.1e-16, 0.0126)).toBe('0.006 [0.000, 0.013]');
    expect(formatInterval(655, 147, 1162, { signed: true })).toBe('+655 [147, 1,162]');
    expect(formatInterval(0.5, 0.45, 0.55)).toBe('0.50 [0.45, 0.55]');
    expect(formatInterval(0, 0, 0)).toBe('0 [0, 0]');
    expect(formatInterval(-0.0001, -0.2, 0.2)).toBe('0.00 [-0.20, 0.20]');
    expect(intervalDecimals(0, 1234)).toBe(0);
    expect(intervalDecimals(Number.NaN, 0.0123)).toBe(4);
  });

  it('gives every number of one quantity one format, from the median width of its intervals', () => {
    // Shares 90.1% and 91.1% with intervals about 1.2 points wide: one decimal of a percentage for both, and their bounds.
    const share = quantityFormat([{ mean: 0.901, low: 0.895, high: 0.907 }, { mean: 0.911, low: 0.905, high: 0.917 }, { mean: 0.5, low: 0.4, high: 0.6 }], 'share');
    expect(share).toEqual({ decimals: 1, scale: 100, suffix: '%', signed: false });
    expect([formatIn(share, 0.901), formatIn(share, 0.5)]).toEqual(['90.1%', '50.0%']);
    expect(formatIntervalIn(share, 0.901, 0.895, 0.907)).toBe('90.1% [89.5%, 90.7%]');
    expect(formatBoundsIn(share, Number.NaN, 1)).toBe('');
    expect(d3FormatOf(share)).toBe('.1%');
    const change = quantityFormat([{ mean: 655, low: 147, high: 1162 }], 'billion yuan', { signed: true });
    expect([formatIn(change, 655), formatIn(change, -21), formatIn(change, Number.NaN)]).toEqual(['+655', '-21', 'n/a']);
    expect(d3FormatOf(change)).toBe('+,.0f');
    // One replication, no interval: three significant digits of the median value.
    expect(quantityFormat([{ mean: 0.7312, low: Number.NaN, high: Number.NaN }], 'index').decimals).toBe(3);
  });
});

describe('compare table', () => {
  const row = (region: string, metric: string, statistic: string, d: number): ComparisonRow =>
    ({ scenario: 'b', reference: 'a', region, metric, statistic, n: 3, meanA: 10, meanB: 10 + d, difference: d, ciLow: d - 1, ciHigh: d + 1, t: 1, p: 0.5 }) as ComparisonRow;
  it('shows the zone once when a region or pair only repeats its numbers', () => {
    const comparison = {
      scenarios: ['a', 'b'],
      rows: [row('solo', 'value_added', 'over_run', 5), row('zone', 'value_added', 'over_run', 5), row('solo~other', 'similarity', 'final', 0.1), row('zone', 'similarity', 'final', 0.1)],
    } as unknown as Comparison;
    const lines = formatComparison(comparison).split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /\bzone\b/.test(l))).toBe(true);
  });

  it('keeps regions whose numbers differ from the zone\'s', () => {
    const comparison = { scenarios: ['a', 'b'], rows: [row('x', 'value_added', 'over_run', 2), row('y', 'value_added', 'over_run', 3), row('zone', 'value_added', 'over_run', 5)] } as unknown as Comparison;
    expect(formatComparison(comparison).split('\n')).toHaveLength(4);
  });
});

const small = (): TopLevelSpec =>
  topLevel('Paste-ready chart title', 'A long method note that should not be baked into a pasted chart.', {
    width: 120,
    height: 60,
    data: { values: [{ x: 1, y: 2, s: 'a' }, { x: 2, y: 3, s: 'b' }] },
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, strokeDash: { field: 's', type: 'nominal' } },
  });

/** Every stream of a PDF, inflated where it is compressed. */
function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(inflateSync(raw).toString('latin1'));
    } catch {
      out.push(raw.toString('latin1'));
    }
  }
  return out;
}

describe('long labels', () => {
  /** A bar chart whose y labels are the given texts, each axis label cut at `limit` px. */
  const bars = (labels: string[], limit: number) =>
    topLevel('Long labels', null, {
      data: { values: labels.map((label, i) => ({ label, value: i + 1 })) },
      mark: 'bar',
      encoding: { y: { field: 'label', type: 'nominal', title: null, axis: { labelLimit: limit } }, x: { field: 'value', type: 'quantitative' } },
    });
  /** The left edge of each y label in the SVG's own coordinates (labels are right-aligned at the axis). */
  const labelEdges = (svg: string) => {
    const origin = /<g[^>]*transform="translate\(([\d.]+),/.exec(svg)!;
    return [...svg.matchAll(/<text text-anchor="end" transform="translate\((-?[\d.]+),[^"]*"[^>]*font-size="11px"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[2], left: Number(origin[1]) + Number(m[1]) - textWidth(m[2], 11) }));
  };

  it('are cut at their limit with an ellipsis and stay inside the chart; shorter ones are whole', async () => {
    const long = 'profit from owners elsewhere, net (outside leakage)';
    const svg = await renderSvg(bars([long, 'wages'], 120));
    const edges = labelEdges(svg);
    const cut = edges.find((e) => e.text.endsWith('\u2026'))!;
    expect(cut, 'the long label is cut').toBeDefined();
    expect(long.startsWith(cut.text.slice(0, -1))).toBe(true);
    expect(textWidth(cut.text, 11)).toBeLessThanOrEqual(120);
    expect(edges.find((e) => e.text === 'wages')).toBeDefined();
    for (const e of edges) expect(e.left, e.text).toBeGreaterThanOrEqual(0);
    // With room for it, the same label is drawn whole, still inside the chart.
    const whole = labelEdges(await renderSvg(bars([long, 'wages'], 400)));
    expect(whole.map((e) => e.text)).toContain(long);
    for (const e of whole) expect(e.left, e.text).toBeGreaterThanOrEqual(0);
  });
});

describe('PDF and captions', () => {
  it('a PDF chart is a PDF whose text stays text in the embedded DejaVu fonts, with the title as its document title', async () => {
    const svg = await renderSvg(small());
    const pdf = await svgToPdf(svg, 'Paste-ready chart title');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain('/FontFile2'); // an embedded TrueType font
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    const titleRef = /\/Title (\d+) 0 R/.exec(text)?.[1];
    expect(text).toContain(`\n${titleRef} 0 obj\n(Paste-ready chart title)\nendobj`);
    const streams = pdfStreams(pdf).join('\n');
    // Text drawn with text operators (BT ... TJ/Tj), not as outlines; the title among it (bold font, 16 px).
    const runs = streams.match(/\bBT\b[\s\S]*?\bET\b/g) ?? [];
    expect(runs.length).toBeGreaterThanOrEqual(svgRoleTexts(svg, 'axis-label').length);
    expect(runs.some((r) => /\/F\d+ 16 Tf/.test(r))).toBe(true);
    expect(streams).toContain('begincmap'); // a ToUnicode map: the text can be copied and searched
    // The same chart gives the same bytes.
    expect((await svgToPdf(svg, 'Paste-ready chart title')).equals(pdf)).toBe(true);
  });

  it('a solid line of a dash scale is drawn solid (pdfkit refuses a zero gap)', () => {
    expect(solidDashes('<path stroke-dasharray="1,0" d="M0,0"/><path stroke-dasharray="6,4"/>')).toBe('<path d="M0,0"/><path stroke-dasharray="6,4"/>');
  });

  it('--captions none keeps the title and leaves out the notes, in every file', async () => {
    const out = await mkdtemp(join(tmpdir(), 'chuanyu-captions-'));
    tmp.push(out);
    const spec = small();
    expect((withoutCaptions(spec) as unknown as { title: Record<string, unknown> }).title).toEqual({ text: 'Paste-ready chart title' });
    const full = await writeChart(out, { name: 'full', heading: 'Full', caption: 'c', spec }, ['vl', 'svg']);
    const none = await writeChart(out, { name: 'none', heading: 'None', caption: 'c', spec }, ['vl', 'svg', 'pdf'], 'none');
    expect(svgRoleTexts(full.drawn.svg, 'title-subtitle').join(' ')).toContain('long method note');
    expect(svgRoleTexts(none.drawn.svg, 'title-subtitle')).toEqual([]);
    expect(svgRoleTexts(none.drawn.svg, 'title-text')).toEqual(['Paste-ready chart title']);
    expect(await readFile(join(out, 'none.vl.json'), 'utf8')).not.toContain('method note');
    expect(none.files.map((f) => f.slice(out.length + 1))).toEqual(['none.vl.json', 'none.svg', 'none.pdf']);
    expect(none.drawn.files.map((f) => f.label)).toEqual(['Vega-Lite spec', 'SVG', 'PDF']);
  });
});

describe('illustrative numbers', () => {
  it('are shown once per distinct note, escaped in HTML and stripped of control characters in the terminal', () => {
    const notes = illustrativeNotes([
      { name: 'baseline', illustrative: 'Plausible <shares> & rates.' },
      { name: 'cooperate', illustrative: ' Plausible <shares>\n & rates. ' },
      { name: 'plain' },
    ]);
    expect(notes).toEqual([{ scenarios: ['baseline', 'cooperate'], text: 'Plausible <shares> & rates.' }]);
    const html = illustrativeHtml(notes);
    expect(html).toContain('Plausible &lt;shares&gt; &amp; rates.');
    expect(html).toContain('role="note"');
    expect(illustrativeHtml([])).toBe('');
    const two = illustrativeNotes([{ name: 'a', illustrative: 'One\u001b[31m red' }, { name: 'b', illustrative: 'Two' }]);
    expect(illustrativeLines(two)).toEqual(['Illustrative numbers (a): One[31m red', 'Illustrative numbers (b): Two']);
  });

  it('the run report shows the scenario\'s note', async () => {
    const { buildHtmlReport } = await import('../../src/report/run/page.js');
    const withNote = { ...data, scenario: { ...data.scenario, illustrative: 'Numbers are <made up>.' } };
    const html = buildHtmlReport(withNote, [], [], illustrativeHtml(illustrativeNotes([withNote.scenario])));
    expect(html).toContain('Illustrative numbers:</strong> Numbers are &lt;made up&gt;.');
    expect(buildHtmlReport(data, [], [])).not.toContain('class="illustrative"');
  });
});
