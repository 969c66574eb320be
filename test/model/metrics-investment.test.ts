import { describe, expect, it } from 'vitest';
import { duplicatedInvestment } from '../../src/model/metrics/investment.js';

describe('duplicatedInvestment', () => {
  it('counts half as duplicated when two regions invest equally in one sector', () => {
    // sector 0: sum 10+10 = 20, max 10 -> overlap 10; sector 1: nothing
    // share = 10 / 20 = 0.5
    const d = duplicatedInvestment(
      [
        [10, 0],
        [10, 0],
      ],
      [false, false],
    );
    expect(d.amount).toBe(10);
    expect(d.share).toBe(0.5);
    expect(d.bySector).toEqual([10, 0]);
    expect(d.intoOvercapacity).toBe(0);
    expect(d.intoOvercapacityShare).toBe(0);
  });

  it('is 0 when each sector has only one investing region', () => {
    // sector 0 only region 0, sector 1 only region 1
    const d = duplicatedInvestment(
      [
        [10, 0],
        [0, 5],
      ],
      [true, true],
    );
    expect(d.amount).toBe(0);
    expect(d.share).toBe(0);
    expect(d.bySector).toEqual([0, 0]);
    expect(d.intoOvercapacity).toBe(0);
  });

  it('is 0 with a single region', () => {
    const d = duplicatedInvestment([[3, 4, 5]], [true, true, true]);
    expect(d.amount).toBe(0);
    expect(d.share).toBe(0);
  });

  it('sums the overlap over three regions, with the overcapacity variant', () => {
    // I = [[10,4,0],[6,4,0],[2,8,3]]
    // k0: sum 18, max 10 -> 8;  k1: sum 16, max 8 -> 8;  k2: sum 3, max 3 -> 0
    // amount 16, total 18+16+3 = 37, share 16/37
    // overcapacity [true,false,true] -> into overcapacity 8 + 0 = 8, share 8/37
    const d = duplicatedInvestment(
      [
        [10, 4, 0],
        [6, 4, 0],
        [2, 8, 3],
      ],
      [true, false, true],
    );
    expect(d.bySector).toEqual([8, 8, 0]);
    expect(d.amount).toBe(16);
    expect(d.share).toBeCloseTo(16 / 37, 15);
    expect(d.intoOvercapacity).toBe(8);
    expect(d.intoOvercapacityShare).toBeCloseTo(8 / 37, 15);
  });

  it('accepts 0/1 flags for overcapacity', () => {
    // same table; overcapacity only in sector 1 -> 8 of 37
    const d = duplicatedInvestment(
      [
        [10, 4, 0],
        [6, 4, 0],
        [2, 8, 3],
      ],
      new Uint8Array([0, 1, 0]),
    );
    expect(d.intoOvercapacity).toBe(8);
    expect(d.intoOvercapacityShare).toBeCloseTo(8 / 37, 15);
  });

  it('counts three equal investors as two thirds duplicated', () => {
    // 3 regions x 6 in one sector: sum 18, max 6 -> overlap 12, share 12/18 = 2/3
    const d = duplicatedInvestment([[6], [6], [6]], [true]);
    expect(d.amount).toBe(12);
    expect(d.share).toBeCloseTo(2 / 3, 15);
    expect(d.intoOvercapacityShare).toBeCloseTo(2 / 3, 15);
  });

  it('gives zeros when nothing is invested', () => {
    const d = duplicatedInvestment(
      [
        [0, 0],
        [0, 0],
      ],
      [true, true],
    );
    expect(d).toEqual({ amount: 0, share: 0, intoOvercapacity: 0, intoOvercapacityShare: 0, bySector: [0, 0] });
    expect(duplicatedInvestment([], []).amount).toBe(0);
  });
});
