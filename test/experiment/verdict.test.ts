/**
 * The run's verdict rests on each region's 95% t-interval of its paired change,
 * and the per-replication class shares carry Wilson intervals.
 */
import { describe, expect, it } from 'vitest';
import { changeInterval, lensVerdict, wilsonInterval } from '../../src/experiment/verdict.js';
import type { GameOutcome } from '../../src/model/metrics/win-win.js';

const ids = ['sichuan', 'chongqing'];
const outcomes = (n: number, o: GameOutcome = 'win-win') => Array.from({ length: n }, () => o);

describe('changeInterval', () => {
  it('is the mean with a Student-t 95% interval', () => {
    // mean 2, sample sd 1, n 4: se 0.5, t(0.975, 3) = 3.182446
    const c = changeInterval([1, 2, 2, 3].map((x) => x * Math.sqrt(1.5) - 2 * Math.sqrt(1.5) + 2));
    expect(c.mean).toBeCloseTo(2, 12);
    expect(c.high - c.mean).toBeCloseTo(3.182446 * 0.5, 5);
  });
  it('has no interval from one replication', () => {
    expect(Number.isNaN(changeInterval([5]).low)).toBe(true);
  });
});

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    const w = wilsonInterval(8, 10); // 0.8: [0.4902, 0.9433]
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(5, 5).high).toBe(1);
    expect(wilsonInterval(5, 5).low).toBeCloseTo(0.5655, 3);
  });
});

describe('lensVerdict', () => {
  it('win-win only when every region\'s interval lies above zero', () => {
    const v = lensVerdict('gdp', ids, [[10, 12, 11, 13], [3, 4, 5, 4]], outcomes(4));
    expect(v.verdict).toBe('win-win');
    expect(v.explanation).toMatch(/^every region gains: sichuan \+11\.5 \[/);
  });

  it('a region whose interval contains zero makes it indistinguishable, naming that interval', () => {
    const v = lensVerdict('gdp', ids, [[10, 12, 11, 13], [3, -4, 5, -2]], outcomes(4));
    expect(v.verdict).toBe('indistinguishable');
    expect(v.explanation).toMatch(/^indistinguishable from no change with 4 replications: chongqing \+0\.50 \[[-\d.]+, [\d.]+\] contains zero, while sichuan \+11\.5 \[[\d.]+, [\d.]+\] gains/);
  });

  it('zero-sum: one gains, the other loses, the zone\'s interval contains zero', () => {
    const v = lensVerdict('gdp', ids, [[10, 12, 11, 13], [-10, -13, -11, -12]], outcomes(4, 'zero-sum'));
    expect(v.verdict).toBe('zero-sum');
    expect(v.zone.low).toBeLessThan(0);
    expect(v.zone.high).toBeGreaterThan(0);
  });

  it('negative-sum when the zone loses; positive-sum with a loser when it gains and a region loses', () => {
    expect(lensVerdict('gdp', ids, [[1, 2, 1, 2], [-10, -11, -12, -10]], outcomes(4)).verdict).toBe('negative-sum');
    expect(lensVerdict('gdp', ids, [[20, 21, 22, 20], [-10, -11, -12, -10]], outcomes(4)).verdict).toBe('positive-sum-with-loser');
  });

  it('no change at all is indistinguishable from no change', () => {
    const v = lensVerdict('gdp', ids, [[0, 0, 0], [0, 0, 0]], outcomes(3, 'unchanged'));
    expect(v.verdict).toBe('indistinguishable');
    expect(v.classes.unchanged).toMatchObject({ count: 3, share: 1 });
  });
});
