/**
 * Pattern validation: each qualitative claim of the seed paper and of the
 * reference design's "what a user must be able to see", checked against the
 * model with replications under common random numbers. A claim holds when its
 * paired difference is beyond `MARGIN` standard errors in the stated direction
 * (or, for "not wasteful" and "plausible" claims, when the stated bound holds).
 *
 * Each result also carries a `statistic`, the margin by which the claim holds,
 * in standard errors of the mean across replications: t - MARGIN for a paired
 * comparison, (mean - bound) / SE in the stated direction for a bound, and for
 * a claim of several parts the smallest part's margin. It is above zero when
 * the claim holds (at zero only where a bound is met exactly), so the
 * robustness analysis can ask which parameters move a claim towards failing.
 */
import type { Scenario } from '../scenario/schema.js';
import type { ParameterValue } from './parameters.js';
import type { PointResult } from './run-point.js';
import { groupCells } from './replication-summary.js';
import { pairedDifference } from './paired.js';
import { describe, mean } from './statistics.js';

export const MARGIN = 2.5;

/** A world to run: a shipped scenario with parameter values set. */
export interface World {
  scenario: string;
  values?: Record<string, ParameterValue>;
}

export interface ClaimResult {
  holds: boolean;
  evidence: string;
  /** The margin by which the claim holds, in standard errors (see the file's head); +-Infinity where a part does not vary across replications. */
  statistic: number;
}

export type Lookup = (world: string, region: string, metric: string, statistic: 'final' | 'over_run') => number[];

export interface Claim {
  id: string;
  source: string;
  statement: string;
  check: (get: Lookup) => ClaimResult;
}

/** The chased sectors (the fastest-growing) and the year their demand growth collapses in the bust world. */
export const BUST = { sectors: ['electronics', 'pharma', 'autos', 'auto-parts'], year: 2035, growth: -0.03 };

/** The worlds the claims compare: shipped scenarios, some with values or an added event. */
export function validationWorlds(scenarios: Record<string, Scenario>): Record<string, { scenario: Scenario; values: Record<string, ParameterValue> }> {
  const compete = scenarios.compete;
  const bust: Scenario = {
    ...compete,
    events: [
      ...compete.events,
      {
        year: BUST.year,
        type: 'shock',
        label: 'Chased sectors bust',
        source: 'validation: boom-then-bust test',
        set: Object.fromEntries(BUST.sectors.map((id) => [`sectors.${id}.demandGrowth`, BUST.growth])),
        scale: {},
        add: {},
      },
    ],
  };
  return {
    baseline: { scenario: scenarios.baseline, values: {} },
    compete: { scenario: compete, values: {} },
    'compete-bust': { scenario: bust, values: {} },
    // Steady growth, as the claim about it says: no demand cycles, whatever volatility a robustness point sets elsewhere.
    'compete-steady': { scenario: compete, values: { 'demand.volatility': 0 } },
    cooperate: { scenario: scenarios.cooperate, values: {} },
    exploited: { scenario: scenarios.exploited, values: {} },
    reversed: { scenario: scenarios.exploited, values: { 'governments.sichuan.strategy': 'compete', 'governments.chongqing.strategy': 'cooperate' } },
    'cooperate-no-leverage': { scenario: scenarios.cooperate, values: { 'fund.leverage': 0 } },
  };
}

/** The worlds whose claims read values against the counterfactual (value_added_change...); the others need not run it. */
export const COUNTERFACTUAL_WORLDS: readonly string[] = ['compete', 'cooperate', 'cooperate-no-leverage'];

/**
 * How far the mean of `values` is beyond `bound` in the stated direction, in
 * standard errors of the mean; +-Infinity (or 0 on the bound) when the values do not vary.
 */
export function boundMargin(values: number[], bound: number, direction: 'above' | 'below'): number {
  const s = describe(values);
  const gap = direction === 'above' ? s.mean - bound : bound - s.mean;
  if (s.se > 0) return gap / s.se;
  return gap > 0 ? Infinity : gap < 0 ? -Infinity : 0;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

function greater(get: Lookup, a: string, b: string, region: string, metric: string, statistic: 'final' | 'over_run', what: string): ClaimResult {
  const d = pairedDifference(get(b, region, metric, statistic), get(a, region, metric, statistic));
  return {
    holds: d.t > MARGIN,
    statistic: d.t - MARGIN,
    evidence: `${what}: ${a} ${fmt(d.meanB)} vs ${b} ${fmt(d.meanA)}, paired difference ${fmt(d.difference)} [95% CI ${fmt(d.ciLow)}, ${fmt(d.ciHigh)}], t = ${Number.isFinite(d.t) ? d.t.toFixed(1) : String(d.t)}`,
  };
}

const both = (...results: ClaimResult[]): ClaimResult => ({
  holds: results.every((r) => r.holds),
  evidence: results.map((r) => r.evidence).join('; '),
  statistic: Math.min(...results.map((r) => r.statistic)),
});

export const CLAIMS: Claim[] = [
  {
    id: 'compete-similarity',
    source: 'paper; reference design',
    statement: 'When both governments compete, the industrial structures stay similar or become more similar, more so than under cooperation.',
    check: (get) => both(greater(get, 'compete', 'baseline', 'zone', 'similarity', 'final', 'final similarity'), greater(get, 'compete', 'cooperate', 'zone', 'similarity', 'final', 'final similarity')),
  },
  {
    id: 'compete-duplication',
    source: 'paper; reference design',
    statement: 'Mutual competition duplicates a larger share of new investment than mutual cooperation.',
    check: (get) => greater(get, 'compete', 'cooperate', 'zone', 'duplicated_investment_share', 'over_run', 'duplicated-investment share, mean over the run'),
  },
  {
    id: 'compete-relocation',
    source: 'reference design',
    statement: 'Relocations shuffle firms between regions with little gain for the zone.',
    check: (get) => {
      const moves = get('compete', 'zone', 'relocations', 'over_run');
      const gain = get('compete', 'zone', 'value_added_change_relative', 'final');
      return {
        holds: mean(moves) > 0 && Math.abs(mean(gain)) < 0.02,
        statistic: Math.min(boundMargin(moves, 0, 'above'), boundMargin(gain, 0.02, 'below'), boundMargin(gain, -0.02, 'above')),
        evidence: `relocations over the run: mean ${fmt(mean(moves))}; zone cumulative value added against the counterfactual: ${(100 * mean(gain)).toFixed(2)}%`,
      };
    },
  },
  {
    id: 'compete-zone-loss',
    source: 'paper; reference design',
    statement: 'The zone produces less value added under mutual competition than under mutual cooperation.',
    check: (get) => greater(get, 'cooperate', 'compete', 'zone', 'value_added', 'over_run', 'zone cumulative value added (bn yuan)'),
  },
  {
    id: 'bust-overcapacity',
    source: 'reference design',
    statement: 'Overcapacity grows when the demand growth of the chased sectors falls (boom, then bust).',
    check: (get) => greater(get, 'compete-bust', 'compete', 'zone', 'overcapacity_sectors', 'over_run', 'sectors in overcapacity, mean over the run'),
  },
  {
    id: 'steady-not-wasteful',
    source: 'reference design',
    statement: 'With steady demand growth, chasing fast-growing sectors is not wasteful: capacity stays utilised.',
    check: (get) => {
      const u = get('compete-steady', 'zone', 'utilization', 'over_run');
      const oc = get('compete-steady', 'zone', 'overcapacity_sectors', 'over_run');
      return {
        holds: mean(u) >= 0.85 && mean(oc) < 0.5,
        statistic: Math.min(boundMargin(u, 0.85, 'above'), boundMargin(oc, 0.5, 'below')),
        evidence: `mutual competition, steady growth: utilization ${(100 * mean(u)).toFixed(1)}%, sectors in overcapacity ${fmt(mean(oc))} on average`,
      };
    },
  },
  {
    id: 'cooperate-specialization',
    source: 'paper; reference design',
    statement: 'Cooperation through the fund specialises the regions (similarity falls) but plausibly (not below about 0.4).',
    check: (get) => {
      const d = greater(get, 'baseline', 'cooperate', 'zone', 'similarity', 'final', 'final similarity');
      const similarity = get('cooperate', 'zone', 'similarity', 'final');
      const low = mean(similarity);
      return { holds: d.holds && low >= 0.4, statistic: Math.min(d.statistic, boundMargin(similarity, 0.4, 'above')), evidence: `${d.evidence}; cooperation's final similarity ${fmt(low)}` };
    },
  },
  {
    id: 'cooperate-duplication',
    source: 'paper; reference design',
    statement: 'Cooperation lowers the duplicated-investment share.',
    check: (get) => greater(get, 'baseline', 'cooperate', 'zone', 'duplicated_investment_share', 'over_run', 'duplicated-investment share, mean over the run'),
  },
  {
    id: 'cooperate-chains',
    source: 'paper; reference design',
    statement: 'A few cross-border chain clusters form under cooperation.',
    check: (get) => {
      const c = get('cooperate', 'zone', 'chain_clusters', 'over_run');
      return { holds: mean(c) > 0, statistic: boundMargin(c, 0, 'above'), evidence: `cross-border chain clusters, mean over the run: ${fmt(mean(c))} (replications with any: ${c.filter((x) => x > 0).length} of ${c.length})` };
    },
  },
  {
    id: 'cooperate-win-win',
    source: 'paper; reference design',
    statement: 'Under mutual cooperation both regions gain against the counterfactual (win-win).',
    check: (get) => {
      const ids = ['sichuan', 'chongqing'];
      const changes = ids.map((id) => get('cooperate', id, 'value_added_change', 'final'));
      const tests = changes.map((c) => pairedDifference(c.map(() => 0), c));
      return {
        holds: tests.every((t) => t.t > MARGIN),
        statistic: Math.min(...tests.map((t) => t.t - MARGIN)),
        evidence: ids
          .map((id, i) => `${id} ${fmt(tests[i].difference)} bn yuan [95% CI ${fmt(tests[i].ciLow)}, ${fmt(tests[i].ciHigh)}], t = ${tests[i].t.toFixed(1)} (${changes[i].filter((x) => x > 0).length} of ${changes[i].length} replications up)`)
          .join('; '),
      };
    },
  },
  {
    id: 'exploited-sucker',
    source: 'reference design',
    statement: 'A government that cooperates while the other competes is exploited: it does worse than under mutual cooperation and than under mutual competition.',
    check: (get) =>
      both(
        greater(get, 'cooperate', 'exploited', 'sichuan', 'payoff', 'over_run', "Sichuan's cumulative payoff, R vs S"),
        greater(get, 'compete', 'exploited', 'sichuan', 'payoff', 'over_run', "Sichuan's cumulative payoff, P vs S"),
        greater(get, 'cooperate', 'reversed', 'chongqing', 'payoff', 'over_run', "Chongqing's cumulative payoff, R vs S"),
        greater(get, 'compete', 'reversed', 'chongqing', 'payoff', 'over_run', "Chongqing's cumulative payoff, P vs S"),
      ),
  },
  {
    id: 'prisoners-dilemma',
    source: 'reference design',
    statement: "Under default parameters the emergent 2x2 game is a prisoner's dilemma for both governments (T > R > P > S).",
    check: (get) =>
      both(
        greater(get, 'reversed', 'cooperate', 'sichuan', 'payoff', 'over_run', 'Sichuan T > R'),
        greater(get, 'cooperate', 'compete', 'sichuan', 'payoff', 'over_run', 'Sichuan R > P'),
        greater(get, 'exploited', 'cooperate', 'chongqing', 'payoff', 'over_run', 'Chongqing T > R'),
        greater(get, 'cooperate', 'compete', 'chongqing', 'payoff', 'over_run', 'Chongqing R > P'),
      ),
  },
  {
    id: 'leverage-share',
    source: 'reference design',
    statement: 'Part of the fund\'s gain is private capital from outside the zone: without leverage (L = 0) the zone still gains from specialisation, by less.',
    check: (get) => {
      const zero = get('cooperate-no-leverage', 'zone', 'value_added_change', 'final');
      const d = greater(get, 'cooperate', 'cooperate-no-leverage', 'zone', 'value_added_change', 'final', 'zone gain vs counterfactual (bn yuan), L = 0.5 vs L = 0');
      return { holds: mean(zero) > 0 && d.holds, statistic: Math.min(boundMargin(zero, 0, 'above'), d.statistic), evidence: `zone gain at L = 0: ${fmt(mean(zero))} bn yuan; ${d.evidence}` };
    },
  },
];

/** Values of one world's results by key, for the claims. */
export function lookupFrom(results: Record<string, PointResult>): Lookup {
  const groups = Object.fromEntries(Object.entries(results).map(([name, r]) => [name, groupCells(r.replications)]));
  return (world, region, metric, statistic) => {
    const values = groups[world]?.get(`${region}|${metric}|${statistic}`);
    if (!values) throw new Error(`validation: no ${region} ${metric} ${statistic} for world ${world}`);
    return values;
  };
}
