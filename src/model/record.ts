/**
 * Step 8 of the schedule: metrics are recorded. Produces one StepRecord holding
 * every metric of the registry (values by region, by pair or for the zone), the
 * cell table (output, capital, firms, LQ) and the sector markets.
 */
import type { Simulation } from './simulation-state.js';
import type { StepRecord } from './step-record.js';
import { governmentPart } from './fund-sharing.js';
import { measureStep } from './metrics/step-measures.js';
import { REGION_METRICS } from './metrics/region-metrics.js';
import { PAIR_METRICS } from './metrics/pair-metrics.js';
import { ZONE_METRICS } from './metrics/zone-metrics.js';
import type { MetricDefinition, MetricScope } from './metrics/metric-definition.js';

export { regionPairs } from './metrics/step-measures.js';
export type { StepRecord } from './step-record.js';

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
/**
 * The order of the metrics' keys in a StepRecord: the order records have always
 * been written in, which every JSON of records keeps (the golden state hash,
 * worker messages). The registry's own order (docs, metrics.csv) differs in a
 * few places; test/model/metric-registry.test.ts checks both name the same metrics.
 */
export const RECORD_ORDER: { readonly [S in MetricScope]: readonly string[] } = {
  region: [
    'value_added', 'output', 'capital', 'firms', 'entries', 'exits', 'relocations_in', 'relocations_out', 'investment', 'budget', 'grants',
    'relocation_offers', 'fund_payments', 'unspent_budget', 'borrowing', 'tax_rate', 'tax_revenue', 'fiscal_balance', 'fund_distributions',
    'side_payments', 'wages', 'resident_income', 'resident_investment', 'consumption', 'resident_wealth', 'written_off_capital', 'scrap_proceeds',
    'fund_invested', 'fund_outside_capital_in', 'payoff', 'cumulative_payoff', 'cumulative_value_added', 'strategy', 'herfindahl', 'clusters',
    'mean_tech', 'high_tech_share',
  ],
  pair: ['similarity', 'krugman', 'chain_clusters'],
  zone: [
    'value_added', 'output', 'capital', 'firms', 'similarity', 'investment', 'expansion_investment', 'duplicated_investment',
    'duplicated_investment_share', 'duplicated_into_overcapacity', 'idle_capital', 'judged_expansion', 'wasted_expansion', 'wasted_expansion_share',
    'utilization', 'profit_rate', 'overcapacity_sectors', 'border_friction', 'relocations', 'entries', 'exits', 'clusters', 'chain_clusters',
    'mean_tech', 'high_tech_share', 'fund_committed', 'fund_private', 'fund_invested_cumulative', 'fund_cross_border_share',
    'fund_distributions_cumulative', 'fund_fees', 'fund_nav', 'fund_tvpi', 'fund_dpi', 'fund_irr', 'fund_grant_nav',
    'fund_grant_distributions_cumulative', 'fund_tvpi_ex_grants', 'fund_dpi_ex_grants', 'fund_irr_ex_grants', 'written_off_capital',
    'outside_private_paid_in', 'outside_entry_finance', 'outside_exit_purchases', 'outside_scrap_purchases', 'outside_capital_in',
    'outside_profit_share', 'outside_private_distributions', 'outside_carry', 'outside_fees', 'outside_income_out',
  ],
};

/** The registry entries of a scope in record order (a name the registry lacks fails at load, not in a run). */
function inRecordOrder<D extends MetricDefinition>(entries: readonly D[], scope: MetricScope): D[] {
  return RECORD_ORDER[scope].map((name) => {
    const entry = entries.find((d) => d.name === name);
    if (entry === undefined) throw new Error(`metric ${scope}:${name} is in RECORD_ORDER but not in the metric registry`);
    return entry;
  });
}
const REGION_IN_ORDER = inRecordOrder(REGION_METRICS, 'region');
const PAIR_IN_ORDER = inRecordOrder(PAIR_METRICS, 'pair');
const ZONE_IN_ORDER = inRecordOrder(ZONE_METRICS, 'zone');

/**
 * Step 8 of the schedule: every registry metric of this step, by its entry's
 * `compute`, with the cell table and the sector markets. `payoff` and `wealth`
 * (resident wealth now) are the step's, worked out once by the step for the
 * governments' objectives.
 */
export function recordStep(sim: Simulation, payoff: Float64Array, wealth: Float64Array): StepRecord {
  const { config, market, cells, sectorCount: K, regionCount: R } = sim;
  const m = measureStep(sim, payoff, wealth);
  const region: Record<string, number[]> = {};
  for (const d of REGION_IN_ORDER) region[d.name] = Array.from({ length: R }, (_, r) => d.compute(m, r));
  const pair: Record<string, number[]> = {};
  for (const d of PAIR_IN_ORDER) pair[d.name] = m.pairs.map(([a, b]) => d.compute(m, a, b));
  const zone: Record<string, number> = {};
  for (const d of ZONE_IN_ORDER) zone[d.name] = d.compute(m);
  const table = (values: Float64Array) => Array.from({ length: R }, (_, r) => Array.from({ length: K }, (_, k) => values[r * K + k]));
  return {
    step: sim.state.step,
    year: config.startYear + sim.state.step * config.stepYears,
    region,
    pair,
    zone,
    cells: {
      output: m.output,
      capital: m.capital,
      firms: m.firms,
      lq: m.lq,
      investment: m.investment,
      grants: table(cells.grants),
      offers: table(cells.offers),
      fund: table(cells.fundIn),
    },
    sectors: {
      demand: Array.from(market.demand),
      capacity: Array.from(market.capacity),
      sold: Array.from(market.sold),
      price: Array.from(market.price),
      utilization: Array.from(market.utilization),
      duplicated: m.expansion.duplicatedBySector,
    },
  };
}
