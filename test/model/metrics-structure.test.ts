import { describe, expect, it } from 'vitest';
import {
  herfindahlIndex,
  krugmanIndex,
  locationQuotients,
  similarityCoefficient,
  toShares,
} from '../../src/model/metrics/structure.js';

describe('toShares', () => {
  it('divides by the total', () => {
    // 2+3+5 = 10 -> [0.2, 0.3, 0.5]
    const s = toShares([2, 3, 5]);
    expect(s[0]).toBeCloseTo(0.2, 15);
    expect(s[1]).toBeCloseTo(0.3, 15);
    expect(s[2]).toBeCloseTo(0.5, 15);
  });

  it('accepts typed arrays', () => {
    // 1+1+2 = 4 -> [0.25, 0.25, 0.5]
    expect(toShares(new Float64Array([1, 1, 2]))).toEqual([0.25, 0.25, 0.5]);
  });

  it('gives zeros when the total is not positive', () => {
    expect(toShares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(toShares([])).toEqual([]);
  });
});

describe('similarityCoefficient (UNIDO)', () => {
  it('is 1 for identical vectors', () => {
    expect(similarityCoefficient([0.5, 0.3, 0.2], [0.5, 0.3, 0.2])).toBeCloseTo(1, 14);
    // never above 1 through rounding
    expect(similarityCoefficient([0.1, 0.7, 0.2], [0.1, 0.7, 0.2])).toBeLessThanOrEqual(1);
  });

  it('is 0 for disjoint structures', () => {
    expect(similarityCoefficient([1, 0, 0], [0, 0.4, 0.6])).toBe(0);
  });

  it('matches a 3-sector example computed by hand', () => {
    // x=[0.5,0.3,0.2], y=[0.2,0.3,0.5]
    // sum xy = 0.1 + 0.09 + 0.1 = 0.29
    // sum x^2 = 0.25 + 0.09 + 0.04 = 0.38 = sum y^2
    // S = 0.29 / sqrt(0.38*0.38) = 0.29/0.38 = 0.763157894736842...
    expect(similarityCoefficient([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(0.7631578947368421, 12);
  });

  it('matches an asymmetric example computed by hand', () => {
    // x=[1,0,0], y=[1,1,0]: xy = 1, xx = 1, yy = 2 -> 1/sqrt(2) = 0.70710678...
    expect(similarityCoefficient([1, 0, 0], [1, 1, 0])).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('is symmetric and scale invariant (outputs or shares give the same value)', () => {
    // [50,30,20] is 100*[0.5,0.3,0.2]; [2,3,5] is 10*[0.2,0.3,0.5]
    const raw = similarityCoefficient([50, 30, 20], [2, 3, 5]);
    expect(raw).toBeCloseTo(0.29 / 0.38, 12);
    expect(similarityCoefficient([2, 3, 5], [50, 30, 20])).toBeCloseTo(raw, 14);
  });

  it('is 0 when either region has no output', () => {
    expect(similarityCoefficient([0, 0, 0], [0.2, 0.3, 0.5])).toBe(0);
    expect(similarityCoefficient([0.2, 0.3, 0.5], [0, 0, 0])).toBe(0);
    expect(similarityCoefficient([0, 0], [0, 0])).toBe(0);
  });
});

describe('krugmanIndex', () => {
  it('matches the 3-sector example by hand', () => {
    // |0.5-0.2| + |0.3-0.3| + |0.2-0.5| = 0.3 + 0 + 0.3 = 0.6
    expect(krugmanIndex([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toBeCloseTo(0.6, 14);
  });

  it('is 0 for identical and 2 for disjoint structures', () => {
    expect(krugmanIndex([0.25, 0.75], [0.25, 0.75])).toBe(0);
    // |1-0| + |0-0.4| + |0-0.6| = 2
    expect(krugmanIndex([1, 0, 0], [0, 0.4, 0.6])).toBeCloseTo(2, 14);
  });
});

describe('herfindahlIndex', () => {
  it('is 1/K for an even spread and 1 for a single sector', () => {
    // 4 * 0.25^2 = 0.25
    expect(herfindahlIndex([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.25, 15);
    expect(herfindahlIndex([0, 1, 0])).toBe(1);
  });

  it('matches a hand example', () => {
    // 0.5^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04 = 0.38
    expect(herfindahlIndex([0.5, 0.3, 0.2])).toBeCloseTo(0.38, 14);
  });
});

describe('locationQuotients', () => {
  it('matches a 2x2 output table by hand', () => {
    // output [[30,10],[20,40]]: region totals 40, 60; sector totals 50, 50; zone 100
    // LQ(0,0) = (30/40)/(50/100) = 0.75/0.5 = 1.5
    // LQ(0,1) = (10/40)/(50/100) = 0.25/0.5 = 0.5
    // LQ(1,0) = (20/60)/(0.5) = 0.6667
    // LQ(1,1) = (40/60)/(0.5) = 1.3333
    const lq = locationQuotients([
      [30, 10],
      [20, 40],
    ]);
    expect(lq[0][0]).toBeCloseTo(1.5, 14);
    expect(lq[0][1]).toBeCloseTo(0.5, 14);
    expect(lq[1][0]).toBeCloseTo(2 / 3, 14);
    expect(lq[1][1]).toBeCloseTo(4 / 3, 14);
  });

  it('is 1 everywhere when every region has the zone structure', () => {
    // [[10,30],[20,60]]: both regions 25% / 75%, zone also 25% / 75%
    const lq = locationQuotients([
      [10, 30],
      [20, 60],
    ]);
    for (const row of lq) for (const v of row) expect(v).toBeCloseTo(1, 14);
  });

  it('gives 0 for a region or a sector without output', () => {
    // region 1 produces nothing; sector 2 is produced nowhere
    // region totals 80, 0, 20; sector totals [20+0+20, 60, 0] = [40, 60, 0]; zone 100
    // LQ(0,0) = (20/80)/(40/100) = 0.25/0.4 = 0.625
    // LQ(0,1) = (60/80)/(60/100) = 0.75/0.6 = 1.25
    // LQ(2,0) = (20/20)/(40/100) = 1/0.4 = 2.5;  LQ(2,1) = 0/... = 0
    const lq = locationQuotients([
      [20, 60, 0],
      [0, 0, 0],
      [20, 0, 0],
    ]);
    expect(lq[1]).toEqual([0, 0, 0]);
    expect(lq[0][2]).toBe(0);
    expect(lq[2][2]).toBe(0);
    expect(lq[0][0]).toBeCloseTo(0.625, 14);
    expect(lq[0][1]).toBeCloseTo(1.25, 14);
    expect(lq[2][0]).toBeCloseTo(2.5, 14);
    expect(lq[2][1]).toBe(0);
  });

  it('handles an empty table', () => {
    expect(locationQuotients([])).toEqual([]);
  });
});
