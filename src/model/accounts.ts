/**
 * The ownership accounts of one step as a ledger (docs/ODD.md 7.16): every flow
 * of money, with what its payers paid and what its payees received, each side
 * tallied from its own sums (the payer side from the firm, government or fund
 * totals, the payee side from the owners' parts). A flow is booked once as a
 * payment and once as a receipt, so over all accounts receipts less payments
 * is zero; the conservation test checks exactly that.
 *
 * Accounts: residents of each region, government of each region, each fund,
 * outside (the rest of China and the world), and the firms themselves (whose
 * net receipts are the investment that adds to their capital).
 */
import type { Simulation } from './simulation-state.js';

export interface AccountFlow {
  name: string;
  /** Per account (see `accountNames`): amounts paid and received by this flow. */
  paid: Float64Array;
  received: Float64Array;
}

/** Account names: `residents:<region>`, `government:<region>`, `fund:<name>`, `outside`, `firms`. */
export function accountNames(sim: Simulation): string[] {
  const regions = sim.config.regions.map((r) => r.id);
  return [
    ...regions.map((id) => `residents:${id}`),
    ...regions.map((id) => `government:${id}`),
    ...sim.config.funds.map((f) => `fund:${f.name}`),
    'outside',
    'firms',
  ];
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

/** The step's flows between accounts, from `sim.flows` and the cell tables, after the step has run. */
export function bookAccounts(sim: Simulation): AccountFlow[] {
  const { flows, cells, regionCount: R } = sim;
  const F = sim.config.funds.length;
  const n = 2 * R + F + 2;
  const residents = (r: number) => r;
  const government = (r: number) => R + r;
  const fund = (f: number) => 2 * R + f;
  const outside = 2 * R + F;
  const firms = outside + 1;
  const ledger: AccountFlow[] = [];
  const flow = (name: string, book: (pay: (account: number, x: number) => void, receive: (account: number, x: number) => void) => void) => {
    const entry = { name, paid: new Float64Array(n), received: new Float64Array(n) };
    book(
      (a, x) => (entry.paid[a] += x),
      (a, x) => (entry.received[a] += x),
    );
    ledger.push(entry);
  };
  const operating = sum(cells.profit);
  const taxes = sum(flows.taxes);
  flow('value added (sales less bought-in inputs)', (pay, receive) => {
    pay(outside, sum(cells.valueAdded));
    receive(firms, sum(cells.valueAdded));
  });
  flow('wages', (pay, receive) => {
    pay(firms, sum(cells.valueAdded) - operating);
    for (let r = 0; r < R; r++) receive(residents(r), flows.wages[r]);
  });
  flow('taxes', (pay, receive) => {
    pay(firms, taxes);
    for (let r = 0; r < R; r++) receive(government(r), flows.taxes[r]);
  });
  flow('after-tax profit', (pay, receive) => {
    pay(firms, operating - taxes);
    for (let r = 0; r < R; r++) receive(residents(r), flows.residentProfit[r]);
    for (let f = 0; f < F; f++) receive(fund(f), flows.fundDividends[f] + flows.fundReinvest[f]);
    receive(outside, flows.outsideProfit);
  });
  flow('own reinvestment', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(residents(r), flows.residentReinvest[r]);
    for (let f = 0; f < F; f++) pay(fund(f), flows.fundReinvest[f]);
    pay(outside, flows.outsideReinvest);
    receive(firms, flows.ownInvestment);
  });
  flow('grants', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(government(r), flows.grants[r]);
    receive(firms, flows.grantInvestment);
  });
  flow('relocation offers', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(government(r), flows.offersPaid[r]);
    receive(firms, flows.offerInvestment);
  });
  flow('fund payments (government paid-in)', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(government(r), flows.fundPaid[r]);
    for (let f = 0; f < F; f++) receive(fund(f), flows.fundGovPaidIn[f]);
  });
  flow('private paid-in', (pay, receive) => {
    pay(outside, sum(flows.fundPrivatePaidIn));
    for (let f = 0; f < F; f++) receive(fund(f), flows.fundPrivatePaidIn[f]);
  });
  flow('fund investment', (pay, receive) => {
    for (let f = 0; f < F; f++) pay(fund(f), flows.fundInvested[f]);
    receive(firms, flows.fundInvestment);
  });
  flow('management fees and carry', (pay, receive) => {
    for (let f = 0; f < F; f++) pay(fund(f), flows.fundFees[f] + flows.fundCarry[f]);
    receive(outside, sum(flows.fundFees) + sum(flows.fundCarry));
  });
  flow('fund distributions', (pay, receive) => {
    for (let f = 0; f < F; f++) pay(fund(f), flows.fundDistributed[f]);
    for (let r = 0; r < R; r++) receive(government(r), flows.distributions[r]);
    receive(outside, sum(flows.fundPrivateDistributed));
  });
  flow('side payments between governments', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(government(r), flows.sidePaymentsPaid[r]);
    for (let r = 0; r < R; r++) receive(government(r), flows.sidePaymentsReceived[r]);
  });
  flow('fund exits (stakes sold to outside buyers)', (pay, receive) => {
    pay(outside, sum(flows.fundExitProceeds));
    for (let f = 0; f < F; f++) receive(fund(f), flows.fundExitProceeds[f]);
  });
  flow('entrants\' founding capital', (pay, receive) => {
    for (let r = 0; r < R; r++) pay(residents(r), flows.residentEntry[r]);
    pay(outside, flows.outsideEntry);
    receive(firms, flows.entrantCapital);
  });
  flow('scrap bought by outside', (pay, receive) => {
    pay(outside, flows.scrapSold);
    receive(firms, flows.scrapSold);
  });
  flow('scrap proceeds to owners', (pay, receive) => {
    pay(firms, flows.scrapSold);
    for (let r = 0; r < R; r++) receive(residents(r), flows.residentScrap[r]);
    for (let f = 0; f < F; f++) receive(fund(f), flows.fundScrap[f]);
    receive(outside, flows.outsideScrap);
  });
  return ledger;
}
