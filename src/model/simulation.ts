/**
 * The runtime of one replication: the structured state (immer), the firm arrays,
 * the market and per-cell (region x sector) working arrays, and the random
 * streams. `createSimulation` builds the initial world; `stepSimulation` (step.ts)
 * advances it by one step.
 */
import type { ModelConfig } from './config.js';
import { appendFirm, createFirmArrays, reserveFirms, type FirmArrays } from './firms.js';
import { createStreams, drawNormal, type Streams } from './rng.js';
import { initialMemory } from './strategy-rules.js';
import type { LoggedPatch, WorldState } from './state.js';
import { clearMarkets, computeCellCapital, computeMultipliers, computeCapacity, produce } from './production.js';
import type { StepRecord } from './record.js';
import { createFlows, type StepFlows } from './flows.js';
import { createFundSelection, type FundSelection } from './fund-selection.js';
import { createCellRuns, indexCellRuns, type CellRuns } from './cell-runs.js';
import { createMoves, type Moves } from './firm-dynamics.js';
import { DEFAULT_LIMITS, firmLimitError, type RunLimits } from './limits.js';
import { checkInitialWorld } from './finite-check.js';
import { createWasteTracker, type WasteTracker } from './metrics/waste.js';

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
  state: WorldState;
  firms: FirmArrays;
  /** The firm arrays as runs of one cell; re-indexed whenever firms are added, removed or moved. */
  runs: CellRuns;
  /** The second run list the investment pass writes into (then the two swap). */
  spareRuns: CellRuns;
  /** Firms that relocated this step. */
  moves: Moves;
  streams: Streams;
  /** Immer patches of this run (null when the caller does not keep the event log). */
  log: LoggedPatch[] | null;
  cells: CellArrays;
  market: MarketArrays;
  previous: PreviousStep;
  /** Each fund's ranking buffers (they also remember how far its last visit went). */
  fundSelections: FundSelection[];
  records: StepRecord[];
  flows: StepFlows;
  end: EndOfStepTallies;
  /** Sectors chased this step (1 = hot), set by government spending. */
  hot: Uint8Array;
  /** Expansion and duplication of recent years, judged for waste as the years pass (docs/ODD.md 7.15). */
  waste: WasteTracker;
  /** Offer budget left per region this step. */
  offerBudgetLeft: Float64Array;
  /** Initial mean firm capital: entrants and the exit floor are stated relative to it. */
  initialMeanFirmCapital: number;
  /** Side payments: value added by region in the year before payments first applied (null until then; docs/ODD.md 7.17). */
  sidePaymentReference: Float64Array | null;
}

function cellArrays(size: number): CellArrays {
  const make = () => new Float64Array(size);
  return {
    capital: make(), firms: make(), output: make(), valueAdded: make(), profit: make(), capacity: make(),
    multiplier: make(), foreignInputShare: make(), grants: make(), offers: make(), fundIn: make(),
    ownInvestment: make(), entries: make(), entrantCapital: make(),
  };
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

function populateFirms(config: ModelConfig, firms: FirmArrays, random: () => number): void {
  const { initial, sectors } = config;
  const R = config.regions.length;
  const K = sectors.length;
  const cellCapital: number[] = [];
  for (let r = 0; r < R; r++) for (let k = 0; k < K; k++) cellCapital.push(initial.zoneCapital * initial.regionShares[r] * initial.sectorShares[r][k]);
  const counts = apportion(initial.firmCount, cellCapital);
  // A cell with capital gets at least one firm, so no capital is left without an owner.
  cellCapital.forEach((c, i) => { if (c > 0 && counts[i] === 0) counts[i] = 1; });
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > firms.limit) throw firmLimitError(config, null, total, firms.limit);
  reserveFirms(firms, total);
  const sigmaK = initial.capitalDispersion;
  const sigmaA = initial.productivityDispersion;
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const cell = r * K + k;
      const n = counts[cell];
      if (n === 0) continue;
      const start = firms.count;
      let drawn = 0;
      for (let f = 0; f < n; f++) {
        const size = Math.exp(sigmaK * drawNormal(random));
        const productivity = Math.exp(sigmaA * drawNormal(random) - (sigmaA * sigmaA) / 2);
        const tech = Math.min(1, Math.max(0, sectors[k].techIntensity + initial.techDispersion * drawNormal(random)));
        appendFirm(firms, r, k, size, productivity, tech, initial.outsideShare);
        drawn += size;
      }
      const scale = cellCapital[cell] / drawn; // firm sizes sum exactly to the cell's capital
      for (let i = start; i < firms.count; i++) firms.capital[i] *= scale;
    }
  }
}

/** Each region's residents' share of the capital of the firms whose home it is. */
function residentWealthAtStart(firms: FirmArrays, regions: number): Float64Array {
  const wealth = new Float64Array(regions);
  for (let i = 0; i < firms.count; i++) {
    let share = 1 - firms.outsideShare[i];
    for (const f of firms.fundShare) share -= f[i];
    wealth[firms.home[i]] += share * firms.capital[i];
  }
  return wealth;
}

export function createSimulation(
  config: ModelConfig,
  options: { seed: number | string; replication: number; keepLog?: boolean; limits?: RunLimits },
): Simulation {
  const R = config.regions.length;
  const K = config.sectors.length;
  const streams = createStreams(options.seed, options.replication);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const firms = createFirmArrays(Math.ceil(config.initial.firmCount * 1.25), config.funds.length, limits.maxFirms);
  populateFirms(config, firms, streams.init);

  const state: WorldState = {
    step: 0,
    params: {
      governments: config.governments.map((g) => g.params),
      policy: config.policy,
      friction: { ...config.friction, border: config.friction.initial },
      sectors: config.sectors.map((s) => ({ demandGrowth: s.demandGrowth })),
      agglomeration: config.agglomeration,
      firms: config.firms,
      funds: config.funds,
    },
    governments: config.governments.map((g, r) => ({
      id: config.regions[r].id,
      params: g.params,
      strategy: g.rule.rule === 'fixed' ? g.rule.strategy : g.rule.initial,
      memory: initialMemory(g.rule),
      cumulativePayoff: 0,
      tally: { valueAdded: 0, fiscalBalance: 0, discountedConsumption: 0 },
    })),
    funds: config.funds.map((params) => ({ params, active: false, vintages: [] })),
    firedEvents: [],
  };

  const sim: Simulation = {
    config,
    regionCount: R,
    sectorCount: K,
    replication: options.replication,
    state,
    firms,
    runs: createCellRuns(),
    spareRuns: createCellRuns(),
    moves: createMoves(),
    streams,
    log: options.keepLog === false ? null : [],
    cells: cellArrays(R * K),
    market: {
      demand: new Float64Array(K), demandGrowth: new Float64Array(K), capacity: new Float64Array(K),
      sold: new Float64Array(K), price: new Float64Array(K), utilization: new Float64Array(K), profitRate: new Float64Array(K),
      cycle: new Float64Array(K),
    },
    previous: {
      valueAdded: new Float64Array(R), taxBase: new Float64Array(R), payoff: new Float64Array(R), wealth: residentWealthAtStart(firms, R),
      signal: new Array(R).fill(null), strategies: new Array(R).fill(null),
      cellProfitRate: new Float64Array(R * K), cellGrantRate: new Float64Array(R * K), cellCapital: new Float64Array(R * K),
      sidePayments: new Float64Array(R),
    },
    fundSelections: config.funds.map(() => createFundSelection()),
    records: [],
    flows: createFlows(R, config.funds.length),
    end: {
      count: new Float64Array(R * K), capital: new Float64Array(R * K), productivity: new Float64Array(R * K), tech: new Float64Array(R * K),
      regionTech: new Float64Array(R), regionCount: new Float64Array(R), nav: new Float64Array(config.funds.length),
      navGrants: new Float64Array(config.funds.length),
    },
    hot: new Uint8Array(K),
    waste: createWasteTracker(K, config.metrics.wasteHorizon),
    offerBudgetLeft: new Float64Array(R),
    initialMeanFirmCapital: config.initial.zoneCapital / Math.max(1, firms.count),
    sidePaymentReference: null,
  };
  initialiseMarket(sim);
  checkInitialWorld(sim);
  return sim;
}

/**
 * Sets demand so that the first year runs at the scenario's initial utilization
 * with the price at its floor (D = u0 * S * (p_min / P)^eps), and seeds the
 * "last step" values that budgets, hotness, fund scores and learning rules read
 * in step 0 from one production pass on the initial world (a year "-1" identical
 * to the first), so step 0 starts from consistent numbers.
 */
function initialiseMarket(sim: Simulation): void {
  const { config, market, cells, previous } = sim;
  indexCellRuns(sim.firms, sim.sectorCount, sim.runs);
  computeCellCapital(sim);
  // Step 0 starts from these, as later steps start from the investment pass's tallies.
  sim.end.capital.set(cells.capital);
  sim.end.count.set(cells.firms);
  computeMultipliers(sim);
  computeCapacity(sim);
  const u0 = config.initial.initialUtilization;
  const K = sim.sectorCount;
  for (let k = 0; k < K; k++) {
    const s = config.sectors[k];
    market.demand[k] = u0 * market.capacity[k] * Math.pow(s.priceFloor / s.price, s.elasticity);
    market.demandGrowth[k] = s.demandGrowth; // the trend is what governments expect before any year is seen
  }
  clearMarkets(sim);
  const totals = { taxes: new Float64Array(sim.regionCount), taxBase: new Float64Array(sim.regionCount) };
  produce(sim, totals);
  sim.firms.lossYears.fill(0); // the pre-sample year counts for signals only
  const sectorProfit = new Float64Array(K);
  const sectorCapital = new Float64Array(K);
  for (let r = 0; r < sim.regionCount; r++) {
    let va = 0;
    for (let k = 0; k < K; k++) {
      const cell = r * K + k;
      va += cells.valueAdded[cell];
      previous.cellProfitRate[cell] = cells.capital[cell] > 0 ? cells.profit[cell] / cells.capital[cell] : 0;
      previous.cellCapital[cell] = cells.capital[cell];
      sectorProfit[k] += cells.profit[cell];
      sectorCapital[k] += cells.capital[cell];
    }
    previous.valueAdded[r] = va;
    previous.taxBase[r] = totals.taxBase[r];
  }
  for (let k = 0; k < K; k++) market.profitRate[k] = sectorCapital[k] > 0 ? sectorProfit[k] / sectorCapital[k] : 0;
}
