/**
 * Step 1 of the schedule: events due this step change parameters in the
 * structured state (agreements, policies, status changes, fund creation) and
 * queue demand shocks for this step's market.
 */
import type { Draft } from 'immer';
import type { ParamChange } from './config.js';
import type { Simulation } from './simulation-state.js';
import { updateState, type ParamsState } from './state.js';

function applyChange(params: Draft<ParamsState>, change: ParamChange): void {
  let target: any = params;
  for (const key of change.path.slice(0, -1)) target = target[key];
  const last = change.path[change.path.length - 1];
  const current = target[last];
  if (change.op === 'set') target[last] = change.value;
  else if (change.op === 'scale') target[last] = (current as number) * (change.value as number);
  else target[last] = (current as number) + (change.value as number);
}

/** Applies the events of the current step; returns the demand factor per sector for this step. */
export function applyEvents(sim: Simulation, demandFactor: Float64Array): void {
  demandFactor.fill(1);
  const step = sim.state.step;
  for (const event of sim.config.events) {
    if (event.step !== step) continue;
    sim.state = updateState(sim.state, sim.log, `event:${event.kind}:${event.label}`, (draft) => {
      for (const change of event.changes) applyChange(draft.params, change);
      draft.firedEvents.push({ step, label: event.label, kind: event.kind });
    });
    if (event.demandShock) for (const k of event.demandShock.sectors) demandFactor[k] *= event.demandShock.levelFactor;
  }
}
