/**
 * Dated events (agreements, fund creation, shocks, status changes) as layers
 * for every time chart: a dashed vertical rule at the event's year and its
 * label written downwards from the top of the plot along the rule, on a white
 * halo so it stays readable over the data. The label lies inside the plot on
 * the side of the rule away from the nearer vertical edge: an event in the
 * first year is labelled to the right of its rule, so it never sits on the
 * y-axis tick labels, and one in the last year to the left, off the legend.
 * Events of the same year share one rule and one label.
 */
import { NEUTRAL } from './palette.js';
import { round, type Spec } from './chart-spec.js';

/** A fund's id (a slug such as chengdu-chongqing-fund) in words: region ids by their names, the first word capitalised. */
export function readableId(id: string, names: ReadonlyMap<string, string> = new Map()): string {
  const words = id.split(/[-_]+/).filter(Boolean).map((w) => names.get(w) ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ChartEvent {
  year: number;
  kind: string;
  label: string;
}

/** Events inside the years [first, last], merged by year, in year order. */
export function mergeEvents(events: readonly { year: number; kind?: string; label: string }[], [first, last]: readonly [number, number]): ChartEvent[] {
  const byYear = new Map<number, { kinds: string[]; labels: string[] }>();
  for (const e of events) {
    if (!Number.isFinite(e.year) || e.year < first || e.year > last) continue;
    const entry = byYear.get(e.year) ?? { kinds: [], labels: [] };
    if (e.kind !== undefined && !entry.kinds.includes(e.kind)) entry.kinds.push(e.kind);
    entry.labels.push(e.label);
    byYear.set(e.year, entry);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({ year, kind: e.kinds.join(', '), label: e.labels.join('; ') }));
}

/** Share of the time axis from its left end past which a label goes left of its rule. */
const RIGHT_SIDE_FROM = 0.85;

/**
 * Layers drawing events (merged by year) on a time chart whose plot is `height`
 * px high and whose axis runs over `domain` (labels are cut with an ellipsis to
 * fit). No layer when there is none.
 */
export function eventLayersOf(events: readonly ChartEvent[], height: number, domain?: readonly [number, number]): Spec[] {
  if (events.length === 0) return [];
  const values = events.map((e) => ({ year: round(e.year), event: e.label, kind: e.kind }));
  const x = { field: 'year', type: 'quantitative' };
  const [first, last] = domain ?? [Math.min(...events.map((e) => e.year)), Math.max(...events.map((e) => e.year))];
  const span = last - first;
  const leftOfRule = (year: number) => span > 0 && (year - first) / span > RIGHT_SIDE_FROM;
  // Rotated 90 degrees (reading downwards), the glyphs' tops face right: baseline
  // 'bottom' puts the text right of the rule, 'top' left of it. Vega applies dx
  // and dy in the rotated frame: dx moves the text down from the plot's top
  // edge, a negative dy to the right of the rule, a positive one to the left.
  const text = (left: boolean) => ({
    type: 'text',
    angle: 90,
    align: 'left',
    baseline: left ? 'top' : 'bottom',
    dx: 4,
    dy: left ? 3 : -3,
    fontSize: 10,
    limit: Math.max(40, height - 12),
  });
  const layers: Spec[] = [
    {
      data: { values },
      mark: { type: 'rule', color: NEUTRAL.event, strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x, tooltip: [{ field: 'year', type: 'quantitative', title: 'Year' }, { field: 'event', type: 'nominal', title: 'Event' }] },
    },
  ];
  for (const left of [false, true]) {
    const side = values.filter((v) => leftOfRule(v.year ?? first) === left);
    if (side.length === 0) continue;
    layers.push(
      {
        data: { values: side },
        mark: { ...text(left), stroke: 'white', strokeWidth: 3, strokeOpacity: 0.9, strokeJoin: 'round' },
        encoding: { x, y: { value: 0 }, text: { field: 'event', type: 'nominal' } },
      },
      {
        data: { values: side },
        mark: { ...text(left), color: NEUTRAL.mutedText },
        encoding: { x, y: { value: 0 }, text: { field: 'event', type: 'nominal' } },
      },
    );
  }
  return layers;
}
