/**
 * The robustness of claims over a region of parameter space (pure, seeded):
 *
 *   - the designs: a Latin hypercube of `points` points (design.ts) for the
 *     share of the region where a claim holds, and Morris trajectories
 *     (sensitivity/morris.ts) for which parameters decide it;
 *   - per claim: the share of hypercube points where it holds, with its 95%
 *     Wilson score interval (the points are a uniform sample of the region, so
 *     the share estimates the region's volume where the claim holds); Morris
 *     mu*, mu and sigma of the claim's `statistic` (its margin in standard
 *     errors, validation-claims.ts) clipped to +-MARGIN_CLIP, parameters
 *     ranked by mu*; and, per
 *     parameter, the share where the claim holds in the lower and the upper
 *     half of its range (read from the same hypercube points).
 *
 * The claims' runs are the caller's (robustness.ts); here only numbers in, numbers out.
 */
import { createStream } from '../model/rng.js';
import { latinHypercubeDesign } from './design.js';
import { buildDesign } from './sensitivity/analysis.js';
import type { IndexEstimate } from './sensitivity/common.js';
import { morrisIndices, type MorrisDesign } from './sensitivity/morris.js';
import { quantile } from './statistics.js';
import { wilsonInterval, type ShareInterval } from './verdict.js';

export interface RangeParameter {
  path: string;
  label: string;
  range: [number, number];
}

export interface DesignSizes {
  points: number;
  trajectories: number;
  levels: number;
  seed: number | string;
}

export interface RobustnessDesign {
  /** Latin hypercube points, values by path. */
  lhs: Record<string, number>[];
  /** Morris points, trajectory after trajectory, values by path. */
  morrisPoints: Record<string, number>[];
  morris: MorrisDesign;
}

export function robustnessDesign(parameters: readonly RangeParameter[], sizes: DesignSizes): RobustnessDesign {
  const specs = parameters.map((p) => ({ path: p.path, values: [...p.range], interval: p.range }));
  const lhs = latinHypercubeDesign(specs, sizes.points, `${sizes.seed}/robustness`).map((d) => d.values as Record<string, number>);
  const built = buildDesign({ method: 'morris', intervals: parameters.map((p) => p.range), samples: sizes.trajectories, levels: sizes.levels, sampling: 'random', seed: `${sizes.seed}/robustness` });
  if (built.method !== 'morris') throw new Error('robustness: expected a Morris design');
  const morrisPoints = built.values.map((row) => Object.fromEntries(parameters.map((p, i) => [p.path, row[i]])));
  return { lhs, morrisPoints, morris: built.design };
}

/** What a claim's check gave at one point. */
export interface PointOutcome {
  holds: boolean;
  statistic: number;
  evidence: string;
}

export interface ParameterScreening {
  path: string;
  label: string;
  muStar: IndexEstimate;
  mu: IndexEstimate;
  sigma: IndexEstimate;
  /** Finite elementary effects used (a step whose statistic is infinite gives none). */
  effects: number;
  /** Share of hypercube points where the claim holds with this parameter in the lower, and in the upper, half of its range. */
  lowerHalf: ShareInterval;
  upperHalf: ShareInterval;
}

export interface ClaimRobustness {
  id: string;
  share: ShareInterval;
  /** Parameters by mu*, largest first. */
  screening: ParameterScreening[];
  /** The claim's statistic over the hypercube: 5th percentile, median, 95th percentile. */
  statistic: { p05: number; median: number; p95: number };
  /** The hypercube point with the smallest statistic, when the claim fails there. */
  worst: { values: Record<string, number>; outcome: PointOutcome } | null;
}

const BOOTSTRAP = 500;

/**
 * Margins are clipped to +-10 standard errors before screening: beyond that a
 * claim is settled either way, and a difference that is constant across
 * replications up to rounding has a t of 1e16 or an infinite one, which would
 * swamp every other effect. So mu* measures how far a parameter moves a claim
 * towards, or across, its threshold.
 */
export const MARGIN_CLIP = 10;

const clip = (x: number) => (Number.isNaN(x) ? x : Math.max(-MARGIN_CLIP, Math.min(MARGIN_CLIP, x)));

/**
 * One claim's robustness from its outcomes at the hypercube points (in design
 * order) and at the Morris points (in design order).
 */
export function analyzeClaim(id: string, parameters: readonly RangeParameter[], design: RobustnessDesign, atLhs: readonly PointOutcome[], atMorris: readonly PointOutcome[], seed: number | string): ClaimRobustness {
  const share = wilsonInterval(atLhs.filter((o) => o.holds).length, atLhs.length);
  const indices = morrisIndices(design.morris, atMorris.map((o) => clip(o.statistic)), { bootstrap: BOOTSTRAP, random: createStream(`chuanyu/${seed}/robustness/${id}/bootstrap`) });
  const screening = parameters
    .map((p, i) => {
      const mid = (p.range[0] + p.range[1]) / 2;
      const half = (lower: boolean) => {
        const picked = atLhs.filter((_, k) => (design.lhs[k][p.path] < mid) === lower);
        return wilsonInterval(picked.filter((o) => o.holds).length, picked.length);
      };
      return { path: p.path, label: p.label, muStar: indices[i].muStar, mu: indices[i].mu, sigma: indices[i].sigma, effects: indices[i].n, lowerHalf: half(true), upperHalf: half(false) };
    })
    .sort((a, b) => (Number.isNaN(b.muStar.value) ? -1 : Number.isNaN(a.muStar.value) ? 1 : b.muStar.value - a.muStar.value));
  const sorted = atLhs.map((o) => o.statistic).sort((a, b) => a - b);
  let worstIndex = -1;
  atLhs.forEach((o, k) => {
    if (!o.holds && (worstIndex < 0 || o.statistic < atLhs[worstIndex].statistic)) worstIndex = k;
  });
  return {
    id,
    share,
    screening,
    statistic: { p05: quantile(sorted, 0.05), median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) },
    worst: worstIndex >= 0 ? { values: design.lhs[worstIndex], outcome: atLhs[worstIndex] } : null,
  };
}
