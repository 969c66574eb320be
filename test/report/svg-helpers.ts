/** Small readers of Vega's SVG output for the chart tests. */

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** Every text drawn (lines of a multi-line text joined by a space). */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = m[1];
    const parts = [...inner.matchAll(/<tspan\b[^>]*>([\s\S]*?)<\/tspan>/g)].map((t) => decode(t[1]));
    out.push(parts.length > 0 ? parts.join(' ') : decode(inner.replace(/<[^>]+>/g, '')));
  }
  return out;
}

/** Texts of elements inside `<g class="mark-text role-ROLE ...">` groups (e.g. axis-title, title-text). */
export function svgRoleTexts(svg: string, role: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<g class="mark-text role-${role}\\b[^"]*"[^>]*>([\\s\\S]*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) out.push(...svgTexts(m[1]));
  return out;
}

/** Number of line series drawn (Vega draws one `mark-line role-mark` group per series). */
export function lineSeriesCount(svg: string): number {
  return svg.match(/<g class="mark-line role-mark\b/g)?.length ?? 0;
}

/** Stroke colours of the line marks (upper case), one per series. */
export function lineStrokes(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<g class="mark-line role-mark\b[^>]*>\s*<path\b[^>]*?stroke="(#[0-9a-fA-F]{6})"/g)) out.push(m[1].toUpperCase());
  return out;
}

/** Width and height attributes of the root svg element. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no svg width/height');
  return { width: Number(m[1]), height: Number(m[2]) };
}
