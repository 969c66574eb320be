/**
 * Steps 4 and 7 of the schedule: the guidance funds invest, then book returns.
 *
 * Each year's paid-in commitments are a vintage with its own investment period
 * and life. A vintage deploys `deployRate` of its undeployed cash a year into the
 * best-scoring firms, at most `capPerFirm` of a firm's capital, while keeping
 * enough cash for its re-investment obligations to the other regions (docs/ODD.md 7.4:
 * comparing one tranche with all vintages' obligations starves the smaller
 * region, so the check is per vintage). Stakes are bought at book value.
 */
import type { FundParams } from './config.js';
import { fundIsOpen } from './government.js';
import { visitBestFirms } from './fund-selection.js';
import { createTranches, place } from './fund-tranches.js';
import { governmentPart } from './fund-sharing.js';
import type { Simulation } from './simulation-state.js';
import { updateState, type VintageState } from './state.js';
import { chainScores } from './chain-scores.js';

/**
 * Scale so that obligations never exceed what the vintage holds; under a region
 * cap (below 1), no obligation asks for more than the cap could ever let the
 * region hold, `cap x paid-in` (docs/ODD.md 7.4: the cap outranks the requirement).
 */
function obligations(v: VintageState, rho: number[], cap: number | null): number[] {
  const total = v.paidInGov.reduce((a, b) => a + b, 0) + v.privatePaidIn;
  const wanted = v.paidInGov.map((c, r) => rho[r] * c);
  const sum = wanted.reduce((a, b) => a + b, 0);
  const scale = sum > total && sum > 0 ? total / sum : 1;
  return wanted.map((w, r) => Math.max(0, (cap === null ? w * scale : Math.min(w * scale, cap * total)) - v.investedByRegion[r]));
}

/** The region cap in force (null: none, a cap of 1 or more). */
function regionCapOf(fund: FundParams): number | null {
  return fund.regionCap < 1 ? Math.max(0, fund.regionCap) : null;
}

/**
 * Most each vintage may place in each region this step under the region cap:
 * cap x (invested so far + this year's tranche) - invested there so far, so
 * that when the tranche is placed in full no region holds more than the cap's
 * share of what the vintage has invested.
 */
function capRooms(vintages: VintageState[], tranches: number[], cap: number): number[][] {
  return vintages.map((v, i) => {
    const planned = v.investedByRegion.reduce((a, b) => a + b, 0) + tranches[i];
    return v.investedByRegion.map((held) => Math.max(0, cap * planned - held));
  });
}

export function investFunds(sim: Simulation): void {
  const { firms, flows, sectorCount: K, regionCount: R } = sim;
  sim.state.params.funds.forEach((fund, f) => {
    if (!fundIsOpen(sim, f)) return;
    const vintages = sim.state.funds[f].vintages;
    const open = vintages
      .map((v, index) => ({ v, index }))
      .filter(({ v }) => !v.closed && sim.state.step - v.step < fund.investmentPeriod && v.cash > 0);
    if (open.length === 0) return;
    const cap = regionCapOf(fund);
    const wanted = open.map(({ v }) => fund.deployRate * v.cash);
    const tranches = createTranches(
      wanted,
      open.map(({ v }) => v.cash),
      open.map(({ v }) => obligations(v, fund.reinvestment, cap)),
      R,
      cap === null ? null : capRooms(open.map(({ v }) => v), wanted, cap),
    );
    if (tranches.left <= 0 || !tranches.anyHeadroom) return;

    const chain = chainScores(sim, fund, sim.scratch.fundSelections[f].statedChain);
    const { capital, region, sector } = firms;
    const share = firms.fundShare[f];
    visitBestFirms(sim, fund, sim.scratch.fundSelections[f], chain, (i) => {
      const s = region[i];
      // Firms of a region no vintage can place money in are passed over at once.
      if (!(tranches.headroom[s] > 0)) return true;
      const placed = place(tranches, s, fund.capPerFirm * capital[i]);
      if (placed > 0) {
        // New shares at book value: every other owner is diluted in proportion
        // (home residents hold the rest, so their share falls with these two).
        const dilution = capital[i] / (capital[i] + placed);
        share[i] = (share[i] * capital[i] + placed) / (capital[i] + placed);
        firms.outsideShare[i] *= dilution;
        for (let g = 0; g < firms.fundShare.length; g++) if (g !== f) firms.fundShare[g][i] *= dilution;
        firms.fundIn[i] += placed;
        flows.fundInvested[f] += placed;
        flows.fundInvestedByRegion[s] += placed;
        sim.cells.fundIn[s * K + sector[i]] += placed;
        if (!tranches.anyHeadroom) return false; // nothing can be placed anywhere any more
      }
      return tranches.left > 1e-12;
    });
    sim.state = updateState(sim.state, sim.log, `fund-invest:${fund.name}`, (draft) => {
      open.forEach(({ index }, v) => {
        const invested = tranches.invested.subarray(v * R, (v + 1) * R);
        const total = invested.reduce((a, b) => a + b, 0);
        if (total <= 0) return;
        const dv = draft.funds[f].vintages[index];
        dv.cash -= total;
        dv.costHeld += total;
        for (let r = 0; r < R; r++) dv.investedByRegion[r] += invested[r];
        // The private partners' part of the money placed: leverage brought from outside (read on the base state).
        const base = open[v].v;
        const paidIn = base.paidInGov.reduce((a, b) => a + b, 0) + base.privatePaidIn;
        if (paidIn > 0) for (let r = 0; r < R; r++) flows.fundOutsideInvestedByRegion[r] += (invested[r] * base.privatePaidIn) / paidIn;
      });
    });
  });
}

/**
 * Step 7: dividends reach vintages pro rata to cost held; fees are paid; a
 * vintage ending its investment period returns undeployed cash; one ending its
 * life sells its stakes to outside buyers at `exitPriceToBook` times their book
 * value (the fund-wide value-to-cost ratio), and the stakes become outside-owned;
 * scrap proceeds of exited firms count as income like dividends;
 * distributions go to government and private partners pro rata, after carried
 * interest on gains beyond returned capital (the governments' part shared by
 * `distributionSharing`, fund-sharing.ts). The grant-financed part of the
 * stakes sold, and of the payouts, is tallied apart for the ex-grant measures.
 */
export function bookFundReturns(sim: Simulation): void {
  const { flows, regionCount: R } = sim;
  sim.state.params.funds.forEach((fund, f) => {
    const state = sim.state.funds[f];
    if (state.vintages.length === 0) return;
    const step = sim.state.step;
    const costTotal = state.vintages.reduce((a, v) => a + (v.closed ? 0 : v.costHeld), 0);
    const exiting = state.vintages.map((v) => !v.closed && step - v.step + 1 >= fund.life);
    const exitCost = state.vintages.reduce((a, v, i) => a + (exiting[i] ? v.costHeld : 0), 0);
    let nav = 0;
    // Grant-financed part of the stakes' book value before any is sold (docs/ODD.md 7.13).
    const navGrants = sim.end.navGrants[f];
    if (exitCost > 0) {
      nav = sim.end.nav[f];
      const keep = costTotal > 0 ? Math.max(0, 1 - exitCost / costTotal) : 0;
      // Rescale the stakes and tally the fund's new book value in the same pass
      // (summed in firm order from the stored float32 stakes, as a separate pass would).
      // The part sold passes to outside owners.
      const share = sim.firms.fundShare[f];
      const { capital, outsideShare } = sim.firms;
      let rescaled = 0;
      for (let i = 0; i < sim.firms.count; i++) {
        const before = share[i];
        if (before === 0) continue;
        share[i] *= keep;
        outsideShare[i] += before - share[i];
        rescaled += share[i] * capital[i];
      }
      sim.end.nav[f] = rescaled;
      sim.end.navGrants[f] = navGrants * keep; // the part sold leaves with the stakes
    }
    const priceToBook = fund.exitPriceToBook;
    const dividends = flows.fundDividends[f] + flows.fundScrap[f];
    const grantIncomeShare = dividends > 0 ? flows.fundScrapGrants[f] / dividends : 0;
    sim.state = updateState(sim.state, sim.log, `fund-returns:${fund.name}`, (draft) => {
      // Closed vintages are looked at on the (plain) base state: reading them
      // from the draft would make immer build a proxy for each, every year.
      // The open ones are drafted first, in order, as a full scan would (so the
      // event log lists the patches in the same order).
      const drafts = draft.funds[f].vintages;
      const vintages = state.vintages.map((base, i) => (base.closed ? null : drafts[i]));
      const openCount = vintages.filter((v) => v !== null).length;
      vintages.forEach((v, i) => {
        if (v === null) return;
        const age = step - v.step;
        const paidIn = v.paidInGov.reduce((a, b) => a + b, 0) + v.privatePaidIn;
        // Dividend income pro rata to cost held (all to open vintages evenly if nothing is held).
        const income = costTotal > 0 ? (dividends * v.costHeld) / costTotal : dividends / Math.max(1, openCount);
        // What grants paid for in this payout: the grant-financed part of scrap and exit proceeds.
        let grantPart = income * grantIncomeShare;
        const feeBase = age < fund.investmentPeriod ? paidIn : v.costHeld;
        const fee = Math.min(v.cash + income, fund.managementFee * feeBase);
        let available = income - fee;
        let cash = v.cash;
        if (available < 0) {
          cash += available;
          available = 0;
        }
        v.fees += fee;
        flows.fundFees[f] += fee;
        let uninvested = 0; // undeployed cash in this payout (shared by paid-in under either sharing rule)
        if (age + 1 >= fund.investmentPeriod && !exiting[i]) {
          available += cash; // end of the investment period: undeployed capital goes back
          uninvested += cash;
          cash = 0;
        }
        if (exiting[i]) {
          const proceeds = costTotal > 0 ? (priceToBook * v.costHeld * nav) / costTotal : 0;
          const grantProceeds = costTotal > 0 ? (priceToBook * v.costHeld * navGrants) / costTotal : 0;
          flows.fundExitProceeds[f] += proceeds;
          flows.fundExitGrantProceeds[f] += grantProceeds;
          grantPart += grantProceeds;
          available += cash + proceeds;
          uninvested += cash;
          cash = 0;
          v.costHeld = 0;
          v.closed = true;
        }
        v.cash = cash;
        if (available <= 0) return;
        const before = v.distributedPrivate + v.distributedGov.reduce((a, b) => a + b, 0) + v.carry;
        const gain = Math.max(0, before + available - Math.max(paidIn, before));
        const carry = fund.carry * gain;
        const toPartners = available - carry;
        v.carry += carry;
        flows.fundCarry[f] += carry;
        flows.fundDistributed[f] += toPartners;
        for (let r = 0; r < R; r++) {
          const part = paidIn > 0 ? governmentPart(v, fund.distributionSharing, toPartners, uninvested / available, paidIn, r) : 0;
          v.distributedGov[r] += part;
          flows.distributions[r] += part;
        }
        const toPrivate = paidIn > 0 ? (toPartners * v.privatePaidIn) / paidIn : 0;
        v.distributedPrivate += toPrivate;
        flows.fundPrivateDistributed[f] += toPrivate;
        // Partners receive the grant-financed part pro rata to the payout (carry taken from both alike).
        flows.fundDistributedGrants[f] += (toPartners * Math.min(grantPart, available)) / available;
      });
    });
  });
}
