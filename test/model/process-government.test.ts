/**
 * Step 3, spending (government.ts), on the tiny world by hand: the budget
 * B = share x tax x VA(t-1) + share x net side payments(t-1) + transfers, and
 * how each strategy splits it: invest by plan weights, cooperate by
 * comparative advantage (own capital x LQ^beta), compete on relocation offers
 * and grants to the hot sectors, with the tax cut; friction falls when all cooperate.
 */
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../src/model/config.js';
import { spendBudgets } from '../../src/model/government.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import { CELL, processWorld } from '../helpers/process-world.js';

function world(strategies: [Strategy, Strategy]): Simulation {
  const sim = processWorld();
  const p = sim.state.params;
  p.governments = p.governments.map((g) => ({ ...g, investShare: 0.5, taxRate: 0.2, taxMin: 0.1, taxCut: 0.05, transfers: 1, planWeights: [3, 1] }));
  p.policy = { ...p.policy, poachShare: 0.4, hotSectors: 1, comparativeTilt: 1, divisionOfLabour: [[], []] };
  p.friction = { ...p.friction, border: 0.3, minimum: 0, cooperationReduction: 0.05 };
  sim.state.governments.forEach((g, r) => (g.strategy = strategies[r]));
  // The scenario's own rate is 0.25: a government below it that does not compete moves back up by taxCut.
  for (const g of sim.config.governments) g.params = { ...g.params, taxRate: 0.25 };
  sim.previous.valueAdded.set([100, 50]);
  sim.previous.sidePayments.set([2, 0]);
  // Capital by cell: r0 a 30, b 10; r1 a 10, b 30 (zone: 40 in each sector, 80 in all).
  sim.cells.capital.set([30, 10, 10, 30]);
  sim.market.demandGrowth.set([0.1, 0]);
  sim.market.profitRate.set([0, 0]);
  return sim;
}

describe('government spending', () => {
  it('invest: the budget goes to grants by plan weights', () => {
    const sim = world(['invest', 'invest']);
    spendBudgets(sim);
    // r0: B = 0.5 x 0.2 x 100 + 0.5 x 2 + 1 = 12; grants a 12 x 3/4 = 9, b 12 x 1/4 = 3.
    expect(sim.flows.budget[0]).toBeCloseTo(12, 12);
    expect(sim.cells.grants[CELL.r0a]).toBeCloseTo(9, 12);
    expect(sim.cells.grants[CELL.r0b]).toBeCloseTo(3, 12);
    // r1: B = 0.5 x 0.2 x 50 + 0 + 1 = 6; a 4.5, b 1.5.
    expect(sim.flows.budget[1]).toBeCloseTo(6, 12);
    expect(sim.cells.grants[CELL.r1a]).toBeCloseTo(4.5, 12);
    expect(sim.cells.grants[CELL.r1b]).toBeCloseTo(1.5, 12);
    expect(Array.from(sim.flows.offersBudget)).toEqual([0, 0]);
    // Tax rates recover toward the scenario's 0.25 by 0.05: 0.2 + 0.05 = 0.25; friction stays (not everyone cooperates).
    expect(sim.state.params.governments[0].taxRate).toBeCloseTo(0.25, 12);
    expect(sim.state.params.friction.border).toBe(0.3);
  });

  it('cooperate: by comparative advantage, and border friction falls when all cooperate', () => {
    const sim = world(['cooperate', 'cooperate']);
    spendBudgets(sim);
    // r0: LQ(a) = (30/40) / (40/80) = 1.5, LQ(b) = (10/40) / (40/80) = 0.5; weights 30 x 1.5 = 45 and 10 x 0.5 = 5,
    // shares 0.9 and 0.1 of B = 12: grants 10.8 and 1.2. r1 is the mirror image: of B = 6, 0.6 and 5.4.
    expect(sim.cells.grants[CELL.r0a]).toBeCloseTo(10.8, 12);
    expect(sim.cells.grants[CELL.r0b]).toBeCloseTo(1.2, 12);
    expect(sim.cells.grants[CELL.r1a]).toBeCloseTo(0.6, 12);
    expect(sim.cells.grants[CELL.r1b]).toBeCloseTo(5.4, 12);
    // Friction 0.3 - 0.05 = 0.25.
    expect(sim.state.params.friction.border).toBeCloseTo(0.25, 12);
  });

  it('compete: relocation offers, grants to the hot sector, and a tax cut', () => {
    const sim = world(['compete', 'invest']);
    spendBudgets(sim);
    // r0: offers 0.4 x 12 = 4.8; grants 12 - 4.8 = 7.2, all to the one hot sector (a: growth 0.1 + profit rate 0 beats b's 0).
    expect(sim.flows.offersBudget[0]).toBeCloseTo(4.8, 12);
    expect(sim.scratch.offerBudgetLeft[0]).toBeCloseTo(4.8, 12);
    expect(sim.cells.grants[CELL.r0a]).toBeCloseTo(7.2, 12);
    expect(sim.cells.grants[CELL.r0b]).toBe(0);
    expect(Array.from(sim.scratch.hot)).toEqual([1, 0]);
    // The competing government cuts its tax rate by 0.05 (floor 0.1); the other recovers to 0.25.
    expect(sim.state.params.governments[0].taxRate).toBeCloseTo(0.15, 12);
    expect(sim.state.params.governments[1].taxRate).toBeCloseTo(0.25, 12);
    // r1 invests by plan: 4.5 and 1.5 of its 6, no offers.
    expect(sim.cells.grants[CELL.r1a]).toBeCloseTo(4.5, 12);
    expect(sim.flows.offersBudget[1]).toBe(0);
  });
});
