/**
 * The mechanisms of the historical account, each as a way to switch it off in
 * a resolved scenario: a variant differs from the full scenario exactly in the
 * mechanism (what it changed is listed with it). A mechanism the scenario does
 * not have (no such events, localization already 0) gives no variant but a
 * note saying why.
 */
import { cloneScenario, fixedTimelines } from './timelines.js';

/** Labels are written to follow "switching off" in a sentence. */
export const MECHANISMS = [
  { id: 'localization', label: 'localization economies', how: 'agglomeration.localization set to 0' },
  { id: 'electronics-boom', label: 'the electronics boom', how: 'events that change sectors.electronics.* removed' },
  { id: 'competition', label: 'the competition episodes', how: 'compete replaced by invest in every fixed strategy timeline (and in events that set a strategy)' },
  { id: 'agreements', label: 'the agreements', how: 'events of type agreement removed' },
  { id: 'relocation', label: 'firm relocation', how: 'firms.relocationProbability set to 0 (no firm considers an offer; the offer budget of a competing government then goes unspent)' },
  { id: 'stimulus', label: 'the stimulus', how: 'events with a demand shock removed' },
  { id: 'status', label: 'the status change', how: 'events of type status removed' },
  { id: 'all-events', label: 'every dated event', how: 'all events removed' },
] as const;

export type MechanismId = (typeof MECHANISMS)[number]['id'];

export interface Variant {
  id: MechanismId;
  label: string;
  /** What was changed, in words (the events removed are named). */
  changed: string;
  scenario: Record<string, unknown>;
}

export interface MissingMechanism {
  id: MechanismId;
  label: string;
  reason: string;
}

interface EventLike {
  year: number;
  type: string;
  label: string;
  set?: Record<string, unknown>;
  scale?: Record<string, unknown>;
  add?: Record<string, unknown>;
  demand?: unknown;
}

const eventsOf = (s: Record<string, unknown>) => (s.events ?? []) as EventLike[];
const paths = (e: EventLike) => [...Object.keys(e.set ?? {}), ...Object.keys(e.scale ?? {}), ...Object.keys(e.add ?? {})];
const setsStrategy = (path: string) => /^governments\.[^.]+\.strategy$/.test(path);

/** Which events each event-based mechanism removes. */
const EVENT_FILTERS: Partial<Record<MechanismId, (e: EventLike) => boolean>> = {
  'electronics-boom': (e) => paths(e).some((p) => p.startsWith('sectors.electronics.')),
  agreements: (e) => e.type === 'agreement',
  stimulus: (e) => e.demand !== undefined,
  status: (e) => e.type === 'status',
  'all-events': () => true,
};

function withoutEvents(scenario: Record<string, unknown>, drop: (e: EventLike) => boolean): { scenario: Record<string, unknown>; removed: EventLike[] } {
  const out = cloneScenario(scenario);
  const removed = eventsOf(out).filter(drop);
  out.events = eventsOf(out).filter((e) => !drop(e));
  return { scenario: out, removed };
}

function withoutCompetition(scenario: Record<string, unknown>): { scenario: Record<string, unknown>; changes: string[] } {
  const out = cloneScenario(scenario);
  const changes: string[] = [];
  const governments = out.governments as Record<string, { strategy: unknown }>;
  for (const { government, base, timeline } of fixedTimelines(out)) {
    const competes = base === 'compete' || timeline.some((e) => e.strategy === 'compete');
    if (!competes) continue;
    const spec = governments[government].strategy;
    const swapped = timeline.map((e) => ({ year: e.year, strategy: e.strategy === 'compete' ? ('invest' as const) : e.strategy }));
    governments[government].strategy = typeof spec === 'string' ? 'invest' : { ...(spec as object), strategy: base === 'compete' ? 'invest' : base, timeline: swapped };
    changes.push(`${government}: ${[base === 'compete' ? 'start' : '', ...timeline.filter((e) => e.strategy === 'compete').map((e) => String(e.year))].filter(Boolean).join(', ')}`);
  }
  for (const e of eventsOf(out))
    for (const [path, value] of Object.entries(e.set ?? {}))
      if (setsStrategy(path) && value === 'compete') {
        e.set![path] = 'invest';
        changes.push(`event "${e.label}" (${e.year})`);
      }
  return { scenario: out, changes };
}

const eventList = (events: EventLike[]) => events.map((e) => `"${e.label}" (${e.year})`).join(', ');

/** The variant switching one mechanism off, or why there is none. */
export function variantFor(scenario: Record<string, unknown>, id: MechanismId): Variant | MissingMechanism {
  const m = MECHANISMS.find((x) => x.id === id)!;
  const filter = EVENT_FILTERS[id];
  if (filter) {
    const { scenario: out, removed } = withoutEvents(scenario, filter);
    if (removed.length === 0) return { id, label: m.label, reason: 'the scenario has no such event' };
    return { id, label: m.label, changed: `removed ${removed.length} event${removed.length === 1 ? '' : 's'}: ${eventList(removed)}`, scenario: out };
  }
  if (id === 'competition') {
    const { scenario: out, changes } = withoutCompetition(scenario);
    if (changes.length === 0) return { id, label: m.label, reason: 'no government has compete in a fixed strategy timeline' };
    return { id, label: m.label, changed: `compete -> invest at ${changes.join('; ')}`, scenario: out };
  }
  const out = cloneScenario(scenario);
  if (id === 'localization') {
    const agglomeration = out.agglomeration as { localization: number };
    if (agglomeration.localization === 0) return { id, label: m.label, reason: 'agglomeration.localization is already 0' };
    const was = agglomeration.localization;
    agglomeration.localization = 0;
    return { id, label: m.label, changed: `agglomeration.localization ${was} -> 0`, scenario: out };
  }
  // relocation
  const firms = out.firms as { relocationProbability: number };
  if (firms.relocationProbability === 0) return { id, label: m.label, reason: 'firms.relocationProbability is already 0' };
  const was = firms.relocationProbability;
  firms.relocationProbability = 0;
  return { id, label: m.label, changed: `firms.relocationProbability ${was} -> 0`, scenario: out };
}

export const isVariant = (v: Variant | MissingMechanism): v is Variant => 'scenario' in v;

/** Every mechanism's variant (in MECHANISMS order), and the mechanisms the scenario lacks. */
export function attributionVariants(scenario: Record<string, unknown>): { variants: Variant[]; missing: MissingMechanism[] } {
  const all = MECHANISMS.map((m) => variantFor(scenario, m.id));
  return { variants: all.filter(isVariant), missing: all.filter((v): v is MissingMechanism => !isVariant(v)) };
}
