import { describe, expect, it } from 'vitest';
import { classifyOutcome, GAME_OUTCOMES } from '../../src/model/metrics/win-win.js';

// Zone counterfactual value added 1000 with tolerance 1% -> band of 10 (1000*0.01 = 10 exactly in doubles).
const Z = 1000;
const TOL = 0.01;

describe('classifyOutcome, two regions', () => {
  it('all up -> win-win', () => {
    expect(classifyOutcome([50, 30], Z, TOL)).toBe('win-win');
  });

  it('one up, the other within the band -> win-win', () => {
    expect(classifyOutcome([50, 0], Z, TOL)).toBe('win-win');
    expect(classifyOutcome([50, -9], Z, TOL)).toBe('win-win');
  });

  it('one up, one down, zone sum within the band -> zero-sum', () => {
    // 50 - 50 = 0
    expect(classifyOutcome([50, -50], Z, TOL)).toBe('zero-sum');
    // 50 - 45 = 5 <= 10
    expect(classifyOutcome([50, -45], Z, TOL)).toBe('zero-sum');
    // 50 - 60 = -10, exactly -band: still near zero
    expect(classifyOutcome([50, -60], Z, TOL)).toBe('zero-sum');
    // 50 - 40 = 10, exactly +band
    expect(classifyOutcome([50, -40], Z, TOL)).toBe('zero-sum');
  });

  it('one up, one down, zone sum above the band -> positive-sum-with-loser', () => {
    // 50 - 30 = 20 > 10
    expect(classifyOutcome([50, -30], Z, TOL)).toBe('positive-sum-with-loser');
  });

  it('zone sum below the band -> negative-sum', () => {
    // 20 - 50 = -30 < -10
    expect(classifyOutcome([20, -50], Z, TOL)).toBe('negative-sum');
    expect(classifyOutcome([-20, -30], Z, TOL)).toBe('negative-sum');
    // one down, the other unchanged
    expect(classifyOutcome([0, -50], Z, TOL)).toBe('negative-sum');
  });

  it('all within the band -> unchanged, the band edge included', () => {
    expect(classifyOutcome([0, 0], Z, TOL)).toBe('unchanged');
    expect(classifyOutcome([5, -5], Z, TOL)).toBe('unchanged');
    // exactly +-band is not a change
    expect(classifyOutcome([10, -10], Z, TOL)).toBe('unchanged');
    expect(classifyOutcome([10, 0], Z, TOL)).toBe('unchanged');
  });

  it('just past the band counts as a change', () => {
    expect(classifyOutcome([10.001, 0], Z, TOL)).toBe('win-win');
    expect(classifyOutcome([0, -10.001], Z, TOL)).toBe('negative-sum');
  });

  it('uses the absolute counterfactual for the band', () => {
    // band = |-1000| * 0.01 = 10
    expect(classifyOutcome([5, -5], -Z, TOL)).toBe('unchanged');
    expect(classifyOutcome([50, -50], -Z, TOL)).toBe('zero-sum');
  });

  it('tolerance 0 makes any change count', () => {
    expect(classifyOutcome([0, 0], Z, 0)).toBe('unchanged');
    expect(classifyOutcome([1e-9, 0], Z, 0)).toBe('win-win');
    expect(classifyOutcome([1, -1], Z, 0)).toBe('zero-sum');
    expect(classifyOutcome([2, -1], Z, 0)).toBe('positive-sum-with-loser');
    expect(classifyOutcome([1, -2], Z, 0)).toBe('negative-sum');
  });
});

describe('classifyOutcome, three regions', () => {
  it('all up -> win-win', () => {
    expect(classifyOutcome([20, 30, 40], Z, TOL)).toBe('win-win');
  });

  it('two up, one down', () => {
    // 30 + 30 - 50 = 10 = band -> zero-sum
    expect(classifyOutcome([30, 30, -50], Z, TOL)).toBe('zero-sum');
    // 30 + 30 - 45 = 15 > 10 -> positive-sum-with-loser
    expect(classifyOutcome([30, 30, -45], Z, TOL)).toBe('positive-sum-with-loser');
    // 30 + 30 - 80 = -20 < -10 -> negative-sum
    expect(classifyOutcome([30, 30, -80], Z, TOL)).toBe('negative-sum');
  });

  it('one up, two down', () => {
    // 30 - 20 - 20 = -10 = -band -> zero-sum
    expect(classifyOutcome([30, -20, -20], Z, TOL)).toBe('zero-sum');
    // 30 - 25 - 25 = -20 -> negative-sum
    expect(classifyOutcome([30, -25, -25], Z, TOL)).toBe('negative-sum');
  });

  it('every region within the band but the zone beyond it', () => {
    // 8 + 8 + 0 = 16 > 10: nobody lost, the zone gained -> win-win
    expect(classifyOutcome([8, 8, 0], Z, TOL)).toBe('win-win');
    // -8 - 8 + 0 = -16 -> negative-sum
    expect(classifyOutcome([-8, -8, 0], Z, TOL)).toBe('negative-sum');
    // 8 - 8 + 5 = 5 -> unchanged
    expect(classifyOutcome([8, -8, 5], Z, TOL)).toBe('unchanged');
  });
});

describe('GAME_OUTCOMES', () => {
  it('lists every outcome the classifier returns', () => {
    const seen = new Set([
      classifyOutcome([50, 30], Z, TOL),
      classifyOutcome([50, -50], Z, TOL),
      classifyOutcome([-50, -50], Z, TOL),
      classifyOutcome([50, -30], Z, TOL),
      classifyOutcome([0, 0], Z, TOL),
    ]);
    expect([...seen].sort()).toEqual([...GAME_OUTCOMES].sort());
  });
});
