/**
 * The revision-2 measurements docs/VALIDATION.md reports (issue: "measure and
 * report, not targets to tune to"): for the shipped baseline, compete,
 * cooperate and exploited scenarios, each region's change against the
 * counterfactual and the run's verdict in every lens; the 2x2
 * cooperate-vs-compete game of the cooperate scenario in every lens; and the
 * decomposition of mutual cooperation minus mutual competition. Each at
 * several seeds, so a reader sees whether a verdict depends on the seed.
 */
import type { Scenario } from '../scenario/schema.js';
import { getPath, setPath } from '../scenario/merge.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import { runPoints } from './pool.js';
import type { PointResult } from './run-point.js';
import { changeInterval, type ChangeInterval, type LensVerdict } from './verdict.js';
import { verdictsOf } from './point-verdicts.js';
import { WASTE_METRICS } from './replication-summary.js';
import { runEmpiricalGame } from './game.js';
import { analyzeEmpiricalGame, type ProfileDecomposition, type SubGameReport } from './game-analysis.js';
import { checkProfile } from '../model/game/equilibria.js';

export interface ScenarioLensMeasurement {
  /** The world's label: a shipped scenario, or one with its demand made steady ("compete, steady demand"). */
  scenario: string;
  seed: number;
  verdicts: Record<GameLens, LensVerdict>;
  /** Means over the replications of zone figures that explain the fund's returns (see FUND_FIGURES). */
  fund: Record<(typeof FUND_FIGURES)[number]['metric'], number>;
  /** Duplication and waste over the run against the counterfactual: paired mean difference with its 95% interval. */
  waste: Record<(typeof WASTE_METRICS)[number], ChangeInterval>;
}

/** The fund's returns at the end of the run, and the profit rate its stakes earn over the run. */
export const FUND_FIGURES = [
  { metric: 'fund_tvpi', statistic: 'final' },
  { metric: 'fund_tvpi_ex_grants', statistic: 'final' },
  { metric: 'fund_dpi', statistic: 'final' },
  { metric: 'fund_irr', statistic: 'final' },
  { metric: 'profit_rate', statistic: 'over_run' },
] as const;

function zoneMean(result: PointResult, metric: string, statistic: string): number {
  const values = result.replications
    .map((rep) => rep.cells.find((c) => c[0] === 'zone' && c[1] === metric && c[2] === statistic)?.[3])
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

export interface GameLensMeasurement {
  /** The world the game was played in. */
  scenario: string;
  seed: number;
  /** Per lens: the 2x2 type, each government's ordering, and the sentence. */
  types: Record<GameLens, { type: string; likely: string; orderings: string[]; sentence: string }>;
  /** (cooperate, cooperate) minus (compete, compete), per lens. */
  decomposition: ProfileDecomposition[];
  /** Per lens and government: does it gain by competing while the other cooperates (T vs R)? Mutual cooperation is a Nash equilibrium when no government does. */
  deviation: Record<GameLens, { player: string; gain: number; status: 'gains' | 'loses' | 'uncertain' }[]>;
}

export interface LensMeasurements {
  replications: number;
  seeds: number[];
  regions: string[];
  scenarios: ScenarioLensMeasurement[];
  games: GameLensMeasurement[];
}

/** One world of the measurements: a label and its scenario. */
export interface MeasuredWorld {
  label: string;
  scenario: Scenario;
}

/** The world with steady demand (no cycles): the design's revision 1 demand, for comparison. */
export function steadyDemand(label: string, scenario: Scenario): MeasuredWorld {
  return { label: `${label}, steady demand`, scenario: { ...scenario, demand: { ...scenario.demand, volatility: 0 }, sectors: scenario.sectors.map(({ demandVolatility: _, ...rest }) => rest) } };
}

/**
 * Paths of a historical calibration that also mean something in the policy
 * worlds: the fitted parameters (its `calibrate.parameters`) that describe
 * how the economy works (agglomeration, policy), not the history itself
 * (sectors' 1978-2015 growth rates, dated strategy switches).
 */
export function structuralFits(calibrated: Scenario): string[] {
  return Object.keys(calibrated.calibrate?.parameters ?? {}).filter((path) => !path.startsWith('sectors.') && !path.startsWith('governments.') && !path.includes('*'));
}

/** The world with the historical calibration's structural values in place of its own (labelled "<label>, at the historical fit"). */
export function atHistoricalFit(label: string, scenario: Scenario, calibrated: Scenario): MeasuredWorld {
  let world: Scenario = scenario;
  for (const path of structuralFits(calibrated)) world = setPath(world, path, getPath(calibrated, path));
  return { label: `${label}, at the historical fit`, scenario: world };
}

/** Each government's gain from competing while the other cooperates (T - R), with whether it is beyond 1.96 standard errors. */
function deviationFromCooperation(sub: SubGameReport): { player: string; gain: number; status: 'gains' | 'loses' | 'uncertain' }[] {
  const { game } = sub;
  const profile = game.strategies.map((s) => s.indexOf('cooperate'));
  const check = checkProfile(game, profile, { z: sub.analysis.z });
  return check.deviations.map((d) => ({
    player: game.players[d.player],
    gain: d.difference,
    status: d.status === 'uncertain' ? 'uncertain' : d.status === 'higher' ? 'gains' : 'loses',
  }));
}

const zoneChange = (result: PointResult, metric: string): ChangeInterval =>
  changeInterval(result.replications.map((rep) => rep.cells.find((c) => c[0] === 'zone' && c[1] === `${metric}_vs_counterfactual`)?.[3] ?? Number.NaN));

export async function measureLenses(
  worlds: MeasuredWorld[],
  gameWorlds: MeasuredWorld[],
  options: { replications: number; seeds: number[]; workers: number; onProgress?: () => void },
): Promise<LensMeasurements> {
  const regions = worlds[0].scenario.regions.map((r) => r.id);
  const tasks = options.seeds.flatMap((seed) => worlds.map((world) => ({ world, seed })));
  const results = new Array<PointResult>(tasks.length);
  await runPoints(
    tasks.map((t, index) => ({ index, scenario: t.world.scenario, values: {}, seed: t.seed, replications: options.replications, counterfactual: true })),
    {
      workers: options.workers,
      onResult: (r) => {
        results[r.index] = r;
        options.onProgress?.();
      },
    },
  );
  const measured = tasks.map((t, i) => ({
    scenario: t.world.label,
    seed: t.seed,
    verdicts: verdictsOf(results[i], t.world.scenario.regions.map((r) => r.id)),
    fund: Object.fromEntries(FUND_FIGURES.map((f) => [f.metric, zoneMean(results[i], f.metric, f.statistic)])) as ScenarioLensMeasurement['fund'],
    waste: Object.fromEntries(WASTE_METRICS.map((m) => [m, zoneChange(results[i], m)])) as ScenarioLensMeasurement['waste'],
  }));
  const games: GameLensMeasurement[] = [];
  for (const world of gameWorlds)
    for (const seed of options.seeds) {
      const empirical = await runEmpiricalGame(world.scenario, { strategies: ['cooperate', 'compete'], seed, replications: options.replications, workers: options.workers, quiet: true });
      const report = analyzeEmpiricalGame(empirical);
      options.onProgress?.();
      const types = Object.fromEntries(
        GAME_LENSES.map((lens) => {
          const cls = report.byLens[lens].sub!.analysis.classification!;
          return [lens, { type: cls.type, likely: cls.likely, orderings: cls.players.map((p) => `${p.player} ${p.ordering}`), sentence: cls.sentence }];
        }),
      ) as GameLensMeasurement['types'];
      const deviation = Object.fromEntries(
        GAME_LENSES.map((lens) => [lens, deviationFromCooperation(report.byLens[lens].sub!)]),
      ) as GameLensMeasurement['deviation'];
      const decomposition = report.decomposition.filter((d) => d.profile.every((s) => s === 'cooperate') && d.reference.every((s) => s === 'compete'));
      games.push({ scenario: world.label, seed, types, decomposition, deviation });
    }
  return { replications: options.replications, seeds: options.seeds, regions, scenarios: measured, games };
}
