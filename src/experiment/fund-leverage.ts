/**
 * How much of a region's gain from a fund scenario is fund money brought from
 * outside the zone (leverage) rather than production (docs/ODD.md 7.13;
 * reference design: "how much of the gain is the fund's outside money").
 *
 * Per replication, against its counterfactual (same seed and replication):
 *
 *   outside_r   = sum_t fund_outside_capital_in_r(t), run minus counterfactual
 *                 (the private partners' part of the fund money placed in r's firms);
 *   gdpGain_r   = gdp lens of the run - gdp lens of the counterfactual;
 *   welfareGain_r likewise in the welfare lens, set against the outside money
 *                 discounted as welfare discounts consumption, sum_t beta^t outside_r(t).
 *
 * The leverage share of a gain is the mean outside money over the mean gain
 * (a ratio of means, steadier than a mean of ratios); "production" is the rest,
 * 1 - that share. A share is only meaningful for a positive mean gain: a region
 * that loses, or gains nothing, gets none (null). A share above 1 says the
 * outside money alone is larger than the gain.
 */
import type { StepRecord } from '../model/record.js';
import { lensValues } from '../model/metrics/lenses.js';
import { describe, type Stats } from './statistics.js';

const METRIC = 'fund_outside_capital_in';

export interface FundLeverage {
  region: string;
  /** Cumulative outside fund money invested in the region's firms, per replication (billion yuan). */
  outsideCapital: number[];
  /** The same discounted at the welfare lens's rate (sum_t beta^t), per replication. */
  outsideCapitalDiscounted: number[];
  /** Change against the counterfactual in the gdp and welfare lenses, per replication. */
  gdpGain: number[];
  welfareGain: number[];
  /** Across replications. */
  outside: Stats;
  gdp: Stats;
  welfare: Stats;
  /** Mean outside money / mean GDP gain; null unless the mean gain is positive. */
  shareOfGdpGain: number | null;
  /** Mean discounted outside money / mean welfare gain; null unless the mean gain is positive. */
  shareOfWelfareGain: number | null;
}

function outsideMoney(records: readonly StepRecord[], region: number, beta: number): { plain: number; discounted: number } {
  let plain = 0;
  let discounted = 0;
  let factor = 1;
  for (const record of records) {
    const values = record.region[METRIC];
    // Runs before the metric existed cannot say how much came from outside: refuse rather than report zero.
    if (values === undefined) throw new Error(`fundLeverage: the records have no region metric ${METRIC}`);
    plain += values[region];
    discounted += factor * values[region];
    factor *= beta;
  }
  return { plain, discounted };
}

const share = (part: number, gain: number) => (gain > 0 && Number.isFinite(part) ? part / gain : null);

/**
 * Each region's outside fund money and its share of the region's GDP and
 * welfare gains. `runs[i]` and `counterfactual[i]` are the records of
 * replication i of the scenario and of its counterfactual.
 */
export function fundLeverage(
  runs: readonly (readonly StepRecord[])[],
  counterfactual: readonly (readonly StepRecord[])[],
  regionIds: readonly string[],
  discountRate: number,
): FundLeverage[] {
  if (runs.length !== counterfactual.length) throw new Error(`fundLeverage: ${runs.length} runs but ${counterfactual.length} counterfactual runs`);
  const R = regionIds.length;
  const beta = 1 / (1 + discountRate);
  const lenses = runs.map((records, i) => [lensValues(records, R, discountRate), lensValues(counterfactual[i], R, discountRate)] as const);
  return regionIds.map((region, r) => {
    const outsideCapital: number[] = [];
    const outsideCapitalDiscounted: number[] = [];
    runs.forEach((records, i) => {
      const mine = outsideMoney(records, r, beta);
      const base = outsideMoney(counterfactual[i], r, beta);
      outsideCapital.push(mine.plain - base.plain);
      outsideCapitalDiscounted.push(mine.discounted - base.discounted);
    });
    const gdpGain = lenses.map(([mine, base]) => mine.lens.gdp[r] - base.lens.gdp[r]);
    const welfareGain = lenses.map(([mine, base]) => mine.lens.welfare[r] - base.lens.welfare[r]);
    const outside = describe(outsideCapital);
    const gdp = describe(gdpGain);
    const welfare = describe(welfareGain);
    return {
      region,
      outsideCapital,
      outsideCapitalDiscounted,
      gdpGain,
      welfareGain,
      outside,
      gdp,
      welfare,
      shareOfGdpGain: share(outside.mean, gdp.mean),
      shareOfWelfareGain: share(describe(outsideCapitalDiscounted).mean, welfare.mean),
    };
  });
}

const money = (x: number) => `${x.toFixed(1)} bn yuan`;
const percent = (x: number) => `${(100 * x).toFixed(0)}%`;

function gainClause(lens: string, gain: number, part: number | null, outside: string): string {
  if (part === null) return `a ${lens} change of ${money(gain)} (no share: the region does not gain)`;
  return part > 1
    ? `a ${lens} gain of ${money(gain)}, smaller than the ${outside} itself (${percent(part)} of the gain)`
    : `a ${lens} gain of ${money(gain)}, of which the ${outside} is ${percent(part)} and production the other ${percent(1 - part)}`;
}

/**
 * One sentence for a report, e.g. "sichuan: 12.3 bn yuan of outside fund money
 * invested in its firms (mean of 5 replications), against a GDP gain of 150.0 bn
 * yuan, of which the outside money is 8% and production the other 92%, and a
 * welfare change of -20.0 bn yuan (no share: the region does not gain)."
 * The split is one of amounts, not of causes: a run with leverage 0 says what
 * the outside money changed.
 */
export function describeFundLeverage(x: FundLeverage): string {
  const n = x.outside.n;
  return (
    `${x.region}: ${money(x.outside.mean)} of outside fund money invested in its firms ` +
    `(mean of ${n} replication${n === 1 ? '' : 's'}), against ${gainClause('GDP', x.gdp.mean, x.shareOfGdpGain, 'outside money')}, ` +
    `and ${gainClause('welfare', x.welfare.mean, x.shareOfWelfareGain, 'outside money (discounted as welfare is)')}.`
  );
}
