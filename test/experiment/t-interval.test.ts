/** The one Student-t interval of the project. */
import { describe, expect, it } from 'vitest';
import { GAME_Z, tCritical, tInterval } from '../../src/experiment/statistics.js';
import { changeInterval } from '../../src/experiment/verdict.js';

describe('tInterval', () => {
  it('is the mean plus or minus t(0.975, n - 1) standard errors', () => {
    const { mean, low, high, n } = tInterval([1, 2, 3]);
    expect(n).toBe(3);
    expect(mean).toBe(2);
    expect(tCritical(3)).toBeCloseTo(4.3026527, 6); // R: qt(0.975, 2)
    expect(high - mean).toBeCloseTo(tCritical(3) / Math.sqrt(3), 12);
    expect(mean - low).toBeCloseTo(high - mean, 12);
  });

  it('widens with the level and gives no interval for fewer than two values', () => {
    expect(tInterval([1, 2, 3], 0.99).high).toBeGreaterThan(tInterval([1, 2, 3]).high);
    expect(tInterval([4, Number.NaN]).low).toBeNaN();
    expect(tInterval([4, Number.NaN]).mean).toBe(4);
  });

  it('is the verdicts\' interval of paired changes', () => {
    expect(changeInterval([0.3, -0.1, 0.7, 0.2])).toEqual(tInterval([0.3, -0.1, 0.7, 0.2]));
  });

  it('keeps the game\'s normal z apart', () => {
    expect(GAME_Z).toBe(1.96);
  });
});
