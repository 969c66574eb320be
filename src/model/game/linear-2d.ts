/**
 * The numerical pieces of the replicator dynamics: eigenvalues of a 2x2
 * Jacobian, the stability they imply for a rest point of a planar ODE
 * (Hirsch, Smale & Devaney 2013, ch. 4 and 8), and a fixed-step RK4 integrator
 * (Press et al. 2007, sec. 17.1).
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */

/** A real eigenvalue as a plain number; a complex one as { re, im }. */
export type Eigenvalue = number | { re: number; im: number };

/**
 * stable: every eigenvalue has a negative real part; unstable: all positive;
 * saddle: real, of opposite signs; center: purely imaginary (linearly neutral
 * cycles); degenerate: a zero eigenvalue, where the linearization says nothing.
 */
export type Stability = 'stable' | 'unstable' | 'saddle' | 'center' | 'degenerate';

export type Matrix2 = [[number, number], [number, number]];

/** Relative size under which a real part or eigenvalue counts as zero (rounding of the rest point itself). */
const ZERO = 1e-9;

/** Eigenvalues of [[a, b], [c, d]] from trace and determinant; the larger (or +im) first. */
export function eigenvalues2(m: Matrix2): Eigenvalue[] {
  const [[a, b], [c, d]] = m;
  const half = (a + d) / 2;
  const disc = half * half - (a * d - b * c);
  const scale = Math.max(1e-300, Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
  if (disc >= -ZERO * ZERO * scale * scale) {
    const root = Math.sqrt(Math.max(0, disc));
    return [clean(half + root, scale), clean(half - root, scale)];
  }
  const im = Math.sqrt(-disc);
  return [{ re: clean(half, scale), im }, { re: clean(half, scale), im: -im }];
}

/** Snaps floating-point dust to exactly 0, so a center reads as re = 0. */
const clean = (v: number, scale: number) => (Math.abs(v) <= ZERO * scale ? 0 : v);

export const realPart = (e: Eigenvalue): number => (typeof e === 'number' ? e : e.re);
export const imagPart = (e: Eigenvalue): number => (typeof e === 'number' ? 0 : e.im);

export function stabilityOf(eigenvalues: readonly Eigenvalue[]): Stability {
  const re = eigenvalues.map(realPart);
  const complex = eigenvalues.some((e) => imagPart(e) !== 0);
  if (!complex && re.some((r) => r === 0)) return 'degenerate';
  if (complex && re.every((r) => r === 0)) return 'center';
  if (re.every((r) => r < 0)) return 'stable';
  if (re.every((r) => r > 0)) return 'unstable';
  return 'saddle';
}

/** One classical fourth-order Runge-Kutta step of y' = f(y). */
export function rk4Step(f: (y: readonly number[]) => number[], y: readonly number[], dt: number): number[] {
  const add = (u: readonly number[], v: readonly number[], h: number) => u.map((ui, i) => ui + h * v[i]);
  const k1 = f(y);
  const k2 = f(add(y, k1, dt / 2));
  const k3 = f(add(y, k2, dt / 2));
  const k4 = f(add(y, k3, dt));
  return y.map((yi, i) => yi + (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
}

export interface IntegrationOptions {
  /** Step size (default 0.01). */
  dt?: number;
  /** Number of steps (default 1000, i.e. time 10 at the default step). */
  steps?: number;
}

/**
 * Integrates from y0 with fixed steps, returning y at t = 0, dt, 2 dt, ...
 * Shares are clamped to [0, 1]: the exact flow never leaves the simplex, so
 * anything outside is integration error.
 */
export function integrate(f: (y: readonly number[]) => number[], y0: readonly number[], options: IntegrationOptions = {}): { t: number; y: number[] }[] {
  const dt = options.dt ?? 0.01;
  const steps = options.steps ?? 1000;
  if (!(dt > 0) || !Number.isInteger(steps) || steps < 0) throw new RangeError(`integration needs dt > 0 and a whole number of steps >= 0 (got dt ${dt}, steps ${steps})`);
  const out = [{ t: 0, y: [...y0] }];
  let y = [...y0];
  for (let k = 1; k <= steps; k++) {
    y = rk4Step(f, y, dt).map((v) => Math.min(1, Math.max(0, v)));
    out.push({ t: k * dt, y });
  }
  return out;
}
