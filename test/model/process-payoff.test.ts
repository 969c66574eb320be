/**
 * Step 7's payoffs (payoff.ts), on the tiny world by hand: each region's
 * accounts of the step give its payoff, gdp x VA + fiscal x fiscal balance +
 * welfare x (consumption + change in resident wealth), and its tally and
 * objective to date, welfare discounted by 1/(1 + rate) a year.
 */
import { describe, expect, it } from 'vitest';
import { createFlows } from '../../src/model/flows.js';
import { payGovernments } from '../../src/model/payoff.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import { processWorld } from '../helpers/process-world.js';

function world(): Simulation {
  const sim = processWorld((input) => {
    input.governments.r0.objective = { gdp: 1, welfare: 1, fiscal: 1 };
    input.governments.r1.objective = { gdp: 0.5, welfare: 0, fiscal: 2 };
    input.metrics = { ...input.metrics, discountRate: 0.25 }; // beta = 0.8
  });
  const flows = createFlows(2, 0); // no funds: resident wealth is resident capital alone
  // r0: income 10 + 4 + 3 + 0 + 1 + 2 (side payment received) = 20; investment 2 + 1 + 3 + 1 = 7.
  flows.wages.set([10, 5]);
  flows.taxes.set([4, 2]);
  flows.residentProfit.set([3, 0]);
  flows.residentScrap.set([1, 0]);
  flows.residentReinvest.set([2, 0]);
  flows.residentEntry.set([1, 0]);
  flows.grants.set([3, 1]);
  flows.offersPaid.set([1, 0]);
  flows.sidePaymentsReceived.set([2, 0]);
  flows.sidePaymentsPaid.set([0, 2]);
  flows.residentCapital.set([50, 20]);
  sim.flows = flows;
  sim.previous.wealth.set([40, 25]);
  sim.state = { ...sim.state, step: 1 };
  sim.state.governments[0].tally = { valueAdded: 100, fiscalBalance: 10, discountedConsumption: 20 };
  return sim;
}

describe('government payoffs', () => {
  it('weighs the step\'s accounts into each payoff and books the objective to date', () => {
    const sim = world();
    const { payoff, wealth } = payGovernments(sim, Float64Array.from([30, 10]));
    expect(Array.from(wealth)).toEqual([50, 20]);
    // r0: consumption 20 - 7 = 13; fiscal 4 - 3 - 1 + 2 = 2; payoff 30 + 2 + (13 + 50 - 40) = 55.
    // r1: income 5 + 2 - 2 = 5, investment 1, consumption 4; fiscal 2 - 1 - 2 = -1; payoff 0.5 x 10 + 2 x -1 = 3.
    expect(payoff[0]).toBeCloseTo(55, 12);
    expect(payoff[1]).toBeCloseTo(3, 12);
    // r0's tally: VA 100 + 30 = 130, fiscal 10 + 2 = 12, consumption 20 + 0.8^1 x 13 = 30.4;
    // objective 130 + 12 + (30.4 + 0.8^2 x 50) = 204.4.
    const [g0, g1] = sim.state.governments;
    expect(g0.tally.valueAdded).toBeCloseTo(130, 12);
    expect(g0.tally.fiscalBalance).toBeCloseTo(12, 12);
    expect(g0.tally.discountedConsumption).toBeCloseTo(30.4, 12);
    expect(g0.cumulativePayoff).toBeCloseTo(204.4, 12);
    // r1 from an empty tally: VA 10, fiscal -1, consumption 0.8 x 4 = 3.2; objective 0.5 x 10 + 2 x -1 = 3.
    expect(g1.tally.discountedConsumption).toBeCloseTo(3.2, 12);
    expect(g1.cumulativePayoff).toBeCloseTo(3, 12);
  });
});
