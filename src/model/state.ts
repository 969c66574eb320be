/**
 * The small structured state of a run: governments, funds, mutable parameters
 * and fired events. It is changed only through immer (`updateState`), and when
 * the run keeps its event log every patch is kept with its step and cause.
 * Firms are not here; they live in typed arrays (`firms.ts`).
 */
import type { ObjectiveTally } from './objective.js';
import { enablePatches, Immer, type Draft, type Patch } from 'immer';
import type {
  AgglomerationParams,
  FirmParams,
  FrictionParams,
  FundParams,
  GovernmentParams,
  PolicyParams,
  Strategy,
} from './config.js';
import type { RuleMemory } from './strategy-rules.js';

enablePatches();

/**
 * The simulation's own immer, without auto-freeze: the state only ever changes
 * through `updateState`, and deep-freezing every produced state (immer's
 * default) was a tenth of a small world's step.
 */
const immer = new Immer({ autoFreeze: false });

export interface GovernmentState {
  id: string;
  params: GovernmentParams;
  strategy: Strategy;
  memory: RuleMemory;
  /** The objective's value to date (docs/ODD.md 4): the game's payoff at the last step. */
  cumulativePayoff: number;
  /** What the objective sums over the years so far. */
  tally: ObjectiveTally;
}

/** One year's paid-in commitments to a fund, with its own investment period and life. */
export interface VintageState {
  step: number;
  /** Government commitments paid in, by region index. */
  paidInGov: number[];
  privatePaidIn: number;
  /** Cumulative amounts invested, by region index. */
  investedByRegion: number[];
  /** Cost basis of the stakes still held. */
  costHeld: number;
  cash: number;
  fees: number;
  carry: number;
  distributedGov: number[];
  distributedPrivate: number;
  /** Cash returned to partners that had never been invested. */
  closed: boolean;
}

export interface FundState {
  params: FundParams;
  active: boolean;
  vintages: VintageState[];
}

export interface ParamsState {
  governments: GovernmentParams[];
  policy: PolicyParams;
  friction: FrictionParams & { border: number };
  sectors: { demandGrowth: number }[];
  agglomeration: AgglomerationParams;
  firms: FirmParams;
  funds: FundParams[];
}

export interface WorldState {
  step: number;
  params: ParamsState;
  governments: GovernmentState[];
  funds: FundState[];
  /** Labels of events that have fired, in order. */
  firedEvents: { step: number; label: string; kind: string }[];
}

export interface LoggedPatch {
  step: number;
  cause: string;
  op: Patch['op'];
  path: (string | number)[];
  value?: unknown;
}

/** Applies `recipe` to the state, appending its patches to `log` under `cause`. */
export function updateState(
  state: WorldState,
  log: LoggedPatch[] | null,
  cause: string,
  recipe: (draft: Draft<WorldState>) => void,
): WorldState {
  if (!log) return immer.produce(state, recipe); // no log kept (sweeps, calibration): no patches to build
  const [next, patches] = immer.produceWithPatches(state, recipe);
  if (log) {
    for (const patch of patches) {
      const entry: LoggedPatch = { step: state.step, cause, op: patch.op, path: patch.path };
      if ('value' in patch) entry.value = patch.value;
      log.push(entry);
    }
  }
  return next;
}
