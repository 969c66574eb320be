/**
 * Fund performance measures. Cash flows are yearly amounts seen by the limited
 * partners: negative when they pay in, positive when the fund distributes.
 */

/** Total value to paid-in: (distributions + residual value) / paid-in. */
export function totalValueToPaidIn(paidIn: number, distributions: number, residualValue: number): number {
  return paidIn > 0 ? (distributions + residualValue) / paidIn : 0;
}

function netPresentValue(flows: ArrayLike<number>, rate: number): number {
  let npv = 0;
  let discount = 1;
  for (let t = 0; t < flows.length; t++) {
    npv += flows[t] / discount;
    discount *= 1 + rate;
  }
  return npv;
}

/**
 * Internal rate of return of yearly flows (the residual value added to the last
 * flow by the caller), found by bisection on [-0.99, 10]. NaN when the flows do
 * not change sign, since no rate then exists.
 */
export function internalRateOfReturn(flows: ArrayLike<number>): number {
  let hasNegative = false;
  let hasPositive = false;
  for (let t = 0; t < flows.length; t++) {
    if (flows[t] < 0) hasNegative = true;
    if (flows[t] > 0) hasPositive = true;
  }
  if (!hasNegative || !hasPositive) return Number.NaN;
  let low = -0.99;
  let high = 10;
  let npvLow = netPresentValue(flows, low);
  const npvHigh = netPresentValue(flows, high);
  if (Math.sign(npvLow) === Math.sign(npvHigh)) return Number.NaN;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    const npvMid = netPresentValue(flows, mid);
    if (Math.abs(npvMid) < 1e-12 || high - low < 1e-12) return mid;
    if (Math.sign(npvMid) === Math.sign(npvLow)) {
      low = mid;
      npvLow = npvMid;
    } else {
      high = mid;
    }
  }
  return (low + high) / 2;
}
