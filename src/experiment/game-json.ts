/**
 * game.json's content (the analysed payoff matrices of `chuanyu game`, one
 * per swept parameter value) built from the experiment's analysed games, in
 * the format of results/game-format.ts (results/experiment-files.ts writes and
 * reads it).
 */
import { GAME_Z } from './statistics.js';
import type { GamePoint, LensGameReport } from './game-analysis.js';
import type { EmpiricalGame } from './game.js';
import type { ObjectiveWeights } from '../model/config.js';
import { toBimatrix } from '../model/game/normal-form.js';
import { GAME_OUTCOMES } from '../model/metrics/win-win.js';
import type { GameJson, GameLensJson } from '../results/game-format.js';

/** The outcome most replications of a profile had (the first of GAME_OUTCOMES on a tie). */
export function majorityOutcome(shares: Record<string, number>): string {
  return GAME_OUTCOMES.reduce((best, o) => ((shares[o] ?? 0) > (shares[best] ?? 0) ? o : best), GAME_OUTCOMES[0]);
}

function lensJson(empirical: EmpiricalGame, report: LensGameReport): GameLensJson {
  const eq = new Map(report.full.pure.equilibria.map((e) => [e.names.join('|'), e]));
  const pareto = new Set(report.full.pareto.filter((p) => p.optimal).map((p) => p.names.join('|')));
  const sub = report.sub;
  const cls = sub?.analysis.classification;
  return {
    lens: report.lens,
    profiles: empirical.profiles.map((p, i) => {
      const key = p.strategies.join('|');
      return {
        strategies: p.strategies,
        payoffs: empirical.games[report.lens].payoffs[i].map((e) => ({ mean: e.mean, se: e.se ?? null, halfWidth: e.se !== undefined ? GAME_Z * e.se : null })),
        outcomes: p.outcomes[report.lens],
        outcome: majorityOutcome(p.outcomes[report.lens]),
        equilibrium: eq.has(key),
        equilibriumSure: eq.get(key)?.sure ?? false,
        pareto: pareto.has(key),
      };
    }),
    possibleEquilibria: report.full.pure.possible.map((c) => c.names),
    subgame:
      sub && cls
        ? {
            type: cls.type,
            likely: cls.likely,
            sentence: cls.sentence,
            players: cls.players.map((v) => ({ player: v.player, ordering: v.ordering, type: v.type })),
            uncertain: cls.uncertain.map((g) => `${g.player}: ${g.higher} vs ${g.lower}`),
            mixed: sub.analysis.mixed ? { kind: sub.analysis.mixed.kind, p: sub.analysis.mixed.p ?? null, q: sub.analysis.mixed.q ?? null, description: sub.analysis.mixed.description } : null,
            restPoints: (sub.analysis.replicator?.restPoints ?? []).map((r) => ({ x: r.x, y: r.y, eigenvalues: r.eigenvalues, stability: r.stability })),
            continua: (sub.analysis.replicator?.continua ?? []).map((c) => c.description),
            trajectories: sub.trajectories.map((t) => ({ start: t.start, points: t.points.map(({ x, y }) => ({ x, y })) })),
            field: sub.field,
            onePopulation: {
              payoffs: sub.onePopulation.payoffs,
              restPoints: sub.onePopulation.dynamics.restPoints.map((r) => ({ x: r.x, stability: r.stability })),
              curve: sub.onePopulation.curve,
            },
            bimatrix: toBimatrix(sub.game),
          }
        : null,
  };
}

export function gameJson(scenario: string, seed: number, replications: number, sweep: string[], points: GamePoint[], objectives: Record<string, ObjectiveWeights>): GameJson {
  return {
    kind: 'game',
    scenario,
    seed,
    replications,
    sweep,
    lens: points[0]?.empirical.lens ?? 'objective',
    objectives,
    points: points.map(({ values, empirical, report }) => ({
      values,
      regions: empirical.regions,
      regionNames: empirical.regionNames,
      strategies: empirical.strategies,
      replications: empirical.replications,
      ...lensJson(empirical, report),
      byLens: Object.fromEntries(Object.entries(report.byLens).map(([lens, r]) => [lens, lensJson(empirical, r)])),
      decomposition: report.decomposition,
    })),
  };
}

