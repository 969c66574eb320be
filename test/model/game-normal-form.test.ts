import { describe, expect, it } from 'vitest';
import {
  allProfiles,
  bimatrixGame,
  comparePayoffs,
  createGame,
  GameError,
  payoffOf,
  profileAt,
  profileIndex,
  profileLabel,
  symmetricGame,
  toBimatrix,
  validateGame,
} from '../../src/model/game/normal-form.js';
import { compareEstimates, differenceSe, estimateFromSamples, gapStatus } from '../../src/model/game/uncertainty.js';

describe('normal-form games', () => {
  it('orders profiles with the first player most significant (bimatrix reading order)', () => {
    const shape = { strategies: [['a', 'b'], ['x', 'y', 'z'], ['p', 'q']] };
    expect(allProfiles(shape).slice(0, 4)).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 1],
    ]);
    expect(allProfiles(shape)).toHaveLength(12);
    for (let i = 0; i < 12; i++) expect(profileIndex(shape, profileAt(shape, i))).toBe(i);
    expect(profileIndex(shape, [1, 2, 1])).toBe(11);
  });

  it('builds a symmetric cooperate-vs-compete game from R, S, T, P', () => {
    const g = symmetricGame({ R: 3, S: 0, T: 5, P: 1 }, ['sichuan', 'chongqing']);
    expect(g.strategies).toEqual([['cooperate', 'compete'], ['cooperate', 'compete']]);
    expect(g.payoffs.map((row) => row.map((e) => e.mean))).toEqual([[3, 3], [0, 5], [5, 0], [1, 1]]);
    expect(profileLabel(g, [0, 1])).toBe('(cooperate, compete)');
    expect(toBimatrix(g)).toEqual({ a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]] });
  });

  it('carries standard errors of a bimatrix', () => {
    const g = bimatrixGame({ a: [[1, 2], [3, 4]], b: [[5, 6], [7, 8]], seA: [[0.1, 0.2], [0.3, 0.4]] });
    expect(payoffOf(g, [1, 0], 0)).toEqual({ mean: 3, se: 0.3 });
    expect(payoffOf(g, [1, 0], 1)).toEqual({ mean: 7 });
  });

  it('rejects malformed games with a GameError naming the problem', () => {
    expect(() => createGame({ players: ['a', 'a'], strategies: [['x'], ['y']], payoff: () => [0, 0] })).toThrow(/distinct/);
    expect(() => createGame({ players: ['a', 'b'], strategies: [['x'], []], payoff: () => [0, 0] })).toThrow(/no strategies/);
    expect(() => createGame({ players: ['a', 'b'], strategies: [['x'], ['y']], payoff: () => [0] })).toThrow(/expected 2 payoffs/);
    expect(() => createGame({ players: ['a', 'b'], strategies: [['x'], ['y']], payoff: () => [0, NaN] })).toThrow(/b's payoff is not a finite/);
    expect(() => createGame({ players: ['a', 'b'], strategies: [['x'], ['y']], payoff: () => [0, { mean: 1, se: -1 }] })).toThrow(GameError);
    expect(() => bimatrixGame({ a: [[1, 2]], b: [[1, 2], [3, 4]] })).toThrow(/matrix b must be 1 x 2/);
    const g = symmetricGame({ R: 3, S: 0, T: 5, P: 1 });
    expect(() => validateGame({ ...g, payoffs: g.payoffs.slice(1) })).toThrow(/4 profiles, got 3/);
  });
});

describe('uncertainty of payoff gaps', () => {
  it('estimates the mean and its SE from samples', () => {
    const e = estimateFromSamples([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    // sample variance 5/3, SE sqrt(5/12)
    expect(e.se).toBeCloseTo(Math.sqrt(5 / 12), 14);
  });

  it('combines independent SEs as sqrt(se1^2 + se2^2), unless a paired SE is supplied', () => {
    expect(differenceSe({ mean: 1, se: 3 }, { mean: 0, se: 4 })).toBe(5);
    expect(differenceSe({ mean: 1, se: 3 }, { mean: 0 })).toBe(3);
    expect(differenceSe({ mean: 1 }, { mean: 0 })).toBeUndefined();
    expect(differenceSe({ mean: 1, se: 3 }, { mean: 0, se: 4 }, 0.5)).toBe(0.5);
  });

  it('pairs aligned samples (common random numbers): a constant difference has SE 0', () => {
    const a = estimateFromSamples([10, 20, 30]);
    const b = estimateFromSamples([9, 19, 29]);
    expect(differenceSe(a, b)).toBe(0);
    expect(compareEstimates(a, b).status).toBe('higher');
    // Unpaired, the same gap of 1 is far inside 1.96 SE (SE of each mean is 5.77).
    expect(compareEstimates({ mean: a.mean, se: a.se }, { mean: b.mean, se: b.se }).status).toBe('uncertain');
  });

  it('calls a gap uncertain when |gap| < z * SE; exact ties are equal only without SE', () => {
    expect(gapStatus(0.9, 0.5, 1.96)).toBe('uncertain'); // 0.9 < 0.98
    expect(gapStatus(0.9, 0.5, 1.5)).toBe('higher'); // 0.9 > 0.75
    expect(gapStatus(-0.9, 0.5, 1.5)).toBe('lower');
    expect(gapStatus(0, undefined, 1.96)).toBe('equal');
    expect(gapStatus(0, 0.1, 1.96)).toBe('uncertain');
    expect(gapStatus(0.1 + 0.2 - 0.3, undefined, 1.96)).toBe('equal'); // floating-point dust is a tie
  });

  it('uses a paired SE function of the game when given', () => {
    const g = bimatrixGame({ a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]], seA: [[1, 1], [1, 1]], seB: [[1, 1], [1, 1]] });
    expect(comparePayoffs(g, 0, [1, 0], [0, 0]).status).toBe('uncertain'); // 2 < 1.96 * sqrt(2)
    expect(comparePayoffs(g, 0, [1, 0], [0, 0], { pairedSe: () => 0.5 })).toMatchObject({ difference: 2, se: 0.5, status: 'higher' });
  });
});
