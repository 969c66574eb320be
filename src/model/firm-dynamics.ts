/**
 * Step 6 of the schedule: firms act. Relocation offers, investment
 * (K <- (1 - delta) K + I, with I = reinvested after-tax profit + grants + fund
 * money + offers, each counted once), technology upgrading, exit and entry.
 */
import { appendFirm, compactFirms, reserveFirms } from './firms.js';
import { drawGeometricGap, drawNormal, drawPoisson } from './rng.js';
import type { Simulation } from './simulation.js';

/**
 * A firm in a hot sector of a region that a competing region targets considers
 * an offer with probability mu * mobility_k, while the offering budget lasts, and
 * moves when offer + horizon * expected after-tax profit gap > moving cost.
 * Consideration uses geometric gaps (one draw per considered firm), starting at
 * a random firm so that a short budget does not always favour low slots.
 * Returns the offer received per firm in `offerOut` (only moved firms are non-zero).
 */
export function relocateFirms(sim: Simulation, offerOut: Float64Array): void {
  const { firms, config, flows, previous, sectorCount: K, regionCount: R } = sim;
  const params = sim.state.params;
  const strategies = sim.state.governments.map((g) => g.strategy);
  const competing = strategies.map((s, r) => (s === 'compete' && sim.offerBudgetLeft[r] > 0 ? r : -1)).filter((r) => r >= 0);
  const n = firms.count;
  if (competing.length === 0 || n === 0) return;
  const f = params.firms;
  let maxMobility = 0;
  for (const s of config.sectors) maxMobility = Math.max(maxMobility, s.mobility);
  const p = f.relocationProbability * maxMobility;
  if (!(p > 0)) return;
  const random = sim.streams.relocation;
  const start = Math.floor(random() * n);
  const taxRate = params.governments.map((g) => g.taxRate);
  let visited = drawGeometricGap(random, p);
  while (visited < n) {
    const i = (start + visited) % n;
    visited += 1 + drawGeometricGap(random, p);
    const k = firms.sector[i];
    const from = firms.region[i];
    if (random() * maxMobility >= config.sectors[k].mobility) continue;
    if (!sim.hot[k]) continue;
    // One of the competing regions (other than the firm's) with offer budget left,
    // chosen uniformly; counted and walked rather than filtered, so nothing is allocated per firm.
    let offering = 0;
    for (const r of competing) if (r !== from && sim.offerBudgetLeft[r] > 0) offering++;
    if (offering === 0) continue;
    let pick = Math.min(offering - 1, Math.floor(random() * offering));
    let to = -1;
    for (const r of competing) {
      if (r === from || !(sim.offerBudgetLeft[r] > 0)) continue;
      if (pick-- === 0) {
        to = r;
        break;
      }
    }
    const capital = firms.capital[i];
    const offer = Math.min(sim.offerBudgetLeft[to], params.policy.offerRate * capital);
    const gap =
      capital *
      (previous.cellProfitRate[to * K + k] * (1 - taxRate[to]) - previous.cellProfitRate[from * K + k] * (1 - taxRate[from]));
    if (offer + f.relocationHorizon * gap <= f.movingCost * capital) continue;
    sim.offerBudgetLeft[to] -= offer;
    flows.offersPaid[to] += offer;
    flows.relocationsOut[from] += 1;
    flows.relocationsIn[to] += 1;
    const loss = f.relocationCapitalLoss * capital;
    flows.relocationLoss += loss;
    firms.capital[i] = capital - loss;
    firms.region[i] = to;
    offerOut[i] = offer;
    sim.cells.offers[to * K + k] += offer;
  }
  for (let r = 0; r < R; r++) flows.unspent[r] += sim.offerBudgetLeft[r];
}

/**
 * Investment, depreciation, upgrading, ageing and exit; one pass that also
 * tallies the survivors for entry and the metrics (sim.end).
 */
export function investAndUpgrade(sim: Simulation, offer: Float64Array): void {
  const { firms, flows, cells, sectorCount: K, end } = sim;
  const f = sim.state.params.firms;
  const random = sim.streams.upgrade;
  const minCapital = f.exitMinCapital;
  const fundShares = firms.fundShare;
  const { region, sector, capital, profit, grant, fundIn, tech, productivity, age, lossYears, alive } = firms;
  // Accelerator: firms add less capacity to sectors running below the target utilization.
  const K_ = sim.sectorCount;
  const reinvest = new Float64Array(K_);
  for (let k = 0; k < K_; k++) {
    const u = sim.market.utilization[k];
    reinvest[k] = f.reinvestShare * (u >= f.investUtilization ? 1 : Math.pow(u / f.investUtilization, f.investSensitivity));
  }
  const fundCount = fundShares.length;
  const share0 = fundCount > 0 ? fundShares[0] : null;
  const { depreciation: delta, upgradeBase, upgradeProfit, upgradeFund, techStep, productivityGain, exitLossYears } = f;
  end.count.fill(0);
  end.capital.fill(0);
  end.productivity.fill(0);
  end.tech.fill(0);
  end.regionTech.fill(0);
  end.regionCount.fill(0);
  end.nav.fill(0);
  end.navValid = true;
  let depreciationSum = 0;
  let ownSum = 0;
  let grantSum = 0;
  let fundSum = 0;
  let offerSum = 0;
  let exitedSum = 0;
  for (let i = 0; i < firms.count; i++) {
    const k0 = capital[i];
    const p = profit[i];
    const r = region[i];
    const cell = r * K + sector[i];
    const own = p > 0 ? reinvest[sector[i]] * p : 0;
    // What is not reinvested is paid out; funds receive their stake's part.
    if (p > 0) for (let g = 0; g < fundCount; g++) flows.fundDividends[g] += fundShares[g][i] * (p - own);
    const investment = own + grant[i] + fundIn[i] + offer[i];
    const depreciation = delta * k0;
    const next = k0 - depreciation + investment;
    capital[i] = next;
    depreciationSum += depreciation;
    ownSum += own;
    grantSum += grant[i];
    fundSum += fundIn[i];
    offerSum += offer[i];
    cells.ownInvestment[cell] += own;
    // Upgrading: more likely with profit and with fund backing.
    const rate = k0 > 0 ? Math.max(0, p / k0) : 0;
    let backed = share0 !== null && share0[i] > 0 ? 1 : 0;
    for (let g = 1; g < fundCount; g++) if (fundShares[g][i] > 0) backed = 1;
    const pUp = upgradeBase + upgradeProfit * rate + upgradeFund * backed;
    if (random() < pUp) {
      tech[i] += techStep * (1 - tech[i]);
      productivity[i] *= 1 + productivityGain;
    }
    age[i] = Math.min(65535, age[i] + 1);
    if (lossYears[i] >= exitLossYears || next < minCapital) {
      alive[i] = 0;
      flows.exits[r] += 1;
      exitedSum += next;
      for (let g = 0; g < fundCount; g++) flows.fundWrittenOff[g] += fundShares[g][i] * next;
      continue;
    }
    end.count[cell] += 1;
    end.capital[cell] += next;
    end.productivity[cell] += productivity[i];
    end.tech[cell] += tech[i];
    end.regionTech[r] += tech[i];
    end.regionCount[r] += 1;
    for (let g = 0; g < fundCount; g++) end.nav[g] += fundShares[g][i] * next;
  }
  flows.depreciation += depreciationSum;
  flows.ownInvestment += ownSum;
  flows.grantInvestment += grantSum;
  flows.fundInvestment += fundSum;
  flows.offerInvestment += offerSum;
  flows.exitedCapital += exitedSum;
  compactFirms(firms);
}

/**
 * Entrants per cell are Poisson with rate
 * entryRate * n_rk * max(0, 1 + s_pi (profit rate - normal) + s_g grant rate) + entryFloor,
 * sized `entrantSize` times the sector's mean firm capital, with the cell's mean
 * productivity and technology. Their capital comes from outside the zone's ledgers.
 */
export function enterFirms(sim: Simulation): void {
  const { firms, config, flows, previous, cells, sectorCount: K, regionCount: R } = sim;
  const f = sim.state.params.firms;
  const random = sim.streams.entry;
  const { end } = sim;
  // Cell means of the survivors, tallied by the investment pass.
  const count = end.count.slice();
  const capital = end.capital.slice();
  const productivity = end.productivity.slice();
  const tech = end.tech.slice();
  const sectorMeanCapital = new Float64Array(K);
  const sectorCount = new Float64Array(K);
  for (let cell = 0; cell < R * K; cell++) {
    sectorMeanCapital[cell % K] += capital[cell];
    sectorCount[cell % K] += count[cell];
  }
  for (let k = 0; k < K; k++) sectorMeanCapital[k] = sectorCount[k] > 0 ? sectorMeanCapital[k] / sectorCount[k] : sim.initialMeanFirmCapital;
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const cell = r * K + k;
      const profitRate = previous.cellProfitRate[cell];
      const grantRate = cells.capital[cell] > 0 ? cells.grants[cell] / cells.capital[cell] : 0;
      const pull = Math.max(0, 1 + f.entryProfitSensitivity * (profitRate - f.normalProfitRate) + f.entryGrantSensitivity * grantRate);
      const mean = f.entryRate * count[cell] * pull + f.entryFloor * pull;
      const entrants = drawPoisson(random, mean);
      if (entrants === 0) continue;
      reserveFirms(firms, entrants);
      const a = count[cell] > 0 ? productivity[cell] / count[cell] : 1;
      const tau = count[cell] > 0 ? tech[cell] / count[cell] : config.sectors[k].techIntensity;
      for (let e = 0; e < entrants; e++) {
        const size = f.entrantSize * sectorMeanCapital[k] * Math.exp(0.5 * drawNormal(random) - 0.125);
        const slot = appendFirm(firms, r, k, size, a, tau);
        flows.entrantCapital += size;
        // Keep the end-of-step tallies complete (values as stored in the arrays).
        end.count[cell] += 1;
        end.capital[cell] += firms.capital[slot];
        end.productivity[cell] += firms.productivity[slot];
        end.tech[cell] += firms.tech[slot];
        end.regionTech[r] += firms.tech[slot];
        end.regionCount[r] += 1;
      }
      flows.entries[r] += entrants;
      cells.entries[cell] += entrants;
    }
  }
}
