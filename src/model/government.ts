/**
 * Steps 2 and 3 of the schedule: governments choose a strategy by their rule,
 * all at once from last step's information, then spend their budget
 * B_r = share_r * tax_r * VA_r(t-1) + transfers_r (docs/ODD.md 7.3).
 */
import type { Strategy } from './config.js';
import { decideStrategy } from './strategy-rules.js';
import { updateState } from './state.js';
import type { Simulation } from './simulation-state.js';

export function chooseStrategies(sim: Simulation): void {
  const { config, previous } = sim;
  const govs = sim.state.governments;
  const decisions = govs.map((gov, r) => {
    const others = govs.filter((_, s) => s !== r);
    return decideStrategy(
      config.governments[r].rule,
      gov.memory,
      {
        step: sim.state.step,
        own: sim.state.step === 0 ? null : gov.strategy,
        others: sim.state.step === 0 ? [] : others.map((o) => o.strategy),
        signal: previous.signal[r],
        otherSignals: govs.map((_, s) => previous.signal[s]).filter((_, s) => s !== r),
      },
      sim.streams.government,
    );
  });
  sim.state = updateState(sim.state, sim.log, 'strategy-choice', (draft) => {
    decisions.forEach((d, r) => {
      draft.governments[r].strategy = d.strategy;
      draft.governments[r].memory = d.memory;
    });
  });
}

/** Whether fund f is open for commitments at `step`. */
export function fundIsOpen(sim: Simulation, f: number): boolean {
  const start = sim.state.params.funds[f].startStep;
  return start !== null && sim.state.step >= start;
}

/** Hot sectors: the top `hotSectors` by last step's demand growth plus zone profit rate (the signal every government sees). */
export function markHotSectors(sim: Simulation): number[] {
  const { market, sectorCount: K } = sim;
  const hotness = Array.from({ length: K }, (_, k) => market.demandGrowth[k] + market.profitRate[k]);
  const order = hotness.map((h, k) => [h, k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const n = Math.min(K, Math.max(0, Math.round(sim.state.params.policy.hotSectors)));
  const { hot } = sim.scratch;
  hot.fill(0);
  for (let i = 0; i < n; i++) hot[order[i][1]] = 1;
  return hotness;
}

/** Comparative-advantage weights of region r: C(r,k) * LQ(r,k)^beta, LQ on capital (0 where r has no capital). */
function comparativeAdvantage(sim: Simulation, r: number): number[] {
  const { cells, sectorCount: K, regionCount: R } = sim;
  const own = (k: number) => cells.capital[r * K + k];
  let regionTotal = 0;
  let zoneTotal = 0;
  const sectorTotal = new Float64Array(K);
  for (let s = 0; s < R; s++)
    for (let k = 0; k < K; k++) {
      const c = cells.capital[s * K + k];
      sectorTotal[k] += c;
      zoneTotal += c;
      if (s === r) regionTotal += c;
    }
  return Array.from({ length: K }, (_, k) => {
    if (!(own(k) > 0) || regionTotal <= 0) return 0;
    const lq = own(k) / regionTotal / (sectorTotal[k] / zoneTotal);
    return own(k) * Math.pow(lq, sim.state.params.policy.comparativeTilt);
  });
}

/** Budget split across the region's sectors (weights over k, summing to 1 where any is positive). */
function sectorWeights(sim: Simulation, r: number, strategy: Strategy, hotness: number[]): number[] {
  const { cells, sectorCount: K } = sim;
  const policy = sim.state.params.policy;
  const own = (k: number) => cells.capital[r * K + k];
  const present = (k: number) => own(k) > 0;
  let weights: number[];
  if (strategy === 'compete') {
    // Both governments chase the same hot sectors, each with an equal push whatever its own base there.
    const floor = Math.min(...hotness);
    weights = hotness.map((h, k) => (sim.scratch.hot[k] && present(k) ? h - floor + 1e-3 : 0));
  } else if (strategy === 'cooperate') {
    const division = policy.divisionOfLabour[r] ?? [];
    if (policy.divisionScope === 'others-by-advantage' && policy.divisionOfLabour.some((d) => d.length > 0)) {
      // A partial division: the region's own stages by capital, none of the
      // stages stated only for other regions, and the rest by comparative advantage.
      const advantage = comparativeAdvantage(sim, r);
      const othersStage = (k: number) => policy.divisionOfLabour.some((d, s) => s !== r && d.includes(k));
      weights = Array.from({ length: K }, (_, k) => (division.includes(k) ? own(k) : othersStage(k) ? 0 : advantage[k]));
    } else if (division.length > 0) {
      weights = Array.from({ length: K }, (_, k) => (division.includes(k) ? own(k) : 0));
    } else {
      weights = comparativeAdvantage(sim, r);
    }
  } else {
    const plan = sim.state.params.governments[r].planWeights;
    weights = plan.map((w, k) => (present(k) ? w : 0));
  }
  let total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    weights = Array.from({ length: K }, (_, k) => own(k));
    total = weights.reduce((a, b) => a + b, 0);
  }
  return total > 0 ? weights.map((w) => w / total) : weights;
}

/**
 * Spends each government's budget: fund commitments first (they are contracts),
 * then relocation offer budgets (compete), then sector grants. Tax rates fall by
 * `taxCut` while competing and recover by the same step otherwise; border
 * friction falls by `cooperationReduction` in a year when all cooperate.
 */
export function spendBudgets(sim: Simulation): void {
  const { config, cells, flows, previous, sectorCount: K, regionCount: R } = sim;
  const params = sim.state.params;
  const strategies = sim.state.governments.map((g) => g.strategy);
  const hotness = markHotSectors(sim);
  const commitments: number[][] = params.funds.map(() => new Array<number>(R).fill(0));
  cells.grants.fill(0);
  sim.scratch.offerBudgetLeft.fill(0);
  for (let r = 0; r < R; r++) {
    const gov = params.governments[r];
    // Net side payments received last step are revenue like taxes (docs/ODD.md 7.17).
    const budget = Math.max(0, gov.investShare * gov.taxRate * previous.valueAdded[r] + gov.investShare * previous.sidePayments[r] + gov.transfers);
    flows.budget[r] = budget;
    let fundPaid = 0;
    params.funds.forEach((fund, f) => {
      if (!fundIsOpen(sim, f)) return;
      let amount = fund.annualCommitment[r] + (sim.state.step === fund.startStep ? fund.initialCommitment[r] : 0);
      if (fund.receivesCooperation && strategies[r] === 'cooperate') amount += params.policy.fundShare * budget;
      commitments[f][r] = amount;
      fundPaid += amount;
    });
    flows.fundPaid[r] = fundPaid;
    flows.borrowing[r] = Math.max(0, fundPaid - budget);
    const rest = Math.max(0, budget - fundPaid);
    const offers = strategies[r] === 'compete' && R > 1 ? params.policy.poachShare * rest : 0;
    flows.offersBudget[r] = offers;
    sim.scratch.offerBudgetLeft[r] = offers;
    const grants = rest - offers;
    flows.grants[r] = grants;
    const weights = sectorWeights(sim, r, strategies[r], hotness);
    let placed = 0;
    for (let k = 0; k < K; k++) {
      cells.grants[r * K + k] = grants * weights[k];
      placed += grants * weights[k];
    }
    // A region with no firms left cannot place grants; the money stays unspent.
    flows.grants[r] = placed;
    flows.unspent[r] = grants - placed; // offers left over are added after relocation
  }
  // Grants reach firms in proportion to capital within each cell; each firm's
  // share is worked out by the investment pass (firm-dynamics.ts), not here.
  const allCooperate = strategies.every((s) => s === 'cooperate');
  sim.state = updateState(sim.state, sim.log, 'spending', (draft) => {
    for (let r = 0; r < R; r++) {
      const gov = draft.params.governments[r];
      const start = config.governments[r].params.taxRate;
      if (strategies[r] === 'compete') gov.taxRate = Math.max(gov.taxMin, gov.taxRate - gov.taxCut);
      else if (gov.taxRate < start) gov.taxRate = Math.min(start, gov.taxRate + gov.taxCut);
    }
    if (allCooperate) {
      const fr = draft.params.friction;
      fr.border = Math.max(fr.minimum, fr.border - fr.cooperationReduction);
    }
    commitments.forEach((byRegion, f) => {
      const total = byRegion.reduce((a, b) => a + b, 0);
      if (!fundIsOpen(sim, f)) return;
      if (!draft.funds[f].active) draft.funds[f].active = true;
      if (total <= 0) return;
      const privatePaidIn = draft.params.funds[f].leverage * total;
      draft.funds[f].vintages.push({
        step: sim.state.step,
        paidInGov: byRegion,
        privatePaidIn,
        investedByRegion: new Array<number>(R).fill(0),
        costHeld: 0,
        cash: total + privatePaidIn,
        fees: 0,
        carry: 0,
        distributedGov: new Array<number>(R).fill(0),
        distributedPrivate: 0,
        closed: false,
      });
      flows.fundGovPaidIn[f] += total;
      flows.fundPrivatePaidIn[f] += privatePaidIn;
    });
  });
}

