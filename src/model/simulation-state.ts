/**
 * The shape of one replication's runtime (`Simulation`), apart from the code
 * that builds it (simulation.ts) and steps it (step.ts), so every process
 * imports the type from here and no model file imports its own importer.
 *
 * Read `Simulation` in three parts: what persists from step to step (the
 * world: state, firms, markets, last step's values, the run's ledgers), what
 * one step produces for the record and the drivers (this step's cell table
 * and flows, rebuilt every step), and `scratch` (buffers a step reuses; see
 * scratch.ts), which never carries anything into the next step's numbers.
 */
import type { ModelConfig } from './config.js';
import type { FirmArrays } from './firms.js';
import type { Streams } from './rng.js';
import type { LoggedPatch, WorldState } from './state.js';
import type { StepRecord } from './step-record.js';
import type { StepFlows } from './flows.js';
import type { CellRuns } from './cell-runs.js';
import type { WasteTracker } from './metrics/waste.js';
import type { FundHistory } from './fund-history.js';
import type { StepBuffers } from './scratch.js';

/** Per-cell arrays are flat, index `r * sectorCount + k`. */
export interface CellArrays {
  capital: Float64Array;
  firms: Float64Array;
  output: Float64Array;
  valueAdded: Float64Array;
  /** Pre-tax operating profit. */
  profit: Float64Array;
  capacity: Float64Array;
  multiplier: Float64Array;
  /** x_k(r): share of the cell's inputs bought from other regions. */
  foreignInputShare: Float64Array;
  grants: Float64Array;
  offers: Float64Array;
  fundIn: Float64Array;
  ownInvestment: Float64Array;
  entries: Float64Array;
  /** Founding capital of this step's entrants. */
  entrantCapital: Float64Array;
}

/**
 * End-of-step tallies of the surviving and entering firms, gathered during the
 * investment pass and extended by entry, so later processes (entry, metrics)
 * need no pass of their own. Sums run in firm order, exactly as a separate pass would.
 */
export interface EndOfStepTallies {
  count: Float64Array;
  capital: Float64Array;
  productivity: Float64Array;
  tech: Float64Array;
  regionTech: Float64Array;
  regionCount: Float64Array;
  /** Fund stakes at book value, per fund (a vintage exit that rescales stakes updates it). */
  nav: Float64Array;
  /**
   * The part of `nav` that grants and relocation offers paid for, per fund
   * (docs/ODD.md 7.13). Unlike the other tallies it is a stock carried from step
   * to step: the investment pass depreciates it, adds the stakes' part of this
   * step's grants and removes written-off and relocation-lost value pro rata;
   * a vintage exit removes the part sold.
   */
  navGrants: Float64Array;
}

export interface MarketArrays {
  demand: Float64Array;
  /** Realised demand growth of the last step (the "hotness" signal). */
  demandGrowth: Float64Array;
  capacity: Float64Array;
  sold: Float64Array;
  price: Float64Array;
  utilization: Float64Array;
  /** Zone pre-tax profit per unit of capital, last step. */
  profitRate: Float64Array;
  /** z_k: the cyclical part of demand growth (AR(1), docs/ODD.md 7.6). */
  cycle: Float64Array;
}

/** What governments and rules read from the previous step. */
export interface PreviousStep {
  valueAdded: Float64Array;
  taxBase: Float64Array;
  payoff: Float64Array;
  /** Resident wealth at the end of the last step (before the first: the home residents' share of the initial firms' capital). */
  wealth: Float64Array;
  signal: (number | null)[];
  strategies: (string | null)[];
  cellProfitRate: Float64Array;
  cellGrantRate: Float64Array;
  cellCapital: Float64Array;
  /** Side payments each government received less those it paid (docs/ODD.md 7.17); they count in its revenue for the budget. */
  sidePayments: Float64Array;
}

export interface Simulation {
  config: ModelConfig;
  regionCount: number;
  sectorCount: number;
  replication: number;
  streams: Streams;
  /** Immer patches of this run (null when the caller does not keep the event log). */
  log: LoggedPatch[] | null;

  // --- The world: persists from step to step.
  state: WorldState;
  firms: FirmArrays;
  /** The firm arrays as runs of one cell; re-indexed whenever firms are added, removed or moved. */
  runs: CellRuns;
  /** Sector markets: demand, its cycle and last growth carry over; capacity, price and sales are this step's once production ran. */
  market: MarketArrays;
  previous: PreviousStep;
  end: EndOfStepTallies;
  /** Expansion and duplication of recent years, judged for waste as the years pass (docs/ODD.md 7.15). */
  waste: WasteTracker;
  /** The guidance funds' ledgers to date (paid-in, distributions, partners' flows for the IRR). */
  fundHistory: FundHistory;
  records: StepRecord[];
  /** Initial mean firm capital: entrants and the exit floor are stated relative to it. */
  initialMeanFirmCapital: number;
  /** Side payments: value added by region in the year before payments first applied (null until then; docs/ODD.md 7.17). */
  sidePaymentReference: Float64Array | null;

  // --- This step's results: rebuilt every step, read by the record, the checks and the drivers.
  cells: CellArrays;
  flows: StepFlows;

  // --- Scratch: per-step buffers and caches, nothing a later step reads as a value.
  scratch: StepBuffers;
}
