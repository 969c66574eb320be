/** The run's dated events on its time charts (the layers themselves: common/events.ts). */
import type { ResultsData } from '../read.js';
import type { Spec } from '../../common/chart-spec.js';
import { eventLayersOf, mergeEvents, readableId, type ChartEvent } from '../../common/events.js';
import { yearDomain } from './common.js';

/**
 * The run's events inside the time axis, merged by year, in year order. A
 * fund's creation, recorded as "<fund id> created", is named in words.
 */
export function chartEvents(data: ResultsData): ChartEvent[] {
  const names = new Map(data.scenario.regions.map((r) => [r.id, r.name]));
  const events = (data.summary.events ?? []).map((e) => {
    const id = e.kind === 'fund' ? /^(\S+) created$/.exec(e.label)?.[1] : undefined;
    return id !== undefined && /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(id) ? { ...e, label: `${readableId(id, names)} created` } : e;
  });
  return mergeEvents(events, yearDomain(data));
}

/** The run's events drawn on a time chart whose plot is `height` px high. */
export function eventLayers(data: ResultsData, height: number): Spec[] {
  return eventLayersOf(chartEvents(data), height, yearDomain(data));
}

/** One-line list of the events for subtitles and captions. */
export function eventsNote(data: ResultsData): string | null {
  return chartEvents(data).length > 0 ? 'Dashed grey rules: events.' : null;
}
