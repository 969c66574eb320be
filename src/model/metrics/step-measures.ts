/**
 * What the metrics of one step are computed from (step 8 of the schedule): the
 * step's tables worked out once (cell matrices, shares, clusters, expansion,
 * waste, the funds' ledgers), so that each registry entry's `compute`
 * (metric-registry.ts) is a short pure function of these.
 *
 * `measureStep` is also where the step's metrics move the run's trackers on:
 * the waste tracker judges this year's expansion and the fund history takes
 * this year's partner flows. It is called once per step, by `recordStep`.
 */
import { expansionInvestment, type ExpansionInvestment } from './investment.js';
import { judgeWaste, type WasteJudgement } from './waste.js';
import { findChainClusters, findClusters } from './clusters.js';
import { locationQuotients, toShares } from './structure.js';
import type { Simulation } from '../simulation-state.js';
import type { FundHistory } from '../fund-history.js';

export interface StepMeasures {
  sim: Simulation;
  /** This step's payoff and resident wealth per region (worked out by the step for the objectives). */
  payoff: Float64Array;
  wealth: Float64Array;
  /** Region pairs in record order: (0,1), (0,2), ..., (1,2), ... */
  pairs: [number, number][];
  /** [region][sector] tables: output this step, capital and firms at its end, gross investment this step, location quotients of output. */
  output: number[][];
  capital: number[][];
  firms: number[][];
  investment: number[][];
  lq: number[][];
  /** Per region: value added, output, end-of-step capital and gross investment (each the sum over its sectors, in sector order). */
  valueAdded: number[];
  regionOutput: number[];
  regionCapital: number[];
  regionInvestment: number[];
  /** Per region: sector output shares, and how many of its sectors are clusters. */
  shares: number[][];
  clusterCount: number[];
  /** Cross-border chain clusters as [region, sector, region, sector]. */
  chains: [number, number, number, number][];
  expansion: ExpansionInvestment;
  /** Per sector: in overcapacity (utilization below the threshold) with some capacity. */
  overcapacity: boolean[];
  waste: WasteJudgement;
  /** Per sector: technology intensity at or above the high-tech threshold. */
  highTech: boolean[];
  funds: FundMeasures;
}

/** The guidance funds at the end of the step, all funds together (docs/ODD.md 7.13). */
export interface FundMeasures {
  history: FundHistory;
  /** Stakes at book value plus cash. */
  nav: number;
  /** The grant-financed part of the stakes' book value. */
  navGrants: number;
  /** Invested so far, and the part placed beyond the committing governments' shares. */
  invested: number;
  crossBorder: number;
  /** Partners' net flows per step, the last with the NAV as terminal value (with and without grants). */
  irrFlows: number[];
  irrFlowsExGrants: number[];
}

function matrix<T>(R: number, K: number, f: (r: number, k: number) => T): T[][] {
  return Array.from({ length: R }, (_, r) => Array.from({ length: K }, (_, k) => f(r, k)));
}

const sumRow = (row: number[]) => row.reduce((a, b) => a + b, 0);

/** Region pairs in a fixed order: (0,1), (0,2), ..., (1,2), ... */
export function regionPairs(regionCount: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < regionCount; a++) for (let b = a + 1; b < regionCount; b++) pairs.push([a, b]);
  return pairs;
}

export function measureStep(sim: Simulation, payoff: Float64Array, wealth: Float64Array): StepMeasures {
  const { config, market, cells, end, sectorCount: K, regionCount: R } = sim;
  const metrics = config.metrics;
  const output = matrix(R, K, (r, k) => cells.output[r * K + k]);
  const capital = matrix(R, K, (r, k) => end.capital[r * K + k]);
  const firms = matrix(R, K, (r, k) => end.count[r * K + k]);
  const investment = matrix(R, K, (r, k) => cells.ownInvestment[r * K + k] + cells.grants[r * K + k] + cells.fundIn[r * K + k] + cells.offers[r * K + k]);
  // Expansion: gross investment from every source (entrants too) less replacement of this step's starting capital.
  const expansion = expansionInvestment(
    matrix(R, K, (r, k) => investment[r][k] + cells.entrantCapital[r * K + k]),
    matrix(R, K, (r, k) => cells.capital[r * K + k]),
    config.firms.depreciation,
  );
  const lq = locationQuotients(output);
  const clusters = findClusters(output, firms, lq, {
    minLocationQuotient: metrics.clusterLocationQuotient,
    minFirms: metrics.clusterMinFirms,
    minShare: metrics.clusterMinShare,
    chainThreshold: metrics.chainThreshold,
  });
  const overcapacity = Array.from(market.utilization, (u, k) => market.capacity[k] > 0 && u < metrics.overcapacityThreshold);
  const waste = judgeWaste(sim.waste, overcapacity, expansion.bySector, expansion.duplicatedBySector);
  const valueAdded = Array.from({ length: R }, (_, r) => {
    let s = 0;
    for (let k = 0; k < K; k++) s += cells.valueAdded[r * K + k];
    return s;
  });
  return {
    sim,
    payoff,
    wealth,
    pairs: regionPairs(R),
    output,
    capital,
    firms,
    investment,
    lq,
    valueAdded,
    regionOutput: output.map(sumRow),
    regionCapital: capital.map(sumRow),
    regionInvestment: investment.map(sumRow),
    shares: output.map((row) => toShares(row)),
    clusterCount: clusters.map((row) => row.filter(Boolean).length),
    chains: findChainClusters(clusters, config.inputOutput, metrics.chainThreshold),
    expansion,
    overcapacity,
    waste,
    highTech: config.sectors.map((s) => s.techIntensity >= metrics.highTechThreshold),
    funds: measureFunds(sim),
  };
}

/** Fund NAV and cross-border placement now, and this step's partner flows added to the run's fund history. */
function measureFunds(sim: Simulation): FundMeasures {
  const { flows, end, regionCount: R } = sim;
  const history = sim.fundHistory;
  let paidIn = 0;
  let distributed = 0;
  let distributedGrants = 0;
  let nav = 0;
  let navGrants = 0;
  let crossBorder = 0;
  let invested = 0;
  sim.state.funds.forEach((fund, f) => {
    nav += end.nav[f];
    navGrants += end.navGrants[f];
    for (const v of fund.vintages) {
      nav += v.cash;
      const gov = v.paidInGov.reduce((a, b) => a + b, 0);
      const placed = v.investedByRegion.reduce((a, b) => a + b, 0);
      invested += placed;
      if (placed > 0 && gov > 0) {
        let overlap = 0;
        for (let r = 0; r < R; r++) overlap += Math.min(v.investedByRegion[r] / placed, v.paidInGov[r] / gov);
        crossBorder += (1 - overlap) * placed;
      }
    }
    paidIn += flows.fundGovPaidIn[f] + flows.fundPrivatePaidIn[f];
    distributed += flows.fundDistributed[f];
    distributedGrants += flows.fundDistributedGrants[f];
  });
  history.flows.push(distributed - paidIn);
  history.flowsExGrants.push(distributed - distributedGrants - paidIn);
  history.committed += paidIn;
  history.privateCommitted += flows.fundPrivatePaidIn.reduce((a, b) => a + b, 0);
  history.invested += flows.fundInvested.reduce((a, b) => a + b, 0);
  history.distributed += distributed;
  history.distributedGrants += distributedGrants;
  history.fees += flows.fundFees.reduce((a, b) => a + b, 0) + flows.fundCarry.reduce((a, b) => a + b, 0);
  const irrFlows = history.flows.slice();
  irrFlows[irrFlows.length - 1] += nav;
  const irrFlowsExGrants = history.flowsExGrants.slice();
  irrFlowsExGrants[irrFlowsExGrants.length - 1] += nav - navGrants;
  return { history, nav, navGrants, invested, crossBorder, irrFlows, irrFlowsExGrants };
}
