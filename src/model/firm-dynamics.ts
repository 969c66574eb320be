/**
 * Step 6 of the schedule: firms act. Relocation offers, investment
 * (K <- (1 - delta) K + I, with I = reinvested after-tax profit + grants + fund
 * money + offers, each counted once), technology upgrading, exit and entry.
 */
import { appendFirm, reserveFirms } from './firms.js';
import { beginRuns, endRuns, extendRuns, indexCellRuns } from './cell-runs.js';
import { drawGeometricGap, drawNormal, drawPoisson } from './rng.js';
import type { Simulation } from './simulation-state.js';
import { recordMove } from './moves.js';
import { firmLimitError } from './limits.js';

/**
 * The grant a firm receives: its cell's grants in proportion to capital at the
 * time budgets are spent (government.ts places grants per cell; the firm's
 * share is worked out when it invests, which reads the same numbers).
 */
function grantOf(sim: Simulation, cell: number, capital: number): number {
  const cellCapital = sim.cells.capital[cell];
  return cellCapital > 0 ? (sim.cells.grants[cell] * capital) / cellCapital : 0;
}

/**
 * A firm in a hot sector of a region that a competing region targets considers
 * an offer with probability mu * mobility_k, while the offering budget lasts, and
 * moves when offer + horizon * expected after-tax profit gap > moving cost.
 * Consideration uses geometric gaps (one draw per considered firm), starting at
 * a random firm so that a short budget does not always favour low slots.
 * The firms that moved are listed in `sim.scratch.moves` (and the cell runs re-indexed).
 */
export function relocateFirms(sim: Simulation): void {
  const { firms, config, flows, previous, sectorCount: K, regionCount: R } = sim;
  const { moves, offerBudgetLeft, hot } = sim.scratch;
  moves.count = 0;
  const params = sim.state.params;
  const strategies = sim.state.governments.map((g) => g.strategy);
  const competing = strategies.map((s, r) => (s === 'compete' && offerBudgetLeft[r] > 0 ? r : -1)).filter((r) => r >= 0);
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
    if (!hot[k]) continue;
    // One of the competing regions (other than the firm's) with offer budget left,
    // chosen uniformly; counted and walked rather than filtered, so nothing is allocated per firm.
    let offering = 0;
    for (const r of competing) if (r !== from && offerBudgetLeft[r] > 0) offering++;
    if (offering === 0) continue;
    let pick = Math.min(offering - 1, Math.floor(random() * offering));
    let to = -1;
    for (const r of competing) {
      if (r === from || !(offerBudgetLeft[r] > 0)) continue;
      if (pick-- === 0) {
        to = r;
        break;
      }
    }
    const capital = firms.capital[i];
    const offer = Math.min(offerBudgetLeft[to], params.policy.offerRate * capital);
    const gap =
      capital *
      (previous.cellProfitRate[to * K + k] * (1 - taxRate[to]) - previous.cellProfitRate[from * K + k] * (1 - taxRate[from]));
    if (offer + f.relocationHorizon * gap <= f.movingCost * capital) continue;
    offerBudgetLeft[to] -= offer;
    flows.offersPaid[to] += offer;
    flows.relocationsOut[from] += 1;
    flows.relocationsIn[to] += 1;
    const loss = f.relocationCapitalLoss * capital;
    flows.relocationLoss += loss;
    flows.writtenOff[from] += loss; // the capital lost in a move is written off where it stood
    for (let g = 0; g < firms.fundShare.length; g++) flows.fundRelocationLoss[g] += firms.fundShare[g][i] * loss;
    recordMove(moves, i, offer, grantOf(sim, from * K + k, capital));
    firms.capital[i] = capital - loss;
    firms.region[i] = to;
    sim.cells.offers[to * K + k] += offer;
  }
  for (let r = 0; r < R; r++) flows.unspent[r] += offerBudgetLeft[r];
  if (moves.count > 0) indexCellRuns(firms, K, sim.runs);
}

/**
 * Investment, depreciation, upgrading, ageing and exit, in one pass over the
 * cell runs that also tallies the survivors for entry and the metrics
 * (sim.end) and removes the exits in place (each survivor is written to the
 * next free slot, so the firm order is kept).
 *
 * Per-cell, per-region and per-fund sums are kept in local variables and
 * written back after each run: the same additions in the same order as adding
 * into the arrays firm by firm, without each addition waiting on the last one
 * through memory. Fund 0 (usually the only one) gets its own locals for the same reason.
 */
export function investAndUpgrade(sim: Simulation): void {
  const { firms, flows, cells, runs, market, sectorCount: K, end } = sim;
  const { moves } = sim.scratch;
  const f = sim.state.params.firms;
  const random = sim.streams.upgrade;
  const minCapital = f.exitMinCapital;
  const fundShares = firms.fundShare;
  const fundCount = fundShares.length;
  const share0 = fundCount > 0 ? fundShares[0] : new Float32Array(0);
  const { region, home, sector, capital, profit, fundIn, tech, productivity, age, lossYears, outsideShare } = firms;
  const recovery = f.exitRecovery;
  const { residentProfit, residentReinvest, residentScrap, residentCapital, writtenOff } = flows;
  // Accelerator: firms add less capacity to sectors running below the target utilization.
  const reinvest = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const u = market.utilization[k];
    reinvest[k] = f.reinvestShare * (u >= f.investUtilization ? 1 : Math.pow(u / f.investUtilization, f.investSensitivity));
  }
  const { depreciation: delta, upgradeBase, upgradeProfit, upgradeFund, techStep, productivityGain, exitLossYears } = f;
  const productivityFactor = 1 + productivityGain;
  end.count.fill(0);
  end.capital.fill(0);
  end.productivity.fill(0);
  end.tech.fill(0);
  end.regionTech.fill(0);
  end.regionCount.fill(0);
  // Grant-financed book value of the stakes: relocation losses take their pro-rata part of
  // the stake value the fund held before the moves (last step's book value plus this
  // step's investments), then it depreciates like the capital it sits in.
  for (let g = 0; g < fundCount; g++) {
    const before = end.nav[g] + flows.fundInvested[g];
    const kept = before > 0 ? Math.max(0, 1 - flows.fundRelocationLoss[g] / before) : 0;
    end.navGrants[g] *= kept * (1 - f.depreciation);
  }
  end.nav.fill(0);
  let depreciationSum = 0;
  let ownSum = 0;
  let grantSum = 0;
  let fundSum = 0;
  let offerSum = 0;
  let exitedSum = 0;
  let dividends0 = flows.fundDividends[0] ?? 0;
  let writtenOff0 = flows.fundWrittenOff[0] ?? 0;
  let scrap0 = flows.fundScrap[0] ?? 0;
  let fundReinvest0 = flows.fundReinvest[0] ?? 0;
  let fundGrants0 = flows.fundGrants[0] ?? 0;
  let outsideProfitSum = 0;
  let outsideReinvestSum = 0;
  let outsideScrapSum = 0;
  let scrapSum = 0;
  let nav0 = 0;
  // Moves are listed in visiting order, which wraps around once: walk them from the wrap.
  let nextMove = 0;
  for (let m = 1; m < moves.count; m++) if (moves.firm[m] < moves.firm[m - 1]) nextMove = m;
  let movesLeft = moves.count;
  let movedFirm = movesLeft > 0 ? moves.firm[nextMove] : -1;
  let write = 0;
  // The survivors' runs, written as they are compacted (read runs and written runs are two lists).
  const survivorRuns = sim.scratch.spareRuns;
  beginRuns(survivorRuns);
  for (let q = 0; q < runs.count; q++) {
    const cell = runs.cell[q];
    const last = runs.start[q + 1];
    const firstWrite = write;
    const k = cell % K;
    const r = (cell - k) / K;
    const reinvestShare = reinvest[k];
    const cellGrants = cells.grants[cell];
    const cellCapital = cells.capital[cell];
    let ownInvestment = cells.ownInvestment[cell];
    let survivors = end.count[cell];
    let survivorCapital = end.capital[cell];
    let survivorProductivity = end.productivity[cell];
    let survivorTech = end.tech[cell];
    let regionTech = end.regionTech[r];
    let regionCount = end.regionCount[r];
    // Accounts of the firms whose home is where they stand (nearly all); the others add into the arrays.
    let homeProfit = residentProfit[r];
    let homeReinvest = residentReinvest[r];
    let homeCapital = residentCapital[r];
    for (let i = runs.start[q]; i < last; i++) {
      const k0 = capital[i];
      const p = profit[i];
      // Reinvested share of a positive profit (max(p, 0) adds exact zeros for losses).
      const positive = Math.max(p, 0);
      const own = reinvestShare * positive;
      let grant: number;
      let offer = 0;
      if (i === movedFirm) {
        grant = moves.grant[nextMove];
        offer = moves.offer[nextMove];
        nextMove = nextMove + 1 === moves.count ? 0 : nextMove + 1;
        movedFirm = --movesLeft > 0 ? moves.firm[nextMove] : -1;
      } else grant = cellCapital > 0 ? (cellGrants * k0) / cellCapital : 0;
      const fund = fundIn[i];
      if (fund !== 0) fundIn[i] = 0;
      // What is not reinvested is paid out; funds receive their stake's part.
      let fundTotal = 0;
      if (fundCount > 0) {
        const s0 = share0[i];
        fundTotal = s0;
        dividends0 += s0 * (positive - own);
        fundReinvest0 += s0 * own;
        fundGrants0 += s0 * (grant + offer);
        for (let g = 1; g < fundCount; g++) {
          const sg = fundShares[g][i];
          fundTotal += sg;
          flows.fundDividends[g] += sg * (positive - own);
          flows.fundReinvest[g] += sg * own;
          flows.fundGrants[g] += sg * (grant + offer);
        }
      }
      // Owners' accounts (docs/ODD.md 7.16): after-tax profit and the reinvested part of it,
      // pro rata to shares; a loss is borne by residents and outside owners pro rata (fund
      // stakes take a share of positive profit only, as their dividends always have).
      const outside = outsideShare[i];
      const h = home[i];
      const nonFund = 1 - fundTotal;
      // Without a fund stake (most firms) the outside part of a loss is simply outside * loss: no division.
      const outsideProfit = fundTotal === 0 ? outside * p : outside * positive + (nonFund > 0 ? ((p - positive) * outside) / nonFund : 0);
      const outsideReinvest = outside * own;
      outsideProfitSum += outsideProfit;
      outsideReinvestSum += outsideReinvest;
      const residentsProfit = p - fundTotal * positive - outsideProfit;
      const residentsReinvest = own - fundTotal * own - outsideReinvest;
      if (h === r) {
        homeProfit += residentsProfit;
        homeReinvest += residentsReinvest;
      } else {
        residentProfit[h] += residentsProfit;
        residentReinvest[h] += residentsReinvest;
      }
      const investment = own + grant + fund + offer;
      const depreciation = delta * k0;
      const next = k0 - depreciation + investment;
      depreciationSum += depreciation;
      ownSum += own;
      grantSum += grant;
      fundSum += fund;
      offerSum += offer;
      ownInvestment += own;
      // Upgrading: more likely with profit and with fund backing.
      const rate = k0 > 0 ? Math.max(0, p / k0) : 0;
      let backed = fundCount > 0 && share0[i] > 0 ? 1 : 0;
      for (let g = 1; g < fundCount; g++) if (fundShares[g][i] > 0) backed = 1;
      const pUp = upgradeBase + upgradeProfit * rate + upgradeFund * backed;
      // Values as stored (float32), since the tallies below read them back.
      let tau = tech[i];
      let a = productivity[i];
      if (random() < pUp) {
        tau = Math.fround(tau + techStep * (1 - tau));
        a = Math.fround(a * productivityFactor);
      }
      const years = age[i];
      if (lossYears[i] >= exitLossYears || next < minCapital) {
        flows.exits[r] += 1;
        exitedSum += next;
        // Scrap: outside buys exitRecovery of the book value and pays the owners pro rata; the rest is written off.
        const scrap = recovery * next;
        const lost = next - scrap;
        scrapSum += scrap;
        writtenOff[r] += lost;
        if (fundCount > 0) {
          writtenOff0 += share0[i] * lost;
          scrap0 += share0[i] * scrap;
          for (let g = 1; g < fundCount; g++) {
            flows.fundWrittenOff[g] += fundShares[g][i] * lost;
            flows.fundScrap[g] += fundShares[g][i] * scrap;
          }
        }
        outsideScrapSum += outside * scrap;
        residentScrap[h] += scrap - fundTotal * scrap - outside * scrap;
        continue;
      }
      if (h === r) homeCapital += (nonFund - outside) * next;
      else residentCapital[h] += (nonFund - outside) * next;
      if (write !== i) {
        region[write] = r;
        home[write] = h;
        outsideShare[write] = outside;
        sector[write] = k;
        profit[write] = p;
        lossYears[write] = lossYears[i];
        for (let g = 0; g < fundCount; g++) fundShares[g][write] = fundShares[g][i];
      }
      capital[write] = next;
      tech[write] = tau;
      productivity[write] = a;
      age[write] = years < 65535 ? years + 1 : 65535;
      write++;
      survivors += 1;
      survivorCapital += next;
      survivorProductivity += a;
      survivorTech += tau;
      regionTech += tau;
      regionCount += 1;
      if (fundCount > 0) {
        nav0 += share0[i] * next;
        for (let g = 1; g < fundCount; g++) end.nav[g] += fundShares[g][i] * next;
      }
    }
    if (write > firstWrite) extendRuns(survivorRuns, cell, firstWrite);
    cells.ownInvestment[cell] = ownInvestment;
    end.count[cell] = survivors;
    end.capital[cell] = survivorCapital;
    end.productivity[cell] = survivorProductivity;
    end.tech[cell] = survivorTech;
    end.regionTech[r] = regionTech;
    end.regionCount[r] = regionCount;
    residentProfit[r] = homeProfit;
    residentReinvest[r] = homeReinvest;
    residentCapital[r] = homeCapital;
  }
  firms.count = write;
  endRuns(survivorRuns, write);
  sim.scratch.spareRuns = runs;
  sim.runs = survivorRuns;
  if (fundCount > 0) {
    flows.fundDividends[0] = dividends0;
    flows.fundWrittenOff[0] = writtenOff0;
    flows.fundScrap[0] = scrap0;
    flows.fundReinvest[0] = fundReinvest0;
    flows.fundGrants[0] = fundGrants0;
    end.nav[0] = nav0;
  }
  // This step's grants join the grant-financed value; the stakes of exiting firms
  // (written off or sold for scrap) take their pro-rata part of it with them.
  for (let g = 0; g < fundCount; g++) {
    const withGrants = end.navGrants[g] + flows.fundGrants[g];
    const exited = flows.fundWrittenOff[g] + flows.fundScrap[g];
    const gross = end.nav[g] + exited;
    const removed = gross > 0 ? (withGrants * exited) / gross : withGrants;
    flows.fundScrapGrants[g] = exited > 0 ? (removed * flows.fundScrap[g]) / exited : 0;
    end.navGrants[g] = withGrants - removed;
  }
  flows.depreciation += depreciationSum;
  flows.ownInvestment += ownSum;
  flows.grantInvestment += grantSum;
  flows.fundInvestment += fundSum;
  flows.offerInvestment += offerSum;
  flows.exitedCapital += exitedSum;
  flows.outsideProfit += outsideProfitSum;
  flows.outsideReinvest += outsideReinvestSum;
  flows.outsideScrap += outsideScrapSum;
  flows.scrapSold += scrapSum;
}

/**
 * Entrants per cell are Poisson with rate
 * entryRate * n_rk * max(0, 1 + s_pi (profit rate - normal) + s_g grant rate) + entryFloor,
 * sized `entrantSize` times the sector's mean firm capital, with the cell's mean
 * productivity and technology. Founding capital is financed by outside investors
 * for `entryOutsideShare` (who own that share) and by the home region's residents
 * for the rest (docs/ODD.md 7.12).
 */
export function enterFirms(sim: Simulation): void {
  const { firms, config, flows, previous, cells, sectorCount: K, regionCount: R } = sim;
  const f = sim.state.params.firms;
  const random = sim.streams.entry;
  const { end } = sim;
  const outsideShareOfEntrants = f.entryOutsideShare;
  // Cell totals of the survivors, tallied by the investment pass. Each cell's are
  // read before its own entrants are added to them (and sector means before any).
  const { count, capital, productivity, tech } = end;
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
      // One comparison per cell: a run that outgrows the firm arrays stops here, cleanly.
      if (firms.count + entrants > firms.limit) throw firmLimitError(config, sim.state.step, firms.count + entrants, firms.limit, { region: r, sector: k });
      reserveFirms(firms, entrants);
      extendRuns(sim.runs, cell, firms.count);
      const a = count[cell] > 0 ? productivity[cell] / count[cell] : 1;
      const tau = count[cell] > 0 ? tech[cell] / count[cell] : config.sectors[k].techIntensity;
      for (let e = 0; e < entrants; e++) {
        const size = f.entrantSize * sectorMeanCapital[k] * Math.exp(0.5 * drawNormal(random) - 0.125);
        const slot = appendFirm(firms, r, k, size, a, tau, outsideShareOfEntrants);
        flows.entrantCapital += size;
        cells.entrantCapital[cell] += size;
        const fromOutside = firms.outsideShare[slot] * size; // the share as stored (float32), as owned
        flows.outsideEntry += fromOutside;
        flows.residentEntry[r] += size - fromOutside;
        flows.residentCapital[r] += size - fromOutside;
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
  endRuns(sim.runs, firms.count);
}
