/**
 * Duplicated investment (docs/ODD.md 7.15; revision 2 of the design): only
 * capacity-expanding investment can be duplicated. Expansion in cell (r,k) is
 *
 *   E[r][k] = max(0, I[r][k] - delta C[r][k])
 *
 * (gross investment from every source, entrants' founding capital included,
 * less the replacement of the capital that wore out), and the duplicated part
 * is the same-sector overlap sum_k (sum_r E[r][k] - max_r E[r][k]). With one
 * region expanding a sector there is no duplication; with two expanding it
 * equally, half is duplicated. Ordinary reinvestment that only keeps capital
 * up is never counted.
 */
export interface ExpansionInvestment {
  /** Expansion over all cells, billion yuan. */
  expansion: number;
  /** Expansion by sector. */
  bySector: number[];
  /** Duplicated expansion, billion yuan. */
  duplicated: number;
  /** Duplicated expansion as a share of all expansion (0 without expansion). */
  duplicatedShare: number;
  /** Duplicated expansion by sector. */
  duplicatedBySector: number[];
}

export function expansionInvestment(gross: readonly (readonly number[])[], capital: readonly (readonly number[])[], depreciation: number): ExpansionInvestment {
  const regions = gross.length;
  const sectors = regions > 0 ? gross[0].length : 0;
  const bySector = new Array<number>(sectors).fill(0);
  const duplicatedBySector = new Array<number>(sectors).fill(0);
  let expansion = 0;
  let duplicated = 0;
  for (let k = 0; k < sectors; k++) {
    let sum = 0;
    let max = 0;
    for (let r = 0; r < regions; r++) {
      const e = Math.max(0, gross[r][k] - depreciation * capital[r][k]);
      sum += e;
      if (e > max) max = e;
    }
    bySector[k] = sum;
    duplicatedBySector[k] = sum - max;
    expansion += sum;
    duplicated += sum - max;
  }
  return { expansion, bySector, duplicated, duplicatedShare: expansion > 0 ? duplicated / expansion : 0, duplicatedBySector };
}
