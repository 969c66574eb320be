/**
 * One replication's class: a region is up or down when its change exceeds the
 * tolerance of its OWN counterfactual value (revision 2), so a small region's
 * loss is not hidden in the zone's size.
 */
import { describe, expect, it } from 'vitest';
import { classifyOutcome, GAME_OUTCOMES, valueAddedChange } from '../../src/model/metrics/win-win.js';

// Counterfactual values 600 and 400 with tolerance 1%: bands of 6 and 4, the zone's 10.
const B = [600, 400];
const TOL = 0.01;

describe('classifyOutcome, two regions', () => {
  it('every region up beyond its own band -> win-win; one within its band does not spoil it', () => {
    expect(classifyOutcome([50, 30], B, TOL)).toBe('win-win');
    expect(classifyOutcome([50, -3.9], B, TOL)).toBe('win-win');
  });

  it('a small region losing more than its own band is a loser, however small against the zone', () => {
    // -4.5 is within 1% of the zone (10) but beyond 1% of the region's own 400 (4): revision 1 called this win-win.
    expect(classifyOutcome([50, -4.5], B, TOL)).toBe('positive-sum-with-loser');
  });

  it('one up, one down, the zone within its band -> zero-sum; beyond it either way', () => {
    expect(classifyOutcome([50, -50], B, TOL)).toBe('zero-sum');
    expect(classifyOutcome([50, -41], B, TOL)).toBe('zero-sum');
    expect(classifyOutcome([50, -30], B, TOL)).toBe('positive-sum-with-loser');
    expect(classifyOutcome([20, -50], B, TOL)).toBe('negative-sum');
  });

  it('nobody up and somebody down -> negative-sum; nobody beyond its band -> unchanged', () => {
    expect(classifyOutcome([0, -5], B, TOL)).toBe('negative-sum');
    expect(classifyOutcome([-20, -30], B, TOL)).toBe('negative-sum');
    expect(classifyOutcome([5.9, -3.9], B, TOL)).toBe('unchanged');
    expect(classifyOutcome([0, 0], B, 0)).toBe('unchanged');
    expect(classifyOutcome([1e-9, 0], B, 0)).toBe('win-win');
  });

  it('three regions', () => {
    const three = [500, 300, 200];
    expect(classifyOutcome([30, 30, 40], three, TOL)).toBe('win-win');
    expect(classifyOutcome([30, 30, -60], three, TOL)).toBe('zero-sum');
    expect(classifyOutcome([30, 30, -45], three, TOL)).toBe('positive-sum-with-loser');
    expect(classifyOutcome([30, -25, -25], three, TOL)).toBe('negative-sum');
  });

  it('valueAddedChange classifies with each region\'s own counterfactual', () => {
    const c = valueAddedChange([650, 395.5], B, TOL);
    expect(c.deltas).toEqual([50, -4.5]);
    expect(c.outcome).toBe('positive-sum-with-loser');
  });
});

describe('GAME_OUTCOMES', () => {
  it('lists every outcome the classifier returns', () => {
    const seen = new Set([[50, 30], [50, -50], [-50, -50], [50, -30], [0, 0]].map((d) => classifyOutcome(d, B, TOL)));
    expect([...seen].sort()).toEqual([...GAME_OUTCOMES].sort());
  });
});
