import { describe, expect, it } from 'vitest';
import { findChainClusters, findClusters, type ClusterRules } from '../../src/model/metrics/clusters.js';
import { locationQuotients } from '../../src/model/metrics/structure.js';

// 4 regions x 3 sectors. Zone total 800, sector totals [200, 200, 400]
// (zone shares 0.25, 0.25, 0.5); region totals 200, 200, 320, 80.
const OUTPUT = [
  [100, 20, 80], // r0, total 200
  [20, 120, 60], // r1, total 200
  [20, 40, 260], // r2, total 320
  [60, 20, 0], // r3, total 80
];
// LQ by hand, (X_rk / X_r) / (X_k / X):
// r0: 0.5/0.25 = 2,      0.1/0.25 = 0.4,   0.4/0.5 = 0.8
// r1: 0.1/0.25 = 0.4,    0.6/0.25 = 2.4,   0.3/0.5 = 0.6
// r2: 0.0625/0.25 = 0.25, 0.125/0.25 = 0.5, 0.8125/0.5 = 1.625
// r3: 0.75/0.25 = 3,     0.25/0.25 = 1,    0
const LQ = [
  [2, 0.4, 0.8],
  [0.4, 2.4, 0.6],
  [0.25, 0.5, 1.625],
  [3, 1, 0],
];
// Share of the zone's sector output, X_rk / X_k:
// r0: 0.5, 0.1, 0.2 | r1: 0.1, 0.6, 0.15 | r2: 0.1, 0.2, 0.65 | r3: 0.3, 0.1, 0
const FIRMS = [
  [12, 3, 6],
  [2, 15, 5],
  [1, 4, 30],
  [8, 5, 0],
];
const BASE: ClusterRules = { minLocationQuotient: 1.25, minFirms: 5, minShare: 0.25, chainThreshold: 0.2 };

function cells(clusters: boolean[][]): string[] {
  const out: string[] = [];
  clusters.forEach((row, r) => row.forEach((c, k) => c && out.push(`${r},${k}`)));
  return out;
}

describe('locationQuotients of the cluster example', () => {
  it('matches the hand values', () => {
    const lq = locationQuotients(OUTPUT);
    for (let r = 0; r < 4; r++) for (let k = 0; k < 3; k++) expect(lq[r][k]).toBeCloseTo(LQ[r][k], 12);
  });
});

describe('findClusters', () => {
  it('keeps the cells passing LQ, firm count and zone share', () => {
    // LQ >= 1.25 only at (0,0) 2, (1,1) 2.4, (2,2) 1.625, (3,0) 3
    // firms 12, 15, 30, 8 >= 5; shares 0.5, 0.6, 0.65, 0.3 >= 0.25
    // (3,1) has 5 firms but LQ 1 < 1.25; (0,2) has 6 firms but LQ 0.8
    expect(cells(findClusters(OUTPUT, FIRMS, LQ, BASE))).toEqual(['0,0', '1,1', '2,2', '3,0']);
  });

  it('drops a cell failing the zone-share threshold only', () => {
    // minShare 0.35: (3,0) has share 0.3 -> out; others 0.5, 0.6, 0.65 stay
    expect(cells(findClusters(OUTPUT, FIRMS, LQ, { ...BASE, minShare: 0.35 }))).toEqual(['0,0', '1,1', '2,2']);
  });

  it('drops cells failing the firm-count threshold only', () => {
    // minFirms 13: (0,0) 12 and (3,0) 8 -> out; (1,1) 15 and (2,2) 30 stay
    expect(cells(findClusters(OUTPUT, FIRMS, LQ, { ...BASE, minFirms: 13 }))).toEqual(['1,1', '2,2']);
  });

  it('drops a cell failing the LQ threshold only', () => {
    // minLQ 1.7: (2,2) LQ 1.625 -> out; 2, 2.4, 3 stay
    expect(cells(findClusters(OUTPUT, FIRMS, LQ, { ...BASE, minLocationQuotient: 1.7 }))).toEqual(['0,0', '1,1', '3,0']);
  });

  it('includes the thresholds themselves (>=)', () => {
    // (0,0): LQ exactly 2, 12 firms, share exactly 0.5 (100/200)
    const rules = { ...BASE, minLocationQuotient: 2, minFirms: 12, minShare: 0.5 };
    // (1,1): 2.4, 15, 0.6 passes; (2,2): LQ 1.625 < 2; (3,0): 8 firms < 12
    expect(cells(findClusters(OUTPUT, FIRMS, LQ, rules))).toEqual(['0,0', '1,1']);
    // LQ computed by the library agrees at the boundary
    expect(cells(findClusters(OUTPUT, FIRMS, locationQuotients(OUTPUT), rules))).toEqual(['0,0', '1,1']);
  });

  it('never clusters a sector with no output', () => {
    const output = [
      [10, 0],
      [5, 0],
    ];
    const rules = { minLocationQuotient: 0, minFirms: 0, minShare: 0, chainThreshold: 0 };
    const got = findClusters(output, [[1, 1], [1, 1]], [[1, 1], [1, 1]], rules);
    expect(got).toEqual([
      [true, false],
      [true, false],
    ]);
  });
});

describe('findChainClusters', () => {
  // clusters: (0,0), (1,0), (1,1), (2,2)
  const CLUSTERS = [
    [true, false, false],
    [true, true, false],
    [false, false, true],
  ];
  // a[j][k]: share of sector k's inputs bought from sector j
  const A = [
    [0.1, 0.3, 0.05],
    [0.2, 0.0, 0.25],
    [0.0, 0.15, 0.4],
  ];

  it('lists cross-border links with a[supplier][buyer] >= threshold', () => {
    // buyer (0,0): supplier (1,1) a[1][0]=0.2 ok; (1,0) a[0][0]=0.1 no; (2,2) a[2][0]=0 no
    // buyer (1,0): supplier (0,0) a[0][0]=0.1 no; (2,2) a[2][0]=0 no
    //   ((1,1) would have a[1][0]=0.2 but is in the same region)
    // buyer (1,1): supplier (0,0) a[0][1]=0.3 ok; (2,2) a[2][1]=0.15 no
    //   ((1,0) would have a[0][1]=0.3 but is in the same region)
    // buyer (2,2): supplier (0,0) a[0][2]=0.05 no; (1,0) a[0][2]=0.05 no; (1,1) a[1][2]=0.25 ok
    const links = findChainClusters(CLUSTERS, A, 0.2);
    expect(links.map((l) => l.join(',')).sort()).toEqual(['0,0,1,1', '1,1,0,0', '2,2,1,1']);
  });

  it('uses a[j][k] with j the supplier (transposing the table changes the answer)', () => {
    // with A transposed, buyer (2,2) / supplier (1,1) reads 0.15 -> no link;
    // buyer (1,1) / supplier (2,2) reads 0.25 -> link
    const At = A[0].map((_, k) => A.map((row) => row[k]));
    const links = findChainClusters(CLUSTERS, At, 0.2);
    // buyer (0,0): supplier (1,1) At[1][0]=0.3 ok; (1,0) At[0][0]=0.1; (2,2) At[2][0]=0.05
    // buyer (1,0): supplier (0,0) At[0][0]=0.1; (2,2) At[2][0]=0.05
    // buyer (1,1): supplier (0,0) At[0][1]=0.2 ok; (2,2) At[2][1]=0.25 ok
    // buyer (2,2): supplier (0,0) At[0][2]=0; (1,0) At[0][2]=0; (1,1) At[1][2]=0.15
    expect(links.map((l) => l.join(',')).sort()).toEqual(['0,0,1,1', '1,1,0,0', '1,1,2,2']);
  });

  it('finds nothing when the threshold is above every coefficient, or with one region', () => {
    expect(findChainClusters(CLUSTERS, A, 0.41)).toEqual([]);
    expect(findChainClusters([[true, true, true]], A, 0)).toEqual([]);
  });

  it('does not link through a zero coefficient even with threshold 0', () => {
    // only cross-border pairs with a > 0:
    // buyer (0,0): (1,0) a[0][0]=0.1, (1,1) a[1][0]=0.2 ; (2,2) a[2][0]=0 excluded
    // buyer (1,0): (0,0) 0.1 ; (2,2) 0 excluded
    // buyer (1,1): (0,0) a[0][1]=0.3, (2,2) a[2][1]=0.15
    // buyer (2,2): (0,0) a[0][2]=0.05, (1,0) 0.05, (1,1) a[1][2]=0.25
    const links = findChainClusters(CLUSTERS, A, 0);
    expect(links.length).toBe(8);
    expect(links.some(([r, k, s, j]) => A[j][k] === 0 || r === s)).toBe(false);
  });
});
