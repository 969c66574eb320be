/**
 * Zero-sum vs win-win classification (docs/ODD.md 7.14): each region's change in
 * cumulative value added against the counterfactual run (same seed, every
 * government `invest`). Changes within `tolerance` of the zone's counterfactual
 * value added count as no change.
 */
export const GAME_OUTCOMES = ['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'unchanged'] as const;
export type GameOutcome = (typeof GAME_OUTCOMES)[number];

export function classifyOutcome(deltas: number[], zoneCounterfactual: number, tolerance: number): GameOutcome {
  const band = Math.abs(zoneCounterfactual) * tolerance;
  const zoneDelta = deltas.reduce((a, b) => a + b, 0);
  const up = deltas.filter((d) => d > band).length;
  const down = deltas.filter((d) => d < -band).length;
  if (up === 0 && down === 0) return Math.abs(zoneDelta) <= band ? 'unchanged' : zoneDelta > 0 ? 'win-win' : 'negative-sum';
  if (down === 0) return 'win-win';
  if (zoneDelta < -band) return 'negative-sum';
  if (up === 0) return 'negative-sum';
  if (zoneDelta > band) return 'positive-sum-with-loser';
  return 'zero-sum';
}

/** Each region's and the zone's change in cumulative value added against the counterfactual, and its class. */
export interface ValueAddedChange {
  /** Per region: scenario minus counterfactual. */
  deltas: number[];
  /** Per region: the change relative to the counterfactual (0 where that is not positive). */
  relative: number[];
  zoneChange: number;
  /** The zone's counterfactual cumulative value added. */
  zoneBase: number;
  outcome: GameOutcome;
}

/** `mine` and `base`: each region's cumulative value added in the scenario and in its counterfactual. */
export function valueAddedChange(mine: readonly number[], base: readonly number[], tolerance: number): ValueAddedChange {
  const deltas = mine.map((v, r) => v - base[r]);
  const zoneBase = base.reduce((a, b) => a + b, 0);
  return {
    deltas,
    relative: deltas.map((d, r) => (base[r] > 0 ? d / base[r] : 0)),
    zoneChange: deltas.reduce((a, b) => a + b, 0),
    zoneBase,
    outcome: classifyOutcome(deltas, zoneBase, tolerance),
  };
}
