import { describe, expect, it } from 'vitest';
import { analyzeGame } from '../../src/model/game/analyze.js';
import { checkProfile, findPureEquilibria, paretoAnalysis, paretoOptimal } from '../../src/model/game/equilibria.js';
import { mixedEquilibrium2x2 } from '../../src/model/game/mixed-2x2.js';
import { bimatrixGame, createGame, symmetricGame, type NormalFormGame } from '../../src/model/game/normal-form.js';
import { estimateFromSamples } from '../../src/model/game/uncertainty.js';

const C = 0;
const D = 1;
const pure = (g: NormalFormGame) => findPureEquilibria(g).equilibria.map((e) => e.profile);
const weak = (g: NormalFormGame) => findPureEquilibria(g).equilibria.filter((e) => e.weak).map((e) => e.profile);

// Textbook games (cooperate first).
const pd = symmetricGame({ R: 3, S: 0, T: 5, P: 1 });
const stagHunt = symmetricGame({ R: 4, S: 0, T: 3, P: 2 });
const chicken = symmetricGame({ R: 3, S: 1, T: 5, P: 0 });
const harmony = symmetricGame({ R: 4, S: 2, T: 3, P: 1 });
const deadlock = symmetricGame({ R: 1, S: 0, T: 3, P: 2 });
const pennies = bimatrixGame({ a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]] });
const sexes = bimatrixGame({ players: ['she', 'he'], rows: ['opera', 'boxing'], cols: ['opera', 'boxing'], a: [[2, 0], [0, 1]], b: [[1, 0], [0, 2]] });
const coordination = bimatrixGame({ a: [[1, 0], [0, 3]], b: [[1, 0], [0, 3]] });

describe('pure Nash equilibria of textbook 2x2 games', () => {
  it("prisoner's dilemma: (compete, compete) only, strict", () => {
    expect(pure(pd)).toEqual([[D, D]]);
    expect(weak(pd)).toEqual([]);
    const dd = checkProfile(pd, [D, D]);
    expect(dd.deviations.map((d) => d.difference)).toEqual([-1, -1]); // S - P for each player
    expect(dd.sure).toBe(true);
  });

  it('stag hunt: both coordinated profiles; chicken: the two anti-coordinated ones', () => {
    expect(pure(stagHunt)).toEqual([[C, C], [D, D]]);
    expect(pure(chicken)).toEqual([[C, D], [D, C]]);
  });

  it('harmony: (cooperate, cooperate); deadlock: (compete, compete)', () => {
    expect(pure(harmony)).toEqual([[C, C]]);
    expect(pure(deadlock)).toEqual([[D, D]]);
  });

  it('matching pennies has none; battle of the sexes and coordination have two', () => {
    expect(pure(pennies)).toEqual([]);
    expect(pure(sexes)).toEqual([[0, 0], [1, 1]]);
    expect(pure(coordination)).toEqual([[0, 0], [1, 1]]);
  });

  it('counts ties as equilibria, flagged weak', () => {
    // R = T = S = 1 > P = 0: competing never gains against a cooperator, and is worse against a competitor.
    const g = symmetricGame({ R: 1, S: 1, T: 1, P: 0 });
    expect(pure(g)).toEqual([[C, C], [C, D], [D, C]]);
    expect(weak(g)).toEqual([[C, C], [C, D], [D, C]]);
    // all payoffs equal: every profile is a weak equilibrium
    expect(weak(symmetricGame({ R: 2, S: 2, T: 2, P: 2 }))).toHaveLength(4);
  });
});

describe('mixed equilibrium of a 2x2 game', () => {
  it('matching pennies: 1/2, 1/2 with value 0', () => {
    const m = mixedEquilibrium2x2(pennies);
    expect(m).toMatchObject({ kind: 'interior', p: 0.5, q: 0.5, payoffs: [0, 0], sure: true });
  });

  it('battle of the sexes: she goes to the opera with 2/3, he with 1/3; each expects 2/3', () => {
    const m = mixedEquilibrium2x2(sexes);
    expect(m.kind).toBe('interior');
    expect(m.p).toBeCloseTo(2 / 3, 14);
    expect(m.q).toBeCloseTo(1 / 3, 14);
    expect(m.payoffs?.[0]).toBeCloseTo(2 / 3, 14);
    expect(m.payoffs?.[1]).toBeCloseTo(2 / 3, 14);
    expect(m.description).toContain('she plays opera with probability 0.6667');
  });

  it('stag hunt 2/3, chicken 1/3, coordination 3/4 (cooperation probabilities)', () => {
    expect(mixedEquilibrium2x2(stagHunt).p).toBeCloseTo(2 / 3, 14);
    expect(mixedEquilibrium2x2(chicken).q).toBeCloseTo(1 / 3, 14);
    expect(mixedEquilibrium2x2(coordination)).toMatchObject({ kind: 'interior', p: 0.75, q: 0.75 });
  });

  it("says why there is none: a strictly dominant strategy (prisoner's dilemma, harmony)", () => {
    const m = mixedEquilibrium2x2(pd);
    expect(m.kind).toBe('none');
    expect(m.description).toBe("no mixed equilibrium: row's compete strictly dominates and column's compete strictly dominates");
    expect(mixedEquilibrium2x2(harmony).description).toContain("row's cooperate strictly dominates");
  });

  it('reports a continuum when a player is indifferent against a pure strategy', () => {
    // R = T: against a cooperator each is indifferent, so the other may mix freely while it cooperates.
    const m = mixedEquilibrium2x2(symmetricGame({ R: 1, S: 1, T: 1, P: 0 }));
    expect(m.kind).toBe('continuum');
    expect(m.pieces).toEqual([
      { p: [0, 1], q: [1, 1] },
      { p: [1, 1], q: [0, 1] },
    ]);
    expect(mixedEquilibrium2x2(symmetricGame({ R: 2, S: 2, T: 2, P: 2 })).pieces).toEqual([{ p: [0, 1], q: [0, 1] }]);
  });

  it('reports a segment when one player is indifferent everywhere', () => {
    // row indifferent everywhere; column's h(p) = p - 3(1 - p) = 0 at p = 3/4
    const g = bimatrixGame({ a: [[1, 1], [1, 1]], b: [[1, 0], [0, 3]] });
    const m = mixedEquilibrium2x2(g);
    expect(m.kind).toBe('continuum');
    expect(m.pieces).toContainEqual({ p: [0.75, 0.75], q: [0, 1] });
    expect(m.pieces).toContainEqual({ p: [0.75, 1], q: [1, 1] }); // column plays first while h(p) >= 0
    expect(m.pieces).toContainEqual({ p: [0, 0.75], q: [0, 0] });
  });

  it('analyses a 2x2 subgame of a larger game', () => {
    // rock-paper-scissors restricted to rock and paper: paper dominates
    const rps = bimatrixGame({ a: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], b: [[0, 1, -1], [-1, 0, 1], [1, -1, 0]] });
    expect(mixedEquilibrium2x2(rps, { rows: [0, 1], cols: [0, 1] }).kind).toBe('none');
    expect(pure(rps)).toEqual([]);
  });

  it('lists the deciding gaps within z * SE and gives delta-method SEs', () => {
    const se = [[0.3, 0.3], [0.3, 0.3]];
    const m = mixedEquilibrium2x2(bimatrixGame({ a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]], seA: se, seB: se }));
    expect(m.sure).toBe(true); // gaps of 2 vs 1.96 * 0.42
    expect(m.se?.p).toBeGreaterThan(0);
    // p = u / (u - v), u = 2, v = -2, SE(u) = SE(v) = 0.3 sqrt 2: SE(p) = sqrt(4 * 0.18 * 2) / 16
    expect(m.se?.p).toBeCloseTo(Math.sqrt(2 * 4 * 0.18) / 16, 12);
    const big = [[2, 2], [2, 2]];
    const unsure = mixedEquilibrium2x2(bimatrixGame({ a: [[1, -1], [-1, 1]], b: [[-1, 1], [1, -1]], seA: big, seB: big }));
    expect(unsure.kind).toBe('interior');
    expect(unsure.sure).toBe(false);
    expect(unsure.uncertain).toHaveLength(4);
  });
});

describe('Pareto optimality', () => {
  it("prisoner's dilemma: every profile but mutual competition", () => {
    expect(paretoOptimal(pd).map((p) => p.profile)).toEqual([[C, C], [C, D], [D, C]]);
    const dd = paretoAnalysis(pd)[3];
    expect(dd).toMatchObject({ optimal: false, sure: true, dominatedBy: [[C, C]] });
  });

  it('deadlock: mutual competition dominates mutual cooperation', () => {
    expect(paretoOptimal(deadlock).map((p) => p.profile)).toEqual([[C, D], [D, C], [D, D]]);
  });

  it('equal payoff vectors do not dominate each other', () => {
    const g = bimatrixGame({ a: [[2, 2], [0, 1]], b: [[2, 2], [0, 1]] });
    expect(paretoOptimal(g).map((p) => p.profile)).toEqual([[0, 0], [0, 1]]);
  });

  it('is unsure when a dominating profile is within the sampling error', () => {
    const se = [[0.5, 0.5], [0.5, 0.5]];
    const g = bimatrixGame({ a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]], seA: se, seB: se });
    const [cc, , , dd] = paretoAnalysis(g);
    expect(dd).toMatchObject({ optimal: false, sure: true }); // 2 > 1.96 * 0.71
    expect(cc).toMatchObject({ optimal: true, sure: true });
    const close = bimatrixGame({ a: [[3, 0], [5, 2.9]], b: [[3, 5], [0, 2.9]], seA: se, seB: se });
    expect(paretoAnalysis(close)[3]).toMatchObject({ optimal: false, sure: false, possiblyDominatedBy: [[C, C]] });
  });
});

describe('pure equilibria with standard errors', () => {
  const withSe = (se: number) => bimatrixGame({ a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]], seA: [[se, se], [se, se]], seB: [[se, se], [se, se]] });

  it('is sure when every deviation gap exceeds z * SE', () => {
    const r = findPureEquilibria(withSe(0.1));
    expect(r.equilibria.map((e) => [e.profile, e.sure])).toEqual([[[D, D], true]]);
    expect(r.possible).toEqual([]);
  });

  it('flags uncertain deviations and lists the equilibria the data cannot rule out', () => {
    // gaps of 1 (S - P) and 2 (T - R) against 1.96 * sqrt(2) * 1 = 2.77
    const r = findPureEquilibria(withSe(1));
    expect(r.equilibria[0]).toMatchObject({ profile: [D, D], sure: false });
    expect(r.equilibria[0].uncertain).toHaveLength(2);
    expect(r.possible.map((p) => p.profile)).toEqual([[C, C], [C, D], [D, C]]);
    // with z = 0.5 everything is sure again
    expect(findPureEquilibria(withSe(1), { z: 0.5 }).equilibria[0].sure).toBe(true);
  });

  it('uses paired SEs from aligned samples (common random numbers)', () => {
    // Each replication shifts every payoff by the same amount: huge SEs, but every difference is exact.
    const shifts = [-10, 0, 10, 20];
    const base = [[3, 3], [0, 5], [5, 0], [1, 1]];
    const g = createGame({
      players: ['a', 'b'],
      strategies: [['C', 'D'], ['C', 'D']],
      payoff: ([i, j]) => base[i * 2 + j].map((v) => estimateFromSamples(shifts.map((s) => v + s))),
    });
    expect(g.payoffs[0][0].se).toBeGreaterThan(5);
    const r = findPureEquilibria(g);
    expect(r.equilibria.map((e) => [e.profile, e.sure])).toEqual([[[1, 1], true]]);
    expect(analyzeGame(g).classification?.type).toBe('prisoners-dilemma');
  });
});

describe('three players, worked by hand', () => {
  it("volunteer's dilemma: exactly one volunteer is a strict equilibrium and Pareto-optimal", () => {
    // Volunteering (V) costs 0.5 and gives everyone 1; with no volunteer all get 0.
    // (V,N,N): the volunteer gets 0.5 (0 if it stops), the others 1 (0.5 if they volunteer): equilibrium.
    // (V,V,N): a volunteer gets 0.5 but 1 by stopping: not. (N,N,N): 0, and 0.5 by volunteering: not.
    const g = createGame({
      players: ['a', 'b', 'c'],
      strategies: [['V', 'N'], ['V', 'N'], ['V', 'N']],
      payoff: (p) => p.map((s, i) => (s === 0 ? 0.5 : p.some((t, j) => j !== i && t === 0) ? 1 : 0)),
    });
    const eq = findPureEquilibria(g).equilibria;
    expect(eq.map((e) => e.names.join(''))).toEqual(['VNN', 'NVN', 'NNV']);
    expect(eq.every((e) => !e.weak && e.sure)).toBe(true);
    expect(eq[0].payoffs).toEqual([0.5, 1, 1]);
    // Pareto: (V,V,N) = (0.5, 0.5, 1) is dominated by (V,N,N) = (0.5, 1, 1); (V,V,V) and (N,N,N) too.
    expect(paretoOptimal(g).map((p) => p.names.join(''))).toEqual(['VNN', 'NVN', 'NNV']);
  });

  it('unanimity with three strategies: 3 strict equilibria (all alike) and 6 weak ones (all different)', () => {
    // Each gets 1 when all three choose the same, else 0. In a 2-1 split the odd one out gains by
    // joining the majority; when all differ no single move makes all three alike: every gain is 0.
    const g = createGame({
      players: ['a', 'b', 'c'],
      strategies: [['x', 'y', 'z'], ['x', 'y', 'z'], ['x', 'y', 'z']],
      payoff: (p) => p.map(() => (p[0] === p[1] && p[1] === p[2] ? 1 : 0)),
    });
    const eq = findPureEquilibria(g).equilibria;
    expect(eq).toHaveLength(9);
    expect(eq.filter((e) => !e.weak).map((e) => e.names.join(''))).toEqual(['xxx', 'yyy', 'zzz']);
    expect(eq.filter((e) => e.weak).map((e) => e.names.join(''))).toEqual(['xyz', 'xzy', 'yxz', 'yzx', 'zxy', 'zyx']);
    expect(checkProfile(g, [0, 0, 1]).deviations.filter((d) => d.difference > 0)).toMatchObject([{ player: 2, to: 0, difference: 1 }]);
  });

  it('the analysis skips 2x2-only parts for N players', () => {
    const g = createGame({ players: ['a', 'b', 'c'], strategies: [['x'], ['x', 'y'], ['x']], payoff: ([, s]) => [s, s, s] });
    const a = analyzeGame(g);
    expect(a.pure.equilibria.map((e) => e.profile)).toEqual([[0, 1, 0]]);
    expect(a.mixed).toBeUndefined();
    expect(a.classification).toBeUndefined();
  });
});
