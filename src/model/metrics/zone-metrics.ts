/** The registry's zone metrics (one value for the zone), each with the function that computes it. */
import { internalRateOfReturn, totalValueToPaidIn } from './fund-returns.js';
import { similarityCoefficient } from './structure.js';
import { BILLION_YUAN, sumOf, type ZoneMetric } from './metric-definition.js';
import type { StepMeasures } from './step-measures.js';

/** Mean UNIDO similarity over region pairs (1 with a single region). */
function meanSimilarity(m: StepMeasures): number {
  const values = m.pairs.map(([a, b]) => similarityCoefficient(m.shares[a], m.shares[b]));
  return values.length > 0 ? sumOf(values) / values.length : 1;
}

/** Capital standing idle: sum over sectors of (1 - u_k) x the sector's capital at the start of production. */
function idleCapital(m: StepMeasures): number {
  const { market, cells, sectorCount: K, regionCount: R } = m.sim;
  let idle = 0;
  for (let k = 0; k < K; k++) {
    let sectorCapital = 0;
    for (let r = 0; r < R; r++) sectorCapital += cells.capital[r * K + k];
    idle += (1 - market.utilization[k]) * sectorCapital;
  }
  return idle;
}

/** Sold over capacity, all sectors (0 without capacity). */
function utilization(m: StepMeasures): number {
  const capacity = sumOf(m.sim.market.capacity);
  return capacity > 0 ? sumOf(m.sim.market.sold) / capacity : 0;
}

/** Pre-tax operating profit per yuan of capital at the start of production: what the fund's stakes earn before tax (docs/ODD.md 7.13). */
function profitRate(m: StepMeasures): number {
  const capital = sumOf(m.sim.cells.capital);
  return capital > 0 ? sumOf(m.sim.cells.profit) / capital : 0;
}

function zoneHighTechShare(m: StepMeasures): number {
  const total = sumOf(m.regionOutput);
  return total > 0 ? m.output.reduce((a, row) => a + row.reduce((s, x, k) => s + (m.highTech[k] ? x : 0), 0), 0) / total : 0;
}

const distributedExGrants = (m: StepMeasures) => m.funds.history.distributed - m.funds.history.distributedGrants;

// Money in from outside the zone, and income out of it, this step (docs/ODD.md 7.16).
const outsidePrivatePaidIn = (m: StepMeasures) => sumOf(m.sim.flows.fundPrivatePaidIn);
const outsideEntryFinance = (m: StepMeasures) => m.sim.flows.outsideEntry;
const outsideExitPurchases = (m: StepMeasures) => sumOf(m.sim.flows.fundExitProceeds);
const outsideScrapPurchases = (m: StepMeasures) => m.sim.flows.scrapSold;
const outsideProfitShare = (m: StepMeasures) => m.sim.flows.outsideProfit;
const outsidePrivateDistributions = (m: StepMeasures) => sumOf(m.sim.flows.fundPrivateDistributed);
const outsideCarry = (m: StepMeasures) => sumOf(m.sim.flows.fundCarry);
const outsideFees = (m: StepMeasures) => sumOf(m.sim.flows.fundFees);
/** The parts of outside_capital_in and of outside_income_out, in the order they are summed. */
const OUTSIDE_IN = [outsidePrivatePaidIn, outsideEntryFinance, outsideExitPurchases, outsideScrapPurchases];
const OUTSIDE_OUT = [outsideProfitShare, outsidePrivateDistributions, outsideCarry, outsideFees];

export const ZONE_METRICS: readonly ZoneMetric[] = [
  { name: 'value_added', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(m.valueAdded),
    description: 'Zone value added.' },
  { name: 'output', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(m.regionOutput),
    description: 'Zone output value.' },
  { name: 'capital', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => sumOf(m.regionCapital),
    description: 'Zone firm capital.' },
  { name: 'firms', scope: 'zone', kind: 'stock', unit: 'firms', compute: (m) => sumOf(m.sim.end.regionCount),
    description: 'Live firms in the zone.' },
  { name: 'similarity', scope: 'zone', kind: 'stock', unit: 'index', compute: (m) => meanSimilarity(m),
    description: 'Mean similarity coefficient over region pairs.' },
  { name: 'investment', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(m.regionInvestment),
    description: 'All new investment in the zone.' },
  { name: 'expansion_investment', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => m.expansion.expansion,
    description: 'Capacity-expanding investment: sum over cells of max(0, gross investment from every source, entrants included, - depreciation x the cell\'s capital at the start of the step).' },
  { name: 'duplicated_investment', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => m.expansion.duplicated,
    description: 'Duplicated investment (revision 2): the same-sector overlap of expansion investment, sum_k (sum_r E_rk - max_r E_rk); replacement investment is never counted.' },
  { name: 'duplicated_investment_share', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => m.expansion.duplicatedShare,
    description: 'Duplicated investment as a share of expansion investment (the headline figure).' },
  { name: 'duplicated_into_overcapacity', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => m.waste.duplicatedIntoOvercapacity,
    description: 'Last year\'s duplicated investment whose capacity came on line this year into a sector in overcapacity (judged when it comes on line, reported then).' },
  { name: 'idle_capital', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => idleCapital(m),
    description: 'Capital standing idle: sum_k (1 - u_k) x the sector\'s capital.' },
  { name: 'judged_expansion', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => m.waste.judgedExpansion,
    description: 'Expansion investment made wasteHorizon years ago, whose window has now closed (none in the first wasteHorizon years).' },
  { name: 'wasted_expansion', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => m.waste.wastedExpansion,
    description: 'The part of judged_expansion made in a sector that entered overcapacity within wasteHorizon years after it was made (waste, reported when its window closes).' },
  { name: 'wasted_expansion_share', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => (m.waste.judgedExpansion > 0 ? m.waste.wastedExpansion / m.waste.judgedExpansion : 0),
    description: 'wasted_expansion / judged_expansion (0 before the first window closes).' },
  { name: 'utilization', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => utilization(m),
    description: 'Capacity utilization, capacity-weighted over sectors (sold / capacity).' },
  { name: 'profit_rate', scope: 'zone', kind: 'stock', unit: 'per year', compute: (m) => profitRate(m),
    description: 'Pre-tax operating profit per yuan of firm capital (capital at the start of the step\'s production): the return the fund\'s stakes earn before tax.' },
  { name: 'overcapacity_sectors', scope: 'zone', kind: 'stock', unit: 'sectors', compute: (m) => m.overcapacity.filter(Boolean).length,
    description: 'Sectors whose utilization is below the overcapacity threshold.' },
  { name: 'border_friction', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => m.sim.state.params.friction.border,
    description: 'Border friction d: share of cross-border supply-chain value lost.' },
  { name: 'relocations', scope: 'zone', kind: 'flow', unit: 'firms', compute: (m) => sumOf(m.sim.flows.relocationsIn),
    description: 'Firms that changed region this step.' },
  { name: 'entries', scope: 'zone', kind: 'flow', unit: 'firms', compute: (m) => sumOf(m.sim.flows.entries),
    description: 'Entrants this step.' },
  { name: 'exits', scope: 'zone', kind: 'flow', unit: 'firms', compute: (m) => sumOf(m.sim.flows.exits),
    description: 'Exits this step.' },
  { name: 'clusters', scope: 'zone', kind: 'stock', unit: 'cells', compute: (m) => sumOf(m.clusterCount),
    description: 'Clustered region-sector cells.' },
  { name: 'chain_clusters', scope: 'zone', kind: 'stock', unit: 'links', compute: (m) => m.chains.length,
    description: 'Cross-border chain clusters over all region pairs.' },
  { name: 'mean_tech', scope: 'zone', kind: 'stock', unit: 'index', compute: (m) => (m.sim.firms.count > 0 ? sumOf(m.sim.end.regionTech) / m.sim.firms.count : 0),
    description: 'Mean firm technology level.' },
  { name: 'high_tech_share', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => zoneHighTechShare(m),
    description: 'Zone output share of high-tech sectors.' },
  { name: 'fund_committed', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.committed,
    description: 'Guidance funds: cumulative paid-in commitments (government and private).' },
  { name: 'fund_private', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.privateCommitted,
    description: 'Guidance funds: cumulative private capital mobilised (leverage times government commitments).' },
  { name: 'fund_invested_cumulative', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.invested,
    description: 'Guidance funds: amount invested in firms so far (cumulative; the region series fund_invested is per year).' },
  { name: 'fund_cross_border_share', scope: 'zone', kind: 'stock', unit: 'share', compute: (m) => (m.funds.invested > 0 ? m.funds.crossBorder / m.funds.invested : 0),
    description: 'Share of fund investment placed outside the committing governments\' regions (beyond their commitment shares).' },
  { name: 'fund_distributions_cumulative', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.distributed,
    description: 'Guidance funds: distributions to partners so far (cumulative; the region series fund_distributions is per year).' },
  { name: 'fund_fees', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.fees,
    description: 'Guidance funds: cumulative management fees and carried interest.' },
  { name: 'fund_nav', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.nav,
    description: 'Guidance funds: book value of stakes held plus cash.' },
  { name: 'fund_tvpi', scope: 'zone', kind: 'stock', unit: 'ratio', compute: (m) => totalValueToPaidIn(m.funds.history.committed, m.funds.history.distributed, m.funds.nav),
    description: 'Guidance funds: total value to paid-in, (distributions + NAV) / paid-in.' },
  { name: 'fund_dpi', scope: 'zone', kind: 'stock', unit: 'ratio', compute: (m) => totalValueToPaidIn(m.funds.history.committed, m.funds.history.distributed, 0),
    description: 'Guidance funds: distributions to paid-in, cumulative distributions to partners / cumulative paid-in (the realised part of TVPI).' },
  { name: 'fund_grant_nav', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.navGrants,
    description: 'Guidance funds: the part of the stakes\' book value (in fund_nav) that grants and relocation offers paid to the firms held paid for: fund share x grant, depreciated like capital, removed pro rata with written-off, scrapped and sold stakes.' },
  { name: 'fund_grant_distributions_cumulative', scope: 'zone', kind: 'stock', unit: BILLION_YUAN, compute: (m) => m.funds.history.distributedGrants,
    description: 'Guidance funds: the part of distributions to partners so far that outside buyers and scrap buyers paid for grant-financed book value (pro rata to each payout, after carry).' },
  { name: 'fund_tvpi_ex_grants', scope: 'zone', kind: 'stock', unit: 'ratio', compute: (m) => totalValueToPaidIn(m.funds.history.committed, distributedExGrants(m), m.funds.nav - m.funds.navGrants),
    description: 'Guidance funds: TVPI without the grant-inflated book value, (distributions - fund_grant_distributions_cumulative + NAV - fund_grant_nav) / paid-in.' },
  { name: 'fund_dpi_ex_grants', scope: 'zone', kind: 'stock', unit: 'ratio', compute: (m) => totalValueToPaidIn(m.funds.history.committed, distributedExGrants(m), 0),
    description: 'Guidance funds: DPI without the grant-financed part of distributions, (distributions - fund_grant_distributions_cumulative) / paid-in.' },
  { name: 'written_off_capital', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(m.sim.flows.writtenOff),
    description: 'Capital written off in the zone (exits after scrap, relocation losses).' },
  { name: 'outside_capital_in', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(OUTSIDE_IN.map((f) => f(m))),
    description: 'Capital brought in from outside the zone: the four outside_* purchases and finance below.' },
  { name: 'outside_private_paid_in', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsidePrivatePaidIn(m),
    description: 'Private partners\' paid-in to guidance funds this step (leverage x government commitments).' },
  { name: 'outside_entry_finance', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideEntryFinance(m),
    description: 'Outside investors\' part of entrants\' founding capital (entryOutsideShare).' },
  { name: 'outside_exit_purchases', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideExitPurchases(m),
    description: 'What outside buyers paid for the stakes funds sold at vintage exits (exitPriceToBook x book value).' },
  { name: 'outside_scrap_purchases', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideScrapPurchases(m),
    description: 'What outside paid for exiting firms\' capital sold for scrap (exitRecovery x book value).' },
  { name: 'outside_income_out', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => sumOf(OUTSIDE_OUT.map((f) => f(m))),
    description: 'Income taken out of the zone: the four outside_* income flows below.' },
  { name: 'outside_profit_share', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideProfitShare(m),
    description: 'Outside owners\' share of firms\' after-tax profit (including the part reinvested).' },
  { name: 'outside_private_distributions', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsidePrivateDistributions(m),
    description: 'Guidance-fund distributions to private (outside) partners.' },
  { name: 'outside_carry', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideCarry(m),
    description: 'Carried interest paid to fund managers (outside).' },
  { name: 'outside_fees', scope: 'zone', kind: 'flow', unit: BILLION_YUAN, compute: (m) => outsideFees(m),
    description: 'Management fees paid to fund managers (outside).' },
  { name: 'fund_irr', scope: 'zone', kind: 'stock', unit: 'rate per year', mayBeUndefined: true, compute: (m) => internalRateOfReturn(m.funds.irrFlows),
    description: 'Guidance funds: internal rate of return of partners\' flows with NAV as terminal value (no row while no rate exists, e.g. before any distribution or value).' },
  { name: 'fund_irr_ex_grants', scope: 'zone', kind: 'stock', unit: 'rate per year', mayBeUndefined: true, compute: (m) => internalRateOfReturn(m.funds.irrFlowsExGrants),
    description: 'Guidance funds: IRR without the grant-financed part of distributions and of the terminal NAV (no row while no rate exists).' },
];
