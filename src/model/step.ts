/**
 * One step of the model (docs/ODD.md section 3), the "tick" that every
 * driver (CLI runner, worker, browser) calls:
 *
 *   1 events -> 2 strategy choice -> 3 spending -> 4 fund investment ->
 *   5 production and market -> 6 firms act -> 7 fund returns (then side
 *   payments between cooperating governments) -> 8 metrics
 */
import { applyEvents } from './events.js';
import { createFlows } from './flows.js';
import { bookFundReturns, investFunds } from './fund.js';
import { chooseStrategies, spendBudgets } from './government.js';
import { enterFirms, investAndUpgrade, relocateFirms } from './firm-dynamics.js';
import { clearMarkets, computeCapacity, computeMultipliers, produce } from './production.js';
import { recordStep } from './record.js';
import type { StepRecord } from './step-record.js';
import { payGovernments } from './payoff.js';
import { checkRecordFinite } from './finite-check.js';
import type { Simulation } from './simulation-state.js';
import { updateState } from './state.js';
import { updateDemand } from './demand.js';
import { paySidePayments } from './side-payments.js';
import { regionValueAdded, rememberOutcomes, rememberProduction } from './last-step.js';

/**
 * What a driver hands each step: hooks only. The model's own buffers are in
 * `sim.scratch` (scratch.ts) and its ledgers in `sim` (simulation-state.ts),
 * so a fresh `StepScratch` per step changes nothing.
 */
export interface StepScratch {
  /**
   * Told when each part of the step ends, with its name (the benchmark's
   * per-process timings); absent in normal runs.
   */
  lap?: (part: StepPart) => void;
}

/** The parts of a step, in order, as `StepScratch.lap` names them. */
export const STEP_PARTS = ['events and strategies', 'spending', 'fund investment', 'capacity', 'production', 'relocation', 'investment and exit', 'entry', 'fund returns', 'payoffs and metrics'] as const;
export type StepPart = (typeof STEP_PARTS)[number];

/** Hooks for `stepSimulation` (none set); `sim` is not read, it stays for callers that pass it. */
export function createStepScratch(_sim?: Simulation): StepScratch {
  return {
    lap: undefined, // present from the start, so setting it keeps the object's shape
  };
}

function resetCellFlows(sim: Simulation): void {
  const c = sim.cells;
  c.grants.fill(0);
  c.offers.fill(0);
  c.fundIn.fill(0);
  c.ownInvestment.fill(0);
  c.entries.fill(0);
  c.entrantCapital.fill(0);
}

export function stepSimulation(sim: Simulation, scratch: StepScratch = createStepScratch()): StepRecord {
  const { config, sectorCount: K, regionCount: R } = sim;
  sim.flows = createFlows(R, config.funds.length);
  const flows = sim.flows;
  resetCellFlows(sim);

  const { demandFactor } = sim.scratch;
  applyEvents(sim, demandFactor); // 1
  chooseStrategies(sim); // 2
  scratch.lap?.('events and strategies');
  // Cell capital and firm counts: the last step's end-of-step tallies (for step 0,
  // the initial world's) are exactly what a pass over the firms would sum.
  sim.cells.capital.set(sim.end.capital);
  sim.cells.firms.set(sim.end.count);
  flows.capitalStart = sim.cells.capital.reduce((a, b) => a + b, 0);
  spendBudgets(sim); // 3
  scratch.lap?.('spending');
  investFunds(sim); // 4
  scratch.lap?.('fund investment');

  // 5: demand grows by trend and cycle and takes this step's shocks; demandFactor becomes its realised growth.
  updateDemand(sim, demandFactor);
  computeMultipliers(sim);
  computeCapacity(sim);
  clearMarkets(sim);
  scratch.lap?.('capacity');
  produce(sim, { taxes: flows.taxes, taxBase: flows.taxBase });
  // Wages (fixed cost f K) go to the residents where firms produce (docs/ODD.md 7.16).
  for (let cell = 0; cell < R * K; cell++) flows.wages[(cell - (cell % K)) / K] += config.sectors[cell % K].fixedCost * sim.cells.capital[cell];
  scratch.lap?.('production');

  // 6
  relocateFirms(sim);
  scratch.lap?.('relocation');
  investAndUpgrade(sim);
  scratch.lap?.('investment and exit');
  enterFirms(sim);
  scratch.lap?.('entry');

  bookFundReturns(sim); // 7
  scratch.lap?.('fund returns');

  // Payoffs (docs/ODD.md 4): each government's objective, weighted over the lenses.
  const valueAdded = regionValueAdded(sim);
  paySidePayments(sim, valueAdded); // between cooperating governments, on this step's value added (docs/ODD.md 7.17)
  const { payoff, wealth } = payGovernments(sim, valueAdded); // payoff.ts

  const record = recordStep(sim, payoff, wealth); // 8
  checkRecordFinite(record, config); // a number that overflowed stops the run here, never reaches a table

  // What the next step reads as "last step" (the signal first: it reads last step's value added).
  rememberOutcomes(sim, payoff, wealth, demandFactor);
  rememberProduction(sim, valueAdded, flows.taxBase);
  sim.records.push(record);
  sim.state = updateState(sim.state, null, 'clock', (draft) => {
    draft.step += 1;
  });
  scratch.lap?.('payoffs and metrics');
  return record;
}
