/**
 * Vega-Lite spec -> Vega -> SVG (vega, headless) -> PNG (resvg).
 *
 * Text must look the same on every machine, so nothing depends on system
 * fonts: the charts name DejaVu Sans (charts/common.ts), resvg loads only the
 * DejaVu files shipped in assets/fonts/, and Vega's layout measures text with
 * those fonts' own advance widths (read from the TTF files below) instead of
 * its rough "0.8 em per character" estimate, so labels, legends and titles are
 * laid out for the glyphs that are actually drawn.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './chart-spec.js';

/** Font files, resolved relative to this module (works from src/report/ and dist/report/). */
export const FONT_FILES = {
  regular: fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url)),
} as const;

/** Scale of PNG output relative to the SVG's size. */
export const PNG_SCALE = 2;

// ---------------------------------------------------------------------------
// Text measurement from the TTF files (advance widths; kerning ignored).

interface FontMetrics {
  unitsPerEm: number;
  advance(codePoint: number): number;
}

/** Reads unitsPerEm, the horizontal metrics and the Unicode cmap (format 4 or 12) of a TrueType font. */
export function readFontMetrics(buffer: Buffer): FontMetrics {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    tables.set(buffer.toString('latin1', at, at + 4), view.getUint32(at + 8));
  }
  const need = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(need('head') + 18);
  const numberOfHMetrics = view.getUint16(need('hhea') + 34);
  const hmtx = need('hmtx');
  const advanceOfGlyph = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const cmap = need('cmap');
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(offset);
    if (format === 4 && (platform === 3 || platform === 0) && (encoding === 1 || platform === 0)) format4 = offset;
    if (format === 12 && (platform === 3 || platform === 0)) format12 = offset;
  }
  const glyphOf = (cp: number): number => {
    if (format12 >= 0) {
      const groups = view.getUint32(format12 + 12);
      for (let g = 0; g < groups; g++) {
        const at = format12 + 16 + 12 * g;
        const start = view.getUint32(at);
        const end = view.getUint32(at + 4);
        if (cp >= start && cp <= end) return view.getUint32(at + 8) + cp - start;
      }
      return 0;
    }
    if (format4 < 0 || cp > 0xffff) return 0;
    const segX2 = view.getUint16(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + s);
      const rangeOffset = view.getUint16(rangeOffsets + s);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(cp: number) {
      let w = cache.get(cp);
      if (w === undefined) cache.set(cp, (w = advanceOfGlyph(glyphOf(cp))));
      return w;
    },
  };
}

let metrics: { regular: FontMetrics; bold: FontMetrics } | null = null;
function fontMetrics() {
  metrics ??= { regular: readFontMetrics(readFileSync(FONT_FILES.regular)), bold: readFontMetrics(readFileSync(FONT_FILES.bold)) };
  return metrics;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
  ellipsis?: string;
}

const isBold = (weight: number | string | undefined) =>
  weight !== undefined && (weight === 'bold' || weight === 'bolder' || (Number.isFinite(+weight) && +weight >= 600));

/** Width in px of a line of text drawn in the shipped font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const font = bold ? fontMetrics().bold : fontMetrics().regular;
  let units = 0;
  for (const ch of text) units += font.advance(ch.codePointAt(0)!);
  return (units / font.unitsPerEm) * fontSize;
}

/**
 * Vega's textMetrics.width for a text item: its width in the shipped font,
 * capped at the item's limit. Vega calls this one function both to size a
 * text's bounds and, inside its truncation (a user-defined width function is
 * called with each candidate prefix), to find where to cut. Returning the
 * truncated text's width here made the truncation see every text as fitting:
 * a label over its limit (an axis's 180 px) was drawn whole while its bounds
 * counted only the limit, so it ran off the chart's edge. Capped at the limit
 * instead, a text over it measures the limit (its bounds: the truncated text
 * plus at most a character) and the truncation cuts it with an ellipsis;
 * prefixes shorter than the limit measure their own width, so the cut falls
 * where Vega's own measurement would put it.
 */
function measureItem(item: TextItem, line: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const text = line == null ? '' : String(line).trim();
  if (size <= 0 || !text) return 0;
  const width = textWidth(text, size, isBold(item.fontWeight));
  const limit = item.limit != null ? +item.limit : 0;
  return limit > 0 ? Math.min(width, limit) : width;
}

let installed = false;
/** Makes Vega measure text with the shipped font (process-wide; idempotent). */
export function useShippedFontMetrics(): void {
  if (installed) return;
  const tm = (vega as unknown as { textMetrics?: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  if (!tm) throw new Error('vega does not export textMetrics; cannot measure text');
  tm.width = (item, text) => measureItem(item, text);
  installed = true;
}

// ---------------------------------------------------------------------------

/** Vega-Lite -> Vega. */
export function toVega(spec: TopLevelSpec): vega.Spec {
  return compile(spec).spec as vega.Spec;
}

/** Renders a Vega-Lite spec to an SVG string (headless, no network). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useShippedFontMetrics();
  const view = new vega.View(vega.parse(toVega(spec)), { renderer: 'none' });
  try {
    return renumberGradients(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers gradients (gradient legends) with a counter that runs over the
 * whole process, so the same chart drawn after others would get other ids;
 * renumbering them in order of appearance makes the SVG depend on the chart only.
 */
export function renumberGradients(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="(gradient_\d+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `gradient_${ids.size}`);
  if (ids.size === 0) return svg;
  return svg.replace(/\bgradient_\d+\b/g, (id) => ids.get(id) ?? id);
}

/** Rasterises an SVG at PNG_SCALE with the shipped fonts only. */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}

/** SVG and PNG of one spec. */
export async function renderChart(spec: TopLevelSpec): Promise<{ svg: string; png: Buffer }> {
  const svg = await renderSvg(spec);
  return { svg, png: svgToPng(svg) };
}

// ---------------------------------------------------------------------------
// PDF: the SVG drawn as vector paths into a PDF page of the same size, its
// text kept as text in the shipped DejaVu fonts, embedded (subset), so it can
// be selected, searched and scaled. pdfkit writes the PDF, svg-to-pdfkit
// translates the SVG into pdfkit calls; both are loaded only when a PDF is asked
// for. The document dates are fixed so the same chart gives the same bytes.

type SvgToPdfkit = (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options: { width?: number; height?: number; assumePt?: boolean; fontCallback?: (family: string, bold: boolean) => string; warningCallback?: (warning: string) => void },
) => void;

/**
 * Vega writes a solid line of a dashed scale as stroke-dasharray "1,0", which
 * pdfkit refuses (a dash with a zero gap); such a line is drawn solid.
 */
export function solidDashes(svg: string): string {
  return svg.replace(/\sstroke-dasharray="([^"]*)"/g, (all, list: string) => {
    const parts = list.split(/[\s,]+/).filter(Boolean).map(Number);
    return parts.length > 0 && parts.every((x, i) => i % 2 === 0 || x === 0) ? '' : all;
  });
}

/** Fixed creation date of every PDF (the file ID is derived from it). */
const PDF_DATE = new Date(Date.UTC(2000, 0, 1));

/** A vector PDF of an SVG drawn by `renderSvg`, with `title` as the document title. */
export async function svgToPdf(svg: string, title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const svgToPdfkit = createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdfkit;
  const size = (name: string) => Number(new RegExp(`<svg\\b[^>]*?\\s${name}="([\\d.]+)"`).exec(svg)?.[1]);
  const width = size('width');
  const height = size('height');
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no width and height; cannot size the PDF page');
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: true, info: { Title: title, Producer: 'chuanyu-sim (pdfkit)', Creator: 'chuanyu-sim', CreationDate: PDF_DATE, ModDate: PDF_DATE } });
  doc.registerFont(FONT_FAMILY, FONT_FILES.regular);
  doc.registerFont(`${FONT_FAMILY} Bold`, FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const warnings: string[] = [];
  svgToPdfkit(doc, solidDashes(svg), 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? `${FONT_FAMILY} Bold` : FONT_FAMILY),
    warningCallback: (w) => warnings.push(w),
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
