/**
 * Money and firm flows of the current step, reset at its start. These are the
 * ledgers behind the conservation checks: every yuan of a government budget ends
 * as a grant, a relocation offer, a fund payment or unspent; every yuan a fund
 * holds came from a commitment, a dividend or an exit.
 */
export interface StepFlows {
  budget: Float64Array;
  borrowing: Float64Array;
  grants: Float64Array;
  offersBudget: Float64Array;
  offersPaid: Float64Array;
  fundPaid: Float64Array;
  unspent: Float64Array;
  distributions: Float64Array;
  taxes: Float64Array;
  taxBase: Float64Array;
  relocationsIn: Float64Array;
  relocationsOut: Float64Array;
  entries: Float64Array;
  exits: Float64Array;
  fundInvestedByRegion: Float64Array;
  /** Per fund. */
  fundDividends: Float64Array;
  fundInvested: Float64Array;
  fundFees: Float64Array;
  fundCarry: Float64Array;
  fundDistributed: Float64Array;
  fundPrivatePaidIn: Float64Array;
  fundGovPaidIn: Float64Array;
  fundExitProceeds: Float64Array;
  fundWrittenOff: Float64Array;
  /** Per fund: scrap proceeds of exiting firms paid for its stakes. */
  fundScrap: Float64Array;
  /** Per fund: its stakes' part of firms' own reinvestment (profit it earned and left in the firm). */
  fundReinvest: Float64Array;
  /** Per fund: distributions to its private (outside) partners. */
  fundPrivateDistributed: Float64Array;
  /**
   * Ownership accounts (docs/ODD.md 7.16). By location: wages (f K) and
   * written-off capital. By home region: residents' share of after-tax profit,
   * of own reinvestment, of entrants' founding capital, of scrap proceeds, and
   * of firm capital at the end of the step.
   */
  wages: Float64Array;
  writtenOff: Float64Array;
  residentProfit: Float64Array;
  residentReinvest: Float64Array;
  residentEntry: Float64Array;
  residentScrap: Float64Array;
  residentCapital: Float64Array;
  /** Outside owners' share of after-tax profit, of own reinvestment and of scrap proceeds; outside finance of entrants. */
  outsideProfit: number;
  outsideReinvest: number;
  outsideScrap: number;
  outsideEntry: number;
  /** Scrap bought by outside (exitRecovery x book value of exiting firms). */
  scrapSold: number;
  /** Zone firm-capital ledger. */
  capitalStart: number;
  depreciation: number;
  ownInvestment: number;
  grantInvestment: number;
  offerInvestment: number;
  fundInvestment: number;
  entrantCapital: number;
  relocationLoss: number;
  exitedCapital: number;
}

export function createFlows(regions: number, funds: number): StepFlows {
  const r = () => new Float64Array(regions);
  const f = () => new Float64Array(funds);
  return {
    budget: r(), borrowing: r(), grants: r(), offersBudget: r(), offersPaid: r(), fundPaid: r(), unspent: r(),
    distributions: r(), taxes: r(), taxBase: r(), relocationsIn: r(), relocationsOut: r(), entries: r(), exits: r(),
    fundInvestedByRegion: r(),
    fundDividends: f(), fundInvested: f(), fundFees: f(), fundCarry: f(), fundDistributed: f(), fundPrivatePaidIn: f(),
    fundGovPaidIn: f(), fundExitProceeds: f(), fundWrittenOff: f(), fundScrap: f(), fundReinvest: f(), fundPrivateDistributed: f(),
    wages: r(), writtenOff: r(), residentProfit: r(), residentReinvest: r(), residentEntry: r(), residentScrap: r(), residentCapital: r(),
    outsideProfit: 0, outsideReinvest: 0, outsideScrap: 0, outsideEntry: 0, scrapSold: 0,
    capitalStart: 0, depreciation: 0, ownInvestment: 0, grantInvestment: 0, offerInvestment: 0, fundInvestment: 0,
    entrantCapital: 0, relocationLoss: 0, exitedCapital: 0,
  };
}
