/**
 * Duplicated investment: the same-sector overlap of new investment across regions,
 * sum_k (sum_r I[r][k] - max_r I[r][k]) (docs/ODD.md 7.15). With one region investing in a
 * sector there is no duplication; with two investing equally, half is duplicated.
 */
export interface DuplicatedInvestment {
  /** Overlap amount, billion yuan. */
  amount: number;
  /** Overlap as a share of all investment. */
  share: number;
  /** Overlap in sectors in overcapacity (u_k < u_star). */
  intoOvercapacity: number;
  intoOvercapacityShare: number;
  /** Overlap by sector. */
  bySector: number[];
}

export function duplicatedInvestment(
  investment: number[][],
  overcapacity: ArrayLike<boolean | number>,
): DuplicatedInvestment {
  const regions = investment.length;
  const sectors = regions > 0 ? investment[0].length : 0;
  const bySector = new Array<number>(sectors).fill(0);
  let amount = 0;
  let intoOvercapacity = 0;
  let total = 0;
  for (let k = 0; k < sectors; k++) {
    let sum = 0;
    let max = 0;
    for (let r = 0; r < regions; r++) {
      const value = Math.max(0, investment[r][k]);
      sum += value;
      if (value > max) max = value;
    }
    const overlap = sum - max;
    bySector[k] = overlap;
    amount += overlap;
    total += sum;
    if (overcapacity[k]) intoOvercapacity += overlap;
  }
  return {
    amount,
    share: total > 0 ? amount / total : 0,
    intoOvercapacity,
    intoOvercapacityShare: total > 0 ? intoOvercapacity / total : 0,
    bySector,
  };
}
