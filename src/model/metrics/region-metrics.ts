/** The registry's region metrics (one value per region), each with the function that computes it. */
import { STRATEGY_CODE } from '../config.js';
import { fiscalBalance, netSidePayments, residentIncome, residentInvestment } from '../objective.js';
import { herfindahlIndex } from './structure.js';
import { BILLION_YUAN, type RegionMetric } from './metric-definition.js';
import type { StepMeasures } from './step-measures.js';

/** Mean technology level of the region's firms at the end of the step (0 without firms). */
function meanTech(m: StepMeasures, r: number): number {
  const { regionCount, regionTech } = m.sim.end;
  return regionCount[r] > 0 ? regionTech[r] / regionCount[r] : 0;
}

/** Output share of the region's high-tech sectors (0 without output). */
function highTechShare(m: StepMeasures, r: number): number {
  const total = m.regionOutput[r];
  return total > 0 ? m.output[r].reduce((a, x, k) => a + (m.highTech[k] ? x : 0), 0) / total : 0;
}

export const REGION_METRICS: readonly RegionMetric[] = [
  { name: 'value_added', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.valueAdded[r],
    description: 'Value added (GDP proxy): sales revenue less variable bought-in cost.' },
  { name: 'output', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.regionOutput[r],
    description: 'Manufacturing output value (sales revenue).' },
  { name: 'capital', scope: 'region', kind: 'stock', unit: BILLION_YUAN, compute: (m, r) => m.regionCapital[r],
    description: 'Firm capital stock at the end of the step.' },
  { name: 'firms', scope: 'region', kind: 'stock', unit: 'firms', compute: (m, r) => m.sim.end.regionCount[r],
    description: 'Live firms at the end of the step.' },
  { name: 'entries', scope: 'region', kind: 'flow', unit: 'firms', compute: (m, r) => m.sim.flows.entries[r],
    description: 'Firms that entered this step.' },
  { name: 'exits', scope: 'region', kind: 'flow', unit: 'firms', compute: (m, r) => m.sim.flows.exits[r],
    description: 'Firms that exited this step (loss years or capital below the minimum).' },
  { name: 'relocations_in', scope: 'region', kind: 'flow', unit: 'firms', compute: (m, r) => m.sim.flows.relocationsIn[r],
    description: 'Firms that moved into the region this step.' },
  { name: 'relocations_out', scope: 'region', kind: 'flow', unit: 'firms', compute: (m, r) => m.sim.flows.relocationsOut[r],
    description: 'Firms that moved out of the region this step.' },
  { name: 'investment', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.regionInvestment[r],
    description: 'New investment in the region: firms\' own, grants, fund money and relocation offers.' },
  { name: 'budget', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.budget[r],
    description: 'Industrial budget B = share * tax rate * value added (previous step) + transfers.' },
  { name: 'grants', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.grants[r],
    description: 'Grants paid to the region\'s own firms.' },
  { name: 'relocation_offers', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.offersPaid[r],
    description: 'Relocation offers paid to firms moving in from other regions.' },
  { name: 'fund_payments', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.fundPaid[r],
    description: 'Commitments paid into guidance funds.' },
  { name: 'unspent_budget', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.unspent[r],
    description: 'Budget not spent (unused offer budget, grants with no firm to receive them).' },
  { name: 'borrowing', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.borrowing[r],
    description: 'Fund commitments beyond the budget, financed by borrowing.' },
  { name: 'tax_rate', scope: 'region', kind: 'stock', unit: 'share', compute: (m, r) => m.sim.state.params.governments[r].taxRate,
    description: 'Tax rate on positive operating profit at the end of the step.' },
  { name: 'tax_revenue', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.taxes[r],
    description: 'Tax collected from firms.' },
  { name: 'fiscal_balance', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => fiscalBalance(m.sim.flows, r),
    description: 'Tax revenue less industrial spending plus fund distributions received, plus net side payments received (side_payments).' },
  { name: 'fund_distributions', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.distributions[r],
    description: 'Distributions received from guidance funds.' },
  { name: 'side_payments', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => netSidePayments(m.sim.flows, r),
    description: 'Side payments the government received from other cooperating governments less those it paid them (policy.sidePayment: a share of a cooperating region\'s value added above its reference share, docs/ODD.md 7.17); in fiscal_balance and resident_income.' },
  { name: 'fund_invested', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.fundInvestedByRegion[r],
    description: 'Guidance-fund money invested in the region\'s firms this step.' },
  { name: 'wages', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.wages[r],
    description: 'Wages (fixed cost f x capital) paid by the firms located in the region, to its residents.' },
  { name: 'fund_outside_capital_in', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.fundOutsideInvestedByRegion[r],
    description: 'Outside money the guidance funds invested in the region\'s firms this step: each vintage\'s investment there times its private partners\' share of its paid-in (the leverage brought from outside the zone).' },
  { name: 'resident_income', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => residentIncome(m.sim.flows, r),
    description: 'Income of the region\'s residents and government: wages and taxes of the firms located there, residents\' share of the after-tax profit of the firms whose home is the region (wherever they produce), fund distributions to the government, and scrap proceeds to residents, plus the government\'s net side payments received (side_payments, negative for the payer).' },
  { name: 'resident_investment', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => residentInvestment(m.sim.flows, r),
    description: 'Investment paid by the region\'s residents and government: residents\' share of the own reinvestment of firms whose home is the region and of entrants\' founding capital, plus the government\'s grants, relocation offers and fund payments.' },
  { name: 'consumption', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => residentIncome(m.sim.flows, r) - residentInvestment(m.sim.flows, r),
    description: 'resident_income - resident_investment: what residents and government can spend on anything else.' },
  { name: 'resident_wealth', scope: 'region', kind: 'stock', unit: BILLION_YUAN, compute: (m, r) => m.wealth[r],
    description: 'Residents\' share of the capital of firms whose home is the region, plus the government\'s share of its funds\' net asset value (cash and stakes at book value, pro rata to paid-in), end of step.' },
  { name: 'written_off_capital', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.writtenOff[r],
    description: 'Capital written off in the region: exiting firms\' book capital not recovered as scrap, and capital lost in moves out of the region (waste).' },
  { name: 'scrap_proceeds', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.sim.flows.residentScrap[r],
    description: 'Scrap proceeds received by the region\'s residents for their share of exiting firms (outside buys scrap at exitRecovery of book value).' },
  { name: 'payoff', scope: 'region', kind: 'flow', unit: BILLION_YUAN, compute: (m, r) => m.payoff[r],
    description: 'The government\'s objective this step, what its strategy rule learns from: its weights over the lenses (scenario `governments.<id>.objective`, default gdp 1) times value added (gdp), fiscal balance (fiscal) and consumption plus the change in resident wealth (welfare).' },
  { name: 'cumulative_payoff', scope: 'region', kind: 'stock', unit: BILLION_YUAN, compute: (m, r) => m.sim.state.governments[r].cumulativePayoff,
    description: 'The government\'s objective to date, the payoff in `chuanyu game`: its weights times cumulative value added (gdp), cumulative fiscal balance (fiscal) and discounted consumption to date plus discounted wealth now (welfare).' },
  { name: 'cumulative_value_added', scope: 'region', kind: 'stock', unit: BILLION_YUAN, compute: (m, r) => m.sim.state.governments[r].tally.valueAdded,
    description: 'Sum of value added to date.' },
  { name: 'strategy', scope: 'region', kind: 'stock', unit: 'code', compute: (m, r) => STRATEGY_CODE[m.sim.state.governments[r].strategy],
    description: 'Strategy played: 0 invest, 1 compete, 2 cooperate.' },
  { name: 'herfindahl', scope: 'region', kind: 'stock', unit: 'index', compute: (m, r) => herfindahlIndex(m.shares[r]),
    description: 'Herfindahl index of sector output shares (1/K even spread to 1).' },
  { name: 'clusters', scope: 'region', kind: 'stock', unit: 'cells', compute: (m, r) => m.clusterCount[r],
    description: 'Sectors of the region that are clusters (LQ, firm count and zone-share thresholds).' },
  { name: 'mean_tech', scope: 'region', kind: 'stock', unit: 'index', compute: (m, r) => meanTech(m, r),
    description: 'Mean firm technology level tau.' },
  { name: 'high_tech_share', scope: 'region', kind: 'stock', unit: 'share', compute: (m, r) => highTechShare(m, r),
    description: 'Output share of sectors whose technology intensity reaches the high-tech threshold.' },
];
