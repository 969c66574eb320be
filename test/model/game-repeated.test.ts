import { describe, expect, it } from 'vitest';
import { GameError } from '../../src/model/game/normal-form.js';
import { PLAYER_NAMES, playMatch } from '../../src/model/game/repeated.js';
import { createStreams } from '../../src/model/rng.js';

// The textbook iterated prisoner's dilemma (Axelrod 1984): R=3, S=0, T=5, P=1.
const payoffs = { R: 3, S: 0, T: 5, P: 1 };
const match = (a: string, b: string, turns: number, extra: { noise?: number; seed?: number } = {}) => playMatch({ payoffs, turns, players: [a, b], ...extra });

describe('iterated prisoner\'s dilemma, worked by hand', () => {
  it('tit-for-tat vs always-compete: loses only the first round, 199 to 204', () => {
    const g = match('tit-for-tat', 'always-compete', 200);
    expect(g.scores).toEqual([199, 204]);
    expect(g.moves).toEqual(['C' + 'D'.repeat(199), 'D'.repeat(200)]);
  });

  it('tit-for-tat vs tit-for-tat: cooperation throughout, 600 each', () => {
    expect(match('tit-for-tat', 'tit-for-tat', 200)).toEqual({ scores: [600, 600], moves: ['C'.repeat(200), 'C'.repeat(200)] });
  });

  it('alternate vs always-cooperate: C, D, C, ... earns R and T in turn (800 to 300)', () => {
    const g = match('alternate', 'always-cooperate', 200);
    expect(g.moves[0]).toBe('CD'.repeat(100));
    expect(g.scores).toEqual([100 * 3 + 100 * 5, 100 * 3 + 100 * 0]);
  });

  it('pavlov vs always-compete alternates C, D (aspiration (R+P)/2 = 2: S and P both lose)', () => {
    const g = match('pavlov', 'always-compete', 200);
    expect(g.moves[0]).toBe('CD'.repeat(100));
    expect(g.scores).toEqual([100, 600]);
    expect(match('win-stay-lose-shift', 'always-compete', 200)).toEqual(g);
  });

  it('tit-for-two-tats vs alternate never competes (never two Ds in a row)', () => {
    const g = match('tit-for-two-tats', 'alternate', 100);
    expect(g.moves[0]).toBe('C'.repeat(100));
    expect(g.scores).toEqual([50 * 3 + 50 * 0, 50 * 3 + 50 * 5]);
    // but two consecutive Ds trigger it, one turn later
    expect(match('tit-for-two-tats', 'always-compete', 5).moves[0]).toBe('CCDDD');
  });

  it('suspicious-tit-for-tat vs tit-for-tat alternates out of phase', () => {
    const g = match('suspicious-tit-for-tat', 'tit-for-tat', 20);
    expect(g.moves).toEqual(['DC'.repeat(10), 'CD'.repeat(10)]);
    expect(g.scores).toEqual([50, 50]);
  });

  it('grim never forgives: vs alternate it competes from the third turn', () => {
    expect(match('grim', 'alternate', 6).moves).toEqual(['CCDDDD', 'CDCDCD']);
  });

  it('imitate copies a better-paid competitor at once (Fermi rule, kappa = 0.5)', () => {
    // turn 1: S = 0 against T = 5: adopt with probability 1/(1+e^-10); then equal payoffs keep D.
    expect(match('imitate', 'always-compete', 50, { seed: 3 }).moves[0]).toBe('C' + 'D'.repeat(49));
  });

  it('best-response learns to compete against a cooperator', () => {
    const g = match('best-response', 'always-cooperate', 200, { seed: 5 });
    expect([...g.moves[0].slice(100)].filter((m) => m === 'D').length).toBeGreaterThan(85); // exploration 0.1
  });

  it('accepts the model\'s rules with their own parameters', () => {
    const g = playMatch({ payoffs, turns: 5, players: [{ rule: 'tit-for-tat', initial: 'compete' }, 'always-cooperate'] });
    expect(g.moves[0]).toBe('DCCCC');
  });

  it('random is a fair coin from createStreams(seed, 0).government', () => {
    const g = match('random', 'always-cooperate', 1000, { seed: 7 });
    const u = createStreams(7, 0).government;
    expect(g.moves[0]).toBe(Array.from({ length: 1000 }, () => (u() < 0.5 ? 'C' : 'D')).join(''));
    const coop = [...match('random', 'random', 20_000, { seed: 8 }).moves[1]].filter((m) => m === 'C').length;
    expect(Math.abs(coop / 20_000 - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 20_000));
  });
});

describe('noise', () => {
  it('is reproducible by seed and differs between seeds', () => {
    const a = match('tit-for-tat', 'tit-for-tat', 300, { noise: 0.05, seed: 11 });
    expect(match('tit-for-tat', 'tit-for-tat', 300, { noise: 0.05, seed: 11 })).toEqual(a);
    expect(match('tit-for-tat', 'tit-for-tat', 300, { noise: 0.05, seed: 12 })).not.toEqual(a);
    expect(a.moves[0]).toContain('D'); // a tremble, then echoes
  });

  it('noise 1 flips every move; noise 0 changes nothing', () => {
    expect(match('always-cooperate', 'always-compete', 10, { noise: 1 }).moves).toEqual(['D'.repeat(10), 'C'.repeat(10)]);
    expect(match('tit-for-tat', 'always-compete', 200, { noise: 0, seed: 99 }).scores).toEqual([199, 204]);
  });

  it('does not shift a rule\'s own draws (separate streams)', () => {
    // the random player's moves are the same fair-coin draws with and without noise, up to the flips
    const clean = match('random', 'always-cooperate', 500, { seed: 4 }).moves[0];
    const noisy = match('random', 'always-cooperate', 500, { seed: 4, noise: 0.1 }).moves[0];
    const flips = [...clean].filter((m, i) => m !== noisy[i]).length;
    expect(flips).toBeGreaterThan(20);
    expect(flips).toBeLessThan(80);
  });

  it('pavlov recovers cooperation after a tremble in self-play; tit-for-tat echoes it', () => {
    const pav = match('pavlov', 'pavlov', 400, { noise: 0.01, seed: 2 });
    const tft = match('tit-for-tat', 'tit-for-tat', 400, { noise: 0.01, seed: 2 });
    expect(pav.scores[0] + pav.scores[1]).toBeGreaterThan(tft.scores[0] + tft.scores[1]);
  });
});

describe('bad input', () => {
  it('names the valid players for an unknown one', () => {
    expect(() => match('tit-for-tatt', 'grim', 5)).toThrow(GameError);
    expect(() => match('tit-for-tatt', 'grim', 5)).toThrow(`unknown player "tit-for-tatt"; valid players: ${PLAYER_NAMES.join(', ')}`);
  });

  it('refuses non-whole turns, a noise outside [0, 1] and non-finite payoffs', () => {
    expect(() => match('grim', 'grim', 0)).toThrow(/turns/);
    expect(() => match('grim', 'grim', 2.5)).toThrow(/turns/);
    expect(() => match('grim', 'grim', 5, { noise: 1.5 })).toThrow(/noise/);
    expect(() => playMatch({ payoffs: { ...payoffs, T: NaN }, turns: 5, players: ['grim', 'grim'] })).toThrow(/payoff T/);
  });
});
