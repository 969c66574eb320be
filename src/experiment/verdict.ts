/**
 * The run's zero-sum / win-win verdict in one lens (revision 2 of the design,
 * docs/ODD.md 7.14), from the replications' paired changes against their
 * counterfactuals, not from counting replications:
 *
 *   win-win                  every region's 95% t-interval lies above zero;
 *   zero-sum                 some region's lies above zero, another's below, and the zone's contains zero;
 *   negative-sum             the zone's lies below zero;
 *   positive-sum-with-loser  the zone's lies above zero and some region's below;
 *   indistinguishable        none of these can be told from no change with N replications
 *                            (the message names the interval that would decide it).
 *
 * The per-replication classes are kept as shares with 95% Wilson score intervals.
 */
import { GAME_OUTCOMES, type GameOutcome } from '../model/metrics/win-win.js';
import type { GameLens } from '../model/metrics/lenses.js';
import { tInterval } from './statistics.js';

export { LENSES, GAME_LENSES, type Lens, type GameLens } from '../model/metrics/lenses.js';

export const LENS_LABELS: Record<GameLens, string> = {
  objective: 'governments\' objective (what each government maximises: its scenario weights over the GDP, welfare and fiscal lenses; by default GDP)',
  welfare: 'welfare lens (discounted consumption plus discounted final wealth of the region\'s residents and government)',
  gdp: 'GDP lens (cumulative value added produced in the region)',
  fiscal: 'fiscal lens (cumulative fiscal balance of the region\'s government)',
};

export const VERDICTS = ['win-win', 'zero-sum', 'negative-sum', 'positive-sum-with-loser', 'indistinguishable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A mean paired change and its 95% t-interval across replications. */
export interface ChangeInterval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

/** A share of replications and its 95% Wilson score interval. */
export interface ShareInterval {
  count: number;
  share: number;
  low: number;
  high: number;
}

export interface LensVerdict {
  lens: GameLens;
  replications: number;
  regions: Record<string, ChangeInterval>;
  zone: ChangeInterval;
  verdict: Verdict;
  /** One sentence: the verdict and the interval(s) it rests on, or the one that would decide it. */
  explanation: string;
  /** Shares of the per-replication classes. */
  classes: Record<GameOutcome, ShareInterval>;
}

const LEVEL = 0.95;
const Z = 1.959963984540054; // standard normal 97.5% quantile, for the Wilson interval

/** Mean and 95% Student-t interval of paired changes (a point interval when every change is equal). */
export function changeInterval(changes: readonly number[]): ChangeInterval {
  return tInterval(changes, LEVEL);
}

/** Wilson score interval of `count` successes in `n` trials (Wilson 1927): sensible at 0 and n, unlike the normal approximation. */
export function wilsonInterval(count: number, n: number): ShareInterval {
  if (n === 0) return { count, share: Number.NaN, low: Number.NaN, high: Number.NaN };
  const p = count / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denominator;
  return { count, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const above = (c: ChangeInterval) => c.low > 0;
const below = (c: ChangeInterval) => c.high < 0;

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2)) : 'n/a');
const describeInterval = (name: string, c: ChangeInterval) => `${name} ${c.mean >= 0 ? '+' : ''}${fmt(c.mean)} [${fmt(c.low)}, ${fmt(c.high)}]`;

/**
 * The verdict from each replication's changes. `changes[r][i]` is region r's
 * change in replication i (scenario minus its counterfactual), `outcomes[i]`
 * replication i's class; `unit` names the change's unit for the sentence.
 */
export function lensVerdict(lens: GameLens, regionIds: readonly string[], changes: readonly (readonly number[])[], outcomes: readonly GameOutcome[], unit = 'bn yuan'): LensVerdict {
  const n = outcomes.length;
  const regions = Object.fromEntries(regionIds.map((id, r) => [id, changeInterval(changes[r])]));
  const zoneChanges = outcomes.map((_, i) => changes.reduce((sum, c) => sum + c[i], 0));
  const zone = changeInterval(zoneChanges);
  const list = regionIds.map((id) => [id, regions[id]] as const);
  const classes = Object.fromEntries(GAME_OUTCOMES.map((o) => [o, wilsonInterval(outcomes.filter((x) => x === o).length, n)])) as Record<GameOutcome, ShareInterval>;
  const where = `(95% intervals of the mean change, ${unit}, ${n} paired replications)`;
  const gainers = list.filter(([, c]) => above(c));
  const losers = list.filter(([, c]) => below(c));
  let verdict: Verdict;
  let explanation: string;
  if (list.length > 0 && gainers.length === list.length) {
    verdict = 'win-win';
    explanation = `every region gains: ${list.map(([id, c]) => describeInterval(id, c)).join('; ')} ${where}`;
  } else if (below(zone)) {
    verdict = 'negative-sum';
    explanation = `the zone loses: ${describeInterval('zone', zone)}${losers.length > 0 ? `; ${losers.map(([id, c]) => describeInterval(id, c)).join('; ')}` : ''} ${where}`;
  } else if (above(zone) && losers.length > 0) {
    verdict = 'positive-sum-with-loser';
    explanation = `the zone gains (${describeInterval('zone', zone)}) but ${losers.map(([id, c]) => describeInterval(id, c)).join('; ')} ${where}`;
  } else if (gainers.length > 0 && losers.length > 0) {
    verdict = 'zero-sum';
    explanation = `${gainers.map(([id, c]) => describeInterval(id, c)).join('; ')} ${gainers.length === 1 ? 'gains' : 'gain'} what ${losers.map(([id, c]) => describeInterval(id, c)).join('; ')} ${losers.length === 1 ? 'loses' : 'lose'}; ${describeInterval('zone', zone)} contains zero ${where}`;
  } else if (changes.every((c) => c.every((x) => x === 0))) {
    verdict = 'indistinguishable';
    explanation = `no change at all in any of the ${n} replications (the scenario plays exactly as its counterfactual)`;
  } else {
    verdict = 'indistinguishable';
    // The interval that would decide it: the undecided region whose interval is narrowest relative to its mean.
    const undecided = list.filter(([, c]) => !above(c) && !below(c));
    const deciding = [...undecided].sort(([, a], [, b]) => Math.abs(b.mean) / (b.high - b.low || Infinity) - Math.abs(a.mean) / (a.high - a.low || Infinity))[0];
    explanation =
      `indistinguishable from no change with ${n} replications: ` +
      (deciding ? `${describeInterval(deciding[0], deciding[1])} contains zero` : `${describeInterval('zone', zone)} contains zero`) +
      (gainers.length > 0 ? `, while ${gainers.map(([id, c]) => describeInterval(id, c)).join('; ')} ${gainers.length === 1 ? 'gains' : 'gain'}` : '') +
      (losers.length > 0 ? `, while ${losers.map(([id, c]) => describeInterval(id, c)).join('; ')} ${losers.length === 1 ? 'loses' : 'lose'}` : '') +
      ` ${where}`;
  }
  return { lens, replications: n, regions, zone, verdict, explanation, classes };
}
