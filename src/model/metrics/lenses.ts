/**
 * The three lenses a region's fortunes are read in (docs/ODD.md 7.14, revision 2
 * of the design), from one replication's records:
 *
 *   gdp      cumulative value added produced in the region (what local officials
 *            have been ranked on);
 *   welfare  W_r = sum_t beta^t consumption_r(t) + beta^T resident_wealth_r(T),
 *            beta = 1 / (1 + discountRate), t = 0 .. T-1 the steps, T their number:
 *            what the region's residents and government can consume, now and later;
 *   fiscal   cumulative fiscal balance (taxes - grants - offers - fund payments
 *            + fund distributions).
 *
 * Against the counterfactual, a change in welfare does not depend on initial
 * wealth (both runs start from the same world).
 */
import type { StepRecord } from '../record.js';

export const LENSES = ['welfare', 'gdp', 'fiscal'] as const;
export type Lens = (typeof LENSES)[number];

/** The registry metrics each lens is computed from (lensValues below), for the metric dictionary (metrics.json). */
export const LENS_OF_METRIC: Readonly<Record<string, Lens>> = { value_added: 'gdp', fiscal_balance: 'fiscal', consumption: 'welfare', resident_wealth: 'welfare' };

/** Each region's value in each lens, and (welfare) the discounted consumption alone, which sets its tolerance band. */
export interface LensValues {
  lens: Record<Lens, number[]>;
  /** sum_t beta^t consumption_r(t): a region's welfare changes are judged against this (wealth can be near zero). */
  discountedConsumption: number[];
}

export function lensValues(records: readonly StepRecord[], regions: number, discountRate: number): LensValues {
  const beta = 1 / (1 + discountRate);
  const gdp = new Array<number>(regions).fill(0);
  const fiscal = new Array<number>(regions).fill(0);
  const discounted = new Array<number>(regions).fill(0);
  let factor = 1;
  for (const record of records) {
    for (let r = 0; r < regions; r++) {
      gdp[r] += record.region.value_added[r];
      fiscal[r] += record.region.fiscal_balance[r];
      discounted[r] += factor * record.region.consumption[r];
    }
    factor *= beta;
  }
  const last = records[records.length - 1];
  const welfare = discounted.map((c, r) => c + factor * (last ? last.region.resident_wealth[r] : 0));
  return { lens: { welfare, gdp, fiscal }, discountedConsumption: discounted };
}

/** The base a region's change in a lens is judged against: its own counterfactual value (welfare: discounted consumption). */
export function lensBase(values: LensValues, lens: Lens): number[] {
  return lens === 'welfare' ? values.discountedConsumption : values.lens[lens];
}

/** The lenses of the game analysis: the three, plus each government's own objective (its weights over them). */
export const GAME_LENSES = ['objective', 'welfare', 'gdp', 'fiscal'] as const;
export type GameLens = (typeof GAME_LENSES)[number];

/** Each region's objective value: its government's weights times its lens values. */
export function objectiveValues(values: LensValues, weights: readonly { gdp: number; welfare: number; fiscal: number }[]): number[] {
  return weights.map((w, r) => w.gdp * values.lens.gdp[r] + w.welfare * values.lens.welfare[r] + w.fiscal * values.lens.fiscal[r]);
}

/** One part of a lens value, per region; a lens's parts sum to its value exactly. */
export interface LensPart {
  part: string;
  values: number[];
}

/**
 * Where each lens value comes from (for the game's payoff decomposition):
 *
 *   gdp      wages + taxes + after-tax profit of the firms located in the region
 *   fiscal   taxes - grants and relocation offers - fund payments + fund distributions
 *   welfare  discounted: value added + profit received from firms and funds elsewhere
 *            less profit paid to owners elsewhere (outside investors, the fund, the other
 *            region's residents) - grants and offers - fund payments + fund distributions
 *            - residents' investment in firms (own reinvestment, entrants) + scrap proceeds,
 *            plus the discounted final wealth.
 *
 * The welfare identity is consumption = resident_income - resident_investment with
 * resident_income = value added + (profit from elsewhere - profit to elsewhere)
 * + fund distributions + scrap proceeds.
 */
export function lensParts(records: readonly StepRecord[], regions: number, discountRate: number): Record<Lens, LensPart[]> {
  const beta = 1 / (1 + discountRate);
  const zero = () => new Array<number>(regions).fill(0);
  const gdp = { wages: zero(), taxes: zero(), profit: zero() };
  const fiscal = { taxes: zero(), spending: zero(), payments: zero(), distributions: zero() };
  const welfare = { valueAdded: zero(), elsewhere: zero(), spending: zero(), payments: zero(), distributions: zero(), investment: zero(), scrap: zero(), wealth: zero() };
  let factor = 1;
  for (const { region: x } of records) {
    for (let r = 0; r < regions; r++) {
      const spending = x.grants[r] + x.relocation_offers[r];
      gdp.wages[r] += x.wages[r];
      gdp.taxes[r] += x.tax_revenue[r];
      gdp.profit[r] += x.value_added[r] - x.wages[r] - x.tax_revenue[r];
      fiscal.taxes[r] += x.tax_revenue[r];
      fiscal.spending[r] -= spending;
      fiscal.payments[r] -= x.fund_payments[r];
      fiscal.distributions[r] += x.fund_distributions[r];
      welfare.valueAdded[r] += factor * x.value_added[r];
      welfare.elsewhere[r] += factor * (x.resident_income[r] - x.fund_distributions[r] - x.scrap_proceeds[r] - x.value_added[r]);
      welfare.spending[r] -= factor * spending;
      welfare.payments[r] -= factor * x.fund_payments[r];
      welfare.distributions[r] += factor * x.fund_distributions[r];
      welfare.investment[r] -= factor * (x.resident_investment[r] - spending - x.fund_payments[r]);
      welfare.scrap[r] += factor * x.scrap_proceeds[r];
    }
    factor *= beta;
  }
  const last = records[records.length - 1];
  for (let r = 0; r < regions; r++) welfare.wealth[r] = last ? factor * last.region.resident_wealth[r] : 0;
  return {
    gdp: [
      { part: 'wages', values: gdp.wages },
      { part: 'taxes', values: gdp.taxes },
      { part: 'after-tax profit of firms located here', values: gdp.profit },
    ],
    fiscal: [
      { part: 'taxes', values: fiscal.taxes },
      { part: 'grants and relocation offers', values: fiscal.spending },
      { part: 'fund payments', values: fiscal.payments },
      { part: 'fund distributions', values: fiscal.distributions },
    ],
    welfare: [
      { part: 'value added', values: welfare.valueAdded },
      { part: 'profit from owners elsewhere, net (outside leakage)', values: welfare.elsewhere },
      { part: 'grants and relocation offers', values: welfare.spending },
      { part: 'fund payments', values: welfare.payments },
      { part: 'fund distributions', values: welfare.distributions },
      { part: "residents' investment in firms (capital cost)", values: welfare.investment },
      { part: 'scrap proceeds', values: welfare.scrap },
      { part: 'final wealth', values: welfare.wealth },
    ],
  };
}

/** The parts of each region's objective: each weighted lens's parts, named "<lens>: <part>" when more than one lens counts. */
export function objectiveParts(parts: Record<Lens, LensPart[]>, weights: readonly { gdp: number; welfare: number; fiscal: number }[]): LensPart[] {
  const used = LENSES.filter((lens) => weights.some((w) => w[lens] !== 0));
  return used.flatMap((lens) =>
    parts[lens].map((p) => ({ part: used.length > 1 ? `${lens}: ${p.part}` : p.part, values: p.values.map((v, r) => weights[r][lens] * v) })),
  );
}
