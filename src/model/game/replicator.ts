/**
 * Replicator dynamics of 2x2 games (Taylor & Jonker 1978; Weibull 1995, ch. 3
 * and 5; Hofbauer & Sigmund 1998, ch. 7 and 10).
 *
 * One population (a symmetric game, share x of cooperators):
 *   dx/dt = x (1 - x) [x (R - T) + (1 - x) (S - P)].
 * Two populations (a bimatrix; x, y = shares of the row and column populations
 * playing their first strategy):
 *   dx/dt = x (1 - x) g(y),  g(y) = (a11 - a21) y + (a12 - a22) (1 - y)
 *   dy/dt = y (1 - y) h(x),  h(x) = (b11 - b12) x + (b21 - b22) (1 - x).
 * Rest points: the corners, the interior point where g = h = 0, and whole
 * continua where a payoff difference vanishes (an edge when g or h is zero at
 * its end, a segment or the square when g or h is identically zero). At an
 * interior rest point the Jacobian has a zero diagonal, so its eigenvalues are
 * +-sqrt(x(1-x)y(1-y) g' h'): a saddle, or a center when g' h' < 0 (matching
 * pennies' cycles; Hofbauer & Sigmund 1998, sec. 10.2, show they are closed orbits).
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import type { Matrix, SymmetricPayoffs } from './normal-form.js';
import { isTie } from './uncertainty.js';
import { eigenvalues2, integrate, stabilityOf, type Eigenvalue, type IntegrationOptions, type Matrix2, type Stability } from './linear-2d.js';

const inOpenUnit = (v: number) => v > 1e-12 && v < 1 - 1e-12;

// ---------------------------------------------------------------------------
// One population
// ---------------------------------------------------------------------------

export interface RestPoint1 {
  x: number;
  /** d(dx/dt)/dx at the rest point: negative = stable. */
  derivative: number;
  stability: 'stable' | 'unstable' | 'degenerate';
}

export interface Replicator1 {
  restPoints: RestPoint1[];
  /** R = T and S = P: every share is a rest point (neutral drift). */
  continuum: boolean;
}

export function velocity1(p: SymmetricPayoffs, x: number): number {
  return x * (1 - x) * (x * (p.R - p.T) + (1 - x) * (p.S - p.P)) + 0; // + 0 turns -0 into 0
}

export function replicator1(p: SymmetricPayoffs): Replicator1 {
  const scale = Math.max(Math.abs(p.R), Math.abs(p.S), Math.abs(p.T), Math.abs(p.P));
  const zero = (v: number) => isTie(v, scale);
  const d1 = p.R - p.T; // advantage of cooperating among cooperators
  const d0 = p.S - p.P; // ... among competitors
  const point = (x: number, derivative: number): RestPoint1 => {
    const d = zero(derivative) ? 0 : derivative;
    return { x, derivative: d, stability: d < 0 ? 'stable' : d > 0 ? 'unstable' : 'degenerate' };
  };
  const restPoints = [point(0, d0)];
  const interior = zero(d1 - d0) ? NaN : d0 / (d0 - d1);
  if (inOpenUnit(interior)) restPoints.push(point(interior, interior * (1 - interior) * (d1 - d0)));
  restPoints.push(point(1, -d1));
  return { restPoints, continuum: zero(d1) && zero(d0) };
}

export function trajectory1(p: SymmetricPayoffs, x0: number, options: IntegrationOptions = {}): { t: number; x: number }[] {
  return integrate(([x]) => [velocity1(p, x)], [x0], options).map(({ t, y }) => ({ t, x: y[0] }));
}

// ---------------------------------------------------------------------------
// Two populations
// ---------------------------------------------------------------------------

export interface Bimatrix {
  /** a[i][j]: row player's payoff (2x2). */
  a: Matrix;
  /** b[i][j]: column player's payoff (2x2). */
  b: Matrix;
}

export interface RestPoint2 {
  x: number;
  y: number;
  jacobian: Matrix2;
  eigenvalues: Eigenvalue[];
  stability: Stability;
}

export interface RestContinuum {
  kind: 'edge' | 'segment' | 'square';
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** A line or area of rest points always has a zero eigenvalue along it. */
  stability: 'degenerate';
  description: string;
}

export interface Replicator2 {
  /** Isolated rest points: the four corners, then the interior point if any. */
  restPoints: RestPoint2[];
  continua: RestContinuum[];
}

/** The payoff differences that drive the dynamics. */
function drivers(m: Bimatrix) {
  const [[a11, a12], [a21, a22]] = m.a;
  const [[b11, b12], [b21, b22]] = m.b;
  const scale = Math.max(...[a11, a12, a21, a22, b11, b12, b21, b22].map(Math.abs));
  const zero = (v: number) => isTie(v, scale);
  const g1 = a11 - a21; // g(1)
  const g0 = a12 - a22; // g(0)
  const h1 = b11 - b12; // h(1)
  const h0 = b21 - b22; // h(0)
  return { g0, g1, h0, h1, zero, g: (y: number) => g1 * y + g0 * (1 - y), h: (x: number) => h1 * x + h0 * (1 - x) };
}

export function velocity2(m: Bimatrix, x: number, y: number): [number, number] {
  const { g, h } = drivers(m);
  return [x * (1 - x) * g(y) + 0, y * (1 - y) * h(x) + 0]; // + 0 turns -0 into 0
}

export function jacobian2(m: Bimatrix, x: number, y: number): Matrix2 {
  const { g, h, g0, g1, h0, h1 } = drivers(m);
  return [
    [(1 - 2 * x) * g(y), x * (1 - x) * (g1 - g0)],
    [y * (1 - y) * (h1 - h0), (1 - 2 * y) * h(x)],
  ];
}

function restPoint(m: Bimatrix, x: number, y: number, exactInterior = false): RestPoint2 {
  const jacobian = jacobian2(m, x, y);
  // At the interior point g = h = 0 exactly; rounding in x*, y* must not fake a spiral.
  if (exactInterior) jacobian[0][0] = jacobian[1][1] = 0;
  const eigenvalues = eigenvalues2(jacobian);
  return { x, y, jacobian, eigenvalues, stability: stabilityOf(eigenvalues) };
}

export function replicator2(m: Bimatrix): Replicator2 {
  const { g0, g1, h0, h1, zero } = drivers(m);
  const restPoints = [restPoint(m, 0, 0), restPoint(m, 0, 1), restPoint(m, 1, 0), restPoint(m, 1, 1)];
  const gFlat = zero(g0) && zero(g1);
  const hFlat = zero(h0) && zero(h1);
  const yStar = zero(g1 - g0) ? NaN : g0 / (g0 - g1);
  const xStar = zero(h1 - h0) ? NaN : h0 / (h0 - h1);
  if (!gFlat && !hFlat && inOpenUnit(xStar) && inOpenUnit(yStar)) restPoints.push(restPoint(m, xStar, yStar, true));
  const continua: RestContinuum[] = [];
  const line = (kind: RestContinuum['kind'], from: [number, number], to: [number, number], description: string) =>
    continua.push({ kind, from: { x: from[0], y: from[1] }, to: { x: to[0], y: to[1] }, stability: 'degenerate', description });
  if (gFlat && hFlat) line('square', [0, 0], [1, 1], 'every state is at rest: both players are indifferent everywhere');
  else {
    if (zero(h0)) line('edge', [0, 0], [0, 1], 'the edge x = 0: the column player is indifferent when the row population plays its second strategy');
    if (zero(h1)) line('edge', [1, 0], [1, 1], 'the edge x = 1: the column player is indifferent when the row population plays its first strategy');
    if (zero(g0)) line('edge', [0, 0], [1, 0], 'the edge y = 0: the row player is indifferent when the column population plays its second strategy');
    if (zero(g1)) line('edge', [0, 1], [1, 1], 'the edge y = 1: the row player is indifferent when the column population plays its first strategy');
    if (gFlat && inOpenUnit(xStar)) line('segment', [xStar, 0], [xStar, 1], `the line x = ${round(xStar)}: the row player is indifferent everywhere`);
    if (hFlat && inOpenUnit(yStar)) line('segment', [0, yStar], [1, yStar], `the line y = ${round(yStar)}: the column player is indifferent everywhere`);
  }
  return { restPoints, continua };
}

export function trajectory2(m: Bimatrix, start: { x: number; y: number }, options: IntegrationOptions = {}): { t: number; x: number; y: number }[] {
  return integrate(([x, y]) => velocity2(m, x, y), [start.x, start.y], options).map(({ t, y }) => ({ t, x: y[0], y: y[1] }));
}

/** The velocity on an n x n grid over [0, 1]^2 (corners included), for a phase portrait. */
export function vectorField(m: Bimatrix, n = 11): { x: number; y: number; dx: number; dy: number }[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a vector field needs a grid of at least 2 x 2 points (got ${n})`);
  const out: { x: number; y: number; dx: number; dy: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = i / (n - 1);
      const y = j / (n - 1);
      const [dx, dy] = velocity2(m, x, y);
      out.push({ x, y, dx, dy });
    }
  return out;
}

/** The bimatrix of a symmetric cooperate-vs-compete game (first strategy = cooperate). */
export function symmetricBimatrix(p: SymmetricPayoffs): Bimatrix {
  return { a: [[p.R, p.S], [p.T, p.P]], b: [[p.R, p.T], [p.S, p.P]] };
}

const round = (v: number) => String(Number(v.toPrecision(4)));

/**
 * The bimatrix divided by the largest payoff gap that drives the dynamics, so
 * that gap is 1: dividing every payoff by a positive constant only rescales
 * time, so paths, rest points and stability are unchanged, while an
 * integration step stays meaningful for payoffs in the thousands of billions.
 */
export function scaleBimatrix({ a, b }: Bimatrix): Bimatrix {
  const gaps = [a[0][0] - a[1][0], a[0][1] - a[1][1], b[0][0] - b[0][1], b[1][0] - b[1][1]].map(Math.abs);
  const scale = Math.max(...gaps) || 1;
  return { a: a.map((row) => row.map((v) => v / scale)), b: b.map((row) => row.map((v) => v / scale)) };
}
