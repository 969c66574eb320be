/**
 * The chart file formats (Vega-Lite spec, SVG, PNG, PDF) and their names, and
 * how much text a chart carries (`--captions`). Kept apart from the renderer,
 * so the command line can check `--format` without loading vega and resvg.
 */
import { UserError } from '../../scenario/errors.js';

export const CHART_FORMATS = ['vl', 'svg', 'png', 'pdf'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** Written when no format is asked for (PDF only on request: it takes longer to write). */
export const DEFAULT_FORMATS: readonly ChartFormat[] = ['vl', 'svg', 'png'];

export const EXTENSION: Record<ChartFormat, string> = { vl: '.vl.json', svg: '.svg', png: '.png', pdf: '.pdf' };
export const LABEL: Record<ChartFormat, string> = { vl: 'Vega-Lite spec', svg: 'SVG', png: 'PNG', pdf: 'PDF' };

/**
 * How much text a chart file carries: `full` keeps the method notes under the
 * title; `none` keeps the title only, for a chart pasted into a text that
 * says the rest (report.html shows its caption either way).
 */
export const CAPTIONS = ['full', 'none'] as const;
export type Captions = (typeof CAPTIONS)[number];

export function isCaptions(value: unknown): value is Captions {
  return typeof value === 'string' && (CAPTIONS as readonly string[]).includes(value);
}

/** Spec files: 2-space JSON with a trailing newline. */
export const specJson = (spec: unknown): string => JSON.stringify(spec, null, 2) + '\n';

/** Checks a list of format names (e.g. from the command line). */
export function parseFormats(values: readonly string[]): ChartFormat[] {
  const formats: ChartFormat[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const value = raw.trim().toLowerCase();
    if (value === '') continue;
    if (!(CHART_FORMATS as readonly string[]).includes(value)) {
      throw new UserError(`unknown chart format "${raw.trim()}"; valid formats: ${CHART_FORMATS.join(', ')}`);
    }
    if (!formats.includes(value as ChartFormat)) formats.push(value as ChartFormat);
  }
  if (formats.length === 0) throw new UserError(`no chart format given; valid formats: ${CHART_FORMATS.join(', ')}`);
  return formats;
}
