/**
 * The guidance funds' ledgers over the run so far, which the fund metrics
 * (TVPI, DPI, IRR) read: it persists from step to step (Simulation.fundHistory).
 */
export interface FundHistory {
  /** Partners' net flow per step (negative paid in, positive distributed), all funds. */
  flows: number[];
  /** The same without the grant-financed part of distributions (docs/ODD.md 7.13). */
  flowsExGrants: number[];
  committed: number;
  privateCommitted: number;
  invested: number;
  distributed: number;
  /** Part of `distributed` that grants and relocation offers paid for. */
  distributedGrants: number;
  fees: number;
}

export function createFundHistory(): FundHistory {
  return { flows: [], flowsExGrants: [], committed: 0, privateCommitted: 0, invested: 0, distributed: 0, distributedGrants: 0, fees: 0 };
}
