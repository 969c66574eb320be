/**
 * Runs a study (study-file.ts): for each panel, the empirical game at every
 * (x, lever) grid point, through the game code of `chuanyu game --sweep` and
 * one worker pool for the whole study; then reads each cell's answer in each
 * lens: the 2x2 type (or "indeterminate"), whether mutual cooperation is a Nash
 * equilibrium, and whether it pays both governments more than mutual competition.
 *
 *   panels x grid -> runEmpiricalGame (pool) -> analyzeEmpiricalGame -> StudyCell per lens
 */
import type { Scenario } from '../scenario/schema.js';
import type { GameLens } from '../model/metrics/lenses.js';
import { gridDesign } from './design.js';
import { runEmpiricalGame } from './game.js';
import { analyzeEmpiricalGame, type GamePoint } from './game-analysis.js';
import type { ParameterValue } from './parameters.js';
import type { PointPool } from './pool.js';
import { createProgress } from './progress.js';
import type { Study, StudyPanel } from './study-file.js';

export interface StudyPanelResult {
  panel: StudyPanel;
  /** One game per grid point, x varying fastest within each lever value. */
  points: GamePoint[];
}

/** Mutual cooperation minus mutual competition for one government, 95% interval over paired replications. */
export interface CellGap {
  region: string;
  mean: number;
  low: number;
  high: number;
}

/** One grid point of one panel read in one lens. */
export interface StudyCell {
  panel: string;
  x: ParameterValue;
  y: ParameterValue;
  lens: GameLens;
  /** The 2x2 type, "indeterminate" when a deciding payoff gap is within its sampling error. */
  type: string;
  /** The type on the means. */
  likely: string;
  sentence: string;
  /** Each government's own type on the means (they differ in an asymmetric game), in region order. */
  players: { region: string; type: string }[];
  /** Mutual cooperation is a pure Nash equilibrium on the means, and surely (every deviation's loss beyond sampling error). */
  cooperationEquilibrium: boolean;
  cooperationEquilibriumSure: boolean;
  /** Mutual competition is a pure Nash equilibrium on the means. */
  competitionEquilibrium: boolean;
  equilibria: string[][];
  /** Mutual cooperation pays every government more than mutual competition (yes), less for one at least (no), or it is within the sampling error (unclear). */
  cooperationPaysBoth: 'yes' | 'no' | 'unclear';
  gaps: CellGap[];
}

/** Runs every panel's grid; `onCell` is told as each game finishes. */
export async function runStudy(
  study: Study,
  scenario: Scenario,
  options: { seed: number; replications: number; pool: PointPool; signal?: AbortSignal; quiet?: boolean },
): Promise<StudyPanelResult[]> {
  const total = study.panels.reduce((n, p) => n + p.values.length * study.x.values.length, 0);
  const progress = createProgress({ total, label: `study ${study.name}`, unit: 'cells', quiet: options.quiet });
  const results: StudyPanelResult[] = [];
  try {
    for (const panel of study.panels) {
      // y outermost, x fastest: a panel's rows are lever values, its columns volatility.
      const design = gridDesign([
        { path: panel.path, values: panel.values, interval: null },
        { path: study.x.path, values: study.x.values, interval: null },
      ]);
      const points: GamePoint[] = [];
      for (const point of design) {
        const values = { ...study.set, ...point.values };
        const empirical = await runEmpiricalGame(scenario, {
          strategies: study.strategies, seed: options.seed, replications: options.replications, values, quiet: true, signal: options.signal, pool: options.pool,
        });
        // The cell is keyed by its own two values (the scale's settings are the same everywhere).
        points.push({ values: point.values, empirical, report: analyzeEmpiricalGame(empirical) });
        progress.tick();
      }
      results.push({ panel, points });
    }
  } finally {
    progress.stop();
  }
  return results;
}

/** Every cell of every panel in every lens of the study. */
export function studyCells(study: Study, results: StudyPanelResult[]): StudyCell[] {
  return results.flatMap(({ panel, points }) =>
    points.flatMap((point) => study.lenses.map((lens) => readCell(panel.path, study.x.path, point, lens))),
  );
}

const allAre = (names: string[], s: string) => names.every((n) => n === s);

function readCell(panel: string, xPath: string, point: GamePoint, lens: GameLens): StudyCell {
  const view = point.report.byLens[lens];
  const cls = view.sub?.analysis.classification;
  const equilibria = view.full.pure.equilibria;
  const cooperation = equilibria.find((e) => allAre(e.names, 'cooperate'));
  const d = point.report.decomposition.find((q) => q.lens === lens && q.profile.every((s) => s === 'cooperate') && q.reference.every((s) => s === 'compete'));
  const gaps = (d?.regions ?? []).map((r) => ({ region: r.region, mean: r.total.mean, low: r.total.low, high: r.total.high }));
  const paysBoth = gaps.length > 0 && gaps.every((g) => g.low > 0) ? 'yes' : gaps.some((g) => g.high < 0) ? 'no' : 'unclear';
  return {
    panel,
    x: point.values[xPath],
    y: point.values[panel],
    lens,
    type: cls?.type ?? 'n/a',
    likely: cls?.likely ?? 'n/a',
    sentence: cls?.sentence ?? '',
    players: (cls?.players ?? []).map((v) => ({ region: v.player, type: v.type })),
    cooperationEquilibrium: cooperation !== undefined,
    cooperationEquilibriumSure: cooperation?.sure ?? false,
    competitionEquilibrium: equilibria.some((e) => allAre(e.names, 'compete')),
    equilibria: equilibria.map((e) => e.names),
    cooperationPaysBoth: paysBoth,
    gaps,
  };
}
