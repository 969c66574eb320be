import { describe, expect, it } from 'vitest';
import { classifyGame, classifyPayoffs, classifySymmetric, ordering } from '../../src/model/game/classify.js';
import { bimatrixGame, GameError, symmetricGame } from '../../src/model/game/normal-form.js';

describe('one player\'s type from T, R, P, S', () => {
  it.each([
    ['prisoners-dilemma', { T: 5, R: 3, P: 1, S: 0 }, 'T > R > P > S'],
    ['stag-hunt', { T: 3, R: 4, P: 2, S: 0 }, 'R > T > P > S'],
    ['stag-hunt', { T: 3, R: 4, P: 3, S: 0 }, 'R > T = P > S'], // the hare pays alike: T = P allowed
    ['chicken', { T: 5, R: 3, P: 0, S: 1 }, 'T > R > S > P'],
    ['harmony', { T: 3, R: 4, P: 1, S: 2 }, 'R > T > S > P'],
    ['harmony', { T: 2, R: 4, P: 1, S: 3 }, 'R > S > T > P'],
    ['deadlock', { T: 3, R: 1, P: 2, S: 0 }, 'T > P > R > S'],
    ['other', { T: 2, R: 4, P: 3, S: 0 }, 'R > P > T > S'], // a coordination game, not a stag hunt
    ['other', { T: 3, R: 3, P: 1, S: 0 }, 'T = R > P > S'], // a tie breaks the strict dilemma
    ['other', { T: 1, R: 1, P: 1, S: 1 }, 'T = R = P = S'],
  ] as const)('%s: %o is %s', (type, p, order) => {
    expect(classifyPayoffs(p)).toMatchObject({ type, ordering: order });
  });

  it('names the deciding gaps of each type', () => {
    expect(classifyPayoffs({ T: 5, R: 3, P: 1, S: 0 }).deciding).toEqual([['T', 'R'], ['R', 'P'], ['P', 'S']]);
    expect(classifyPayoffs({ T: 3, R: 4, P: 1, S: 2 }).deciding).toEqual([['R', 'T'], ['S', 'P']]);
    expect(classifyPayoffs({ T: 2, R: 4, P: 3, S: 0 }).deciding).toEqual([['R', 'P'], ['P', 'T'], ['T', 'S']]);
  });

  it('orders ties in T, R, P, S order and ignores floating-point dust', () => {
    expect(ordering({ T: 0.3, R: 0.1 + 0.2, P: 0, S: -1 })).toBe('T = R > P > S');
  });
});

describe('the type of a 2x2 game', () => {
  it("prisoner's dilemma, with its plain-language sentence", () => {
    const c = classifySymmetric({ R: 3, S: 0, T: 5, P: 1 });
    expect(c.type).toBe('prisoners-dilemma');
    expect(c.sentence).toBe("a prisoner's dilemma: each government is tempted to compete, and both lose when both do");
    expect(c.players[0].payoffs).toEqual({ T: 5, R: 3, P: 1, S: 0 });
    expect(c.players[1].payoffs).toEqual({ T: 5, R: 3, P: 1, S: 0 });
  });

  it.each([
    ['stag-hunt', { R: 4, S: 0, T: 3, P: 2 }, 'a stag hunt'],
    ['chicken', { R: 3, S: 1, T: 5, P: 0 }, 'a game of chicken (snowdrift)'],
    ['harmony', { R: 4, S: 2, T: 3, P: 1 }, 'a harmony game'],
    ['deadlock', { R: 1, S: 0, T: 3, P: 2 }, 'a deadlock'],
    ['other', { R: 4, S: 0, T: 2, P: 3 }, 'none of the textbook games (row R > P > T > S, column R > P > T > S)'],
  ] as const)('%s', (type, p, start) => {
    const c = classifySymmetric(p);
    expect(c.type).toBe(type);
    expect(c.sentence.startsWith(start)).toBe(true);
  });

  it('is asymmetric when the players see different games, naming each', () => {
    // Row: T=5 R=3 P=1 S=0 (a dilemma); column: T=3 R=1 P=2 S=0 (a deadlock).
    const g = bimatrixGame({ players: ['sichuan', 'chongqing'], rows: ['cooperate', 'compete'], cols: ['cooperate', 'compete'], a: [[3, 0], [5, 1]], b: [[1, 3], [0, 2]] });
    const c = classifyGame(g);
    expect(c.type).toBe('asymmetric');
    expect(c.players.map((p) => p.type)).toEqual(['prisoners-dilemma', 'deadlock']);
    expect(c.players[1].payoffs).toEqual({ T: 3, R: 1, P: 2, S: 0 });
    expect(c.sentence).toBe("an asymmetric game: for sichuan a prisoner's dilemma (T > R > P > S), for chongqing a deadlock (T > P > R > S)");
  });

  it('finds the cooperative strategy by name, whatever its position', () => {
    const g = bimatrixGame({ rows: ['compete', 'cooperate'], cols: ['compete', 'cooperate'], a: [[1, 5], [0, 3]], b: [[1, 0], [5, 3]] });
    expect(classifyGame(g).type).toBe('prisoners-dilemma');
    // or by index, for strategies with other names
    const h = bimatrixGame({ a: [[1, 5], [0, 3]], b: [[1, 0], [5, 3]] });
    expect(classifyGame(h, { cooperate: [1, 1] }).type).toBe('prisoners-dilemma');
  });

  it('uses the noun given', () => {
    expect(classifySymmetric({ R: 3, S: 0, T: 5, P: 1 }, { noun: 'region' }).sentence).toContain('each region is tempted');
  });

  it('refuses a game that is not 2x2', () => {
    expect(() => classifyGame(bimatrixGame({ a: [[1, 2, 3]], b: [[1, 2, 3]] }))).toThrow(GameError);
  });
});

describe('classification with standard errors', () => {
  const pd = (se: number) => {
    const s = [[se, se], [se, se]];
    return bimatrixGame({ players: ['sichuan', 'chongqing'], rows: ['cooperate', 'compete'], cols: ['cooperate', 'compete'], a: [[3, 0], [5, 1]], b: [[3, 5], [0, 1]], seA: s, seB: s });
  };

  it('is sure when every deciding gap exceeds z * SE', () => {
    const c = classifyGame(pd(0.3)); // SE of a gap 0.42; smallest gap 1 > 0.83
    expect(c.type).toBe('prisoners-dilemma');
    expect(c.uncertain).toEqual([]);
  });

  it('is indeterminate when a deciding gap is within z * SE, listing the gaps', () => {
    // SE of a gap 0.5 sqrt 2 = 0.707; 1.96 x 0.707 = 1.39 > P - S = 1, < T - R = R - P = 2
    const c = classifyGame(pd(0.5));
    expect(c.type).toBe('indeterminate');
    expect(c.likely).toBe('prisoners-dilemma');
    expect(c.uncertain.map((g) => `${g.player} ${g.higher}-${g.lower}`)).toEqual(['sichuan P-S', 'chongqing P-S']);
    expect(c.uncertain[0].se).toBeCloseTo(Math.SQRT1_2, 12);
    expect(c.sentence).toBe(
      "indeterminate: the payoff gaps sichuan P - S = 1 (SE 0.707), chongqing P - S = 1 (SE 0.707) are within 1.96 standard errors; on the means it would be a prisoner's dilemma: each government is tempted to compete, and both lose when both do",
    );
    // a smaller z accepts it
    expect(classifyGame(pd(0.5), { z: 1 }).type).toBe('prisoners-dilemma');
  });

  it('large errors leave every gap uncertain', () => {
    expect(classifyGame(pd(1)).uncertain).toHaveLength(6);
  });

  it('a paired SE can make the same means sure', () => {
    expect(classifyGame(pd(1), { pairedSe: () => 0.1 }).type).toBe('prisoners-dilemma');
  });

  it('a stag hunt with T = P is indeterminate under any error (T < P would make it another game)', () => {
    const s = [[0.01, 0.01], [0.01, 0.01]];
    const g = bimatrixGame({ a: [[4, 0], [3, 3]], b: [[4, 3], [0, 3]], seA: s, seB: s });
    const c = classifyGame(g);
    expect(c.likely).toBe('stag-hunt');
    expect(c.type).toBe('indeterminate');
    expect(c.uncertain.map((u) => `${u.higher}-${u.lower}`)).toEqual(['T-P', 'T-P']);
    expect(classifyGame(symmetricGame({ R: 4, S: 0, T: 3, P: 3 })).type).toBe('stag-hunt');
  });
});
