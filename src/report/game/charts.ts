/**
 * Charts of `chuanyu game`: the payoff matrix with its equilibria, the
 * replicator phase portrait of the cooperate-vs-compete game, and the phase
 * diagram of game types across a parameter sweep. Inputs are game.json points.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import { GAME_TYPE_COLOURS, GAME_TYPE_LABELS } from '../common/game-types.js';
import type { GameJsonPoint, GameLensJson } from './read.js';
import { mutualDecomposition, type GameData } from './read.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';
import type { ExperimentChart } from '../common/write-charts.js';

const STABILITY_COLOURS: Record<string, string> = {
  stable: OKABE_ITO.bluishGreen,
  unstable: OKABE_ITO.vermillion,
  saddle: OKABE_ITO.orange,
  center: OKABE_ITO.skyBlue,
  degenerate: '#777777',
};

/** What a payoff is in each lens, for captions. */
export const LENS_PAYOFFS: Record<string, string> = {
  objective: "each government's objective (its scenario weights over the lenses; by default cumulative value added, the promotion tournament)",
  welfare: 'welfare (the region\'s consumption discounted to the first year plus its discounted final wealth)',
  gdp: 'GDP (cumulative value added produced in the region)',
  fiscal: 'fiscal balance (cumulative taxes less industrial spending plus fund distributions)',
};

/** Share of a panel's payoff range above which a cell is dark enough for white text. */
const PAYOFF_DARK_FROM = 0.55;

/** Two heatmaps (one per government) of mean payoffs in one lens; Nash equilibria outlined, Pareto-optimal cells starred. */
export function payoffMatrixChart(point: GameJsonPoint, view: GameLensJson = point): TopLevelSpec | null {
  if (point.regions.length !== 2) return null;
  const [rowRegion, colRegion] = point.regionNames;
  const cells = view.profiles.flatMap((p) =>
    p.payoffs.map((payoff, r) => ({
      government: point.regionNames[r],
      row: p.strategies[0],
      col: p.strategies[1],
      payoff: round(payoff.mean),
      label: `${Math.round(payoff.mean).toLocaleString('en-US')}${payoff.halfWidth !== null ? ` ±${Math.round(payoff.halfWidth).toLocaleString('en-US')}` : ''}`,
      mark: `${p.equilibrium ? 'Nash' : ''}${p.equilibrium && p.pareto ? ' · ' : ''}${p.pareto ? 'Pareto' : ''}`,
      equilibrium: p.equilibrium,
    })),
  );
  // Text on a cell: white on the darker half of the 'blues' ramp (its luminance falls below ~0.4 past the middle), black on the lighter.
  for (const government of point.regionNames) {
    const own = cells.filter((c) => c.government === government);
    const values = own.map((c) => c.payoff ?? Number.NaN).filter(Number.isFinite);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    for (const c of own) (c as { ink?: string }).ink = hi > lo && c.payoff !== null && (c.payoff - lo) / (hi - lo) > PAYOFF_DARK_FROM ? '#ffffff' : '#000000';
  }
  // Wide enough columns for the longest label (DejaVu Sans digits are 0.64 em; 12 px text) plus padding.
  const longest = Math.max(...cells.map((c) => Math.max(c.label.length, c.mark.length)));
  const columns = new Set(cells.map((c) => c.col)).size;
  const width = Math.max(250, Math.ceil(columns * (longest * 0.64 * 12 + 18)));
  const order = point.strategies[0];
  const ink = { condition: { test: "datum.ink === '#ffffff'", value: '#ffffff' }, value: '#000000' };
  const panel = (government: string): Spec => ({
    title: `${government}'s payoff`,
    width,
    height: 200,
    transform: [{ filter: { field: 'government', equal: government } }],
    encoding: {
      x: { field: 'col', type: 'nominal', sort: point.strategies[1], title: `${colRegion} plays`, axis: { labelAngle: 0, orient: 'top' } },
      y: { field: 'row', type: 'nominal', sort: order, title: `${rowRegion} plays` },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'payoff', type: 'quantitative', scale: { scheme: 'blues' }, legend: { title: [`${government}`, 'bn yuan'], orient: 'bottom', gradientLength: 200 } },
        },
      },
      { mark: { type: 'rect', filled: false, stroke: '#000000', strokeWidth: 4 }, transform: [{ filter: 'datum.equilibrium' }] },
      { mark: { type: 'text', fontSize: 12, dy: -8 }, encoding: { text: { field: 'label' }, color: ink } },
      { mark: { type: 'text', fontSize: 11, dy: 10, fontWeight: 'bold' }, encoding: { text: { field: 'mark' }, color: ink } },
    ],
  });
  return topLevel(
    `The payoff matrix in the ${view.lens} lens: what each government gets in each profile`,
    `Payoff: ${LENS_PAYOFFS[view.lens] ?? view.lens}, billion yuan over the run, mean ± 95% interval over ${point.replications} replications with common random numbers. Thick outline and "Nash": a pure Nash equilibrium (no government gains by changing its strategy alone); "Pareto": no other profile is at least as good for both and better for one.`,
    { data: { values: cells }, hconcat: [panel(rowRegion), panel(colRegion)], resolve: { scale: { color: 'independent' } } },
  );
}

/** For three or more governments: each government's payoff in every profile, equilibria marked. */
export function payoffProfilesChart(point: GameJsonPoint): TopLevelSpec | null {
  if (point.regions.length < 3) return null;
  const rows = point.profiles.flatMap((p) =>
    p.payoffs.map((e, r) => ({
      profile: `(${p.strategies.join(', ')})${p.equilibrium ? ' — Nash' : ''}`,
      government: point.regionNames[r],
      payoff: round(e.mean),
      low: e.halfWidth !== null ? round(e.mean - e.halfWidth) : round(e.mean),
      high: e.halfWidth !== null ? round(e.mean + e.halfWidth) : round(e.mean),
    })),
  );
  const order = [...new Set(rows.map((r) => r.profile))];
  const y = { field: 'profile', type: 'nominal', sort: order, title: null, axis: { labelLimit: 400 } };
  return topLevel(
    'Each government\'s payoff in every profile',
    `Rows: the strategies of ${point.regionNames.join(', ')}, in that order. Payoff: ${LENS_PAYOFFS[point.lens] ?? point.lens}, billion yuan, mean and 95% interval over ${point.replications} replications with common random numbers; one panel per government; "Nash" marks pure Nash equilibria.`,
    {
      data: { values: rows },
      facet: { column: { field: 'government', type: 'nominal', title: null, sort: point.regionNames } },
      spec: {
        width: 220,
        height: { step: 22 },
        layer: [
          { mark: { type: 'rule', color: '#777777' }, encoding: { y, x: { field: 'low', type: 'quantitative', title: 'Payoff (billion yuan)', scale: { zero: false } }, x2: { field: 'high' } } },
          { mark: { type: 'point', filled: true, size: 60, color: OKABE_ITO.blue }, encoding: { y, x: { field: 'payoff', type: 'quantitative' } } },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    },
  );
}

/** Replicator phase portrait: velocity field, trajectories and rest points coloured by stability. */
export function replicatorChart(point: GameJsonPoint): TopLevelSpec | null {
  const sub = point.subgame;
  if (!sub) return null;
  const [rowRegion, colRegion] = point.regionNames;
  const maxSpeed = Math.max(1e-12, ...sub.field.map((f) => Math.hypot(f.dx, f.dy)));
  const arrows = sub.field.map((f) => {
    const len = 0.045 / maxSpeed;
    return { x: f.x, y: f.y, x2: round(f.x + f.dx * len), y2: round(f.y + f.dy * len) };
  });
  const paths = sub.trajectories.flatMap((t, i) => t.points.map((p, k) => ({ path: i, order: k, x: round(p.x), y: round(p.y) })));
  const starts = sub.trajectories.map((t, i) => ({ path: i, x: t.start.x, y: t.start.y }));
  const rest = sub.restPoints.map((r) => ({ x: round(r.x), y: round(r.y), stability: r.stability }));
  const axis = (title: string) => ({ title, scale: { domain: [0, 1] }, axis: { format: '.0%' } });
  return topLevel(
    'Replicator dynamics of the cooperate-vs-compete game',
    `Two populations of governments, one like ${rowRegion} and one like ${colRegion}; each strategy spreads in proportion to how much better than average it pays (payoffs: the estimated matrix). Grey ticks point (dot at the head) where the shares move; lines: paths from five starting points (hollow circles); filled points: rest points, coloured by stability.`,
    {
      width: 420,
      height: 420,
      layer: [
        { data: { values: arrows }, mark: { type: 'rule', color: '#9a9a9a', strokeWidth: 1.5 }, encoding: { x: { field: 'x', type: 'quantitative', ...axis(`Share of ${rowRegion}-like governments cooperating`) }, y: { field: 'y', type: 'quantitative', ...axis(`Share of ${colRegion}-like governments cooperating`) }, x2: { field: 'x2' }, y2: { field: 'y2' } } },
        { data: { values: arrows }, mark: { type: 'point', filled: true, color: '#9a9a9a', size: 14 }, encoding: { x: { field: 'x2', type: 'quantitative' }, y: { field: 'y2', type: 'quantitative' } } },
        { data: { values: paths }, mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, detail: { field: 'path' }, order: { field: 'order' } } },
        { data: { values: starts }, mark: { type: 'point', color: OKABE_ITO.blue, size: 60, strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        {
          data: { values: rest },
          mark: { type: 'point', filled: true, size: 180, stroke: '#000000', strokeWidth: 1 },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            color: { field: 'stability', type: 'nominal', title: 'Rest point', scale: { domain: Object.keys(STABILITY_COLOURS), range: Object.values(STABILITY_COLOURS) } },
          },
        },
      ],
    },
  );
}

/** One-population phase line: dx/dt against the share x of cooperating governments, with rest points. */
export function phaseLineChart(point: GameJsonPoint): TopLevelSpec | null {
  const one = point.subgame?.onePopulation;
  if (!one) return null;
  const curve = one.curve.map((c) => ({ x: c.x, v: round(c.velocity) }));
  const rest = one.restPoints.map((r) => ({ x: round(r.x), v: 0, stability: r.stability }));
  return topLevel(
    'Replicator dynamics, one population: the phase line',
    `One population of governments, each seeing the two governments' payoffs relative to their own mutual-cooperation payoff, averaged (T ${one.payoffs.T.toFixed(3)}, R 1, P ${one.payoffs.P.toFixed(3)}, S ${one.payoffs.S.toFixed(3)}). The curve is the rate of change of the share cooperating: above zero cooperation spreads.`,
    {
      width: 480,
      height: 220,
      layer: [
        { data: { values: [{ v: 0 }] }, mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] }, encoding: { y: { field: 'v', type: 'quantitative' } } },
        {
          data: { values: curve },
          mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2.5 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: 'Share of governments cooperating', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
            y: { field: 'v', type: 'quantitative', title: 'Change per unit of time (relative payoff)' },
          },
        },
        {
          data: { values: rest },
          mark: { type: 'point', filled: true, size: 160, stroke: '#000000', strokeWidth: 1 },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'v', type: 'quantitative' },
            color: { field: 'stability', type: 'nominal', title: 'Rest point', scale: { domain: Object.keys(STABILITY_COLOURS), range: Object.values(STABILITY_COLOURS) } },
          },
        },
      ],
    },
  );
}

/** Game type (and its certainty) across one or two swept parameters. */
export function phaseDiagramChart(points: GameJsonPoint[], sweep: string[]): TopLevelSpec | null {
  if (sweep.length === 0 || points.length < 2 || points.some((p) => !p.subgame)) return null;
  const values = points.map((p) => ({
    x: p.values[sweep[0]],
    y: sweep[1] !== undefined ? p.values[sweep[1]] : 'all',
    type: GAME_TYPE_LABELS[p.subgame!.type] ?? p.subgame!.type,
    likely: GAME_TYPE_LABELS[p.subgame!.likely] ?? p.subgame!.likely,
    equilibria: p.profiles.filter((q) => q.equilibrium).map((q) => `(${q.strategies.join(', ')})`).join(' ') || 'none',
  }));
  const types = [...new Set(values.map((v) => v.type))];
  const encodingY = sweep[1] !== undefined ? { field: 'y', type: 'ordinal', title: sweep[1], sort: 'descending' } : { field: 'y', type: 'nominal', title: null, axis: null };
  return topLevel(
    'Which game are the governments playing?',
    `The type of the cooperate-vs-compete game at each value of ${sweep.join(' and ')}, from its estimated payoff matrix; "Indeterminate" where a payoff gap that decides the type is within its 95% sampling error (the likely type is in the cell). Text: the pure Nash equilibria of the full game.`,
    {
      data: { values },
      width: Math.max(300, 70 * new Set(values.map((v) => v.x)).size),
      height: sweep[1] !== undefined ? Math.max(150, 50 * new Set(values.map((v) => v.y)).size) : 80,
      encoding: { x: { field: 'x', type: 'ordinal', title: sweep[0], axis: { labelAngle: 0 } }, y: encodingY },
      layer: [
        { mark: { type: 'rect', stroke: '#ffffff' }, encoding: { color: { field: 'type', type: 'nominal', title: 'Game type', scale: { domain: types, range: types.map((t) => GAME_TYPE_COLOURS[t] ?? '#999999') } } } },
        { mark: { type: 'text', fontSize: 10, dy: -6 }, encoding: { text: { field: 'likely' }, color: { value: '#000000' } } },
        { mark: { type: 'text', fontSize: 9, dy: 8 }, encoding: { text: { field: 'equilibria' }, color: { value: '#000000' } } },
      ],
    },
  );
}

/**
 * Where a payoff gap comes from: one profile minus the reference (mutual
 * cooperation minus mutual competition), part by part, one panel per
 * government, mean and 95% interval over the paired replications.
 */
export function decompositionChart(point: GameJsonPoint, decomposition: GameJsonPoint['decomposition'][number]): TopLevelSpec {
  const name = new Map(point.regions.map((id, r) => [id, point.regionNames[r]]));
  const rows = decomposition.regions.flatMap((reg) =>
    [...reg.parts, { part: 'total', change: reg.total }].map((p, k) => ({
      government: name.get(reg.region) ?? reg.region,
      part: p.part,
      order: k,
      mean: round(p.change.mean),
      low: round(p.change.low),
      high: round(p.change.high),
      total: p.part === 'total',
    })),
  );
  const parts = [...decomposition.regions[0].parts.map((p) => p.part), 'total'];
  return topLevel(
    `Where the gap comes from (${decomposition.lens} lens): (${decomposition.profile.join(', ')}) minus (${decomposition.reference.join(', ')})`,
    `Each bar is one part of a government's payoff in the ${decomposition.lens} lens (${LENS_PAYOFFS[decomposition.lens] ?? decomposition.lens}); the parts add up to the total. Billion yuan, mean difference with its 95% interval over ${point.replications} paired replications (common random numbers).`,
    {
      data: { values: rows },
      facet: { column: { field: 'government', type: 'nominal', title: null, sort: point.regionNames } },
      spec: {
        width: 260,
        height: { step: 22 },
        // The parts' names are whole phrases (up to about 330 px): room for them all, not Vega's default 180 px cut.
        encoding: { y: { field: 'part', type: 'nominal', sort: parts, title: null, axis: { labelLimit: 360 } } },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'mean', type: 'quantitative', title: 'bn yuan' },
              color: { condition: { test: 'datum.total', value: OKABE_ITO.vermillion }, value: OKABE_ITO.blue },
            },
          },
          { mark: { type: 'rule', color: '#000000' }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
          { mark: { type: 'rule', color: '#666666', strokeDash: [3, 3] }, encoding: { x: { datum: 0 } } },
        ],
      },
    } as Spec,
  );
}

/** The analysed game when the folder holds one game (no --sweep); the charts of a single game need it. */
const single = (g: GameData): GameJsonPoint | null => (g.data.points.length === 1 ? g.data.points[0] : null);

/** The lens of the game's main analysis and the welfare lens, or welfare alone when that is the main lens. */
const mainLens = (g: GameData) => g.data.points[0].lens;

function decomposition(g: GameData, lens: string): TopLevelSpec | null {
  const point = single(g);
  const d = point ? mutualDecomposition(point, lens) : undefined;
  return point && d ? decompositionChart(point, d) : null;
}

/** Every chart of a game report, in report order. */
export const GAME_CHARTS: readonly ChartEntry<GameData>[] = [
  {
    name: 'payoff-matrix',
    heading: (g) => `Payoff matrix (${mainLens(g)} lens)`,
    caption: 'Each panel is one government\'s payoff for every pair of strategies; an outlined cell is a Nash equilibrium. Compare the cell both governments would reach on their own with the one that would be better for both.',
    build: (g) => {
      const point = single(g);
      return point ? payoffMatrixChart(point) : null;
    },
    skipped: 'the folder holds a sweep of games (see the phase diagram) or a game that is not two governments choosing between two strategies.',
  },
  {
    name: 'payoff-matrix-welfare',
    heading: 'Payoff matrix (welfare lens)',
    caption: 'The same runs scored by what the residents get: if the equilibrium or the best cell differs from the matrix above, the officials\' game and the residents\' game are not the same game.',
    build: (g) => {
      const point = single(g);
      const view = point?.byLens?.welfare;
      return point && point.lens !== 'welfare' && view ? payoffMatrixChart(point, view) : null;
    },
    skipped: 'welfare is the main lens (the matrix above), the folder holds a sweep of games, or game.json has no welfare lens.',
  },
  {
    name: (g) => `decomposition-${mainLens(g)}`,
    heading: (g) => `Where the gap comes from (${mainLens(g)} lens)`,
    caption: 'Mutual cooperation minus mutual competition, part by part: the parts that decide the sign of the total are where a dilemma (or its absence) comes from.',
    build: (g) => decomposition(g, mainLens(g)),
    skipped: 'the folder holds a sweep of games, or the game has no mutual-cooperation and mutual-competition profiles to compare.',
  },
  {
    name: 'decomposition-welfare',
    heading: 'Where the gap comes from (welfare lens)',
    caption: 'Mutual cooperation minus mutual competition, part by part: the parts that decide the sign of the total are where a dilemma (or its absence) comes from.',
    build: (g) => (mainLens(g) === 'welfare' ? null : decomposition(g, 'welfare')),
    skipped: 'welfare is the main lens (the chart above), the folder holds a sweep of games, or the game has no mutual-cooperation and mutual-competition profiles to compare.',
  },
  {
    name: 'payoffs',
    heading: 'Payoffs by profile',
    caption: 'Each row is one combination of strategies; compare a government\'s dots across rows that differ only in its own strategy to see whether changing it alone would pay.',
    build: (g) => {
      const point = single(g);
      return point ? payoffProfilesChart(point) : null;
    },
    skipped: 'the game has fewer than three governments (the payoff matrix shows it), or the folder holds a sweep of games (see the phase diagram).',
  },
  {
    name: 'replicator',
    heading: 'Replicator dynamics',
    caption: 'Where the paths end is where imitation of the better-paying strategy leads populations of governments; a stable rest point at (0, 0) means cooperation dies out, at (1, 1) that it takes over.',
    build: (g) => {
      const point = single(g);
      return point ? replicatorChart(point) : null;
    },
    skipped: 'the folder holds a sweep of games, or the game has no cooperate-vs-compete subgame to follow.',
  },
  {
    name: 'phase-line',
    heading: 'One population of governments',
    caption: 'Above the zero line cooperation spreads, below it competition does; the dynamics end at a stable rest point (filled green).',
    build: (g) => {
      const point = single(g);
      return point ? phaseLineChart(point) : null;
    },
    skipped: 'the folder holds a sweep of games, or its cooperate-vs-compete subgame has no one-population dynamics (the governments are not alike).',
  },
  {
    name: 'phase-diagram',
    heading: 'Phase diagram',
    caption: 'Read across to see which parameter values turn the game from one type into another, for instance a prisoner\'s dilemma into harmony, where cooperating pays whatever the other does.',
    build: (g) => phaseDiagramChart(g.data.points, g.data.sweep),
    skipped: 'the game was not run with --sweep (one game, no parameter to draw it against), or some swept game has no cooperate-vs-compete subgame.',
  },
];

export const gameCharts = (game: GameData): ExperimentChart[] => drawnCharts(GAME_CHARTS, game);
