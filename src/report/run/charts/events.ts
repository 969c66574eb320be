/** The run's dated events on its time charts (the layers themselves: common/events.ts). */
import type { ResultsData } from '../read.js';
import type { Spec } from '../../common/chart-spec.js';
import { eventLayersOf, mergeEvents, type ChartEvent } from '../../common/events.js';
import { yearDomain } from './common.js';

/** The run's events inside the time axis, merged by year, in year order. */
export function chartEvents(data: ResultsData): ChartEvent[] {
  return mergeEvents(data.summary.events ?? [], yearDomain(data));
}

/** The run's events drawn on a time chart whose plot is `height` px high. */
export function eventLayers(data: ResultsData, height: number): Spec[] {
  return eventLayersOf(chartEvents(data), height);
}

/** One-line list of the events for subtitles and captions. */
export function eventsNote(data: ResultsData): string | null {
  return chartEvents(data).length > 0 ? 'Dashed grey rules: events.' : null;
}
