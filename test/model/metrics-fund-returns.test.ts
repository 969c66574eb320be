import { describe, expect, it } from 'vitest';
import { internalRateOfReturn, totalValueToPaidIn } from '../../src/model/metrics/fund-returns.js';

describe('totalValueToPaidIn', () => {
  it('is (distributions + residual) / paid-in', () => {
    // (30 + 90) / 100 = 1.2
    expect(totalValueToPaidIn(100, 30, 90)).toBeCloseTo(1.2, 15);
    // (0 + 50) / 200 = 0.25
    expect(totalValueToPaidIn(200, 0, 50)).toBe(0.25);
  });

  it('is 0 before anything is paid in', () => {
    expect(totalValueToPaidIn(0, 10, 10)).toBe(0);
  });
});

describe('internalRateOfReturn', () => {
  it('[-100, 110] -> 10%', () => {
    // -100 + 110/(1+r) = 0 -> r = 0.1
    expect(internalRateOfReturn([-100, 110])).toBeCloseTo(0.1, 9);
  });

  it('[-100, 0, 121] -> 10%', () => {
    // (1+r)^2 = 1.21 -> r = 0.1
    expect(internalRateOfReturn([-100, 0, 121])).toBeCloseTo(0.1, 9);
  });

  it('[-100, 50, 60] solves the quadratic', () => {
    // -100 + 50 v + 60 v^2 = 0 with v = 1/(1+r)
    // v = (-5 + sqrt(25 + 240)) / 12 = (sqrt(265) - 5) / 12
    // 1+r = 12 / (sqrt(265) - 5) = (sqrt(265) + 5) / 20  ->  r = (sqrt(265) - 15) / 20 = 0.0639410298...
    const expected = (Math.sqrt(265) - 15) / 20;
    expect(Math.abs(internalRateOfReturn([-100, 50, 60]) - expected)).toBeLessThan(1e-9);
  });

  it('a bond at par returns its coupon', () => {
    // 10/1.1 + 10/1.21 + 110/1.331 = 9.0909 + 8.2645 + 82.6446 = 100
    expect(internalRateOfReturn([-100, 10, 10, 110])).toBeCloseTo(0.1, 9);
  });

  it('finds negative rates', () => {
    // -100 + 50/(1+r) = 0 -> r = -0.5
    expect(internalRateOfReturn([-100, 50])).toBeCloseTo(-0.5, 9);
    // -100 + 100/(1+r) = 0 -> r = 0
    expect(Math.abs(internalRateOfReturn([-100, 100]))).toBeLessThan(1e-9);
  });

  it('handles paying in over several years', () => {
    // [-50, -50, 0, 133.1]: at 10%, -50 - 50/1.1 + 133.1/1.331 = -50 - 45.4545 + 100 = 4.55 > 0,
    // so the rate is above 10%; check the NPV at the returned rate is ~0 and r is in (0.1, 0.2)
    const r = internalRateOfReturn([-50, -50, 0, 133.1]);
    const npv = -50 - 50 / (1 + r) + 133.1 / (1 + r) ** 3;
    expect(Math.abs(npv)).toBeLessThan(1e-8);
    expect(r).toBeGreaterThan(0.1);
    expect(r).toBeLessThan(0.2);
  });

  it('is NaN when the flows do not change sign', () => {
    expect(internalRateOfReturn([-100, -10])).toBeNaN();
    expect(internalRateOfReturn([100, 10])).toBeNaN();
    expect(internalRateOfReturn([-100, 0, 0])).toBeNaN();
    expect(internalRateOfReturn([0, 0])).toBeNaN();
    expect(internalRateOfReturn([])).toBeNaN();
  });
});
