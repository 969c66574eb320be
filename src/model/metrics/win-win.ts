/**
 * Zero-sum vs win-win classification of one replication (docs/ODD.md 7.14):
 * each region's change against the counterfactual run (same seed, every
 * government `invest`, no fund). A region is up or down only when its change
 * exceeds `tolerance` of its OWN counterfactual value (a small region's loss is
 * never hidden in the zone's size); the zone is unchanged within `tolerance` of
 * the zone's counterfactual value.
 */
export const GAME_OUTCOMES = ['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'unchanged'] as const;
export type GameOutcome = (typeof GAME_OUTCOMES)[number];

export function classifyOutcome(deltas: readonly number[], bases: readonly number[], tolerance: number): GameOutcome {
  const band = (base: number) => Math.abs(base) * tolerance;
  const zoneDelta = deltas.reduce((a, b) => a + b, 0);
  const zoneBand = band(bases.reduce((a, b) => a + b, 0));
  const up = deltas.filter((d, r) => d > band(bases[r])).length;
  const down = deltas.filter((d, r) => d < -band(bases[r])).length;
  if (up === 0 && down === 0) return 'unchanged';
  if (down === 0) return 'win-win';
  if (zoneDelta < -zoneBand) return 'negative-sum';
  if (up === 0) return 'negative-sum';
  if (zoneDelta > zoneBand) return 'positive-sum-with-loser';
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
    outcome: classifyOutcome(deltas, base, tolerance),
  };
}
