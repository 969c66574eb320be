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
