/**
 * One replication in every game lens (the three lenses and each government's
 * objective): each region's value, its change against the counterfactual run
 * with the same seed, the replication's class (win-win, zero-sum, ...) judged
 * against each region's own counterfactual base, and, on request, the parts
 * each value is made of (the game's payoff decomposition).
 */
import type { ModelConfig } from '../model/config.js';
import { classifyOutcome, type GameOutcome } from '../model/metrics/win-win.js';
import { GAME_LENSES, LENSES, lensBase, lensParts, lensValues, objectiveParts, objectiveValues, type GameLens, type LensPart, type LensValues } from '../model/metrics/lenses.js';
import type { StepRecord } from '../model/record.js';

export interface ReplicationLenses {
  /** Per lens, per region. */
  values: Record<GameLens, number[]>;
  /** Per lens, per region: scenario minus counterfactual (null without a counterfactual). */
  changes: Record<GameLens, number[]> | null;
  outcomes: Record<GameLens, GameOutcome> | null;
  /** Per lens, the parts of each region's value (only when asked for). */
  parts: Record<GameLens, LensPart[]> | null;
}

function inEveryLens(config: ModelConfig, values: LensValues): Record<GameLens, number[]> {
  const weights = config.governments.map((g) => g.objective);
  return { objective: objectiveValues(values, weights), welfare: values.lens.welfare, gdp: values.lens.gdp, fiscal: values.lens.fiscal };
}

/** The base a change is judged against: each lens's own (welfare: discounted consumption), weighted for the objective. */
function basesInEveryLens(config: ModelConfig, values: LensValues): Record<GameLens, number[]> {
  const bases = Object.fromEntries(LENSES.map((lens) => [lens, lensBase(values, lens)])) as Record<(typeof LENSES)[number], number[]>;
  const objective = config.governments.map((g, r) => LENSES.reduce((sum, lens) => sum + g.objective[lens] * bases[lens][r], 0));
  return { objective, ...bases };
}

export function replicationLenses(config: ModelConfig, records: readonly StepRecord[], counterfactual: readonly StepRecord[] | null, options: { parts?: boolean } = {}): ReplicationLenses {
  const R = config.regions.length;
  const rate = config.metrics.discountRate;
  const mine = lensValues(records, R, rate);
  const values = inEveryLens(config, mine);
  let changes: Record<GameLens, number[]> | null = null;
  let outcomes: Record<GameLens, GameOutcome> | null = null;
  if (counterfactual) {
    const theirs = lensValues(counterfactual, R, rate);
    const base = inEveryLens(config, theirs);
    const bases = basesInEveryLens(config, theirs);
    changes = Object.fromEntries(GAME_LENSES.map((lens) => [lens, values[lens].map((v, r) => v - base[lens][r])])) as Record<GameLens, number[]>;
    outcomes = Object.fromEntries(GAME_LENSES.map((lens) => [lens, classifyOutcome(changes![lens], bases[lens], config.metrics.zeroSumTolerance)])) as Record<GameLens, GameOutcome>;
  }
  let parts: Record<GameLens, LensPart[]> | null = null;
  if (options.parts) {
    const byLens = lensParts(records, R, rate);
    parts = { objective: objectiveParts(byLens, config.governments.map((g) => g.objective)), ...byLens };
  }
  return { values, changes, outcomes, parts };
}
