/**
 * Dated events (agreements, fund creation, shocks, status changes) as layers
 * for every time chart: a dashed vertical rule at the event's year and its
 * label written upwards along the rule, on a white halo so it stays readable
 * over the data. Events of the same year share one rule and one label.
 */
import { NEUTRAL } from './palette.js';
import { round, type Spec } from './chart-spec.js';

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

/**
 * Layers drawing events (merged by year) on a time chart whose plot is `height`
 * px high (labels are cut with an ellipsis to fit). No layer when there is none.
 */
export function eventLayersOf(events: readonly ChartEvent[], height: number): Spec[] {
  if (events.length === 0) return [];
  const values = events.map((e) => ({ year: round(e.year), event: e.label, kind: e.kind }));
  const x = { field: 'year', type: 'quantitative' };
  const text = {
    type: 'text',
    angle: 270,
    align: 'right',
    baseline: 'bottom',
    dy: -1,
    dx: -4,
    fontSize: 10,
    limit: Math.max(40, height - 12),
  };
  return [
    {
      data: { values },
      mark: { type: 'rule', color: NEUTRAL.event, strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x, tooltip: [{ field: 'year', type: 'quantitative', title: 'Year' }, { field: 'event', type: 'nominal', title: 'Event' }] },
    },
    {
      data: { values },
      mark: { ...text, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.9, strokeJoin: 'round' },
      encoding: { x, y: { value: 0 }, text: { field: 'event', type: 'nominal' } },
    },
    {
      data: { values },
      mark: { ...text, color: NEUTRAL.mutedText },
      encoding: { x, y: { value: 0 }, text: { field: 'event', type: 'nominal' } },
    },
  ];
}
