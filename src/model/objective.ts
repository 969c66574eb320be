/**
 * The governments' objectives (docs/ODD.md 4 and 7.14): a weighted sum of the
 * three lenses a region's fortunes are read in.
 *
 *   payoff of a step     gdp x value added + fiscal x fiscal balance
 *                        + welfare x (consumption + change in resident wealth)
 *   objective to date    gdp x cumulative value added + fiscal x cumulative fiscal balance
 *                        + welfare x (discounted consumption to date + discounted wealth now)
 *
 * The step's payoff is what strategy rules learn from; the objective to date at
 * the last step is the game's payoff, and equals the weighted lens values of
 * src/model/metrics/lenses.ts. There is no "forgone tax" term: a tax cut acts
 * where it really does, in lower revenue (fiscal) and, through the budget,
 * relocation and entry, in the other lenses.
 */
import type { ObjectiveWeights } from './config.js';
import type { StepFlows } from './flows.js';

/** Side payments government r received less those it paid this step (docs/ODD.md 7.17). */
export function netSidePayments(flows: StepFlows, r: number): number {
  return flows.sidePaymentsReceived[r] - flows.sidePaymentsPaid[r];
}

/** Money the residents and government of region r received this step, net of side payments paid to other governments. */
export function residentIncome(flows: StepFlows, r: number): number {
  return flows.wages[r] + flows.taxes[r] + flows.residentProfit[r] + flows.distributions[r] + flows.residentScrap[r] + netSidePayments(flows, r);
}

/** Money the residents and government of region r put into firms and funds this step. */
export function residentInvestment(flows: StepFlows, r: number): number {
  return flows.residentReinvest[r] + flows.residentEntry[r] + flows.grants[r] + flows.offersPaid[r] + flows.fundPaid[r];
}

export function fiscalBalance(flows: StepFlows, r: number): number {
  return flows.taxes[r] - flows.grants[r] - flows.offersPaid[r] - flows.fundPaid[r] + flows.distributions[r] + netSidePayments(flows, r);
}

/** A region's accounts of one step, as the lenses read them. */
export interface RegionStep {
  valueAdded: number;
  fiscalBalance: number;
  consumption: number;
  /** Resident wealth at the end of the step and at its start. */
  wealth: number;
  wealthBefore: number;
}

export function stepPayoff(weights: ObjectiveWeights, now: RegionStep): number {
  return weights.gdp * now.valueAdded + weights.fiscal * now.fiscalBalance + weights.welfare * (now.consumption + now.wealth - now.wealthBefore);
}

/** What a government's objective sums over the years (lens values to date, welfare without the final wealth). */
export interface ObjectiveTally {
  valueAdded: number;
  fiscalBalance: number;
  discountedConsumption: number;
}

/**
 * The tally after step `step` (0-based) and the objective's value to date:
 * welfare to date is sum_{s <= step} beta^s consumption(s) + beta^(step + 1) wealth(step).
 */
export function addStep(tally: ObjectiveTally, now: RegionStep, step: number, discountRate: number): ObjectiveTally {
  const beta = 1 / (1 + discountRate);
  return {
    valueAdded: tally.valueAdded + now.valueAdded,
    fiscalBalance: tally.fiscalBalance + now.fiscalBalance,
    discountedConsumption: tally.discountedConsumption + beta ** step * now.consumption,
  };
}

export function objectiveToDate(weights: ObjectiveWeights, tally: ObjectiveTally, wealth: number, step: number, discountRate: number): number {
  const welfare = tally.discountedConsumption + (1 / (1 + discountRate)) ** (step + 1) * wealth;
  return weights.gdp * tally.valueAdded + weights.fiscal * tally.fiscalBalance + weights.welfare * welfare;
}
