/**
 * Zero-sum or win-win across the sweep (the outcome of each replication
 * against its counterfactual): stacked bars of the outcome shares against one
 * parameter (for several parameters, one panel per parameter with the shares
 * pooled over the others; a Latin hypercube's continuous parameters in equal
 * bins); for two parameters, the most frequent outcome of every grid cell as a
 * categorical heatmap, or of every sampled point as a scatter.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PointSummary } from '../../results/sweep-format.js';
import type { GameOutcome } from '../../model/metrics/win-win.js';
import { OUTCOME_COLOURS, OUTCOME_SHAPES, outcomeLabel } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import { levelText, levelsOf, usedOutcomes, type SweepData, type SweepParameter } from './read.js';
import { parameterX } from './effects.js';
import { isGrid } from './grid.js';
import { inkOn } from '../common/chart-spec.js';

/** A cell whose most frequent outcomes tie. */
export const TIE = 'Tie (no single most frequent outcome)';
const TIE_COLOUR = '#d9d9d9';


/** The most frequent outcome of a point and its share; `null` outcome for a tie. */
export function modalOutcome(point: PointSummary, outcomes: readonly GameOutcome[]): { outcome: GameOutcome | null; share: number } | null {
  const shares = point.outcomes;
  if (!shares) return null;
  let best = -1;
  let winners: GameOutcome[] = [];
  for (const o of outcomes) {
    const s = shares[o] ?? 0;
    if (s > best + 1e-12) [best, winners] = [s, [o]];
    else if (Math.abs(s - best) <= 1e-12) winners.push(o);
  }
  if (best <= 0) return null;
  return { outcome: winners.length === 1 ? winners[0] : null, share: best };
}

/** Outcomes that are the most frequent one of some point, in the canonical order. */
function modalOutcomes(data: SweepData, outcomes: readonly GameOutcome[]): GameOutcome[] {
  const modal = new Set(data.points.map((p) => modalOutcome(p, outcomes)?.outcome));
  return outcomes.filter((o) => modal.has(o));
}

/** Legend of filled symbols with a thin outline. */
const SYMBOL_LEGEND = { symbolStrokeWidth: 0.8, symbolStrokeColor: '#333333', symbolSize: 130 } as const;

function colourScale(outcomes: readonly GameOutcome[], withTie: boolean): { domain: string[]; range: string[] } {
  const domain = outcomes.map(outcomeLabel);
  const range = outcomes.map((o) => OUTCOME_COLOURS[o]);
  return withTie ? { domain: [...domain, TIE], range: [...range, TIE_COLOUR] } : { domain, range };
}

/** Stacked bars of outcome shares against one parameter. */
function barsPanel(data: SweepData, parameter: SweepParameter, outcomes: readonly GameOutcome[], titled: boolean): Spec | null {
  const groups = levelsOf(data, parameter).map((g) => ({ ...g, points: g.points.filter((p) => p.outcomes) }));
  const values: Spec[] = [];
  for (const g of groups) {
    if (g.points.length === 0) continue;
    outcomes.forEach((o, rank) => {
      const share = g.points.reduce((a, p) => a + (p.outcomes?.[o] ?? 0), 0) / g.points.length;
      if (share > 0) values.push({ level: g.label, order: g.order, outcome: outcomeLabel(o), rank, share: round(share), points: g.points.length });
    });
  }
  if (values.length === 0) return null;
  const labels = groups.filter((g) => g.points.length > 0).map((g) => g.label);
  const width = Math.max(180, Math.min(560, 46 * labels.length));
  // Labels turn when they would not fit side by side (about 7 px a character).
  const turn = labels.some((l) => l.length * 7 + 8 > width / labels.length);
  return {
    ...(titled ? { title: { text: parameter.path, fontSize: 12.5, frame: 'group', anchor: 'start', offset: 6 } } : {}),
    width,
    height: 200,
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'level', type: 'ordinal', title: parameter.continuous ? `${parameter.path} (bins)` : parameter.path, sort: labels, axis: { labelAngle: turn ? -40 : 0 } },
      y: { field: 'share', type: 'quantitative', title: 'Share of replications (%)', stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'outcome', type: 'nominal', title: 'Outcome', scale: colourScale(outcomes, false) },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: [
        { field: 'level', type: 'ordinal', title: parameter.path },
        { field: 'outcome', type: 'nominal', title: 'Outcome' },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.0%' },
        { field: 'points', type: 'quantitative', title: 'Points pooled' },
      ],
    },
  };
}

/** The most frequent outcome over a two-parameter grid. */
function gridPanel(data: SweepData, [p, q]: [SweepParameter, SweepParameter], outcomes: readonly GameOutcome[]): { panel: Spec; tie: boolean } | null {
  const values: Spec[] = [];
  let tie = false;
  for (const point of data.points) {
    const m = modalOutcome(point, outcomes);
    if (!m) continue;
    tie ||= m.outcome === null;
    const label = m.outcome ? outcomeLabel(m.outcome) : TIE;
    values.push({
      x: levelText(point.values[p.path]),
      y: levelText(point.values[q.path]),
      outcome: label,
      share: round(m.share),
      text: `${Math.round(100 * m.share)}%`,
      ink: inkOn(m.outcome ? OUTCOME_COLOURS[m.outcome] : TIE_COLOUR),
    });
  }
  if (values.length === 0) return null;
  const x = { field: 'x', type: 'ordinal', title: p.path, sort: p.levels.map(levelText), axis: { labelAngle: 0 } };
  const y = { field: 'y', type: 'ordinal', title: q.path, sort: q.levels.map(levelText).reverse() };
  return {
    tie,
    panel: {
      width: Math.max(200, 64 * p.levels.length),
      height: Math.max(110, 34 * q.levels.length),
      data: { values },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1.5 },
          encoding: {
            x,
            y,
            color: { field: 'outcome', type: 'nominal', title: 'Most frequent outcome', scale: colourScale(modalOutcomes(data, outcomes), tie) },
            tooltip: [
              { field: 'x', type: 'ordinal', title: p.path },
              { field: 'y', type: 'ordinal', title: q.path },
              { field: 'outcome', type: 'nominal', title: 'Most frequent outcome' },
              { field: 'share', type: 'quantitative', title: 'Its share of replications', format: '.0%' },
            ],
          },
        },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: { x, y, text: { field: 'text', type: 'nominal' }, color: { condition: { test: "datum.ink === '#ffffff'", value: '#ffffff' }, value: '#000000' } },
        },
      ],
    },
  };
}

/** The most frequent outcome of every sampled point in the plane of two parameters. */
function scatterPanel(data: SweepData, [p, q]: [SweepParameter, SweepParameter], outcomes: readonly GameOutcome[]): { panel: Spec; tie: boolean } | null {
  const values: Spec[] = [];
  let tie = false;
  const value = (param: SweepParameter, v: unknown) => (param.categorical ? levelText(v as string) : (v as number));
  for (const point of data.points) {
    const m = modalOutcome(point, outcomes);
    if (!m) continue;
    tie ||= m.outcome === null;
    values.push({ point: point.point, x: value(p, point.values[p.path]), y: value(q, point.values[q.path]), outcome: m.outcome ? outcomeLabel(m.outcome) : TIE, share: round(m.share) });
  }
  if (values.length === 0) return null;
  const modal = modalOutcomes(data, outcomes);
  const scale = colourScale(modal, tie);
  const shapes = [...modal.map((o) => OUTCOME_SHAPES[o] ?? 'circle'), ...(tie ? ['circle'] : [])];
  return {
    tie,
    panel: {
      width: 360,
      height: 280,
      data: { values },
      mark: { type: 'point', filled: true, size: 130, opacity: 1, stroke: '#333333', strokeWidth: 0.6 },
      encoding: {
        x: parameterX(p, 'x'),
        y: parameterX(q, 'y'),
        color: { field: 'outcome', type: 'nominal', title: 'Most frequent outcome', scale, legend: SYMBOL_LEGEND },
        shape: { field: 'outcome', type: 'nominal', title: 'Most frequent outcome', scale: { domain: scale.domain, range: shapes }, legend: SYMBOL_LEGEND },
        tooltip: [
          { field: 'point', type: 'quantitative', title: 'Point' },
          { field: 'x', type: p.categorical ? 'nominal' : 'quantitative', title: p.path },
          { field: 'y', type: q.categorical ? 'nominal' : 'quantitative', title: q.path },
          { field: 'outcome', type: 'nominal', title: 'Most frequent outcome' },
          { field: 'share', type: 'quantitative', title: 'Its share of replications', format: '.0%' },
        ],
      },
    },
  };
}

/** The outcome chart of the sweep; null when the sweep ran without counterfactuals. */
export function outcomeChart(data: SweepData): TopLevelSpec | null {
  const outcomes = usedOutcomes(data.points);
  if (outcomes.length === 0) return null;
  const n = data.replications;
  const reps = `${n} replication${n === 1 ? '' : 's'}`;
  const tolerance = 'Each replication is classified by the change of every region\'s cumulative value added against its counterfactual (same seed, every government invests, no fund).';
  const { parameters } = data;
  if (parameters.length === 2) {
    const pair: [SweepParameter, SweepParameter] = [parameters[0], parameters[1]];
    const grid = isGrid(data, pair);
    const made = grid ? gridPanel(data, pair, outcomes) : scatterPanel(data, pair, outcomes);
    if (!made) return null;
    const what = grid
      ? `Each cell is one point of the grid, coloured by its most frequent outcome over ${reps} and labelled with that outcome's share.`
      : `Each dot is one sampled point (Latin hypercube), coloured and shaped by its most frequent outcome over ${reps}.`;
    return topLevel(`Most frequent outcome over ${pair[0].path} and ${pair[1].path}`, `${what}${made.tie ? ' Grey: outcomes tie.' : ''} ${tolerance}`, made.panel);
  }
  if (parameters.length === 1) {
    const panel = barsPanel(data, parameters[0], outcomes, false);
    if (!panel) return null;
    return topLevel(`Win-win or zero-sum (GDP lens) against ${parameters[0].path}`, `Share of the ${reps} at each ${parameters[0].continuous ? 'bin of sampled values' : 'value'} ending in each outcome. ${tolerance}`, panel);
  }
  const panels = parameters.map((p) => barsPanel(data, p, outcomes, true)).filter((p): p is Spec => p !== null);
  if (panels.length === 0) return null;
  return topLevel(
    'Win-win or zero-sum (GDP lens): outcome shares against each parameter',
    `One panel per parameter: the share of replications ending in each outcome at each value (continuous Latin hypercube parameters in equal bins), pooled over the other parameters. ${tolerance}`,
    { columns: Math.min(3, panels.length), concat: panels, resolve: { scale: { color: 'shared' } } },
  );
}
