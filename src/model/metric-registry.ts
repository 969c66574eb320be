/**
 * Every reported metric in one place: name, scope, unit and description. The
 * CSV writer, the charts and docs/ODD.md all read this list, so adding a metric
 * is one entry here plus its computation in record.ts.
 */
export const METRIC_SCOPES = ['region', 'pair', 'zone'] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

/**
 * A flow happens within a step (summed over the run in "cumulative" summaries);
 * a stock is a level, a rate, an index or a running total (summarised by its
 * final value and its mean over the run).
 */
export const METRIC_KINDS = ['stock', 'flow'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export interface MetricDefinition {
  name: string;
  scope: MetricScope;
  kind: MetricKind;
  unit: string;
  description: string;
}

/** Metrics that are flows, as [scope, name]; every other entry is a stock. */
const FLOWS: ReadonlySet<string> = new Set([
  ...['value_added', 'output', 'entries', 'exits', 'relocations_in', 'relocations_out', 'investment', 'budget', 'grants', 'relocation_offers',
    'fund_payments', 'unspent_budget', 'borrowing', 'tax_revenue', 'fiscal_balance', 'fund_distributions', 'fund_invested',
    'fund_outside_capital_in',
    'side_payments',
    'payoff', 'wages', 'resident_income', 'resident_investment', 'consumption', 'written_off_capital', 'scrap_proceeds'].map((n) => `region:${n}`),
  ...['value_added', 'output', 'investment', 'expansion_investment', 'duplicated_investment', 'duplicated_into_overcapacity', 'judged_expansion', 'wasted_expansion', 'relocations', 'entries', 'exits',
    'written_off_capital', 'outside_capital_in', 'outside_private_paid_in', 'outside_entry_finance', 'outside_exit_purchases',
    'outside_scrap_purchases', 'outside_income_out', 'outside_profit_share', 'outside_private_distributions', 'outside_carry',
    'outside_fees'].map((n) => `zone:${n}`),
]);

const m = (name: string, scope: MetricScope, unit: string, description: string): MetricDefinition => ({
  name,
  scope,
  kind: FLOWS.has(`${scope}:${name}`) ? 'flow' : 'stock',
  unit,
  description,
});
const BN = 'billion yuan';

export const METRICS: readonly MetricDefinition[] = [
  // Per region
  m('value_added', 'region', BN, 'Value added (GDP proxy): sales revenue less variable bought-in cost.'),
  m('output', 'region', BN, 'Manufacturing output value (sales revenue).'),
  m('capital', 'region', BN, 'Firm capital stock at the end of the step.'),
  m('firms', 'region', 'firms', 'Live firms at the end of the step.'),
  m('entries', 'region', 'firms', 'Firms that entered this step.'),
  m('exits', 'region', 'firms', 'Firms that exited this step (loss years or capital below the minimum).'),
  m('relocations_in', 'region', 'firms', 'Firms that moved into the region this step.'),
  m('relocations_out', 'region', 'firms', 'Firms that moved out of the region this step.'),
  m('investment', 'region', BN, 'New investment in the region: firms\' own, grants, fund money and relocation offers.'),
  m('budget', 'region', BN, 'Industrial budget B = share * tax rate * value added (previous step) + transfers.'),
  m('grants', 'region', BN, 'Grants paid to the region\'s own firms.'),
  m('relocation_offers', 'region', BN, 'Relocation offers paid to firms moving in from other regions.'),
  m('fund_payments', 'region', BN, 'Commitments paid into guidance funds.'),
  m('unspent_budget', 'region', BN, 'Budget not spent (unused offer budget, grants with no firm to receive them).'),
  m('borrowing', 'region', BN, 'Fund commitments beyond the budget, financed by borrowing.'),
  m('tax_rate', 'region', 'share', 'Tax rate on positive operating profit at the end of the step.'),
  m('tax_revenue', 'region', BN, 'Tax collected from firms.'),
  m('fiscal_balance', 'region', BN, 'Tax revenue less industrial spending plus fund distributions received, plus net side payments received (side_payments).'),
  m('fund_distributions', 'region', BN, 'Distributions received from guidance funds.'),
  m('side_payments', 'region', BN, 'Side payments the government received from other cooperating governments less those it paid them (policy.sidePayment: a share of a cooperating region\'s value added above its reference share, docs/ODD.md 7.17); in fiscal_balance and resident_income.'),
  m('fund_invested', 'region', BN, 'Guidance-fund money invested in the region\'s firms this step.'),
  m('wages', 'region', BN, 'Wages (fixed cost f x capital) paid by the firms located in the region, to its residents.'),
  m('fund_outside_capital_in', 'region', BN, 'Outside money the guidance funds invested in the region\'s firms this step: each vintage\'s investment there times its private partners\' share of its paid-in (the leverage brought from outside the zone).'),
  m('resident_income', 'region', BN, 'Income of the region\'s residents and government: wages and taxes of the firms located there, residents\' share of the after-tax profit of the firms whose home is the region (wherever they produce), fund distributions to the government, and scrap proceeds to residents, plus the government\'s net side payments received (side_payments, negative for the payer).'),
  m('resident_investment', 'region', BN, 'Investment paid by the region\'s residents and government: residents\' share of the own reinvestment of firms whose home is the region and of entrants\' founding capital, plus the government\'s grants, relocation offers and fund payments.'),
  m('consumption', 'region', BN, 'resident_income - resident_investment: what residents and government can spend on anything else.'),
  m('resident_wealth', 'region', BN, 'Residents\' share of the capital of firms whose home is the region, plus the government\'s share of its funds\' net asset value (cash and stakes at book value, pro rata to paid-in), end of step.'),
  m('written_off_capital', 'region', BN, 'Capital written off in the region: exiting firms\' book capital not recovered as scrap, and capital lost in moves out of the region (waste).'),
  m('scrap_proceeds', 'region', BN, 'Scrap proceeds received by the region\'s residents for their share of exiting firms (outside buys scrap at exitRecovery of book value).'),
  m('payoff', 'region', BN, 'The government\'s objective this step, what its strategy rule learns from: its weights over the lenses (scenario `governments.<id>.objective`, default gdp 1) times value added (gdp), fiscal balance (fiscal) and consumption plus the change in resident wealth (welfare).'),
  m('cumulative_payoff', 'region', BN, 'The government\'s objective to date, the payoff in `chuanyu game`: its weights times cumulative value added (gdp), cumulative fiscal balance (fiscal) and discounted consumption to date plus discounted wealth now (welfare).'),
  m('cumulative_value_added', 'region', BN, 'Sum of value added to date.'),
  m('strategy', 'region', 'code', 'Strategy played: 0 invest, 1 compete, 2 cooperate.'),
  m('herfindahl', 'region', 'index', 'Herfindahl index of sector output shares (1/K even spread to 1).'),
  m('clusters', 'region', 'cells', 'Sectors of the region that are clusters (LQ, firm count and zone-share thresholds).'),
  m('mean_tech', 'region', 'index', 'Mean firm technology level tau.'),
  m('high_tech_share', 'region', 'share', 'Output share of sectors whose technology intensity reaches the high-tech threshold.'),
  // Per pair of regions
  m('similarity', 'pair', 'index', 'UNIDO similarity coefficient of sector output shares (1 = identical).'),
  m('krugman', 'pair', 'index', 'Krugman dissimilarity: sum of absolute share differences (0 to 2).'),
  m('chain_clusters', 'pair', 'links', 'Cross-border chain clusters: clustered cells in the two regions linked by a[j][k] above the threshold.'),
  // Zone
  m('value_added', 'zone', BN, 'Zone value added.'),
  m('output', 'zone', BN, 'Zone output value.'),
  m('capital', 'zone', BN, 'Zone firm capital.'),
  m('firms', 'zone', 'firms', 'Live firms in the zone.'),
  m('similarity', 'zone', 'index', 'Mean similarity coefficient over region pairs.'),
  m('investment', 'zone', BN, 'All new investment in the zone.'),
  m('expansion_investment', 'zone', BN, 'Capacity-expanding investment: sum over cells of max(0, gross investment from every source, entrants included, - depreciation x the cell\'s capital at the start of the step).'),
  m('duplicated_investment', 'zone', BN, 'Duplicated investment (revision 2): the same-sector overlap of expansion investment, sum_k (sum_r E_rk - max_r E_rk); replacement investment is never counted.'),
  m('duplicated_investment_share', 'zone', 'share', 'Duplicated investment as a share of expansion investment (the headline figure).'),
  m('duplicated_into_overcapacity', 'zone', BN, 'Last year\'s duplicated investment whose capacity came on line this year into a sector in overcapacity (judged when it comes on line, reported then).'),
  m('idle_capital', 'zone', BN, 'Capital standing idle: sum_k (1 - u_k) x the sector\'s capital.'),
  m('judged_expansion', 'zone', BN, 'Expansion investment made wasteHorizon years ago, whose window has now closed (none in the first wasteHorizon years).'),
  m('wasted_expansion', 'zone', BN, 'The part of judged_expansion made in a sector that entered overcapacity within wasteHorizon years after it was made (waste, reported when its window closes).'),
  m('wasted_expansion_share', 'zone', 'share', 'wasted_expansion / judged_expansion (0 before the first window closes).'),
  m('utilization', 'zone', 'share', 'Capacity utilization, capacity-weighted over sectors (sold / capacity).'),
  m('profit_rate', 'zone', 'per year', 'Pre-tax operating profit per yuan of firm capital (capital at the start of the step\'s production): the return the fund\'s stakes earn before tax.'),
  m('overcapacity_sectors', 'zone', 'sectors', 'Sectors whose utilization is below the overcapacity threshold.'),
  m('border_friction', 'zone', 'share', 'Border friction d: share of cross-border supply-chain value lost.'),
  m('relocations', 'zone', 'firms', 'Firms that changed region this step.'),
  m('entries', 'zone', 'firms', 'Entrants this step.'),
  m('exits', 'zone', 'firms', 'Exits this step.'),
  m('clusters', 'zone', 'cells', 'Clustered region-sector cells.'),
  m('chain_clusters', 'zone', 'links', 'Cross-border chain clusters over all region pairs.'),
  m('mean_tech', 'zone', 'index', 'Mean firm technology level.'),
  m('high_tech_share', 'zone', 'share', 'Zone output share of high-tech sectors.'),
  m('fund_committed', 'zone', BN, 'Guidance funds: cumulative paid-in commitments (government and private).'),
  m('fund_private', 'zone', BN, 'Guidance funds: cumulative private capital mobilised (leverage times government commitments).'),
  m('fund_invested_cumulative', 'zone', BN, 'Guidance funds: amount invested in firms so far (cumulative; the region series fund_invested is per year).'),
  m('fund_cross_border_share', 'zone', 'share', 'Share of fund investment placed outside the committing governments\' regions (beyond their commitment shares).'),
  m('fund_distributions_cumulative', 'zone', BN, 'Guidance funds: distributions to partners so far (cumulative; the region series fund_distributions is per year).'),
  m('fund_fees', 'zone', BN, 'Guidance funds: cumulative management fees and carried interest.'),
  m('fund_nav', 'zone', BN, 'Guidance funds: book value of stakes held plus cash.'),
  m('fund_tvpi', 'zone', 'ratio', 'Guidance funds: total value to paid-in, (distributions + NAV) / paid-in.'),
  m('fund_dpi', 'zone', 'ratio', 'Guidance funds: distributions to paid-in, cumulative distributions to partners / cumulative paid-in (the realised part of TVPI).'),
  m('fund_grant_nav', 'zone', BN, 'Guidance funds: the part of the stakes\' book value (in fund_nav) that grants and relocation offers paid to the firms held paid for: fund share x grant, depreciated like capital, removed pro rata with written-off, scrapped and sold stakes.'),
  m('fund_grant_distributions_cumulative', 'zone', BN, 'Guidance funds: the part of distributions to partners so far that outside buyers and scrap buyers paid for grant-financed book value (pro rata to each payout, after carry).'),
  m('fund_tvpi_ex_grants', 'zone', 'ratio', 'Guidance funds: TVPI without the grant-inflated book value, (distributions - fund_grant_distributions_cumulative + NAV - fund_grant_nav) / paid-in.'),
  m('fund_dpi_ex_grants', 'zone', 'ratio', 'Guidance funds: DPI without the grant-financed part of distributions, (distributions - fund_grant_distributions_cumulative) / paid-in.'),
  m('written_off_capital', 'zone', BN, 'Capital written off in the zone (exits after scrap, relocation losses).'),
  m('outside_capital_in', 'zone', BN, 'Capital brought in from outside the zone: the four outside_* purchases and finance below.'),
  m('outside_private_paid_in', 'zone', BN, 'Private partners\' paid-in to guidance funds this step (leverage x government commitments).'),
  m('outside_entry_finance', 'zone', BN, 'Outside investors\' part of entrants\' founding capital (entryOutsideShare).'),
  m('outside_exit_purchases', 'zone', BN, 'What outside buyers paid for the stakes funds sold at vintage exits (exitPriceToBook x book value).'),
  m('outside_scrap_purchases', 'zone', BN, 'What outside paid for exiting firms\' capital sold for scrap (exitRecovery x book value).'),
  m('outside_income_out', 'zone', BN, 'Income taken out of the zone: the four outside_* income flows below.'),
  m('outside_profit_share', 'zone', BN, 'Outside owners\' share of firms\' after-tax profit (including the part reinvested).'),
  m('outside_private_distributions', 'zone', BN, 'Guidance-fund distributions to private (outside) partners.'),
  m('outside_carry', 'zone', BN, 'Carried interest paid to fund managers (outside).'),
  m('outside_fees', 'zone', BN, 'Management fees paid to fund managers (outside).'),
  m('fund_irr', 'zone', 'rate per year', 'Guidance funds: internal rate of return of partners\' flows with NAV as terminal value (no row while no rate exists, e.g. before any distribution or value).'),
  m('fund_irr_ex_grants', 'zone', 'rate per year', 'Guidance funds: IRR without the grant-financed part of distributions and of the terminal NAV (no row while no rate exists).'),
];

export function metricsOfScope(scope: MetricScope): MetricDefinition[] {
  return METRICS.filter((d) => d.scope === scope);
}

/**
 * Metrics that are flows within a step (summed over the run for "cumulative"
 * summaries); every other metric is a stock or a rate, summarised by its final
 * value and its mean over the run.
 */
export const FLOW_METRICS: ReadonlySet<string> = new Set(METRICS.filter((d) => d.kind === 'flow').map((d) => d.name));

/**
 * Whether a metric of this scope is a flow, as its registry entry declares.
 * One name means one kind in every scope: cumulative series are named `*_cumulative`.
 */
export function isFlowMetric(name: string, scope: MetricScope): boolean {
  const def = METRICS.find((d) => d.name === name && d.scope === scope);
  return def !== undefined ? def.kind === 'flow' : FLOW_METRICS.has(name);
}

/** Region label of a pair in tables, e.g. `sichuan~chongqing`. */
export function pairLabel(a: string, b: string): string {
  return `${a}~${b}`;
}
