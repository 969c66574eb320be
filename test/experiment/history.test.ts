/**
 * The history analyses' pure parts: the window grid, the window -> timeline
 * mapping, the "supported" rules on synthetic numbers, and the attribution
 * variants (each differs from the full scenario exactly in its mechanism).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { UserError } from '../../src/scenario/errors.js';
import {
  findEpisodes,
  gridFor,
  scenarioForWindow,
  scenarioWindow,
  timelineForWindow,
  windowGrid,
  windowLabel,
  type Episode,
} from '../../src/experiment/history/switch-profile.js';
import { judgeMeanWindows, judgeWindows, meanSquaredError } from '../../src/experiment/history/window-tests.js';
import { attributionVariants, MECHANISMS, variantFor, isVariant } from '../../src/experiment/history/variants.js';
import { periodsFor } from '../../src/experiment/history/attribution.js';
import { scoredPoints, squaredError } from '../../src/experiment/history/fit-error.js';

const historical = (await loadScenario('historical')).scenario as unknown as Record<string, unknown>;

/** Dotted paths where two plain values differ (arrays compared element by element). */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? [] : [path];
  if (Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

describe('switch windows', () => {
  it('builds the grid: no episode first, then every start with every later end and "to the end"', () => {
    const windows = windowGrid({ first: 2000, last: 2004, step: 2 }, 2008);
    expect(windows[0]).toEqual({ kind: 'none' });
    const pairs = windows.slice(1).map((w) => (w.kind === 'episode' ? [w.from, w.to] : null));
    expect(pairs).toEqual([
      [2000, 2002], [2000, 2004], [2000, 2006], [2000, 2008], [2000, 2009],
      [2002, 2004], [2002, 2006], [2002, 2008], [2002, 2009],
      [2004, 2006], [2004, 2008], [2004, 2009],
    ]);
    // The default grid on 1978-2015: starts 1985, 1987, ..., 2011; 133 episodes and no episode.
    const full = windowGrid(gridFor([1978, 2015]), 2015);
    expect(full.length).toBe(134);
    expect(new Set(full.flatMap((w) => (w.kind === 'episode' ? [w.from] : []))).size).toBe(14);
  });

  it('refuses a grid outside the simulated years or with a bad step', () => {
    expect(() => gridFor([1978, 2015], { step: 0 })).toThrow(UserError);
    expect(() => gridFor([1978, 2015], { first: 1978 })).toThrow(/after the first simulated year/);
    expect(() => gridFor([1978, 2015], { first: 2010, last: 2005 })).toThrow(UserError);
    expect(gridFor([2020, 2031])).toEqual({ first: 2021, last: 2031, step: 2 });
    expect(gridFor([1978, 2015])).toEqual({ first: 1985, last: 2012, step: 2 });
  });

  it('finds the historical episodes: both governments, compete from 2003 to cooperate in 2009', () => {
    const episodes = findEpisodes(historical);
    expect(episodes.map((e) => [e.government, e.base, e.start, e.end])).toEqual([
      ['sichuan', 'invest', 0, 1],
      ['chongqing', 'invest', 0, 1],
    ]);
    expect(scenarioWindow(episodes, 2015)).toEqual({ kind: 'episode', from: 2003, to: 2009 });
    expect(windowLabel({ kind: 'episode', from: 2003, to: 2009 }, 2015)).toBe('compete 2003-2008');
    expect(windowLabel({ kind: 'episode', from: 2003, to: 2016 }, 2015)).toBe('compete 2003-2015 (to the end)');
  });

  it('refuses a scenario without an episode', async () => {
    const baseline = (await loadScenario('baseline')).scenario as unknown as Record<string, unknown>;
    expect(() => findEpisodes(baseline)).toThrow(/no government of this scenario has a competition episode/);
  });

  it('maps a window onto a timeline', () => {
    const [episode] = findEpisodes(historical);
    expect(timelineForWindow(episode, { kind: 'episode', from: 1993, to: 1999 }, 2015)).toEqual([
      { year: 1993, strategy: 'compete' },
      { year: 1999, strategy: 'cooperate' },
    ]);
    // To the end: no switch away inside the horizon.
    expect(timelineForWindow(episode, { kind: 'episode', from: 2011, to: 2016 }, 2015)).toEqual([{ year: 2011, strategy: 'compete' }]);
    // No episode: the strategy before it holds until the original switch away.
    expect(timelineForWindow(episode, { kind: 'none' }, 2015)).toEqual([{ year: 2009, strategy: 'cooperate' }]);
    // Entries before the episode are kept while they start before the window; later ones when they start after it.
    const busy: Episode = {
      government: 'g',
      base: 'invest',
      timeline: [
        { year: 1990, strategy: 'cooperate' },
        { year: 2000, strategy: 'compete' },
        { year: 2005, strategy: 'invest' },
        { year: 2012, strategy: 'cooperate' },
      ],
      start: 1,
      end: 2,
    };
    expect(timelineForWindow(busy, { kind: 'episode', from: 1995, to: 2008 }, 2015)).toEqual([
      { year: 1990, strategy: 'cooperate' },
      { year: 1995, strategy: 'compete' },
      { year: 2008, strategy: 'invest' },
      { year: 2012, strategy: 'cooperate' },
    ]);
    expect(timelineForWindow(busy, { kind: 'episode', from: 1988, to: 2013 }, 2015)).toEqual([
      { year: 1988, strategy: 'compete' },
      { year: 2013, strategy: 'invest' },
    ]);
  });

  it('moves every government\'s episode and nothing else, without changing the input', () => {
    const before = structuredClone(historical);
    const moved = scenarioForWindow(historical, findEpisodes(historical), { kind: 'episode', from: 1993, to: 1999 }, 2015);
    expect(historical).toEqual(before);
    expect(differences(historical, moved).sort()).toEqual([
      'governments.chongqing.strategy.timeline.0.year',
      'governments.chongqing.strategy.timeline.1.year',
      'governments.sichuan.strategy.timeline.0.year',
      'governments.sichuan.strategy.timeline.1.year',
    ]);
  });
});

describe('supported windows', () => {
  it('picks the smallest mean error and calls worse only what the paired interval puts above zero', () => {
    // Window 0 best; window 1 worse by exactly 0.01 in every replication (significantly worse);
    // window 2 worse on average by 0.001 but noisily (not significantly); window 3 identical to the best.
    const best = [0.02, 0.03, 0.025, 0.035, 0.028];
    const errors = [best, best.map((x) => x + 0.01), best.map((x, i) => x + [0.01, -0.008, 0.006, -0.007, 0.004][i]), best.slice()];
    const judged = judgeWindows(errors);
    expect(judged.best).toBe(0);
    expect(judged.supported).toEqual([true, false, true, true]);
    expect(judged.comparisons[1].difference).toBeCloseTo(0.01, 12);
    expect(judged.comparisons[2].ciLow).toBeLessThan(0);
    expect(judged.comparisons[3]).toMatchObject({ difference: 0, ciLow: 0, ciHigh: 0 });
  });

  it('with one replication tells nothing apart', () => {
    expect(judgeWindows([[0.1], [0.5]]).supported).toEqual([true, true]);
    expect(judgeMeanWindows([[[0.1]], [[0.5]]]).supported).toEqual([true, true]);
  });

  it('judges the mean series by its own error (a window whose runs scatter around the target wins there)', () => {
    // Window A: every replication 0.05 above the target at both points. Window B: replications +-0.1 around it.
    const a = [[0.05, 0.05], [0.05, 0.05], [0.05, 0.05], [0.05, 0.05]];
    const b = [[0.1, 0.1], [-0.1, -0.1], [0.1, 0.1], [-0.1, -0.1]];
    expect(meanSquaredError(a)).toBeCloseTo(0.0025, 12);
    expect(meanSquaredError(b)).toBe(0);
    expect(meanSquaredError(b, 0)).toBeCloseTo(((-0.1 / 3) ** 2 * 2) / 2, 12);
    const perReplication = judgeWindows([a, b].map((w) => w.map((r) => r.reduce((s, x) => s + x * x, 0) / r.length)));
    expect(perReplication.best).toBe(0);
    const mean = judgeMeanWindows([a, b]);
    expect(mean.best).toBe(1);
    expect(mean.comparisons[0].difference).toBeCloseTo(0.0025, 12);
    expect(mean.comparisons[0].ciLow).toBeLessThanOrEqual(mean.comparisons[0].difference);
  });

  it('leaves the first simulated year out of the error', () => {
    const target = [{ year: 1978, value: 0.83 }, { year: 1993, value: 0.76 }, { year: 2002, value: 0.65 }];
    const points = scoredPoints(target, 1978);
    expect(points.map((p) => p.year)).toEqual([1993, 2002]);
    expect(squaredError(points, [1978, 1993, 2002], [0.5, 0.78, 0.64])).toBeCloseTo((0.02 ** 2 + 0.01 ** 2) / 2, 12);
  });
});

describe('attribution variants', () => {
  const { variants, missing } = attributionVariants(historical);
  const byId = Object.fromEntries(variants.map((v) => [v.id, v]));
  const eventLabels = (s: Record<string, unknown>) => (s.events as { label: string }[]).map((e) => e.label);

  it('has every mechanism of the historical scenario', () => {
    expect(variants.map((v) => v.id)).toEqual(MECHANISMS.map((m) => m.id));
    expect(missing).toEqual([]);
  });

  it('changes exactly one parameter for localization and relocation', () => {
    expect(differences(historical, byId.localization.scenario)).toEqual(['agglomeration.localization']);
    expect((byId.localization.scenario.agglomeration as { localization: number }).localization).toBe(0);
    expect(differences(historical, byId.relocation.scenario)).toEqual(['firms.relocationProbability']);
    expect((byId.relocation.scenario.firms as { relocationProbability: number }).relocationProbability).toBe(0);
  });

  it('changes only the compete entries of the timelines for competition', () => {
    expect(differences(historical, byId.competition.scenario).sort()).toEqual(['governments.chongqing.strategy.timeline.0.strategy', 'governments.sichuan.strategy.timeline.0.strategy']);
    const timeline = (byId.competition.scenario.governments as Record<string, { strategy: { timeline: unknown[] } }>).sichuan.strategy.timeline;
    expect(timeline).toEqual([{ year: 2003, strategy: 'invest' }, { year: 2009, strategy: 'cooperate' }]);
  });

  it('removes only the events of the mechanism', () => {
    const all = eventLabels(historical);
    const removed = (id: string) => all.filter((l) => !eventLabels(byId[id].scenario).includes(l));
    expect(removed('agreements')).toEqual(['Dec 2001 agreement', 'Feb 2004 agreement', 'Apr 2007 agreement', 'Oct 2008 agreement', 'May 2015 agreement']);
    expect(removed('electronics-boom')).toEqual(['Electronics boom', 'Electronics boom ends']);
    expect(removed('stimulus')).toEqual(['2008-2010 stimulus']);
    expect(removed('status')).toEqual(['Chongqing municipality']);
    expect(removed('all-events')).toEqual(all);
    for (const id of ['agreements', 'electronics-boom', 'stimulus', 'status', 'all-events']) {
      const { events: _a, ...rest } = byId[id].scenario;
      const { events: _b, ...full } = historical;
      expect(rest, id).toEqual(full);
    }
  });

  it('does not change the full scenario', async () => {
    const fresh = (await loadScenario('historical')).scenario;
    expect(historical).toEqual(fresh);
  });

  it('says which mechanisms a scenario lacks', async () => {
    const baseline = (await loadScenario('baseline')).scenario as unknown as Record<string, unknown>;
    const agreements = variantFor(baseline, 'agreements');
    expect(isVariant(agreements)).toBe(false);
    expect(agreements).toMatchObject({ reason: 'the scenario has no such event' });
    expect(isVariant(variantFor(baseline, 'localization'))).toBe(true);
  });

  it('checks the periods', () => {
    expect(periodsFor([1978, 2015])).toEqual({ start: 1978, trough: 2002, peak: 2008 });
    expect(() => periodsFor([2020, 2031])).toThrow(/must be whole years in order/);
    expect(() => periodsFor([1978, 2015], { trough: 2010 })).toThrow(UserError);
  });
});
