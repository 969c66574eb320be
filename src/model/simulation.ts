/**
 * Builds the initial world of one replication (`createSimulation`); its shape
 * is `Simulation` (simulation-state.ts), and `stepSimulation` (step.ts)
 * advances it by one step.
 */
import type { ModelConfig } from './config.js';
import { appendFirm, createFirmArrays, reserveFirms, type FirmArrays } from './firms.js';
import { createStreams, drawNormal } from './rng.js';
import { initialMemory } from './strategy-rules.js';
import type { WorldState } from './state.js';
import { clearMarkets, computeCellCapital, computeMultipliers, computeCapacity, produce } from './production.js';
import { createFlows } from './flows.js';
import { createCellRuns, indexCellRuns } from './cell-runs.js';
import { DEFAULT_LIMITS, firmLimitError, type RunLimits } from './limits.js';
import { checkInitialWorld } from './finite-check.js';
import { createWasteTracker } from './metrics/waste.js';
import { createFundHistory } from './fund-history.js';
import { createStepBuffers } from './scratch.js';
import { setInitialDemand } from './demand.js';
import { regionValueAdded, rememberProduction } from './last-step.js';
import type { CellArrays, Simulation } from './simulation-state.js';

export type { CellArrays, EndOfStepTallies, MarketArrays, PreviousStep, Simulation } from './simulation-state.js';

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
    fundHistory: createFundHistory(),
    records: [],
    flows: createFlows(R, config.funds.length),
    end: {
      count: new Float64Array(R * K), capital: new Float64Array(R * K), productivity: new Float64Array(R * K), tech: new Float64Array(R * K),
      regionTech: new Float64Array(R), regionCount: new Float64Array(R), nav: new Float64Array(config.funds.length),
      navGrants: new Float64Array(config.funds.length),
    },
    waste: createWasteTracker(K, config.metrics.wasteHorizon),
    initialMeanFirmCapital: config.initial.zoneCapital / Math.max(1, firms.count),
    sidePaymentReference: null,
    scratch: createStepBuffers(R, K, config.funds.length),
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
  const { cells } = sim;
  indexCellRuns(sim.firms, sim.sectorCount, sim.runs);
  computeCellCapital(sim);
  // Step 0 starts from these, as later steps start from the investment pass's tallies.
  sim.end.capital.set(cells.capital);
  sim.end.count.set(cells.firms);
  computeMultipliers(sim);
  computeCapacity(sim);
  setInitialDemand(sim);
  clearMarkets(sim);
  const totals = { taxes: new Float64Array(sim.regionCount), taxBase: new Float64Array(sim.regionCount) };
  produce(sim, totals);
  sim.firms.lossYears.fill(0); // the pre-sample year counts for signals only
  rememberProduction(sim, regionValueAdded(sim), totals.taxBase);
}
