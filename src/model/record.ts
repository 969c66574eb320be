/**
 * Step 8 of the schedule: metrics are recorded. Produces one StepRecord holding
 * every metric of the registry (values by region, by pair or for the zone), the
 * cell table (output, capital, firms, LQ) and the sector markets.
 */
import { STRATEGY_CODE } from './config.js';
import { expansionInvestment } from './metrics/investment.js';
import { judgeWaste } from './metrics/waste.js';
import { findChainClusters, findClusters } from './metrics/clusters.js';
import { herfindahlIndex, krugmanIndex, locationQuotients, similarityCoefficient, toShares } from './metrics/structure.js';
import { internalRateOfReturn, totalValueToPaidIn } from './metrics/fund-returns.js';
import type { Simulation } from './simulation-state.js';
import type { StepRecord } from './step-record.js';
import type { FundHistory } from './fund-history.js';
import { fiscalBalance, netSidePayments, residentIncome, residentInvestment } from './objective.js';
import { governmentPart } from './fund-sharing.js';

export type { StepRecord } from './step-record.js';

/** Region pairs in a fixed order: (0,1), (0,2), ..., (1,2), ... */
export function regionPairs(regionCount: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < regionCount; a++) for (let b = a + 1; b < regionCount; b++) pairs.push([a, b]);
  return pairs;
}

function matrix<T>(R: number, K: number, f: (r: number, k: number) => T): T[][] {
  return Array.from({ length: R }, (_, r) => Array.from({ length: K }, (_, k) => f(r, k)));
}

/**
 * Each government's part of its funds' net asset value: per vintage, cash plus
 * its pro-rata part of the stakes at book value (stakes are pooled, split by
 * cost held), shared as its distributions are (`distributionSharing`).
 */
export function governmentFundWealth(sim: Simulation): Float64Array {
  const wealth = new Float64Array(sim.regionCount);
  sim.state.funds.forEach((fund, f) => {
    const costTotal = fund.vintages.reduce((a, v) => a + (v.closed ? 0 : v.costHeld), 0);
    for (const v of fund.vintages) {
      if (v.closed) continue;
      const paidIn = v.paidInGov.reduce((a, b) => a + b, 0) + v.privatePaidIn;
      if (!(paidIn > 0)) continue;
      const value = v.cash + (costTotal > 0 ? (sim.end.nav[f] * v.costHeld) / costTotal : 0);
      const sharing = sim.state.params.funds[f].distributionSharing; // fund-sharing.ts: as its payouts are shared
      for (let r = 0; r < sim.regionCount; r++) wealth[r] += governmentPart(v, sharing, value, value > 0 ? v.cash / value : 1, paidIn, r);
    }
  });
  return wealth;
}

/** Resident wealth of each region now: its residents' share of its home firms' capital and its government's share of its funds. */
export function residentWealth(sim: Simulation): Float64Array {
  const wealth = governmentFundWealth(sim);
  for (let r = 0; r < sim.regionCount; r++) wealth[r] += sim.flows.residentCapital[r];
  return wealth;
}

/** `payoff` and `wealth` (resident wealth now) are the step's, worked out once by the step for the governments' objectives. */
export function recordStep(sim: Simulation, payoff: Float64Array, wealth: Float64Array): StepRecord {
  const history = sim.fundHistory;
  const { config, firms, market, cells, flows, sectorCount: K, regionCount: R } = sim;
  const metrics = config.metrics;
  // End-of-step cell tables, tallied by the investment and entry passes.
  const { end } = sim;
  const capital = matrix(R, K, (r, k) => end.capital[r * K + k]);
  const firmCount = matrix(R, K, (r, k) => end.count[r * K + k]);
  const techSum = end.regionTech;
  const firmsByRegion = end.regionCount;
  const output = matrix(R, K, (r, k) => cells.output[r * K + k]);
  const investment = matrix(
    R,
    K,
    (r, k) => cells.ownInvestment[r * K + k] + cells.grants[r * K + k] + cells.fundIn[r * K + k] + cells.offers[r * K + k],
  );
  // Expansion: gross investment from every source (entrants too) less replacement of this step's starting capital.
  const expansion = expansionInvestment(
    matrix(R, K, (r, k) => investment[r][k] + cells.entrantCapital[r * K + k]),
    matrix(R, K, (r, k) => cells.capital[r * K + k]),
    config.firms.depreciation,
  );
  const lq = locationQuotients(output);
  const clusters = findClusters(output, firmCount, lq, {
    minLocationQuotient: metrics.clusterLocationQuotient,
    minFirms: metrics.clusterMinFirms,
    minShare: metrics.clusterMinShare,
    chainThreshold: metrics.chainThreshold,
  });
  const chains = findChainClusters(clusters, config.inputOutput, metrics.chainThreshold);
  const shares = output.map((row) => toShares(row));
  const overcapacity = Array.from(market.utilization, (u, k) => market.capacity[k] > 0 && u < metrics.overcapacityThreshold);
  const waste = judgeWaste(sim.waste, overcapacity, expansion.bySector, expansion.duplicatedBySector);
  let idleCapital = 0;
  for (let k = 0; k < K; k++) {
    let sectorCapital = 0;
    for (let r = 0; r < R; r++) sectorCapital += cells.capital[r * K + k];
    idleCapital += (1 - market.utilization[k]) * sectorCapital;
  }
  const highTech = config.sectors.map((s) => s.techIntensity >= metrics.highTechThreshold);

  const region: Record<string, number[]> = {};
  const put = (name: string, f: (r: number) => number) => (region[name] = Array.from({ length: R }, (_, r) => f(r)));
  const sumRow = (row: number[]) => row.reduce((a, b) => a + b, 0);
  const va = Array.from({ length: R }, (_, r) => {
    let s = 0;
    for (let k = 0; k < K; k++) s += cells.valueAdded[r * K + k];
    return s;
  });
  const govs = sim.state.governments;
  put('value_added', (r) => va[r]);
  put('output', (r) => sumRow(output[r]));
  put('capital', (r) => sumRow(capital[r]));
  put('firms', (r) => firmsByRegion[r]);
  put('entries', (r) => flows.entries[r]);
  put('exits', (r) => flows.exits[r]);
  put('relocations_in', (r) => flows.relocationsIn[r]);
  put('relocations_out', (r) => flows.relocationsOut[r]);
  put('investment', (r) => sumRow(investment[r]));
  put('budget', (r) => flows.budget[r]);
  put('grants', (r) => flows.grants[r]);
  put('relocation_offers', (r) => flows.offersPaid[r]);
  put('fund_payments', (r) => flows.fundPaid[r]);
  put('unspent_budget', (r) => flows.unspent[r]);
  put('borrowing', (r) => flows.borrowing[r]);
  put('tax_rate', (r) => sim.state.params.governments[r].taxRate);
  put('tax_revenue', (r) => flows.taxes[r]);
  put('fiscal_balance', (r) => fiscalBalance(flows, r));
  put('fund_distributions', (r) => flows.distributions[r]);
  put('side_payments', (r) => netSidePayments(flows, r)); // docs/ODD.md 7.17
  // Ownership accounts (docs/ODD.md 7.16): residents and government of each region together.
  put('wages', (r) => flows.wages[r]);
  put('resident_income', (r) => residentIncome(flows, r));
  put('resident_investment', (r) => residentInvestment(flows, r));
  put('consumption', (r) => residentIncome(flows, r) - residentInvestment(flows, r));
  put('resident_wealth', (r) => wealth[r]);
  put('written_off_capital', (r) => flows.writtenOff[r]);
  put('scrap_proceeds', (r) => flows.residentScrap[r]);
  put('fund_invested', (r) => flows.fundInvestedByRegion[r]);
  put('fund_outside_capital_in', (r) => flows.fundOutsideInvestedByRegion[r]);
  put('payoff', (r) => payoff[r]);
  put('cumulative_payoff', (r) => govs[r].cumulativePayoff);
  put('cumulative_value_added', (r) => govs[r].tally.valueAdded);
  put('strategy', (r) => STRATEGY_CODE[govs[r].strategy]);
  put('herfindahl', (r) => herfindahlIndex(shares[r]));
  put('clusters', (r) => clusters[r].filter(Boolean).length);
  put('mean_tech', (r) => (firmsByRegion[r] > 0 ? techSum[r] / firmsByRegion[r] : 0));
  put('high_tech_share', (r) => {
    const total = sumRow(output[r]);
    return total > 0 ? output[r].reduce((a, x, k) => a + (highTech[k] ? x : 0), 0) / total : 0;
  });

  const pairs = regionPairs(R);
  const pair: Record<string, number[]> = {
    similarity: pairs.map(([a, b]) => similarityCoefficient(shares[a], shares[b])),
    krugman: pairs.map(([a, b]) => krugmanIndex(shares[a], shares[b])),
    chain_clusters: pairs.map(([a, b]) => chains.filter(([r, , s]) => (r === a && s === b) || (r === b && s === a)).length),
  };

  // Funds: cumulative ledgers, NAV (stakes at book value plus cash), TVPI, DPI and IRR,
  // each also without what grants and relocation offers paid for (docs/ODD.md 7.13).
  let paidIn = 0;
  let distributed = 0;
  let distributedGrants = 0;
  let nav = 0;
  let navGrants = 0;
  let crossBorder = 0;
  let investedTotal = 0;
  sim.state.funds.forEach((fund, f) => {
    nav += end.nav[f];
    navGrants += end.navGrants[f];
    for (const v of fund.vintages) {
      nav += v.cash;
      const gov = v.paidInGov.reduce((a, b) => a + b, 0);
      const invested = v.investedByRegion.reduce((a, b) => a + b, 0);
      investedTotal += invested;
      if (invested > 0 && gov > 0) {
        let overlap = 0;
        for (let r = 0; r < R; r++) overlap += Math.min(v.investedByRegion[r] / invested, v.paidInGov[r] / gov);
        crossBorder += (1 - overlap) * invested;
      }
    }
    paidIn += flows.fundGovPaidIn[f] + flows.fundPrivatePaidIn[f];
    distributed += flows.fundDistributed[f];
    distributedGrants += flows.fundDistributedGrants[f];
  });
  history.flows.push(distributed - paidIn);
  history.flowsExGrants.push(distributed - distributedGrants - paidIn);
  history.committed += paidIn;
  history.privateCommitted += flows.fundPrivatePaidIn.reduce((a, b) => a + b, 0);
  history.invested += flows.fundInvested.reduce((a, b) => a + b, 0);
  history.distributed += distributed;
  history.distributedGrants += distributedGrants;
  history.fees += flows.fundFees.reduce((a, b) => a + b, 0) + flows.fundCarry.reduce((a, b) => a + b, 0);
  const irrFlows = history.flows.slice();
  irrFlows[irrFlows.length - 1] += nav;
  const navExGrants = nav - navGrants;
  const distributedExGrants = history.distributed - history.distributedGrants;
  const irrFlowsExGrants = history.flowsExGrants.slice();
  irrFlowsExGrants[irrFlowsExGrants.length - 1] += navExGrants;

  const sumRegion = (name: string) => region[name].reduce((a, b) => a + b, 0);
  const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
  const outsideIn = {
    outside_private_paid_in: sum(flows.fundPrivatePaidIn),
    outside_entry_finance: flows.outsideEntry,
    outside_exit_purchases: sum(flows.fundExitProceeds),
    outside_scrap_purchases: flows.scrapSold,
  };
  const outsideOut = {
    outside_profit_share: flows.outsideProfit,
    outside_private_distributions: sum(flows.fundPrivateDistributed),
    outside_carry: sum(flows.fundCarry),
    outside_fees: sum(flows.fundFees),
  };
  const totalCapacity = market.capacity.reduce((a, b) => a + b, 0);
  const zoneCapitalNow = cells.capital.reduce((a, b) => a + b, 0);
  const zone: Record<string, number> = {
    value_added: sumRegion('value_added'),
    output: sumRegion('output'),
    capital: sumRegion('capital'),
    firms: sumRegion('firms'),
    similarity: pair.similarity.length > 0 ? pair.similarity.reduce((a, b) => a + b, 0) / pair.similarity.length : 1,
    investment: sumRegion('investment'),
    expansion_investment: expansion.expansion,
    duplicated_investment: expansion.duplicated,
    duplicated_investment_share: expansion.duplicatedShare,
    duplicated_into_overcapacity: waste.duplicatedIntoOvercapacity,
    idle_capital: idleCapital,
    judged_expansion: waste.judgedExpansion,
    wasted_expansion: waste.wastedExpansion,
    wasted_expansion_share: waste.judgedExpansion > 0 ? waste.wastedExpansion / waste.judgedExpansion : 0,
    utilization: totalCapacity > 0 ? market.sold.reduce((a, b) => a + b, 0) / totalCapacity : 0,
    // The return the fund's stakes earn before tax (its TVPI follows from it, docs/ODD.md 7.13).
    profit_rate: zoneCapitalNow > 0 ? cells.profit.reduce((a, b) => a + b, 0) / zoneCapitalNow : 0,
    overcapacity_sectors: overcapacity.filter(Boolean).length,
    border_friction: sim.state.params.friction.border,
    relocations: sumRegion('relocations_in'),
    entries: sumRegion('entries'),
    exits: sumRegion('exits'),
    clusters: sumRegion('clusters'),
    chain_clusters: chains.length / 1,
    mean_tech: firms.count > 0 ? techSum.reduce((a, b) => a + b, 0) / firms.count : 0,
    high_tech_share: (() => {
      const total = sumRegion('output');
      return total > 0 ? output.reduce((a, row) => a + row.reduce((s, x, k) => s + (highTech[k] ? x : 0), 0), 0) / total : 0;
    })(),
    fund_committed: history.committed,
    fund_private: history.privateCommitted,
    fund_invested_cumulative: history.invested,
    fund_cross_border_share: investedTotal > 0 ? crossBorder / investedTotal : 0,
    fund_distributions_cumulative: history.distributed,
    fund_fees: history.fees,
    fund_nav: nav,
    fund_tvpi: totalValueToPaidIn(history.committed, history.distributed, nav),
    fund_dpi: totalValueToPaidIn(history.committed, history.distributed, 0),
    fund_irr: internalRateOfReturn(irrFlows),
    fund_grant_nav: navGrants,
    fund_grant_distributions_cumulative: history.distributedGrants,
    fund_tvpi_ex_grants: totalValueToPaidIn(history.committed, distributedExGrants, navExGrants),
    fund_dpi_ex_grants: totalValueToPaidIn(history.committed, distributedExGrants, 0),
    fund_irr_ex_grants: internalRateOfReturn(irrFlowsExGrants),
    written_off_capital: sumRegion('written_off_capital'),
    ...outsideIn,
    outside_capital_in: Object.values(outsideIn).reduce((a, b) => a + b, 0),
    ...outsideOut,
    outside_income_out: Object.values(outsideOut).reduce((a, b) => a + b, 0),
  };

  return {
    step: sim.state.step,
    year: config.startYear + sim.state.step * config.stepYears,
    region,
    pair,
    zone,
    cells: {
      output,
      capital,
      firms: firmCount,
      lq,
      investment,
      grants: matrix(R, K, (r, k) => cells.grants[r * K + k]),
      offers: matrix(R, K, (r, k) => cells.offers[r * K + k]),
      fund: matrix(R, K, (r, k) => cells.fundIn[r * K + k]),
    },
    sectors: {
      demand: Array.from(market.demand),
      capacity: Array.from(market.capacity),
      sold: Array.from(market.sold),
      price: Array.from(market.price),
      utilization: Array.from(market.utilization),
      duplicated: expansion.duplicatedBySector,
    },
  };
}
