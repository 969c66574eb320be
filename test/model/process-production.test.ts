/**
 * Step 5, production (production.ts), on the tiny world by hand: capacity,
 * market clearing (price within floor and ceiling, sales on the demand curve)
 * and each firm's sales, costs, value added, profit, tax and loss years.
 */
import { describe, expect, it } from 'vitest';
import { clearMarkets, computeCapacity, computeCellCapital, computeMultipliers, produce } from '../../src/model/production.js';
import { CELL, processWorld } from '../helpers/process-world.js';

/** Neutral agglomeration (multiplier 1 everywhere), two sectors with hand-picked prices and costs. */
function world() {
  const sim = processWorld();
  const p = sim.state.params;
  p.agglomeration = { ...p.agglomeration, localization: 0, inputOutput: 0, congestion: 0, minimum: 0 };
  p.firms = { ...p.firms, techCostReduction: 0.5 };
  p.governments[0] = { ...p.governments[0], taxRate: 0.2 };
  p.governments[1] = { ...p.governments[1], taxRate: 0.1 };
  const [a, b] = sim.config.sectors;
  Object.assign(a, { price: 1, elasticity: 2, priceFloor: 0.5, priceCeiling: 2, unitCost: 0.6, fixedCost: 0.06 });
  Object.assign(b, { price: 1, elasticity: 2, priceFloor: 0.8, priceCeiling: 2, unitCost: 0.6, fixedCost: 0.1 });
  sim.firms.tech[0] = 0.5;
  sim.firms.lossYears.fill(0);
  return sim;
}

describe('production', () => {
  it('clears each market on its demand curve, within the price floor and ceiling', () => {
    const sim = world();
    computeCellCapital(sim);
    computeMultipliers(sim);
    computeCapacity(sim);
    // Capacity of a cell: 2 firms x A 1 x M 1 x K 10 = 20; of a sector: 40.
    expect(Array.from(sim.cells.capacity)).toEqual([20, 20, 20, 20]);
    expect(Array.from(sim.market.capacity)).toEqual([40, 40]);
    sim.market.demand.set([90, 10]);
    clearMarkets(sim);
    // a: p = 1 x (90 / 40)^(1/2) = 1.5 (inside [0.5, 2]); sold = min(40, 90 x 1.5^-2) = 40; u = 1.
    expect(sim.market.price[0]).toBeCloseTo(1.5, 12);
    expect(sim.market.sold[0]).toBeCloseTo(40, 12);
    expect(sim.market.utilization[0]).toBeCloseTo(1, 12);
    // b: (10 / 40)^(1/2) = 0.5 is below the floor, p = 0.8; sold = 10 x 0.8^-2 = 15.625; u = 15.625 / 40 = 0.390625.
    expect(sim.market.price[1]).toBe(0.8);
    expect(sim.market.sold[1]).toBeCloseTo(15.625, 12);
    expect(sim.market.utilization[1]).toBeCloseTo(0.390625, 12);
  });

  it('books sales, value added, profit, tax and loss years firm by firm', () => {
    const sim = world();
    computeCellCapital(sim);
    computeMultipliers(sim);
    computeCapacity(sim);
    sim.market.demand.set([90, 10]);
    clearMarkets(sim);
    // Border friction: r1's sector a buys half its inputs across the border, d = 0.2: unit cost 0.6 x 1.1 = 0.66.
    sim.state.params.friction.border = 0.2;
    sim.cells.foreignInputShare.fill(0);
    sim.cells.foreignInputShare[CELL.r1a] = 0.5;
    const totals = { taxes: new Float64Array(2), taxBase: new Float64Array(2) };
    produce(sim, totals);
    const { profit, lossYears } = sim.firms;
    // Firm 0 (r0, a, tau 0.5): sold 10 x u 1 = 10, revenue 1.5 x 10 = 15, variable 0.6 x (1 - 0.5 x 0.5) x 10 = 4.5,
    // operating 15 - 4.5 - 0.06 x 10 = 9.9, tax 0.2 x 9.9 = 1.98, after tax 7.92.
    expect(profit[0]).toBeCloseTo(7.92, 12);
    // Firm 1 (tau 0): variable 6, operating 15 - 6 - 0.6 = 8.4, after tax 0.8 x 8.4 = 6.72.
    expect(profit[1]).toBeCloseTo(6.72, 12);
    // Firms 2-3 (r0, b): sold 10 x 0.390625 = 3.90625, revenue 0.8 x 3.90625 = 3.125, variable 0.6 x 3.90625 = 2.34375,
    // operating 3.125 - 2.34375 - 0.1 x 10 = -0.21875: no tax, a loss year.
    expect(profit[2]).toBeCloseTo(-0.21875, 12);
    expect(lossYears[2]).toBe(1);
    expect(lossYears[0]).toBe(0);
    // Firms 4-5 (r1, a): variable 0.66 x 10 = 6.6, operating 15 - 6.6 - 0.6 = 7.8, after tax 0.9 x 7.8 = 7.02.
    expect(profit[4]).toBeCloseTo(7.02, 12);
    // Cells: output (revenue), value added (revenue - variable), operating profit.
    expect(sim.cells.output[CELL.r0a]).toBeCloseTo(30, 12);
    expect(sim.cells.valueAdded[CELL.r0a]).toBeCloseTo(10.5 + 9, 12); // (15 - 4.5) + (15 - 6)
    expect(sim.cells.profit[CELL.r0a]).toBeCloseTo(9.9 + 8.4, 12);
    expect(sim.cells.valueAdded[CELL.r0b]).toBeCloseTo(2 * (3.125 - 2.34375), 12);
    expect(sim.cells.valueAdded[CELL.r1a]).toBeCloseTo(2 * (15 - 6.6), 12);
    expect(sim.cells.profit[CELL.r1b]).toBeCloseTo(2 * -0.21875, 12);
    // Taxes on positive operating profit only: r0 0.2 x (9.9 + 8.4) = 3.66, r1 0.1 x 2 x 7.8 = 1.56.
    expect(totals.taxBase[0]).toBeCloseTo(18.3, 12);
    expect(totals.taxes[0]).toBeCloseTo(3.66, 12);
    expect(totals.taxBase[1]).toBeCloseTo(15.6, 12);
    expect(totals.taxes[1]).toBeCloseTo(1.56, 12);
  });
});
