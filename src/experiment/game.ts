/**
 * The emergent game between the governments: every profile of strategies
 * (each region's invest / compete / cooperate, or a narrower set) is run for R
 * replications under common random numbers. Each government's payoff is read
 * in every lens from the same runs (docs/ODD.md 4: its objective, welfare, GDP,
 * fiscal), as estimates with their per-replication samples, so payoff gaps
 * between profiles get paired standard errors; each payoff's parts (value
 * added, taxes, spending, fund flows, capital costs, outside leakage) are kept
 * for the decomposition.
 *
 *   profiles -> run (worker pool) -> one empirical normal-form game per lens
 *     (the pure steps, shared with the explorer's worker, are in empirical-game.ts)
 *     -> equilibria, Pareto, outcome classes, 2x2 type, replicator (game-analysis.ts)
 */
import { availableParallelism } from 'node:os';
import type { GameLens } from '../model/metrics/lenses.js';
import type { Scenario } from '../scenario/schema.js';
import type { Strategy } from '../model/config.js';
import { empiricalGameFromResults, gameTasks, type EmpiricalGame } from './empirical-game.js';
import type { ParameterValue } from './parameters.js';
import { runPoints, type PointPool } from './pool.js';
import type { PointResult } from './run-point.js';
import { createProgress } from './progress.js';

export { parseLens, parseStrategies, type EmpiricalGame, type EmpiricalProfile } from './empirical-game.js';

export async function runEmpiricalGame(
  scenario: Scenario,
  options: { strategies: Strategy[]; seed: number; replications: number; /** Lens of the main analysis (default: the governments' objective). */ lens?: GameLens; values?: Record<string, ParameterValue>; workers?: number; quiet?: boolean; signal?: AbortSignal; label?: string; /** Workers kept up across several games (a sweep); default: a pool for this game. */ pool?: PointPool },
): Promise<EmpiricalGame> {
  const { tasks } = gameTasks(scenario, options);
  const results = new Array<PointResult>(tasks.length);
  const progress = createProgress({ total: tasks.length, label: options.label ?? `game ${scenario.name}`, unit: 'profiles', quiet: options.quiet });
  try {
    const onResult = (result: PointResult) => {
      results[result.index] = result;
      progress.tick();
    };
    if (options.pool) await options.pool.run(tasks, onResult);
    else await runPoints(tasks, { workers: options.workers ?? availableParallelism(), signal: options.signal, onResult });
  } finally {
    progress.stop();
  }
  return empiricalGameFromResults(scenario, options, results);
}
