/**
 * Everything the game-theory core says about one game, in one call: pure
 * equilibria, Pareto optimality and, for a 2x2 game, the mixed equilibria, the
 * game's type and the two-population replicator dynamics on the means. Meant
 * for payoff matrices estimated from simulations (means with standard errors),
 * e.g. `chuanyu game <scenario>`.
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import { classifyGame, type Classification, type ClassifyOptions } from './classify.js';
import { findPureEquilibria, paretoAnalysis, type ParetoCheck, type PureEquilibria } from './equilibria.js';
import { mixedEquilibrium2x2, type MixedEquilibrium2x2 } from './mixed-2x2.js';
import { toBimatrix, validateGame, type NormalFormGame } from './normal-form.js';
import { replicator2, type Replicator2 } from './replicator.js';
import { DEFAULT_Z } from './uncertainty.js';

export interface GameAnalysis {
  z: number;
  pure: PureEquilibria;
  /** Every profile's Pareto status. */
  pareto: ParetoCheck[];
  /** 2x2 games only. */
  mixed?: MixedEquilibrium2x2;
  classification?: Classification;
  replicator?: Replicator2;
}

export function analyzeGame(game: NormalFormGame, options: ClassifyOptions = {}): GameAnalysis {
  validateGame(game);
  const analysis: GameAnalysis = { z: options.z ?? DEFAULT_Z, pure: findPureEquilibria(game, options), pareto: paretoAnalysis(game, options) };
  if (game.players.length === 2 && game.strategies.every((s) => s.length === 2)) {
    analysis.mixed = mixedEquilibrium2x2(game, options);
    analysis.classification = classifyGame(game, options);
    analysis.replicator = replicator2(toBimatrix(game));
  }
  return analysis;
}
