/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, "Bump
 * hunting in high-dimensional data", Statistics and Computing 9:123-143), for
 * scenario discovery as Bryant & Lempert (2010) and the EMA Workbench use it:
 *
 * 1. Peeling: from the box around all rows, try to cut off a share `alpha` of
 *    the rows in the box along each dimension (the alpha-quantile from below
 *    or above for a number; for a few distinct values, at least the lowest or
 *    highest value; for a category, one category at a time); keep the cut that
 *    raises the mean of y in the box most per run removed (the EMA Workbench's
 *    default objective, "lenient1"; between numeric cuts of equal size the
 *    same as the highest mean; ties: the higher mean, fewer
 *    restricted dimensions, more rows, dimension order). Repeat while a cut
 *    leaves at least `minMass` of the rows. Each box is a step of the peeling
 *    trajectory, with its coverage (share of the cases of interest inside),
 *    density (share of the rows inside that are cases) and mass.
 * 2. Selection: the step the user names, or by default the densest step whose
 *    coverage is still at least `minCoverage` (ties: the larger box).
 * 3. Pasting: widen the selected box by about `alpha` of its rows along one
 *    restricted side at a time (or add back one category) while that raises
 *    its density.
 * 4. Quasi-p-values: for each restriction, a one-sided binomial test of the
 *    box's cases against the density of the box without that restriction
 *    (Bryant & Lempert 2010, as the EMA Workbench computes them): a large
 *    value says the restriction adds little.
 * 5. Covering: remove the rows of the box and look for the next box among the
 *    rest, up to `boxes` boxes (stopping early when the best box is the whole
 *    remaining space or no case of interest is left).
 *
 * Coverage, density and mass are shares of the rows still in play for that
 * box (for the first box, all rows); `coverageOfAll` and `massOfAll` are
 * shares of all rows. Deterministic: no random draws.
 */
import { quantile } from '../statistics.js';
import { countCases, initialBox, inLimit, isRestricted, restriction, restrictedDimensions, rowsInBox, type BoxLimits, type DiscoveryData, type Limit } from './box.js';
import { quasiPValues, type QuasiP } from './quasi-p.js';

export { binomialUpperTail, quasiPValues, type QuasiP } from './quasi-p.js';

export const PRIM_DEFAULTS = { alpha: 0.05, minMass: 0.05, minCoverage: 0.5, boxes: 1 } as const;

export interface PrimOptions {
  /** Share of the box's rows a peel (and a paste) moves (default 0.05). */
  alpha?: number;
  /** Peeling stops before a box would hold less than this share of the rows in play (default 0.05). */
  minMass?: number;
  /** Default selection: the densest step with at least this coverage (default 0.5). */
  minCoverage?: number;
  /** Boxes to find by covering (default 1). */
  boxes?: number;
  /** The trajectory step chosen for the first box (default: by minCoverage). */
  step?: number;
}

export interface BoxStats {
  rows: number;
  cases: number;
  coverage: number;
  density: number;
  mass: number;
}

export interface TrajectoryStep extends BoxStats {
  step: number;
  limits: Limit[];
  restricted: string[];
}

export interface PrimBox extends BoxStats {
  /** 1-based, in covering order. */
  index: number;
  /** The trajectory step selected (before pasting). */
  step: number;
  /** Whether the selection was the user's (--box) or the default rule's. */
  chosenBy: 'user' | 'default';
  limits: Limit[];
  restricted: string[];
  /** Pasting changed the selected step's box. */
  pasted: boolean;
  coverageOfAll: number;
  massOfAll: number;
  quasiP: QuasiP[];
  trajectory: TrajectoryStep[];
  /** Rows and cases still in play when this box was sought. */
  inPlay: { rows: number; cases: number };
}

export interface PrimResult {
  initial: Limit[];
  rows: number;
  cases: number;
  boxes: PrimBox[];
  /** Why covering stopped before the number of boxes asked for, or null. */
  stopped: string | null;
}

function stats(data: DiscoveryData, rows: Int32Array, play: { rows: number; cases: number }): BoxStats {
  const cases = countCases(data.y, rows);
  return { rows: rows.length, cases, coverage: play.cases > 0 ? cases / play.cases : Number.NaN, density: rows.length > 0 ? cases / rows.length : Number.NaN, mass: play.rows > 0 ? rows.length / play.rows : Number.NaN };
}

interface Candidate {
  limits: Limit[];
  rows: Int32Array;
  cases: number;
  restricted: number;
  order: number;
}

/** The better of two candidate boxes: higher density, then fewer restricted dimensions, then more rows, then earlier in dimension order. */
const better = (a: Candidate, b: Candidate): boolean => {
  const da = a.cases / a.rows.length;
  const db = b.cases / b.rows.length;
  if (da !== db) return da > db;
  if (a.restricted !== b.restricted) return a.restricted < b.restricted;
  if (a.rows.length !== b.rows.length) return a.rows.length > b.rows.length;
  return a.order < b.order;
};

function candidate(data: DiscoveryData, limits: Limit[], rows: Int32Array, initial: BoxLimits, order: number): Candidate {
  return { limits, rows, cases: countCases(data.y, rows), restricted: limits.filter((l, j) => isRestricted(l, initial[j])).length, order };
}

/** The candidate peels of a box: two per number, one per category present. */
function peels(data: DiscoveryData, box: Limit[], rows: Int32Array, alpha: number, initial: BoxLimits): Candidate[] {
  const out: Candidate[] = [];
  data.dimensions.forEach((d, j) => {
    const limit = box[j];
    if (d.kind === 'numeric' && limit.kind === 'numeric') {
      const sorted = Array.from(Float64Array.from(rows, (r) => d.values[r]).sort()); // a typed sort is numeric and fast
      if (sorted[0] === sorted[sorted.length - 1]) return;
      // Lower: keep x >= the alpha-quantile, or at least drop the lowest value (a grid's values repeat).
      let lo = quantile(sorted, alpha);
      if (lo <= sorted[0]) lo = sorted.find((v) => v > sorted[0])!;
      const keepLo = rows.filter((r) => d.values[r] >= lo);
      const newLo = keepLo.reduce((m, r) => Math.min(m, d.values[r]), Infinity);
      out.push(candidate(data, box.map((l, k) => (k === j ? { kind: 'numeric', lo: newLo, hi: limit.hi } : l)), keepLo, initial, 2 * j));
      let hi = quantile(sorted, 1 - alpha);
      const top = sorted[sorted.length - 1];
      if (hi >= top) hi = [...sorted].reverse().find((v) => v < top)!;
      const keepHi = rows.filter((r) => d.values[r] <= hi);
      const newHi = keepHi.reduce((m, r) => Math.max(m, d.values[r]), -Infinity);
      out.push(candidate(data, box.map((l, k) => (k === j ? { kind: 'numeric', lo: limit.lo, hi: newHi } : l)), keepHi, initial, 2 * j + 1));
    } else if (d.kind === 'categorical' && limit.kind === 'categorical') {
      const present = limit.allowed.filter((c) => rows.some((r) => d.values[r] === c));
      if (present.length < 2) return;
      for (const c of present) {
        const keep = rows.filter((r) => d.values[r] !== c);
        out.push(candidate(data, box.map((l, k) => (k === j ? { kind: 'categorical', allowed: present.filter((x) => x !== c) } : l)), keep, initial, 2 * j));
      }
    }
  });
  return out;
}

/** The peeling trajectory from the box around `rows`. */
export function peel(data: DiscoveryData, rows: Int32Array, initial: BoxLimits, options: { alpha: number; minMass: number }): TrajectoryStep[] {
  const play = { rows: rows.length, cases: countCases(data.y, rows) };
  let box: Limit[] = [...initial];
  let inBox = rows;
  const steps: TrajectoryStep[] = [{ step: 0, limits: box, restricted: [], ...stats(data, inBox, play) }];
  for (;;) {
    // The rise in density per run removed (the EMA Workbench's default objective, "lenient1"), so that dropping a whole category (a quarter of the runs, say) must earn its size against a 5% peel.
    const density = countCases(data.y, inBox) / inBox.length;
    const rise = (c: Candidate) => (c.cases / c.rows.length - density) / (inBox.length - c.rows.length);
    let best: Candidate | null = null;
    for (const c of peels(data, box, inBox, options.alpha, initial)) {
      if (c.rows.length === 0 || c.rows.length >= inBox.length || c.rows.length / play.rows < options.minMass) continue;
      if (!best || rise(c) > rise(best) || (rise(c) === rise(best) && better(c, best))) best = c;
    }
    if (!best) return steps;
    box = best.limits;
    inBox = best.rows;
    steps.push({ step: steps.length, limits: box, restricted: restrictedDimensions(data, box, initial), ...stats(data, inBox, play) });
  }
}

/** The default selection: the densest step with coverage >= minCoverage; ties go to the larger (earlier) box. */
export function selectStep(trajectory: readonly TrajectoryStep[], minCoverage: number): number {
  let chosen = 0;
  for (const s of trajectory) if (s.coverage >= minCoverage && s.density > trajectory[chosen].density) chosen = s.step;
  return chosen;
}

/** Pastes the box while widening one restricted side (or adding back one category) raises its density. */
export function paste(data: DiscoveryData, box: Limit[], rows: Int32Array, initial: BoxLimits, alpha: number): Limit[] {
  for (;;) {
    const inBox = rowsInBox(data, box, rows);
    const current = candidate(data, box, inBox, initial, -1);
    const step = Math.max(1, Math.ceil(alpha * inBox.length));
    let best: Candidate | null = null;
    data.dimensions.forEach((d, j) => {
      const limit = box[j];
      const r = restriction(limit, initial[j]);
      // Rows inside every other limit: the ones a change of this limit can add.
      const others = rows.filter((row) => data.dimensions.every((dd, k) => k === j || inLimit(dd, box[k], row)));
      const tries: Limit[] = [];
      if (d.kind === 'numeric' && limit.kind === 'numeric') {
        const below = Array.from(others, (row) => d.values[row]).filter((v) => v < limit.lo).sort((a, b) => b - a);
        const above = Array.from(others, (row) => d.values[row]).filter((v) => v > limit.hi).sort((a, b) => a - b);
        if (r.lower && below.length > 0) tries.push({ kind: 'numeric', lo: below[Math.min(step, below.length) - 1], hi: limit.hi });
        if (r.upper && above.length > 0) tries.push({ kind: 'numeric', lo: limit.lo, hi: above[Math.min(step, above.length) - 1] });
      } else if (d.kind === 'categorical' && limit.kind === 'categorical' && r.categories && initial[j].kind === 'categorical') {
        for (const c of initial[j].allowed) if (!limit.allowed.includes(c)) tries.push({ kind: 'categorical', allowed: initial[j].allowed.filter((x) => x === c || limit.allowed.includes(x)) });
      }
      tries.forEach((t, i) => {
        const limits = box.map((l, k) => (k === j ? t : l));
        const c = candidate(data, limits, rowsInBox(data, limits, others), initial, 2 * j + i);
        if (c.rows.length > inBox.length && (!best || better(c, best))) best = c;
      });
    });
    const found = best as Candidate | null;
    if (!found || found.cases / found.rows.length <= current.cases / Math.max(1, current.rows.length)) return box;
    box = found.limits;
  }
}

/** PRIM with covering over all rows of `data`. */
export function runPrim(data: DiscoveryData, options: PrimOptions = {}): PrimResult {
  const { alpha, minMass, minCoverage, boxes } = { ...PRIM_DEFAULTS, ...options };
  const n = data.y.length;
  const initial = initialBox(data);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const total = { rows: n, cases: countCases(data.y, all) };
  let play = all;
  const found: PrimBox[] = [];
  let stopped: string | null = null;
  for (let b = 1; b <= boxes; b++) {
    const inPlay = { rows: play.length, cases: countCases(data.y, play) };
    if (inPlay.cases === 0) {
      stopped = b === 1 ? 'no run meets the condition' : `no run that meets the condition is left outside the ${found.length === 1 ? 'first box' : `first ${found.length} boxes`}`;
      break;
    }
    if (inPlay.cases === inPlay.rows) {
      stopped = b === 1 ? 'every run meets the condition' : 'every run left meets the condition';
      break;
    }
    const trajectory = peel(data, play, initial, { alpha, minMass });
    const userStep = b === 1 && options.step !== undefined;
    if (userStep && (options.step! < 0 || options.step! >= trajectory.length)) throw new RangeError(`step ${options.step} is not on the peeling trajectory (steps 0 to ${trajectory.length - 1})`);
    const step = userStep ? options.step! : selectStep(trajectory, minCoverage);
    const limits = paste(data, [...trajectory[step].limits], play, initial, alpha);
    const inBox = rowsInBox(data, limits, play);
    const box: PrimBox = {
      index: b,
      step,
      chosenBy: userStep ? 'user' : 'default',
      limits,
      restricted: restrictedDimensions(data, limits, initial),
      pasted: limits.some((l, j) => JSON.stringify(l) !== JSON.stringify(trajectory[step].limits[j])),
      ...stats(data, inBox, inPlay),
      coverageOfAll: countCases(data.y, inBox) / total.cases,
      massOfAll: inBox.length / n,
      quasiP: quasiPValues(data, limits, play, initial),
      trajectory,
      inPlay,
    };
    found.push(box);
    if (box.restricted.length === 0) {
      stopped = 'the best box is the whole remaining parameter space (no restriction raises the share of runs meeting the condition enough)';
      break;
    }
    const inside = new Set(inBox);
    play = play.filter((r) => !inside.has(r));
  }
  return { initial, rows: n, cases: total.cases, boxes: found, stopped };
}
