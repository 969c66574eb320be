/**
 * A design point's verdict in every lens (docs/ODD.md 7.14): each region's
 * paired change against its counterfactual (the cells `<lens>_change`), with a
 * 95% t-interval, the zone's, and the verdict (verdict.ts). Used by `compare`
 * and by the lens measurements of docs/VALIDATION.md.
 */
import type { ModelConfig, ObjectiveWeights } from '../model/config.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import type { GameOutcome } from '../model/metrics/win-win.js';
import type { PointResult } from './run-point.js';
import { lensVerdict, type LensVerdict } from './verdict.js';

/** Every lens's verdict from a point's replications (each carries its changes and classes). */
export function verdictsOf(result: PointResult, regions: string[]): Record<GameLens, LensVerdict> {
  const change = (lens: GameLens, region: string) =>
    result.replications.map((rep) => rep.cells.find((c) => c[0] === region && c[1] === `${lens}_change` && c[2] === 'final')?.[3] ?? Number.NaN);
  return Object.fromEntries(
    GAME_LENSES.map((lens) => [
      lens,
      lensVerdict(
        lens,
        regions,
        regions.map((id) => change(lens, id)),
        result.replications.map((rep) => rep.lensOutcomes?.[lens]).filter((o): o is GameOutcome => o !== undefined),
      ),
    ]),
  ) as Record<GameLens, LensVerdict>;
}

/** One scenario's verdicts against its own counterfactual, with what its governments pursue. */
export interface ScenarioVerdicts {
  scenario: string;
  regions: string[];
  /** Each government's objective weights, by region id. */
  objectives: Record<string, ObjectiveWeights>;
  /** The welfare lens's discount rate (a year). */
  discountRate: number;
  lenses: Record<GameLens, LensVerdict>;
}

export function scenarioVerdicts(scenario: string, config: ModelConfig, result: PointResult): ScenarioVerdicts {
  const regions = config.regions.map((r) => r.id);
  return {
    scenario,
    regions,
    objectives: Object.fromEntries(regions.map((id, r) => [id, { ...config.governments[r].objective }])),
    discountRate: config.metrics.discountRate,
    lenses: verdictsOf(result, regions),
  };
}
