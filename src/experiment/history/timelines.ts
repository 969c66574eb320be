/** Reading and copying the governments' fixed strategy timelines of a resolved scenario. */
import type { Strategy } from '../../model/config.js';

export type { Strategy };

export interface TimelineEntry {
  year: number;
  strategy: Strategy;
}

export interface FixedTimeline {
  government: string;
  /** The strategy before the first entry. */
  base: Strategy;
  /** Entries in year order (a copy). */
  timeline: TimelineEntry[];
}

/** A deep copy of a resolved scenario (plain data), so variants never share or change the original. */
export function cloneScenario(scenario: Record<string, unknown>): Record<string, unknown> {
  return structuredClone(scenario);
}

type StrategySpec = Strategy | { rule: string; strategy?: Strategy; timeline?: TimelineEntry[] };

/** The governments whose strategy is the fixed rule (a plain strategy counts, with no timeline), in the scenario's order. */
export function fixedTimelines(scenario: Record<string, unknown>): FixedTimeline[] {
  const governments = (scenario.governments ?? {}) as Record<string, { strategy?: StrategySpec }>;
  const out: FixedTimeline[] = [];
  for (const [government, g] of Object.entries(governments)) {
    const spec = g.strategy;
    if (typeof spec === 'string') out.push({ government, base: spec, timeline: [] });
    else if (spec && spec.rule === 'fixed')
      out.push({
        government,
        base: spec.strategy ?? 'invest',
        // A stable sort: entries of the same year keep their written order, as the model reads them.
        timeline: (spec.timeline ?? []).map((e) => ({ year: e.year, strategy: e.strategy })).sort((a, b) => a.year - b.year),
      });
  }
  return out;
}
