/**
 * Scratch of a run: typed arrays and lists a step fills and reads again within
 * the same step, kept between steps only so that the step loop allocates
 * nothing per firm. Nothing in here is read as a value by a later step (the
 * fund-ranking thresholds and chain cache only decide how much work a ranking
 * takes, fund-selection.ts); what persists is in `Simulation` (simulation-state.ts).
 */
import { createCellRuns, type CellRuns } from './cell-runs.js';
import { createFundSelection, type FundSelection } from './fund-selection-buffers.js';
import { createMoves, type Moves } from './moves.js';

export interface StepBuffers {
  /**
   * Per sector: this step's demand shock factor (events), then, once demand is
   * updated, its realised growth (copied to `market.demandGrowth` at the end of the step).
   */
  demandFactor: Float64Array;
  /** Sectors chased this step (1 = hot), set by government spending, read by relocation. */
  hot: Uint8Array;
  /** Offer budget left per region this step. */
  offerBudgetLeft: Float64Array;
  /** Firms that relocated this step. */
  moves: Moves;
  /** The second run list the investment pass writes into (then it and `Simulation.runs` swap). */
  spareRuns: CellRuns;
  /** Each fund's ranking buffers (they also remember how far its last visit went). */
  fundSelections: FundSelection[];
}

export function createStepBuffers(regions: number, sectors: number, funds: number): StepBuffers {
  return {
    demandFactor: new Float64Array(sectors),
    hot: new Uint8Array(sectors),
    offerBudgetLeft: new Float64Array(regions),
    moves: createMoves(),
    spareRuns: createCellRuns(),
    fundSelections: Array.from({ length: funds }, () => createFundSelection()),
  };
}
