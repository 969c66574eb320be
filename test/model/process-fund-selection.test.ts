/**
 * Which firms a guidance fund backs first (fund-selection.ts), on the tiny
 * world by hand: score = w_return profit/K + w_chain chain(r, k) + w_tech tau
 * - w_dup overcapacity_k, profitable firms only, best first, ties by slot;
 * the remembered threshold changes how much is ranked, never the order.
 */
import { describe, expect, it } from 'vitest';
import { visitBestFirms } from '../../src/model/fund-selection.js';
import { createFundSelection } from '../../src/model/fund-selection-buffers.js';
import type { FundParams } from '../../src/model/config.js';
import { processWorld } from '../helpers/process-world.js';

function world() {
  const sim = processWorld(() => {}, { deployRate: 1 });
  const fund: FundParams = { ...sim.config.funds[0], weights: { return: 1, chain: 0.5, tech: 2, duplication: 1 } };
  sim.config.metrics.overcapacityThreshold = 0.8;
  // Overcapacity: a (u = 1) 0; b (u = 0.4) (0.8 - 0.4) / 0.8 = 0.5.
  sim.market.utilization.set([1, 0.4]);
  sim.firms.profit.set([2, 1, 5, -1, 3, 0, 4, 4]);
  sim.firms.tech.set([0, 0.25, 0, 0, 0, 0, 0.5, 0.5]);
  // Chain value per cell: (r0, a) 0.4, (r1, b) 0.2.
  const chain = Float64Array.from([0.4, 0, 0, 0.2]);
  return { sim, fund, chain };
}

// Scores (capital 10 each):
//   firm 0 (r0, a): 2/10 + 0.5 x 0.4 + 0           - 0         = 0.4
//   firm 1 (r0, a): 1/10 + 0.5 x 0.4 + 2 x 0.25    - 0         = 0.8
//   firm 2 (r0, b): 5/10 + 0         + 0           - 1 x 0.5   = 0.0
//   firm 3: loss, firm 5: no profit (not candidates)
//   firm 4 (r1, a): 3/10                                       = 0.3
//   firms 6, 7 (r1, b): 4/10 + 0.5 x 0.2 + 2 x 0.5 - 0.5      = 1.0 (a tie: slot order)
const ORDER = [6, 7, 1, 0, 4, 2];

describe('fund selection', () => {
  it('visits the profitable firms best score first, ties by slot', () => {
    const { sim, fund, chain } = world();
    const seen: number[] = [];
    visitBestFirms(sim, fund, createFundSelection(), chain, (i) => (seen.push(i), true));
    expect(seen).toEqual(ORDER);
  });

  it('stops when told, and the threshold it remembers does not change the order next time', () => {
    const { sim, fund, chain } = world();
    const selection = createFundSelection();
    const first: number[] = [];
    visitBestFirms(sim, fund, selection, chain, (i) => (first.push(i), first.length < 2));
    expect(first).toEqual([6, 7]);
    expect(selection.threshold).toBeGreaterThan(Number.NEGATIVE_INFINITY);
    const second: number[] = [];
    visitBestFirms(sim, fund, selection, chain, (i) => (second.push(i), true));
    expect(second).toEqual(ORDER);
  });
});
