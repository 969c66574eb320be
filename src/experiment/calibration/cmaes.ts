/**
 * A compact CMA-ES (covariance matrix adaptation evolution strategy) for
 * bounded, derivative-free, possibly noisy minimisation, after N. Hansen,
 * "The CMA Evolution Strategy: A Tutorial" (arXiv:1604.00772), with IPOP
 * restarts (Auger & Hansen 2005: restart with a doubled population when the
 * search has converged or stalled).
 *
 * Why CMA-ES rather than Nelder-Mead: each generation is a batch of
 * independent points, so a whole population runs in parallel on the worker
 * pool; it ranks points rather than using their values, which makes it robust
 * to noise and to badly scaled objectives; and it needs no tuning beyond the
 * starting point and step size. No maintained npm package fits (the few on the
 * registry are unmaintained or unbounded), hence this file.
 *
 * Bounds: the search runs in the unit cube [0, 1]^n, mapped linearly onto
 * [lo, hi] per parameter. The strategy itself samples an unbounded "genotype";
 * each sample is folded into the cube by reflection at the faces (a triangle
 * wave: 1.1 -> 0.9, -0.2 -> 0.2), and the objective is evaluated at the folded
 * point. The strategy thus optimises f(fold(x)), a well-defined function on the
 * whole space whose minima are those of f in the box, so the CMA updates stay
 * unbiased and every evaluated point lies inside the bounds. An optimum on a
 * face is found as an interior optimum of the mirrored function.
 *
 * Determinism: every random draw comes from one seedrandom stream seeded by
 * `seed`, and the objective sees points in a fixed order, so a run depends
 * only on its seed and the objective's values (not on how a batch is
 * scheduled on workers).
 */
import seedrandom from 'seedrandom';

/** Evaluates a batch of points (in the caller's units, inside the bounds); returns one value each, in order. */
export type BatchObjective = (points: number[][]) => Promise<number[]> | number[];

export interface CmaesOptions {
  /** [lo, hi] per dimension (lo < hi). */
  bounds: readonly (readonly [number, number])[];
  /** Starting point in the caller's units (clamped into the bounds); default the centre of the box. */
  x0?: readonly number[];
  /** Evaluate `x0` itself first, so the result is never worse than the start (default false). */
  evaluateStart?: boolean;
  /** Initial step size as a share of each parameter's range (default 0.3). */
  sigma0?: number;
  /** Budget: total objective evaluations, including `x0` (default 100 x dimensions). */
  maxEvaluations?: number;
  /** Population size of the first run (default 4 + floor(3 ln n)); restarts double it. */
  populationSize?: number;
  /** Seed of the random stream (default 1). */
  seed?: number | string;
  /** Allow IPOP restarts after convergence or stagnation (default true). */
  restarts?: boolean;
  /** Converged when the step in the unit cube falls below this (default 1e-9). */
  tolX?: number;
  /** Converged when the best values of recent generations span less than this (default 1e-12). */
  tolFun?: number;
  /** Called after each batch with the progress so far. */
  onProgress?: (progress: CmaesProgress) => void;
  /** Checked before each batch; an aborted signal stops with the best so far (`stopped: 'aborted'`). */
  signal?: AbortSignal;
}

export interface CmaesProgress {
  evaluations: number;
  generation: number;
  restart: number;
  /** Best value seen so far and where. */
  bestValue: number;
  best: number[];
  /** Median value of the batch just evaluated. */
  batchMedian: number;
  /** Current step size (share of the range, geometric mean over dimensions). */
  sigma: number;
}

export interface CmaesResult {
  /** Best point evaluated (caller's units) and its value: the answer for a deterministic objective. */
  best: number[];
  bestValue: number;
  /**
   * Mean of the final search distribution (caller's units, folded into the
   * bounds), not itself evaluated: a better estimate of the optimum than `best`
   * when the objective is noisy, since `best` is biased towards lucky draws.
   */
  mean: number[];
  evaluations: number;
  generations: number;
  restarts: number;
  /** Why the search ended. */
  stopped: 'budget' | 'aborted';
  /** One entry per batch. */
  history: CmaesProgress[];
}

/** Reflects a coordinate into [0, 1] (triangle wave with period 2). */
export function fold(x: number): number {
  const t = ((x % 2) + 2) % 2;
  return t > 1 ? 2 - t : t;
}

const toUnit = (x: number, [lo, hi]: readonly [number, number]) => (x - lo) / (hi - lo);
const fromUnit = (u: number, [lo, hi]: readonly [number, number]) => lo + u * (hi - lo);

/** Standard normal draws from a uniform stream (Box-Muller; both values used). */
function normalSource(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = random();
    while (u <= 1e-300) u = random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (fine
 * for the few dimensions of a calibration). Returns eigenvalues and the
 * eigenvectors as the columns of `vectors`.
 */
export function symmetricEigen(matrix: readonly number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => row.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}

/** The strategy parameters that depend only on the dimension and population size (Hansen's defaults). */
function strategyParameters(n: number, lambda: number) {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: mu }, (_, i) => Math.log(mu + 0.5) - Math.log(i + 1));
  const sum = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / sum);
  const mueff = 1 / weights.reduce((s, w) => s + w * w, 0);
  const cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
  const cs = (mueff + 2) / (n + mueff + 5);
  const c1 = 2 / ((n + 1.3) ** 2 + mueff);
  const cmu = Math.min(1 - c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
  const damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { mu, weights, mueff, cc, cs, c1, cmu, damps, chiN };
}

export const defaultPopulationSize = (n: number) => 4 + Math.floor(3 * Math.log(n));

/** Minimises `objective` over the box; see the file comment. */
export async function minimizeCmaes(objective: BatchObjective, options: CmaesOptions): Promise<CmaesResult> {
  const bounds = options.bounds;
  const n = bounds.length;
  if (n === 0) throw new Error('CMA-ES needs at least one dimension');
  for (const [lo, hi] of bounds) if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new Error(`bad bounds [${lo}, ${hi}]: need finite lo < hi`);
  const budget = options.maxEvaluations ?? 100 * n;
  const sigma0 = options.sigma0 ?? 0.3;
  const tolX = options.tolX ?? 1e-9;
  const tolFun = options.tolFun ?? 1e-12;
  const random = seedrandom.xor4096(`chuanyu/cmaes/${options.seed ?? 1}`);
  const uniform = () => random.double();
  const normal = normalSource(uniform);
  const start = (options.x0 ?? bounds.map(([lo, hi]) => (lo + hi) / 2)).map((x, i) => Math.min(1, Math.max(0, toUnit(x, bounds[i]))));
  const toCaller = (unit: readonly number[]) => unit.map((u, i) => fromUnit(u, bounds[i]));

  let evaluations = 0;
  let generations = 0;
  let best: number[] = start.slice();
  let bestValue = Number.POSITIVE_INFINITY;
  const history: CmaesProgress[] = [];
  let lastSigma = sigma0;
  let restart = 0;

  /** Evaluates unit-cube points (already folded); tracks the best; returns the values. */
  const evaluate = async (units: number[][]): Promise<number[]> => {
    const values = await objective(units.map(toCaller));
    if (values.length !== units.length) throw new Error(`objective returned ${values.length} values for ${units.length} points`);
    evaluations += units.length;
    values.forEach((f, i) => {
      // NaN (a failed evaluation) ranks last and never becomes the best.
      if (f < bestValue) {
        bestValue = f;
        best = units[i].slice();
      }
    });
    const sorted = values.map((f) => (Number.isNaN(f) ? Number.POSITIVE_INFINITY : f)).sort((a, b) => a - b);
    const entry: CmaesProgress = { evaluations, generation: generations, restart, bestValue, best: toCaller(best), batchMedian: sorted[Math.floor((sorted.length - 1) / 2)], sigma: lastSigma };
    history.push(entry);
    options.onProgress?.(entry);
    return values;
  };

  if (options.evaluateStart && budget > 0) await evaluate([start.slice()]);

  let lambda = options.populationSize ?? defaultPopulationSize(n);
  let mean = start.slice();
  let stopped: CmaesResult['stopped'] = 'budget';
  outer: while (evaluations < budget) {
    // ---- a (re)start: fresh distribution around `mean` ----
    const p = strategyParameters(n, lambda);
    let sigma = sigma0;
    let C: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    let B = C.map((row) => row.slice());
    let D = new Array<number>(n).fill(1);
    let pc = new Array<number>(n).fill(0);
    let ps = new Array<number>(n).fill(0);
    let runGenerations = 0;
    const recentBest: number[] = [];
    const historyLength = 10 + Math.ceil((30 * n) / lambda);

    while (evaluations < budget) {
      if (options.signal?.aborted) {
        stopped = 'aborted';
        break outer;
      }
      // Sample: y = B D z, x = m + sigma y (genotype), evaluated at fold(x).
      const count = Math.min(lambda, budget - evaluations);
      const ys: number[][] = [];
      const xs: number[][] = [];
      for (let k = 0; k < count; k++) {
        const z = Array.from({ length: n }, () => normal());
        const y = Array.from({ length: n }, (_, i) => {
          let s = 0;
          for (let j = 0; j < n; j++) s += B[i][j] * D[j] * z[j];
          return s;
        });
        ys.push(y);
        xs.push(y.map((yi, i) => mean[i] + sigma * yi));
      }
      lastSigma = sigma * Math.exp(D.reduce((s, d) => s + Math.log(d), 0) / n);
      const values = await evaluate(xs.map((x) => x.map(fold)));
      generations++;
      runGenerations++;
      // A last batch cut short by the budget is evaluated (it may hold the best point) but not learnt from.
      if (count < lambda) break outer;

      // ---- update the distribution from the mu best ----
      const order = values.map((f, k) => ({ f: Number.isNaN(f) ? Number.POSITIVE_INFINITY : f, k })).sort((a, b) => a.f - b.f || a.k - b.k);
      const yw = new Array<number>(n).fill(0);
      for (let i = 0; i < p.mu; i++) for (let d = 0; d < n; d++) yw[d] += p.weights[i] * ys[order[i].k][d];
      mean = mean.map((m, d) => m + sigma * yw[d]);
      // C^(-1/2) yw = B D^-1 B^T yw
      const bty = Array.from({ length: n }, (_, j) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += B[i][j] * yw[i];
        return s / D[j];
      });
      const invSqrtCyw = Array.from({ length: n }, (_, i) => {
        let s = 0;
        for (let j = 0; j < n; j++) s += B[i][j] * bty[j];
        return s;
      });
      ps = ps.map((v, d) => (1 - p.cs) * v + Math.sqrt(p.cs * (2 - p.cs) * p.mueff) * invSqrtCyw[d]);
      const psNorm = Math.sqrt(ps.reduce((s, v) => s + v * v, 0));
      const hsig: number = psNorm / Math.sqrt(1 - (1 - p.cs) ** (2 * runGenerations)) / p.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
      pc = pc.map((v, d) => (1 - p.cc) * v + hsig * Math.sqrt(p.cc * (2 - p.cc) * p.mueff) * yw[d]);
      const delta = (1 - hsig) * p.cc * (2 - p.cc);
      C = C.map((row, i) =>
        row.map((cij, j) => {
          let rankMu = 0;
          for (let k = 0; k < p.mu; k++) rankMu += p.weights[k] * ys[order[k].k][i] * ys[order[k].k][j];
          return (1 - p.c1 - p.cmu) * cij + p.c1 * (pc[i] * pc[j] + delta * cij) + p.cmu * rankMu;
        }),
      );
      sigma *= Math.exp((p.cs / p.damps) * (psNorm / p.chiN - 1));
      // Flat fitness (the mu best are equal, e.g. a plateau): widen the search rather than collapse.
      const flat = order[0].f === order[Math.min(order.length - 1, Math.ceil(0.7 * lambda))].f;
      if (flat) sigma *= Math.exp(0.2 + p.cs / p.damps);
      // Re-decompose C (symmetrised) for the next samples.
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) C[i][j] = C[j][i] = (C[i][j] + C[j][i]) / 2;
      const eig = symmetricEigen(C);
      B = eig.vectors;
      D = eig.values.map((v) => Math.sqrt(Math.max(v, 1e-300)));

      // ---- stop this run? (converged, stalled or ill-conditioned) ----
      recentBest.push(order[0].f);
      if (recentBest.length > historyLength) recentBest.shift();
      const maxStd = sigma * Math.sqrt(Math.max(...C.map((row, i) => row[i])));
      const range = (vals: number[]) => Math.max(...vals) - Math.min(...vals);
      const finite = values.filter(Number.isFinite);
      const converged = maxStd < tolX;
      const stalled = recentBest.length >= historyLength && range(recentBest) < tolFun && finite.length > 0 && range(finite) < tolFun;
      const illConditioned = Math.max(...D) ** 2 > 1e14 * Math.min(...D) ** 2;
      const runaway = !Number.isFinite(sigma) || maxStd > 1e6;
      if (converged || stalled || illConditioned || runaway) {
        if (options.restarts === false) {
          // Keep searching from the best point with a fresh distribution rather than stop early.
          mean = best.slice();
        } else {
          restart++;
          lambda *= 2;
          mean = Array.from({ length: n }, () => uniform());
        }
        continue outer;
      }
    }
  }
  return {
    best: toCaller(best),
    bestValue,
    mean: toCaller(mean.map(fold)),
    evaluations,
    generations,
    restarts: restart,
    stopped,
    history,
  };
}
