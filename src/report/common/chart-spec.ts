/**
 * Shared pieces of the chart specs: the theme (font, sizes), statistics across
 * replications, metric labels with units from the metric registry, and number
 * rounding so the inline data stays small and stable (the run's year axis and
 * region scales are in run/charts/common.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { quantile } from '../../experiment/statistics.js';
import { METRICS, type MetricScope } from '../../model/metric-registry.js';
import { NEUTRAL } from './palette.js';

/** The font every chart uses; render.ts loads the matching files from assets/fonts/. */
export const FONT_FAMILY = 'DejaVu Sans';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Plot sizes (px, before the 2x PNG scale). */
export const SIZE = { width: 620, height: 280, smallHeight: 200 } as const;

/** Loose spec fragment; whole specs are checked against the Vega-Lite schema in the tests. */
export type Spec = Record<string, unknown>;

export const CONFIG = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 16,
  view: { stroke: '#bdbdbd' },
  title: {
    fontSize: 16,
    subtitleFontSize: 12,
    subtitleColor: NEUTRAL.mutedText,
    subtitlePadding: 6,
    anchor: 'start',
    frame: 'bounds',
    offset: 14,
    color: NEUTRAL.text,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: NEUTRAL.text,
    labelColor: '#333333',
    gridColor: NEUTRAL.grid,
    domainColor: '#888888',
    tickColor: '#888888',
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    labelLimit: 280,
    titleLimit: 280,
    symbolStrokeWidth: 2.5,
    rowPadding: 4,
    offset: 16,
  },
  header: { labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 12 },
  concat: { spacing: 28 },
  line: { strokeWidth: 2 },
};

/** A complete top-level spec with the theme, schema URL and the given title. */
export function topLevel(title: string, subtitle: string | string[] | null, body: Spec): TopLevelSpec {
  const t: Spec = { text: title };
  if (subtitle !== null) t.subtitle = Array.isArray(subtitle) ? subtitle : wrap(subtitle, 100);
  return { $schema: VEGA_LITE_SCHEMA, title: t, ...body, config: CONFIG } as unknown as TopLevelSpec;
}

/** Splits text into lines of at most `width` characters at spaces (titles do not wrap by themselves). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Ends text with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Rounds to 6 significant digits; non-finite values become null (JSON has no NaN). */
export function round(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return Number(x.toPrecision(6));
}

export interface YearStats {
  year: number;
  mean: number;
  p05: number;
  p95: number;
  n: number;
}

/**
 * Statistics across replications per key and year: mean and 90% band (5th-95th
 * percentile, R's type 7 as in summary.json). Keys keep the order of first
 * appearance; years ascend. Non-finite values are left out.
 */
export function statsByYear<T extends { year: number }>(rows: readonly T[], key: (row: T) => string | null, value: (row: T) => number): Map<string, YearStats[]> {
  const groups = new Map<string, Map<number, number[]>>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const v = value(row);
    if (!Number.isFinite(v)) continue;
    let byYear = groups.get(k);
    if (!byYear) groups.set(k, (byYear = new Map()));
    const list = byYear.get(row.year);
    if (list) list.push(v);
    else byYear.set(row.year, [v]);
  }
  const out = new Map<string, YearStats[]>();
  for (const [k, byYear] of groups) {
    const years = [...byYear.keys()].sort((a, b) => a - b);
    out.set(
      k,
      years.map((year) => {
        const values = byYear.get(year)!;
        const sorted = values.slice().sort((a, b) => a - b);
        return { year, mean: values.reduce((a, b) => a + b, 0) / values.length, p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95), n: values.length };
      }),
    );
  }
  return out;
}

export function scopeOf(region: string): MetricScope {
  if (region === 'zone') return 'zone';
  return region.includes('~') ? 'pair' : 'region';
}

const LABELS: Record<string, string> = {
  value_added: 'Value added',
  similarity: 'Similarity coefficient',
  utilization: 'Capacity utilization',
  duplicated_investment_share: 'Duplicated investment share',
  duplicated_into_overcapacity: 'Duplicated into overcapacity',
  wasted_expansion_share: 'Wasted share of expansion',
  idle_capital: 'Idle capital',
  written_off_capital: 'Written-off capital',
  wasted_expansion: 'Wasted expansion',
  fund_committed: 'Committed (paid in)',
  fund_private: 'Private capital mobilised',
  fund_invested: 'Invested',
  fund_distributions: 'Distributions',
  fund_invested_cumulative: 'Invested',
  fund_distributions_cumulative: 'Distributions',
  fund_nav: 'Net asset value (NAV)',
  fund_tvpi: 'TVPI',
  cumulative_value_added: 'Cumulative value added',
};

/** A metric's display label. */
export function metricLabel(name: string): string {
  return LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}

/** A metric's unit from the registry. */
export function metricUnit(name: string, scope: MetricScope): string {
  const def = METRICS.find((d) => d.name === name && d.scope === scope);
  if (!def) throw new Error(`no metric "${name}" of scope ${scope} in the metric registry`);
  return def.unit;
}

/** Shares are drawn as percentages; the unit in the title says so. */
export const isShareUnit = (unit: string) => unit === 'share';
export function unitText(unit: string): string {
  return isShareUnit(unit) ? '%' : unit;
}

/** `Label (unit)`, the unit from the metric registry. */
export function axisTitle(name: string, scope: MetricScope, label = metricLabel(name)): string {
  return `${label} (${unitText(metricUnit(name, scope))})`;
}

/** Axis format for a metric's unit (shares as percentages). */
export function axisFormat(unit: string): string | undefined {
  return isShareUnit(unit) ? '.0%' : undefined;
}

/** Legend of a colour shared by a band (area) and a mean line: draw the line. */
export const LINE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolOpacity: 1, symbolSize: 300 } as const;

/** Legend of the solid / dashed run lines. */
export const RUN_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, symbolStrokeColor: '#333333' } as const;

export const COUNTERFACTUAL_TEXT = 'Dashed: counterfactual (same seeds, every government invests, no fund).';

/** Panel size of the small multiples of experiment charts (px). */
export const PANEL = { width: 250, height: 180 } as const;

/** Characters per line of a y-axis title along a panel's height. */
export const AXIS_CHARS = 28;

/** Relative luminance (WCAG) of an `rgb(...)` or `#rrggbb` colour. */
export function luminance(colour: string): number {
  let rgb: number[];
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex) rgb = [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  else {
    const m = /rgba?\(([^)]+)\)/.exec(colour);
    if (!m) return 0.5;
    rgb = m[1].split(',').slice(0, 3).map(Number);
  }
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the background. */
export function inkOn(background: string): string {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
