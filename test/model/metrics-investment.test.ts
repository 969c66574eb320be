/** Expansion investment, its duplication, and waste judged as the years pass, against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { expansionInvestment } from '../../src/model/metrics/investment.js';
import { createWasteTracker, judgeWaste } from '../../src/model/metrics/waste.js';

describe('expansionInvestment', () => {
  it('counts only investment beyond replacement, and half as duplicated when two regions expand one sector equally', () => {
    // delta 0.1. Sector 0: both regions invest 20 on capital 100 -> expansion 10 each; overlap 10 of 20.
    // Sector 1: region 0 invests 5 on capital 100 (replacement 10): no expansion; region 1 invests 8 on 30 -> 5.
    const e = expansionInvestment(
      [
        [20, 5],
        [20, 8],
      ],
      [
        [100, 100],
        [100, 30],
      ],
      0.1,
    );
    expect(e.bySector).toEqual([20, 5]);
    expect(e.expansion).toBe(25);
    expect(e.duplicatedBySector).toEqual([10, 0]);
    expect(e.duplicated).toBe(10);
    expect(e.duplicatedShare).toBeCloseTo(0.4, 15);
  });

  it('is never duplicated when only one region expands a sector, however much the other reinvests', () => {
    const e = expansionInvestment([[50], [9]], [[100], [100]], 0.1); // region 1 only replaces (9 < 10)
    expect(e.duplicated).toBe(0);
    expect(e.expansion).toBe(40);
  });

  it('has a zero share without expansion', () => {
    expect(expansionInvestment([[1]], [[100]], 0.1).duplicatedShare).toBe(0);
  });
});

describe('judgeWaste', () => {
  it('judges duplicated expansion when its capacity comes on line, a year after it was made', () => {
    const tracker = createWasteTracker(2, 3);
    // Year 0: duplicated expansion 4 in sector 0 and 1 in sector 1; sector 0 is already in overcapacity, but this year's overlap is judged next year.
    expect(judgeWaste(tracker, [true, false], [10, 5], [4, 1]).duplicatedIntoOvercapacity).toBe(0);
    // Year 1: sector 1 in overcapacity when the capacity comes on line: 1 counts, sector 0's 4 does not.
    expect(judgeWaste(tracker, [false, true], [0, 0], [0, 0]).duplicatedIntoOvercapacity).toBe(1);
  });

  it('counts an expansion as wasted when its sector enters overcapacity within the horizon, reported when the window closes', () => {
    const tracker = createWasteTracker(2, 2);
    const none = [false, false];
    // Year 0: expansion 10 in sector 0 and 6 in sector 1.
    expect(judgeWaste(tracker, none, [10, 6], [0, 0])).toEqual({ duplicatedIntoOvercapacity: 0, judgedExpansion: 0, wastedExpansion: 0 });
    // Year 1: expansion 3 in sector 0; nothing judged yet (the first window closes at year 2).
    expect(judgeWaste(tracker, none, [3, 0], [0, 0]).judgedExpansion).toBe(0);
    // Year 2: sector 1 in overcapacity: year 0's window (years 1 and 2) closes: its 6 in sector 1 is wasted, its 10 in sector 0 is not.
    expect(judgeWaste(tracker, [false, true], [0, 0], [0, 0])).toEqual({ duplicatedIntoOvercapacity: 0, judgedExpansion: 16, wastedExpansion: 6 });
    // Year 3: sector 0 in overcapacity: year 1's window (years 2 and 3) closes: its 3 in sector 0 is wasted.
    expect(judgeWaste(tracker, [true, false], [0, 0], [0, 0])).toEqual({ duplicatedIntoOvercapacity: 0, judgedExpansion: 3, wastedExpansion: 3 });
  });

  it('does not count overcapacity in the year the expansion was made, only the years after', () => {
    const tracker = createWasteTracker(1, 1);
    judgeWaste(tracker, [true], [5], [0]);
    expect(judgeWaste(tracker, [false], [0], [0])).toEqual({ duplicatedIntoOvercapacity: 0, judgedExpansion: 5, wastedExpansion: 0 });
  });
});
