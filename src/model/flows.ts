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
  /**
   * Per region: the private (outside) partners' part of the fund money placed in
   * the region's firms, each vintage's investment times its private share of paid-in
   * (the leverage the fund brings in; docs/ODD.md 7.13).
   */
  fundOutsideInvestedByRegion: Float64Array;
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
   * Per fund: its stakes' part of the grants and relocation offers paid to the
   * firms it holds (share x amount): capital the firms received without issuing
   * shares, which raises the book value of the stakes (docs/ODD.md 7.13).
   */
  fundGrants: Float64Array;
  /** Per fund: its stakes' part of the capital lost in relocation moves (written off where it stood). */
  fundRelocationLoss: Float64Array;
  /** Per fund: the part of its exit proceeds paid for grant-financed book value. */
  fundExitGrantProceeds: Float64Array;
  /** Per fund: the part of its scrap proceeds (fundScrap) paid for grant-financed book value. */
  fundScrapGrants: Float64Array;
  /** Per fund: the part of its distributions to partners that came from grant-financed exit proceeds (pro rata to the payout, after carry). */
  fundDistributedGrants: Float64Array;
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
  /**
   * Side payments between governments (docs/ODD.md 7.17): what each paid to the
   * others and what each received from them this step.
   */
  sidePaymentsPaid: Float64Array;
  sidePaymentsReceived: Float64Array;
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
    fundInvestedByRegion: r(), fundOutsideInvestedByRegion: r(),
    fundDividends: f(), fundInvested: f(), fundFees: f(), fundCarry: f(), fundDistributed: f(), fundPrivatePaidIn: f(),
    fundGovPaidIn: f(), fundExitProceeds: f(), fundWrittenOff: f(), fundScrap: f(), fundReinvest: f(), fundPrivateDistributed: f(),
    fundGrants: f(), fundRelocationLoss: f(), fundExitGrantProceeds: f(), fundScrapGrants: f(), fundDistributedGrants: f(),
    wages: r(), writtenOff: r(), residentProfit: r(), residentReinvest: r(), residentEntry: r(), residentScrap: r(), residentCapital: r(),
    sidePaymentsPaid: r(), sidePaymentsReceived: r(),
    outsideProfit: 0, outsideReinvest: 0, outsideScrap: 0, outsideEntry: 0, scrapSold: 0,
    capitalStart: 0, depreciation: 0, ownInvestment: 0, grantInvestment: 0, offerInvestment: 0, fundInvestment: 0,
    entrantCapital: 0, relocationLoss: 0, exitedCapital: 0,
  };
}
