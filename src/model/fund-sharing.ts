/**
 * How a vintage's money is shared among its government partners
 * (`fund.distributionSharing`, docs/ODD.md 7.13). The private partners always
 * get their paid-in share; the governments' part, `govPaidIn / paidIn` of the
 * amount, is split
 *
 *   paid-in    pro rata to what each government paid into the vintage;
 *   invested   the part that was never invested (undeployed cash going back)
 *              pro rata to paid-in, the rest (income, exit proceeds, stakes)
 *              pro rata to where the vintage invested, investedByRegion.
 *
 * A vintage that has invested nothing shares by paid-in under either rule.
 * Distributions (fund.ts) and the governments' share of fund value in resident
 * wealth (record.ts) both use this, so wealth and payouts follow one rule.
 */
import type { DistributionSharing } from './config.js';
import type { VintageState } from './state.js';

/**
 * Government r's part of `amount` paid out of (or held by) vintage `v`, of which
 * the share `uninvested` is undeployed cash; `paidIn` is the vintage's whole
 * paid-in (governments and private partners).
 */
export function governmentPart(v: VintageState, sharing: DistributionSharing, amount: number, uninvested: number, paidIn: number, r: number): number {
  if (sharing === 'invested') {
    let invested = 0;
    for (const x of v.investedByRegion) invested += x;
    if (invested > 0) {
      let gov = 0;
      for (const x of v.paidInGov) gov += x;
      const byPaidIn = gov > 0 ? v.paidInGov[r] / gov : 0;
      const u = Math.min(1, Math.max(0, uninvested));
      return ((amount * gov) / paidIn) * (u * byPaidIn + (1 - u) * (v.investedByRegion[r] / invested));
    }
  }
  return (amount * v.paidInGov[r]) / paidIn;
}
