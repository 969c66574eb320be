/**
 * The pure part of the emergent game (game.ts): which profiles are run, the
 * design points that run them, and the empirical game assembled from their
 * results. No Node APIs, so the explorer's Web Worker runs the same game as
 * `chuanyu game` (`runEmpiricalGameInProcess`); game.ts runs the same tasks on
 * a worker-thread pool.
 *
 *   profiles -> tasks (one design point per profile) -> run -> empiricalGameFromResults
 */
import { STRATEGIES, type Strategy } from '../model/config.js';
import { createGame, type NormalFormGame } from '../model/game/normal-form.js';
import { estimateFromSamples } from '../model/game/uncertainty.js';
import { GAME_OUTCOMES, type GameOutcome } from '../model/metrics/win-win.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import { UserError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';
import type { ParameterValue } from './parameters.js';
import { runPoint, type PointResult, type PointTask } from './run-point.js';

export interface EmpiricalProfile {
  /** Strategy of each region, in region order. */
  strategies: Strategy[];
  /** Per lens, per region: the payoff (lens value) in each replication. */
  values: Record<GameLens, number[][]>;
  /** Per lens, per region: change against the counterfactual in each replication. */
  changes: Record<GameLens, number[][]>;
  /** Per lens: shares of the replications' classes against the counterfactual. */
  outcomes: Record<GameLens, Record<GameOutcome, number>>;
  /** Per lens: the parts each region's payoff is made of, per replication (they sum to `values`). */
  parts: Record<GameLens, { part: string; samples: number[][] }[]>;
}

export interface EmpiricalGame {
  regions: string[];
  /** Display names of the regions, same order. */
  regionNames: string[];
  strategies: Strategy[][];
  replications: number;
  seed: number;
  values: Record<string, ParameterValue>;
  /** The lens the main analysis (replicator paths, phase diagram) is in. */
  lens: GameLens;
  /** The game in every lens; `game` is `games[lens]`. */
  games: Record<GameLens, NormalFormGame>;
  game: NormalFormGame;
  profiles: EmpiricalProfile[];
}

/** What a game runs: the strategies every region may play, the seed, the replications, fixed parameter values. */
export interface GameOptions {
  strategies: Strategy[];
  seed: number;
  replications: number;
  /** Lens of the main analysis (default: the governments' objective). */
  lens?: GameLens;
  values?: Record<string, ParameterValue>;
}

export function parseLens(text: string | undefined): GameLens {
  if (text === undefined) return 'objective';
  if (!(GAME_LENSES as readonly string[]).includes(text)) throw new UserError(`--lens: unknown lens "${text}"; valid: ${GAME_LENSES.join(', ')}`);
  return text as GameLens;
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

/** One design point per profile: the scenario with every government fixed to its strategy, counterfactual and parts kept. */
export function gameTasks(scenario: Scenario, options: GameOptions): { profiles: Strategy[][]; tasks: PointTask[] } {
  const regions = scenario.regions.map((r) => r.id);
  const profiles = enumerateProfiles(regions.map(() => options.strategies));
  if (profiles.length > 729) throw new UserError(`${profiles.length} strategy profiles is too many; narrow --strategies`);
  const tasks: PointTask[] = profiles.map((profile, index) => ({
    index,
    scenario,
    values: { ...(options.values ?? {}), ...Object.fromEntries(regions.map((id, r) => [`governments.${id}.strategy`, profile[r]])) },
    seed: options.seed,
    replications: options.replications,
    counterfactual: true,
    parts: true,
  }));
  return { profiles, tasks };
}

const cell = (result: PointResult, region: string, metric: string) =>
  result.replications.map((rep) => rep.cells.find((c) => c[0] === region && c[1] === metric && c[2] === 'final')?.[3] ?? Number.NaN);

const byLens = <T>(f: (lens: GameLens) => T) => Object.fromEntries(GAME_LENSES.map((lens) => [lens, f(lens)])) as Record<GameLens, T>;

/** One profile's runs in every lens. */
function empiricalProfile(strategies: Strategy[], result: PointResult, regions: string[]): EmpiricalProfile {
  const reps = result.replications;
  const shares = (lens: GameLens) => {
    const classes = reps.map((r) => r.lensOutcomes?.[lens]).filter((o): o is GameOutcome => o !== undefined);
    return Object.fromEntries(GAME_OUTCOMES.map((o) => [o, classes.filter((x) => x === o).length / Math.max(1, classes.length)])) as Record<GameOutcome, number>;
  };
  const parts = (lens: GameLens) =>
    (reps[0]?.parts?.[lens] ?? []).map((p, k) => ({ part: p.part, samples: regions.map((_, r) => reps.map((rep) => rep.parts![lens][k].values[r])) }));
  return {
    strategies,
    values: byLens((lens) => regions.map((id) => cell(result, id, lens))),
    changes: byLens((lens) => regions.map((id) => cell(result, id, `${lens}_change`))),
    outcomes: byLens(shares),
    parts: byLens(parts),
  };
}

/** The empirical game from the tasks' results (`results[i]` is task i's), in every lens. */
export function empiricalGameFromResults(scenario: Scenario, options: GameOptions, results: readonly PointResult[]): EmpiricalGame {
  const regions = scenario.regions.map((r) => r.id);
  const strategies = regions.map(() => options.strategies);
  const profiles = enumerateProfiles(strategies);
  const empirical = results.map((result, i) => empiricalProfile(profiles[i], result, regions));
  const index = new Map(profiles.map((p, i) => [p.join('|'), i]));
  const games = byLens((lens) =>
    createGame({
      players: regions,
      strategies,
      payoff: (profile) => empirical[index.get(profile.map((s, r) => strategies[r][s]).join('|'))!].values[lens].map((samples) => estimateFromSamples(samples)),
    }),
  );
  const lens = options.lens ?? 'objective';
  return { regions, regionNames: scenario.regions.map((r) => r.name), strategies, replications: options.replications, seed: options.seed, values: options.values ?? {}, lens, games, game: games[lens], profiles: empirical };
}

/**
 * The same game run in this thread, one replication at a time (replication r
 * of every profile uses the streams of (seed, r), so splitting a point changes
 * nothing); `progress` hears each finished run. For the browser's worker.
 */
export function runEmpiricalGameInProcess(scenario: Scenario, options: GameOptions, progress?: (done: number, total: number) => void): EmpiricalGame {
  const { tasks } = gameTasks(scenario, options);
  const total = tasks.length * options.replications;
  let done = 0;
  const results = tasks.map((task): PointResult => {
    const replications = [];
    for (let r = 0; r < task.replications; r++) {
      replications.push(...runPoint({ ...task, firstReplication: r, replications: 1 }).replications);
      progress?.(++done, total);
    }
    return { index: task.index, values: task.values, replications };
  });
  return empiricalGameFromResults(scenario, options, results);
}
