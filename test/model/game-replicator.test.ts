import { describe, expect, it } from 'vitest';
import { eigenvalues2, integrate, stabilityOf } from '../../src/model/game/linear-2d.js';
import {
  jacobian2,
  replicator1,
  replicator2,
  symmetricBimatrix,
  trajectory1,
  trajectory2,
  vectorField,
  velocity1,
  velocity2,
  type Bimatrix,
} from '../../src/model/game/replicator.js';

const at = (r: ReturnType<typeof replicator2>, x: number, y: number) => r.restPoints.find((p) => Math.abs(p.x - x) < 1e-12 && Math.abs(p.y - y) < 1e-12);

describe('eigenvalues and stability of a planar rest point', () => {
  it('real, complex and zero eigenvalues', () => {
    expect(eigenvalues2([[-1, 0], [0, -2]])).toEqual([-1, -2]);
    expect(eigenvalues2([[0, 1], [-1, 0]])).toEqual([{ re: 0, im: 1 }, { re: 0, im: -1 }]);
    expect(eigenvalues2([[-1, 2], [-2, -1]])).toEqual([{ re: -1, im: 2 }, { re: -1, im: -2 }]);
    expect(stabilityOf([-1, -2])).toBe('stable');
    expect(stabilityOf([1, 2])).toBe('unstable');
    expect(stabilityOf([1, -2])).toBe('saddle');
    expect(stabilityOf([{ re: 0, im: 1 }, { re: 0, im: -1 }])).toBe('center');
    expect(stabilityOf([{ re: -1, im: 2 }, { re: -1, im: -2 }])).toBe('stable');
    expect(stabilityOf([{ re: 1, im: 2 }, { re: 1, im: -2 }])).toBe('unstable');
    expect(stabilityOf([0, -1])).toBe('degenerate');
  });

  it('RK4 integrates dy/dt = -y to exp(-t) with error ~ dt^4', () => {
    const path = integrate(([y]) => [-y], [1], { dt: 0.1, steps: 10 });
    expect(path).toHaveLength(11);
    expect(path[10].t).toBeCloseTo(1, 12);
    expect(Math.abs(path[10].y[0] - Math.exp(-1))).toBeLessThan(1e-6);
  });
});

describe('two-population replicator dynamics of textbook games', () => {
  it('symmetric coordination game: both pure states stable, an interior saddle at (0.75, 0.75)', () => {
    // g(y) = y - 3(1 - y) = 0 at y = 3/4; eigenvalues +-sqrt(x(1-x)y(1-y) g'h') = +-(3/16)*4 = +-0.75
    const m: Bimatrix = { a: [[1, 0], [0, 3]], b: [[1, 0], [0, 3]] };
    const r = replicator2(m);
    expect(r.restPoints).toHaveLength(5);
    expect(at(r, 0.75, 0.75)).toMatchObject({ eigenvalues: [0.75, -0.75], stability: 'saddle' });
    expect(at(r, 0, 0)).toMatchObject({ eigenvalues: [-3, -3], stability: 'stable' });
    expect(at(r, 1, 1)).toMatchObject({ eigenvalues: [-1, -1], stability: 'stable' });
    expect(at(r, 0, 1)?.stability).toBe('unstable');
    expect(at(r, 1, 0)?.stability).toBe('unstable');
    expect(r.continua).toEqual([]);
  });

  it("prisoner's dilemma: (D,D) stable, (C,C) unstable, the mixed corners saddles", () => {
    const r = replicator2(symmetricBimatrix({ R: 3, S: 0, T: 5, P: 1 }));
    expect(r.restPoints).toHaveLength(4); // no interior point
    expect(at(r, 0, 0)).toMatchObject({ eigenvalues: [-1, -1], stability: 'stable' }); // g(0) = S - P
    expect(at(r, 1, 1)).toMatchObject({ eigenvalues: [2, 2], stability: 'unstable' }); // -(R - T)
    expect(at(r, 1, 0)).toMatchObject({ eigenvalues: [1, -2], stability: 'saddle' });
    expect(at(r, 0, 1)).toMatchObject({ eigenvalues: [1, -2], stability: 'saddle' });
  });

  it('matching pennies: an interior center, and orbits keep x(1-x)y(1-y) constant', () => {
    const m: Bimatrix = { a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]] };
    const r = replicator2(m);
    expect(at(r, 0.5, 0.5)).toMatchObject({ eigenvalues: [{ re: 0, im: 1 }, { re: 0, im: -1 }], stability: 'center' });
    for (const [x, y] of [[0, 0], [0, 1], [1, 0], [1, 1]]) expect(at(r, x, y)?.stability).toBe('saddle');
    // The constant of motion of this zero-sum game (Hofbauer & Sigmund 1998, sec. 10.2).
    const H = (p: { x: number; y: number }) => p.x * (1 - p.x) * p.y * (1 - p.y);
    const path = trajectory2(m, { x: 0.2, y: 0.5 }, { dt: 0.01, steps: 2000 });
    expect(path).toHaveLength(2001);
    for (const p of path) expect(Math.abs(H(p) - H(path[0]))).toBeLessThan(1e-7);
    expect(Math.max(...path.map((p) => p.x)) - Math.min(...path.map((p) => p.x))).toBeGreaterThan(0.5); // it cycles
  });

  it('battle of the sexes: pure states stable, interior saddle at (2/3, 1/3)', () => {
    const r = replicator2({ a: [[2, 0], [0, 1]], b: [[1, 0], [0, 2]] });
    const interior = r.restPoints[4];
    expect(interior.x).toBeCloseTo(2 / 3, 14);
    expect(interior.y).toBeCloseTo(1 / 3, 14);
    expect(interior.stability).toBe('saddle');
    expect([at(r, 0, 0)?.stability, at(r, 1, 1)?.stability]).toEqual(['stable', 'stable']);
  });

  it('the Jacobian matches finite differences of the velocity', () => {
    const m: Bimatrix = { a: [[2, -1], [0.5, 3]], b: [[1, 4], [-2, 0]] };
    const [x, y, h] = [0.3, 0.6, 1e-6];
    const J = jacobian2(m, x, y);
    const [fx1, fy1] = velocity2(m, x + h, y);
    const [fx0, fy0] = velocity2(m, x - h, y);
    const [gx1, gy1] = velocity2(m, x, y + h);
    const [gx0, gy0] = velocity2(m, x, y - h);
    expect(J[0][0]).toBeCloseTo((fx1 - fx0) / (2 * h), 6);
    expect(J[1][0]).toBeCloseTo((fy1 - fy0) / (2 * h), 6);
    expect(J[0][1]).toBeCloseTo((gx1 - gx0) / (2 * h), 6);
    expect(J[1][1]).toBeCloseTo((gy1 - gy0) / (2 * h), 6);
  });

  it('reports continua of rest points as degenerate: edges, an interior line, the square', () => {
    // row indifferent everywhere (g = 0): edges y = 0 and y = 1 and the line x = 3/4 where h = 0
    const r = replicator2({ a: [[1, 1], [1, 1]], b: [[1, 0], [0, 3]] });
    expect(r.continua.map((c) => [c.kind, c.from, c.to])).toEqual([
      ['edge', { x: 0, y: 0 }, { x: 1, y: 0 }],
      ['edge', { x: 0, y: 1 }, { x: 1, y: 1 }],
      ['segment', { x: 0.75, y: 0 }, { x: 0.75, y: 1 }],
    ]);
    expect(r.restPoints.every((p) => p.stability === 'degenerate')).toBe(true);
    expect(replicator2({ a: [[1, 1], [1, 1]], b: [[2, 2], [2, 2]] }).continua.map((c) => c.kind)).toEqual(['square']);
    // only a11 = a21: the edge y = 1
    expect(replicator2({ a: [[1, 0], [1, 2]], b: [[1, 0], [0, 2]] }).continua.map((c) => c.description)).toEqual([
      'the edge y = 1: the row player is indifferent when the column population plays its first strategy',
    ]);
  });

  it('gives the velocity on a grid for a phase portrait (zero at the corners)', () => {
    const field = vectorField(symmetricBimatrix({ R: 3, S: 0, T: 5, P: 1 }), 5);
    expect(field).toHaveLength(25);
    expect(field[0]).toEqual({ x: 0, y: 0, dx: 0, dy: 0 });
    const mid = field.find((f) => f.x === 0.5 && f.y === 0.5);
    expect(mid?.dx).toBeLessThan(0); // cooperation shrinks in a dilemma
    expect(mid?.dy).toBeLessThan(0);
  });
});

describe('one-population replicator dynamics (symmetric 2x2)', () => {
  it('stag hunt: both pure states stable, the interior point x* = 2/3 unstable', () => {
    // dx/dt = x(1-x)[x(R-T) + (1-x)(S-P)] with R=4, S=0, T=3, P=2: x* = 2/(1+2)
    const r = replicator1({ R: 4, S: 0, T: 3, P: 2 });
    expect(r.restPoints.map((p) => [p.stability])).toEqual([['stable'], ['unstable'], ['stable']]);
    expect(r.restPoints[1].x).toBeCloseTo(2 / 3, 14);
    expect(r.restPoints[1].derivative).toBeCloseTo(2 / 3, 14); // x*(1-x*)(d1 - d0) = 2/9 * 3
    expect(r.restPoints[0].derivative).toBe(-2);
    expect(r.restPoints[2].derivative).toBe(-1);
    const up = trajectory1({ R: 4, S: 0, T: 3, P: 2 }, 0.7, { dt: 0.05, steps: 1000 });
    const down = trajectory1({ R: 4, S: 0, T: 3, P: 2 }, 0.6, { dt: 0.05, steps: 1000 });
    expect(up[up.length - 1].x).toBeGreaterThan(0.999);
    expect(down[down.length - 1].x).toBeLessThan(0.001);
  });

  it("prisoner's dilemma: cooperators die out; chicken: a stable mix of 1/3 cooperators", () => {
    expect(replicator1({ R: 3, S: 0, T: 5, P: 1 }).restPoints).toEqual([
      { x: 0, derivative: -1, stability: 'stable' },
      { x: 1, derivative: 2, stability: 'unstable' },
    ]);
    const chicken = replicator1({ R: 3, S: 1, T: 5, P: 0 });
    expect(chicken.restPoints.map((p) => p.stability)).toEqual(['unstable', 'stable', 'unstable']);
    expect(chicken.restPoints[1].x).toBeCloseTo(1 / 3, 14);
    expect(velocity1({ R: 3, S: 1, T: 5, P: 0 }, 0.5)).toBeLessThan(0);
  });

  it('reports neutral drift (every share at rest) when R = T and S = P', () => {
    const r = replicator1({ R: 2, S: 1, T: 2, P: 1 });
    expect(r.continuum).toBe(true);
    expect(r.restPoints.map((p) => p.stability)).toEqual(['degenerate', 'degenerate']);
  });
});
