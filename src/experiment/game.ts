/**
 * The emergent game between the governments: every profile of strategies
 * (each region's invest / compete / cooperate, or a narrower set) is run for R
 * replications under common random numbers, and each government's payoff
 * (docs/ODD.md 7.14: cumulative payoff) becomes an estimate with its per-replication
 * samples, so payoff gaps between profiles get paired standard errors.
 *
 *   profiles -> run (worker pool) -> empirical normal-form game
 *     -> equilibria, Pareto, outcome classes, 2x2 type, replicator (game-analysis.ts)
 */
import { availableParallelism } from 'node:os';
import { STRATEGIES, type Strategy } from '../model/config.js';
import { createGame, type NormalFormGame } from '../model/game/normal-form.js';
import { estimateFromSamples } from '../model/game/uncertainty.js';
import { GAME_OUTCOMES, type GameOutcome } from '../model/metrics/win-win.js';
import { UserError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';
import type { ParameterValue } from './parameters.js';
import { runPoints, type PointPool } from './pool.js';
import type { PointResult, PointTask } from './run-point.js';
import { createProgress } from './progress.js';

export interface EmpiricalProfile {
  /** Strategy of each region, in region order. */
  strategies: Strategy[];
  /** Per region: cumulative payoff and cumulative value added per replication. */
  payoffSamples: number[][];
  valueAddedChange: number[][];
  outcomes: Record<GameOutcome, number>;
}

export interface EmpiricalGame {
  regions: string[];
  /** Display names of the regions, same order. */
  regionNames: string[];
  strategies: Strategy[][];
  replications: number;
  seed: number;
  values: Record<string, ParameterValue>;
  game: NormalFormGame;
  profiles: EmpiricalProfile[];
}

export function parseStrategies(text: string | undefined): Strategy[] {
  if (text === undefined) return [...STRATEGIES];
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!(STRATEGIES as readonly string[]).includes(s)) throw new UserError(`--strategies: unknown strategy "${s}"; valid: ${STRATEGIES.join(', ')}`);
  if (new Set(list).size !== list.length || list.length < 2) throw new UserError('--strategies needs at least two different strategies, e.g. cooperate,compete');
  return list as Strategy[];
}

/** All profiles in mixed-radix order, the first region most significant (the game's own order). */
function enumerateProfiles(strategies: Strategy[][]): Strategy[][] {
  let profiles: Strategy[][] = [[]];
  for (const set of strategies) profiles = profiles.flatMap((p) => set.map((s) => [...p, s]));
  return profiles;
}

const cell = (result: PointResult, region: string, metric: string) =>
  result.replications.map((rep) => rep.cells.find((c) => c[0] === region && c[1] === metric && c[2] === 'final')?.[3] ?? Number.NaN);

export async function runEmpiricalGame(
  scenario: Scenario,
  options: { strategies: Strategy[]; seed: number; replications: number; values?: Record<string, ParameterValue>; workers?: number; quiet?: boolean; signal?: AbortSignal; label?: string; /** Workers kept up across several games (a sweep); default: a pool for this game. */ pool?: PointPool },
): Promise<EmpiricalGame> {
  const regions = scenario.regions.map((r) => r.id);
  const strategies = regions.map(() => options.strategies);
  const profiles = enumerateProfiles(strategies);
  if (profiles.length > 729) throw new UserError(`${profiles.length} strategy profiles is too many; narrow --strategies`);
  const tasks: PointTask[] = profiles.map((profile, index) => ({
    index,
    scenario,
    values: { ...(options.values ?? {}), ...Object.fromEntries(regions.map((id, r) => [`governments.${id}.strategy`, profile[r]])) },
    seed: options.seed,
    replications: options.replications,
    counterfactual: true,
  }));
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
  const empirical: EmpiricalProfile[] = results.map((result, i) => {
    const outcomes = result.replications.map((r) => r.outcome).filter((o): o is GameOutcome => o !== null);
    return {
      strategies: profiles[i],
      payoffSamples: regions.map((id) => cell(result, id, 'cumulative_payoff')),
      valueAddedChange: regions.map((id) => cell(result, id, 'value_added_change')),
      outcomes: Object.fromEntries(GAME_OUTCOMES.map((o) => [o, outcomes.filter((x) => x === o).length / Math.max(1, outcomes.length)])) as Record<GameOutcome, number>,
    };
  });
  const index = new Map(profiles.map((p, i) => [p.join('|'), i]));
  const game = createGame({
    players: regions,
    strategies,
    payoff: (profile) => {
      const p = empirical[index.get(profile.map((s, r) => strategies[r][s]).join('|'))!];
      return p.payoffSamples.map((samples) => estimateFromSamples(samples));
    },
  });
  return { regions, regionNames: scenario.regions.map((r) => r.name), strategies, replications: options.replications, seed: options.seed, values: options.values ?? {}, game, profiles: empirical };
}
