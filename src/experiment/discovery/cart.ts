/**
 * CART, a second view on a scenario discovery (Breiman et al. 1984): a shallow
 * binary classification tree over the same rows and dimensions as PRIM,
 * grown by the Gini impurity, read as one rule per leaf. Numbers split at the
 * midpoint between neighbouring distinct values; categories split into two
 * sets, searched over the categories ordered by their share of cases (optimal
 * for a yes/no outcome, Breiman et al. 1984, 4.2.2). A node is split only if
 * both children keep at least `minLeaf` rows and the impurity falls.
 *
 * Written here rather than taken from a library: ml-cart (the maintained
 * JavaScript CART) splits numbers only, so categorical parameters would have
 * to be coded as numbers and its rules would read as thresholds on codes.
 */
import { countCases, type DiscoveryData } from './box.js';

export const CART_DEFAULTS = { maxDepth: 3, minLeafShare: 0.02, minLeafRows: 5 } as const;

export type Split = { dimension: number; kind: 'numeric'; threshold: number } | { dimension: number; kind: 'categorical'; left: string[] };

export interface CartNode {
  rows: number;
  cases: number;
  split: Split | null;
  /** Rows meeting the split (x <= threshold, or x in the left set). */
  left: CartNode | null;
  right: CartNode | null;
}

export interface CartRule {
  /** The path's conditions, merged per dimension, in dimension order. */
  conditions: string[];
  rows: number;
  cases: number;
  density: number;
  /** Share of all cases of interest in this leaf. */
  coverage: number;
}

const gini = (cases: number, rows: number) => (rows === 0 ? 0 : 2 * (cases / rows) * (1 - cases / rows));

interface Best {
  split: Split;
  gain: number;
}

function bestSplit(data: DiscoveryData, rows: Int32Array, minLeaf: number): Best | null {
  const n = rows.length;
  const total = countCases(data.y, rows);
  const parent = gini(total, n) * n;
  let best: Best | null = null;
  const consider = (split: Split, leftRows: number, leftCases: number) => {
    if (leftRows < minLeaf || n - leftRows < minLeaf) return;
    const gain = parent - gini(leftCases, leftRows) * leftRows - gini(total - leftCases, n - leftRows) * (n - leftRows);
    if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { split, gain };
  };
  data.dimensions.forEach((d, j) => {
    if (d.kind === 'numeric') {
      const order = Array.from(rows).sort((a, b) => d.values[a] - d.values[b]);
      let cases = 0;
      for (let i = 0; i < n - 1; i++) {
        cases += data.y[order[i]];
        const [v, next] = [d.values[order[i]], d.values[order[i + 1]]];
        if (v !== next) consider({ dimension: j, kind: 'numeric', threshold: (v + next) / 2 }, i + 1, cases);
      }
    } else {
      const counts = new Map<string, { rows: number; cases: number }>();
      for (const r of rows) {
        const c = counts.get(d.values[r]) ?? { rows: 0, cases: 0 };
        c.rows++;
        c.cases += data.y[r];
        counts.set(d.values[r], c);
      }
      const ordered = [...counts.entries()].sort((a, b) => a[1].cases / a[1].rows - b[1].cases / b[1].rows || a[0].localeCompare(b[0]));
      let [leftRows, leftCases] = [0, 0];
      for (let i = 0; i < ordered.length - 1; i++) {
        leftRows += ordered[i][1].rows;
        leftCases += ordered[i][1].cases;
        consider({ dimension: j, kind: 'categorical', left: ordered.slice(0, i + 1).map(([c]) => c).sort() }, leftRows, leftCases);
      }
    }
  });
  return best;
}

const goesLeft = (data: DiscoveryData, split: Split, row: number): boolean => {
  const d = data.dimensions[split.dimension];
  if (split.kind === 'numeric' && d.kind === 'numeric') return d.values[row] <= split.threshold;
  if (split.kind === 'categorical' && d.kind === 'categorical') return split.left.includes(d.values[row]);
  throw new Error('a split and its dimension are of different kinds');
};

/** Grows the tree over all rows (depth at most `maxDepth`, default 3). */
export function growTree(data: DiscoveryData, options: { maxDepth?: number; minLeaf?: number } = {}): CartNode {
  const n = data.y.length;
  const maxDepth = options.maxDepth ?? CART_DEFAULTS.maxDepth;
  const minLeaf = options.minLeaf ?? Math.max(CART_DEFAULTS.minLeafRows, Math.ceil(CART_DEFAULTS.minLeafShare * n));
  const grow = (rows: Int32Array, depth: number): CartNode => {
    const node: CartNode = { rows: rows.length, cases: countCases(data.y, rows), split: null, left: null, right: null };
    if (depth >= maxDepth || node.cases === 0 || node.cases === node.rows) return node;
    const best = bestSplit(data, rows, minLeaf);
    if (!best) return node;
    node.split = best.split;
    node.left = grow(rows.filter((r) => goesLeft(data, best.split, r)), depth + 1);
    node.right = grow(rows.filter((r) => !goesLeft(data, best.split, r)), depth + 1);
    return node;
  };
  return grow(Int32Array.from({ length: n }, (_, i) => i), 0);
}

const number = (x: number) => Number(x.toPrecision(4)).toString();

/** One rule per leaf, densest first (ties: more rows). */
export function treeRules(data: DiscoveryData, tree: CartNode): CartRule[] {
  const rules: CartRule[] = [];
  type Bounds = { lo: number; hi: number; allowed: string[] | null };
  const walk = (node: CartNode, bounds: Bounds[]) => {
    if (!node.split || !node.left || !node.right) {
      const conditions = bounds.flatMap((b, j): string[] => {
        const name = data.dimensions[j].name;
        if (b.allowed) return [b.allowed.length === 1 ? `${name} = ${b.allowed[0]}` : `${name} in {${b.allowed.join(', ')}}`];
        if (b.lo > -Infinity && b.hi < Infinity) return [`${number(b.lo)} < ${name} <= ${number(b.hi)}`];
        if (b.lo > -Infinity) return [`${name} > ${number(b.lo)}`];
        if (b.hi < Infinity) return [`${name} <= ${number(b.hi)}`];
        return [];
      });
      rules.push({ conditions, rows: node.rows, cases: node.cases, density: node.rows > 0 ? node.cases / node.rows : Number.NaN, coverage: tree.cases > 0 ? node.cases / tree.cases : Number.NaN });
      return;
    }
    const split = node.split;
    const d = data.dimensions[split.dimension];
    const side = (left: boolean): Bounds[] =>
      bounds.map((b, j) => {
        if (j !== split.dimension) return b;
        if (split.kind === 'numeric') return left ? { ...b, hi: Math.min(b.hi, split.threshold) } : { ...b, lo: Math.max(b.lo, split.threshold) };
        const all = b.allowed ?? (d.kind === 'categorical' ? [...d.categories] : []);
        return { ...b, allowed: all.filter((c) => split.left.includes(c) === left) };
      });
    walk(node.left, side(true));
    walk(node.right, side(false));
  };
  walk(tree, data.dimensions.map(() => ({ lo: -Infinity, hi: Infinity, allowed: null })));
  return rules.sort((a, b) => b.density - a.density || b.rows - a.rows);
}
