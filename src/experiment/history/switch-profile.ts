/**
 * Which competition windows the data support: the profile of the error over
 * the years a competition episode starts and ends.
 *
 * A scenario's governments may have a strategy timeline with a competition
 * episode: an entry switching to `compete` and a later one switching away
 * (historical.yaml: compete from 2003, cooperate from 2009). The profile moves
 * that episode over a grid of windows (start year x end year, the same for
 * every government that has one, plus "no episode") and runs each window R
 * times with the same seeds (common random numbers). For each window it
 * reports the RMSE of the mean series against the target (first simulated
 * year left out, see fit-error.ts) and the paired comparison with the best
 * window, by two criteria (window-tests.ts): per replication, the difference
 * of the mean squared errors (paired t interval), and for the mean series,
 * the difference of its squared errors (jackknife interval). A window is
 * "supported" when it is not significantly worse than the best (the 95%
 * interval of window minus best does not lie wholly above zero).
 *
 * Caveats the report states: the best window is chosen from the same runs
 * (so it looks a little better than it is), and the 95% intervals are per
 * comparison, not simultaneous over all windows.
 */
import { UserError } from '../../scenario/errors.js';
import type { PairedDifference } from '../paired.js';
import { mean } from '../statistics.js';
import { deviations, meanSeries, replicationErrors, rmseOfMean, scoredPoints } from './fit-error.js';
import { simulateVariants, type HistoryInput } from './series-runs.js';
import { cloneScenario, fixedTimelines, type Strategy, type TimelineEntry } from './timelines.js';
import { judgeMeanWindows, judgeWindows, type Interval } from './window-tests.js';

/** A competition window: compete from `from` to the year before `to` (`to` = last simulated year + 1: to the end), or no episode. */
export type SwitchWindow = { kind: 'none' } | { kind: 'episode'; from: number; to: number };

/** One government's first competition episode. */
export interface Episode {
  government: string;
  /** The strategy before the timeline's first entry. */
  base: Strategy;
  /** The timeline in year order. */
  timeline: TimelineEntry[];
  /** Index of the entry that switches to compete. */
  start: number;
  /** Index of the first later entry that switches away from compete (null: compete to the end). */
  end: number | null;
}

export function windowLabel(w: SwitchWindow, lastYear: number): string {
  if (w.kind === 'none') return 'no episode';
  return `compete ${w.from}-${w.to > lastYear ? `${lastYear} (to the end)` : w.to - 1}`;
}

export const sameWindow = (a: SwitchWindow, b: SwitchWindow) => (a.kind === 'none' ? b.kind === 'none' : b.kind === 'episode' && a.from === b.from && a.to === b.to);

/** Every government's first competition episode, in the scenario's order; a UserError when there is none. */
export function findEpisodes(scenario: Record<string, unknown>, file?: string): Episode[] {
  const episodes: Episode[] = [];
  for (const { government, base, timeline } of fixedTimelines(scenario)) {
    const inForce = (i: number) => (i === 0 ? base : timeline[i - 1].strategy);
    const start = timeline.findIndex((e, i) => e.strategy === 'compete' && inForce(i) !== 'compete');
    if (start < 0) continue;
    const after = timeline.findIndex((e, i) => i > start && e.strategy !== 'compete');
    episodes.push({ government, base, timeline, start, end: after < 0 ? null : after });
  }
  if (episodes.length === 0)
    throw new UserError('no government of this scenario has a competition episode (a strategy timeline entry switching to compete), so there is no switch window to profile', {
      file,
      fieldPath: 'governments',
      hint: 'e.g. governments: { sichuan: { strategy: { rule: fixed, strategy: invest, timeline: [{ year: 2003, strategy: compete }, { year: 2009, strategy: cooperate }] } } }',
    });
  return episodes;
}

/** The scenario's own window: the episodes' years when every government's agree, else null. */
export function scenarioWindow(episodes: readonly Episode[], lastYear: number): SwitchWindow | null {
  const windows = episodes.map((e) => ({ from: e.timeline[e.start].year, to: e.end === null ? lastYear + 1 : e.timeline[e.end].year }));
  return windows.every((w) => w.from === windows[0].from && w.to === windows[0].to) ? { kind: 'episode', ...windows[0] } : null;
}

/**
 * The government's timeline with its episode moved to the window. Entries
 * before the episode that start before the window are kept; the episode
 * becomes compete from `from`, then the strategy the episode ended with (or,
 * for an episode that ran to the end, the one before it) from `to`; later
 * entries are kept when they start after `to`. No episode: the compete
 * entries are dropped, so the strategy before the episode holds until the
 * original switch away.
 */
export function timelineForWindow(episode: Episode, window: SwitchWindow, lastYear: number): TimelineEntry[] {
  const { timeline, start, end } = episode;
  const before = timeline.slice(0, start);
  const later = end === null ? [] : timeline.slice(end);
  if (window.kind === 'none') return [...before, ...later].map((e) => ({ ...e }));
  const prior = start === 0 ? episode.base : timeline[start - 1].strategy;
  const away: Strategy = end === null ? prior : timeline[end].strategy;
  return [
    ...before.filter((e) => e.year < window.from).map((e) => ({ ...e })),
    { year: window.from, strategy: 'compete' },
    ...(window.to <= lastYear ? [{ year: window.to, strategy: away }] : []),
    ...later.slice(1).filter((e) => e.year > window.to).map((e) => ({ ...e })),
  ];
}

/** The scenario with every episode moved to the window (the input is not changed). */
export function scenarioForWindow(scenario: Record<string, unknown>, episodes: readonly Episode[], window: SwitchWindow, lastYear: number): Record<string, unknown> {
  const out = cloneScenario(scenario);
  const governments = out.governments as Record<string, { strategy: { timeline: TimelineEntry[] } }>;
  for (const e of episodes) governments[e.government].strategy.timeline = timelineForWindow(e, window, lastYear);
  return out;
}

export interface GridSpec {
  /** First and last year an episode may start. */
  first: number;
  last: number;
  /** Years between neighbouring starts (and ends). */
  step: number;
}

export const DEFAULT_GRID: GridSpec = { first: 1985, last: 2012, step: 2 };

/** The grid for a horizon: the defaults, clipped to the simulated years (all years after the first when the defaults miss the horizon). */
export function gridFor(years: [number, number], spec: Partial<GridSpec> = {}): GridSpec {
  let first = spec.first ?? Math.max(DEFAULT_GRID.first, years[0] + 1);
  let last = spec.last ?? Math.min(DEFAULT_GRID.last, years[1]);
  // A horizon apart from the default years: every year after the first is a start.
  if (spec.first === undefined && spec.last === undefined && first > last) [first, last] = [years[0] + 1, years[1]];
  const step = spec.step ?? DEFAULT_GRID.step;
  if (!Number.isInteger(step) || step < 1) throw new UserError(`the window step must be a whole number of years of at least 1, got ${step}`);
  if (!Number.isInteger(first) || !Number.isInteger(last) || first > last || first <= years[0] || last > years[1])
    throw new UserError(`the episodes' start years ${first}-${last} must be whole years inside ${years[0] + 1}-${years[1]} (after the first simulated year), first before last`);
  return { first, last, step };
}

/**
 * The windows of the grid: "no episode" first, then every start year (first,
 * first + step, ... up to last) with every end year step, 2 steps, ... later
 * up to the last simulated year, plus "to the end" (lastYear + 1).
 */
export function windowGrid(spec: GridSpec, lastYear: number): SwitchWindow[] {
  const windows: SwitchWindow[] = [{ kind: 'none' }];
  for (let from = spec.first; from <= spec.last; from += spec.step) {
    const ends: number[] = [];
    for (let to = from + spec.step; to <= lastYear; to += spec.step) ends.push(to);
    ends.push(lastYear + 1);
    for (const to of ends) windows.push({ kind: 'episode', from, to });
  }
  return windows;
}

export interface WindowResult {
  window: SwitchWindow;
  label: string;
  /** RMSE of the mean series over the scored target points. */
  rmse: number;
  /** Mean over replications of each replication's mean squared error. */
  mse: number;
  /** Against the best window by per-replication error (difference of per-replication squared errors, window minus best). */
  vsBest: PairedDifference;
  supported: boolean;
  best: boolean;
  /** Against the best window by the mean series' squared error (window minus best, jackknife interval). */
  vsBestMean: Interval;
  supportedMean: boolean;
  bestMean: boolean;
  /** The scenario's own window. */
  scenario: boolean;
  /** Mean simulated value at each target year (all target years, the first included). */
  means: { year: number; mean: number }[];
}

export interface SwitchProfile {
  scenario: string;
  title: string;
  metric: string;
  targetSource: string;
  target: { year: number; value: number }[];
  /** Target years the errors are computed over (all but the first simulated year). */
  scoredYears: number[];
  years: [number, number];
  governments: string[];
  grid: GridSpec;
  seed: number;
  replications: number;
  windows: WindowResult[];
  /** Index into windows of the best window by per-replication error. */
  best: number;
  /** Index of the best window by the mean series' error (the smallest RMSE; may differ from `best`). */
  bestMean: number;
  /** Index of the scenario's own window, or null when the governments' episodes differ. */
  scenarioWindow: number | null;
  runs: number;
}

export interface ProfileOptions {
  replications: number;
  seed: number;
  grid?: Partial<GridSpec>;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (runsDone: number) => void;
  file?: string;
}

/** The windows a profile will run (the grid, plus the scenario's own window when it is off the grid). */
export function profileWindows(input: HistoryInput, grid: GridSpec, episodes: readonly Episode[]): SwitchWindow[] {
  const windows = windowGrid(grid, input.years[1]);
  const own = scenarioWindow(episodes, input.years[1]);
  if (own && !windows.some((w) => sameWindow(w, own))) windows.push(own);
  return windows;
}

export async function measureSwitchProfile(input: HistoryInput, options: ProfileOptions): Promise<SwitchProfile> {
  const episodes = findEpisodes(input.scenario, options.file);
  const grid = gridFor(input.years, options.grid);
  const lastYear = input.years[1];
  const windows = profileWindows(input, grid, episodes);
  const own = scenarioWindow(episodes, lastYear);
  const runs = await simulateVariants(
    windows.map((w) => scenarioForWindow(input.scenario, episodes, w, lastYear)),
    { seed: options.seed, replications: options.replications, metric: input.metric, workers: options.workers, signal: options.signal, onProgress: options.onProgress },
  );
  const points = scoredPoints(input.target, input.years[0]);
  const errors = runs.map((r) => replicationErrors(points, r));
  const judged = judgeWindows(errors);
  const judgedMean = judgeMeanWindows(runs.map((r) => deviations(points, r)));
  const results: WindowResult[] = windows.map((window, i) => {
    const m = meanSeries(runs[i].runs);
    return {
      window,
      label: windowLabel(window, lastYear),
      rmse: rmseOfMean(points, runs[i]),
      mse: mean(errors[i]),
      vsBest: judged.comparisons[i],
      supported: judged.supported[i],
      best: i === judged.best,
      vsBestMean: judgedMean.comparisons[i],
      supportedMean: judgedMean.supported[i],
      bestMean: i === judgedMean.best,
      scenario: own !== null && sameWindow(window, own),
      means: input.target.map((p) => ({ year: p.year, mean: m[runs[i].years.indexOf(p.year)] ?? Number.NaN })),
    };
  });
  const ownIndex = results.findIndex((r) => r.scenario);
  return {
    scenario: input.name,
    title: input.title,
    metric: input.metric,
    targetSource: input.targetSource,
    target: input.target.map((p) => ({ year: p.year, value: p.value })),
    scoredYears: points.map((p) => p.year),
    years: input.years,
    governments: episodes.map((e) => e.government),
    grid,
    seed: options.seed,
    replications: options.replications,
    windows: results,
    best: judged.best,
    bestMean: judgedMean.best,
    scenarioWindow: ownIndex < 0 ? null : ownIndex,
    runs: windows.length * options.replications,
  };
}
