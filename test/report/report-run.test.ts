/**
 * renderRunReport on a results folder made through the API: the files it
 * writes, PNGs that decode at 2x and are not blank, a self-contained
 * report.html, byte-identical specs on re-rendering, and the format option.
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/report/run/charts.js';
import { prefixSvgIds } from '../../src/report/common/html.js';
import { renderRunReport, type RenderRunReportResult } from '../../src/report/run/report.js';
import { parseFormats } from '../../src/report/common/chart-formats.js';
import { PNG_SCALE, textWidth } from '../../src/report/common/render.js';
import { UserError } from '../../src/scenario/errors.js';
import { makeResultsFolder } from './fixture.js';
import { svgSize } from './svg-helpers.js';

const folders: string[] = [];
let dir: string;
let plainDir: string;
let result: RenderRunReportResult;

beforeAll(async () => {
  [dir, plainDir] = await Promise.all([makeResultsFolder(), makeResultsFolder({ plain: true })]);
  folders.push(dir, plainDir);
  result = await renderRunReport(dir);
});

afterAll(async () => {
  for (const d of folders) await rm(dirname(d), { recursive: true, force: true });
});

/** Reads the width and height from a PNG's IHDR chunk. */
function pngHeaderSize(buffer: Buffer): { width: number; height: number } {
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('renderRunReport', () => {
  it('writes NAME.vl.json, NAME.svg and NAME.png for every chart, and report.html', async () => {
    const names = CHARTS.map((c) => c.name);
    expect(result.charts).toEqual(names);
    expect(result.skipped).toEqual([]);
    const files = (await readdir(join(dir, 'charts'))).sort();
    const expected = [...names.flatMap((n) => [`${n}.vl.json`, `${n}.svg`, `${n}.png`]), 'report.html'].sort();
    expect(files).toEqual(expected);
    expect(result.report).toBe(join(dir, 'charts', 'report.html'));
    expect(result.files).toHaveLength(expected.length);
  });

  it('writes specs as 2-space JSON with a trailing newline', async () => {
    const text = await readFile(join(dir, 'charts', 'similarity.vl.json'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it('writes PNGs at twice the SVG size that are not blank where the title is', async () => {
    for (const name of result.charts) {
      const svg = await readFile(join(dir, 'charts', `${name}.svg`), 'utf8');
      const png = await readFile(join(dir, 'charts', `${name}.png`));
      const size = svgSize(svg);
      const header = pngHeaderSize(png);
      expect(header, name).toEqual({ width: Math.round(size.width * PNG_SCALE), height: Math.round(size.height * PNG_SCALE) });
      const image = PNG.sync.read(png);
      expect(image.width).toBe(header.width);
      // The title is drawn at the top left (16 px padding, 16 px bold): count dark pixels there.
      let dark = 0;
      const rows = Math.min(image.height, 48 * PNG_SCALE);
      const cols = Math.min(image.width, 400 * PNG_SCALE);
      for (let y = 0; y < rows; y++)
        for (let x = 0; x < cols; x++) {
          const i = 4 * (y * image.width + x);
          if (image.data[i] < 128 && image.data[i + 1] < 128 && image.data[i + 2] < 128) dark++;
        }
      expect(dark, `${name}: dark title pixels`).toBeGreaterThan(500);
      // The background is white (top-left corner pixel).
      expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    }
  });

  it('reproduces the .vl.json files byte for byte when rendering the folder again', async () => {
    const before = new Map<string, Buffer>();
    for (const name of result.charts) before.set(name, await readFile(join(dir, 'charts', `${name}.vl.json`)));
    await renderRunReport(dir, { formats: ['vl'] });
    for (const name of result.charts) expect((await readFile(join(dir, 'charts', `${name}.vl.json`))).equals(before.get(name)!), name).toBe(true);
    // Only the requested formats remain: stale SVG and PNG files are removed.
    const files = await readdir(join(dir, 'charts'));
    expect(files.filter((f) => f.endsWith('.png') || f.endsWith('.svg'))).toEqual([]);
    await renderRunReport(dir); // restore every format for the other tests
  });

  it('writes only the requested formats, and always report.html', async () => {
    const r = await renderRunReport(plainDir, { formats: ['svg'] });
    const files = (await readdir(join(plainDir, 'charts'))).sort();
    expect(files).toEqual([...r.charts.map((n) => `${n}.svg`), 'report.html'].sort());
    expect(r.skipped).toEqual(['guidance-fund']);
    const html = await readFile(r.report, 'utf8');
    expect(html).toContain('no guidance fund received money in this run');
    expect(html).not.toContain('.png"');
  });

  it('renders a single-region run, leaving out the charts that need two regions', async () => {
    const single = await makeResultsFolder({ regions: 1 });
    folders.push(single);
    const r = await renderRunReport(single, { formats: ['vl'] });
    expect(r.skipped).toEqual(['similarity', 'win-win']);
    expect(r.charts).toEqual(['sector-structure', 'capacity', 'waste', 'clusters', 'value-added', 'guidance-fund']);
  });

  it('rejects unknown formats with a clear message', async () => {
    expect(() => parseFormats(['svg,jpg'])).toThrow(UserError);
    expect(() => parseFormats(['svg,jpg'])).toThrow('unknown chart format "jpg"; valid formats: vl, svg, png');
    expect(() => parseFormats([''])).toThrow('no chart format given');
    expect(parseFormats(['PNG, svg', 'png'])).toEqual(['png', 'svg']);
    await expect(renderRunReport(dir, { formats: ['gif' as never] })).rejects.toThrow('unknown chart format "gif"');
  });

  it('renders PNGs alone when asked (the SVG they are drawn from is not kept)', async () => {
    const r = await renderRunReport(plainDir, { formats: ['png'] });
    const files = (await readdir(join(plainDir, 'charts'))).sort();
    expect(files).toEqual([...r.charts.map((n) => `${n}.png`), 'report.html'].sort());
    for (const name of r.charts) pngHeaderSize(await readFile(join(plainDir, 'charts', `${name}.png`)));
  });
});

describe('report.html', () => {
  let html: string;
  beforeAll(async () => {
    html = await readFile(join(dir, 'charts', 'report.html'), 'utf8');
  });

  it('references every chart: inline SVG, a heading, a caption and links to its files', () => {
    for (const chart of CHARTS) {
      expect(html).toContain(`<section id="chart-${chart.name}"`);
      expect(html).toContain(`href="#chart-${chart.name}"`);
      for (const ext of ['.png', '.svg', '.vl.json']) expect(html).toContain(`href="${chart.name}${ext}"`);
    }
    expect(html.match(/<svg\b/g)?.length).toBe(CHARTS.length);
    expect(html.match(/<figcaption>/g)?.length).toBe(CHARTS.length);
    expect(html.match(/<svg role="img" aria-labelledby="chart-[a-z-]+-title"/g)?.length).toBe(CHARTS.length);
  });

  it('contains no external URL except XML namespace declarations of the inline SVGs', () => {
    const withoutNamespaces = html.replace(/\sxmlns(?::[a-z]+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//i);
    expect(withoutNamespaces).not.toMatch(/\bsrc=/i);
    expect(withoutNamespaces).not.toMatch(/<link\b/i);
    expect(withoutNamespaces).not.toMatch(/@import|url\((?!#)/i);
  });

  it('has the scenario title and escaped description, the headline tables and the events', () => {
    expect(html).toContain('<h1>Report test: both cooperate through a fund</h1>');
    expect(html).toContain('A tiny run for the chart and report tests &lt;with markup &amp; &quot;quotes&quot;&gt;.');
    expect(html).toContain('Similarity coefficient, Sichuan – Chongqing');
    expect(html).toContain('Duplicated investment share');
    expect(html).toContain('Capacity utilization');
    for (const lens of ['welfare', 'GDP \\(objective\\)', 'fiscal balance']) expect(html).toMatch(new RegExp(`<li><strong>${lens}: [a-z -]+</strong> \\([^)]+\\): `));
    expect(html).toMatch(/in each lens: mean over paired replications with its 95% confidence interval/);
    expect(html).toContain('<h2 id="events-heading">Events</h2>');
    expect(html).toContain('<td>2014</td><td>agreement</td><td>Test agreement</td>');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('keeps element ids unique across the inline SVGs', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(prefixSvgIds('<svg><clipPath id="clip1"/><path clip-path="url(#clip1)"/><use href="#clip1"/></svg>', 'c')).toBe(
      '<svg><clipPath id="c-clip1"/><path clip-path="url(#c-clip1)"/><use href="#c-clip1"/></svg>',
    );
  });
});

describe('fonts', () => {
  it('ships DejaVu Sans and measures text with its advance widths', async () => {
    const file = new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url);
    expect((await stat(file)).size).toBeGreaterThan(100_000);
    // DejaVu Sans: "i" is 0.278 em, "W" 0.989 em, bold wider than regular.
    expect(textWidth('i', 100)).toBeCloseTo(27.8, 0);
    expect(textWidth('W', 100)).toBeCloseTo(98.9, 0);
    expect(textWidth('Sichuan', 12, true)).toBeGreaterThan(textWidth('Sichuan', 12));
  });
});
