/** The CART view of a discovery (src/experiment/discovery/cart.ts). */
import { describe, expect, it } from 'vitest';
import type { DiscoveryData } from '../../src/experiment/discovery/box.js';
import { growTree, treeRules } from '../../src/experiment/discovery/cart.js';

/** A grid over x in 0..9 and a strategy; y = 1 when x >= 6 and the strategy is cooperate or mixed. */
function grid(): DiscoveryData {
  const xs: number[] = [];
  const strategies: string[] = [];
  const y: number[] = [];
  for (let x = 0; x < 10; x++)
    for (const s of ['compete', 'cooperate', 'mixed'])
      for (let rep = 0; rep < 4; rep++) {
        xs.push(x);
        strategies.push(s);
        y.push(x >= 6 && s !== 'compete' ? 1 : 0);
      }
  return { dimensions: [{ name: 'x', kind: 'numeric', values: Float64Array.from(xs) }, { name: 'strategy', kind: 'categorical', values: strategies, categories: ['compete', 'cooperate', 'mixed'] }], y: Uint8Array.from(y) };
}

describe('CART', () => {
  it('finds the rule of a clean split: a threshold at the midpoint and a set of categories', () => {
    const data = grid();
    const rules = treeRules(data, growTree(data));
    expect(rules[0]).toMatchObject({ conditions: ['x > 5.5', 'strategy in {cooperate, mixed}'], rows: 32, cases: 32, density: 1, coverage: 1 });
    expect(rules.slice(1).every((r) => r.cases === 0)).toBe(true);
    expect(rules.reduce((n, r) => n + r.rows, 0)).toBe(120);
  });

  it('stays within the depth and the smallest leaf asked for', () => {
    const data = grid();
    const depth = (n: ReturnType<typeof growTree>): number => (n.left && n.right ? 1 + Math.max(depth(n.left), depth(n.right)) : 0);
    expect(depth(growTree(data, { maxDepth: 1 }))).toBe(1);
    const rules = treeRules(data, growTree(data, { minLeaf: 50 }));
    expect(rules.every((r) => r.rows >= 50)).toBe(true);
  });
});
