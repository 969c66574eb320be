/**
 * Clusters (docs/ODD.md 7.15): a region-sector pair is a cluster when its location
 * quotient is at least `minLocationQuotient`, it has at least `minFirms` firms and
 * it produces at least `minShare` of the zone's output of that sector. A
 * cross-border chain cluster is a pair (k in r, j in s != r) of clusters whose
 * input-output link a[j][k] (k buys from j) reaches `chainThreshold`.
 */
export interface ClusterRules {
  minLocationQuotient: number;
  minFirms: number;
  minShare: number;
  chainThreshold: number;
}

export function findClusters(
  output: number[][],
  firms: number[][],
  lq: number[][],
  rules: ClusterRules,
): boolean[][] {
  const sectors = output.length > 0 ? output[0].length : 0;
  const sectorTotal = new Array<number>(sectors).fill(0);
  for (const row of output) row.forEach((x, k) => (sectorTotal[k] += x));
  return output.map((row, r) =>
    row.map(
      (x, k) =>
        lq[r][k] >= rules.minLocationQuotient &&
        firms[r][k] >= rules.minFirms &&
        sectorTotal[k] > 0 &&
        x / sectorTotal[k] >= rules.minShare,
    ),
  );
}

/** Cross-border chain clusters as [buyerRegion, buyerSector, supplierRegion, supplierSector]. */
export function findChainClusters(
  clusters: boolean[][],
  inputOutput: number[][],
  threshold: number,
): [number, number, number, number][] {
  const links: [number, number, number, number][] = [];
  const regions = clusters.length;
  const sectors = regions > 0 ? clusters[0].length : 0;
  for (let r = 0; r < regions; r++) {
    for (let k = 0; k < sectors; k++) {
      if (!clusters[r][k]) continue;
      for (let s = 0; s < regions; s++) {
        if (s === r) continue;
        for (let j = 0; j < sectors; j++) {
          if (clusters[s][j] && inputOutput[j][k] >= threshold && inputOutput[j][k] > 0) links.push([r, k, s, j]);
        }
      }
    }
  }
  return links;
}
