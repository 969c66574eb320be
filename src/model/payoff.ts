/**
 * Part of step 7 (docs/ODD.md 4 and 7.14): the governments' payoffs. After the
 * fund returns and side payments, each region's accounts of the step (value
 * added, fiscal balance, consumption, resident wealth now and before) give its
 * government's payoff of the step, weighted over the lenses (objective.ts), and
 * its objective to date, kept in the state as `cumulativePayoff`.
 */
import { addStep, fiscalBalance, objectiveToDate, residentIncome, residentInvestment, stepPayoff, type RegionStep } from './objective.js';
import { residentWealth } from './record.js';
import type { Simulation } from './simulation-state.js';
import { updateState } from './state.js';

/** The step's payoff and resident wealth (now) of each region, as the record and the next step read them. */
export interface StepPayoffs {
  payoff: Float64Array;
  wealth: Float64Array;
}

/**
 * Each government's payoff of this step from `valueAdded` (this step's, by
 * region) and the step's flows; books each government's tally and objective to
 * date in the state (logged as 'payoff').
 */
export function payGovernments(sim: Simulation, valueAdded: Float64Array): StepPayoffs {
  const { config, flows, previous, regionCount: R } = sim;
  const wealth = residentWealth(sim);
  const accounts = Array.from({ length: R }, (_, r): RegionStep => ({
    valueAdded: valueAdded[r],
    fiscalBalance: fiscalBalance(flows, r),
    consumption: residentIncome(flows, r) - residentInvestment(flows, r),
    wealth: wealth[r],
    wealthBefore: previous.wealth[r],
  }));
  const payoff = new Float64Array(R);
  for (let r = 0; r < R; r++) payoff[r] = stepPayoff(config.governments[r].objective, accounts[r]);
  const step = sim.state.step;
  const discountRate = config.metrics.discountRate;
  sim.state = updateState(sim.state, sim.log, 'payoff', (draft) => {
    for (let r = 0; r < R; r++) {
      const gov = draft.governments[r];
      gov.tally = addStep(gov.tally, accounts[r], step, discountRate);
      gov.cumulativePayoff = objectiveToDate(config.governments[r].objective, gov.tally, wealth[r], step, discountRate);
    }
  });
  return { payoff, wealth };
}
