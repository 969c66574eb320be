/**
 * Step 5 of the schedule: agglomeration, capacity, the market, and each firm's
 * sales and profit (docs/ODD.md 7.6 and 7.7).
 *
 *   capacity  Q_i = A_i * M(r,k) * K_i
 *   M(r,k)    = 1 + lam_loc ln(1 + C/C0) + lam_io sum_j a[j][k] access(r,j) - lam_cong C/C_cong
 *   price     p_k = clamp(P_k (D_k/S_k)^(1/eps_k), p_min, p_max); sold_k = min(S_k, D_k (p_k/P_k)^-eps_k)
 *   unit cost c_k (1 - gamma tau_i)(1 + d x_k(r))
 */
import type { Simulation } from './simulation-state.js';

/** One pass over firms (by cell runs): capital and firm count per cell. */
export function computeCellCapital(sim: Simulation): void {
  const { firms, cells, runs } = sim;
  cells.capital.fill(0);
  cells.firms.fill(0);
  const { capital } = firms;
  for (let q = 0; q < runs.count; q++) {
    const cell = runs.cell[q];
    const end = runs.start[q + 1];
    let sum = cells.capital[cell];
    let count = cells.firms[cell];
    for (let i = runs.start[q]; i < end; i++) {
      sum += capital[i];
      count += 1;
    }
    cells.capital[cell] = sum;
    cells.firms[cell] = count;
  }
}

/**
 * Agglomeration multipliers and foreign input shares per cell, from cell capital.
 * Supply of an input j reachable from r counts r's own capital in j fully and
 * other regions' times (1 - d); need is r's capital-weighted demand for j.
 */
export function computeMultipliers(sim: Simulation): void {
  const { config, cells, sectorCount: K, regionCount: R } = sim;
  const agg = sim.state.params.agglomeration;
  const d = sim.state.params.friction.border;
  const a = config.inputOutput;
  const sectorCapital = new Float64Array(K);
  for (let r = 0; r < R; r++) for (let k = 0; k < K; k++) sectorCapital[k] += cells.capital[r * K + k];
  // need[r][j] = sum_k a[j][k] C(r,k)
  const need = new Float64Array(R * K);
  const zoneNeed = new Float64Array(K);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < K; j++) {
      let n = 0;
      for (let k = 0; k < K; k++) n += a[j][k] * cells.capital[r * K + k];
      need[r * K + j] = n;
      zoneNeed[j] += n;
    }
  }
  const access = new Float64Array(R * K);
  const localCover = new Float64Array(R * K);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < K; j++) {
      const cell = r * K + j;
      const needShare = zoneNeed[j] > 0 ? need[cell] / zoneNeed[j] : 0;
      if (needShare <= 0 || sectorCapital[j] <= 0) {
        access[cell] = needShare <= 0 ? 1 : 0;
        localCover[cell] = needShare <= 0 ? 1 : 0;
        continue;
      }
      const own = cells.capital[cell] / sectorCapital[j];
      const reachable = own + (1 - d) * (1 - own);
      access[cell] = Math.min(1, reachable / needShare);
      localCover[cell] = Math.min(1, own / needShare);
    }
  }
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const cell = r * K + k;
      let chain = 0;
      let foreign = 0;
      for (let j = 0; j < K; j++) {
        chain += a[j][k] * access[r * K + j];
        foreign += a[j][k] * (1 - localCover[r * K + j]);
      }
      const c = cells.capital[cell];
      const m =
        1 + agg.localization * Math.log(1 + c / agg.referenceCapital) + agg.inputOutput * chain - (agg.congestion * c) / agg.congestionCapital;
      cells.multiplier[cell] = Math.max(agg.minimum, m);
      cells.foreignInputShare[cell] = foreign;
    }
  }
}

/** One pass over firms (by cell runs): capacity per cell and per sector. */
export function computeCapacity(sim: Simulation): void {
  const { firms, cells, market, runs, sectorCount: K } = sim;
  const capacity = cells.capacity;
  capacity.fill(0);
  const { capital, productivity } = firms;
  for (let q = 0; q < runs.count; q++) {
    const cell = runs.cell[q];
    const end = runs.start[q + 1];
    const m = cells.multiplier[cell];
    let sum = capacity[cell];
    for (let i = runs.start[q]; i < end; i++) sum += productivity[i] * m * capital[i];
    capacity[cell] = sum;
  }
  market.capacity.fill(0);
  for (let cell = 0; cell < capacity.length; cell++) market.capacity[cell % K] += capacity[cell];
}

/** Prices, quantities sold and utilization per sector. */
export function clearMarkets(sim: Simulation): void {
  const { market, config } = sim;
  for (let k = 0; k < sim.sectorCount; k++) {
    const s = config.sectors[k];
    const supply = market.capacity[k];
    const demand = market.demand[k];
    if (!(supply > 0)) {
      market.price[k] = s.priceCeiling;
      market.sold[k] = 0;
      market.utilization[k] = 0;
      continue;
    }
    const price = Math.min(s.priceCeiling, Math.max(s.priceFloor, s.price * Math.pow(demand / supply, 1 / s.elasticity)));
    const sold = Math.min(supply, demand * Math.pow(price / s.price, -s.elasticity));
    market.price[k] = price;
    market.sold[k] = sold;
    market.utilization[k] = sold / supply;
  }
}

export interface ProductionTotals {
  /** Tax collected per region. */
  taxes: Float64Array;
  /** Sum of positive operating profit per region (the tax base). */
  taxBase: Float64Array;
}

/**
 * One pass over firms (by cell runs): sales, costs, pre-tax and after-tax
 * profit, taxes, loss years. Fills cell output, value added and profit.
 * Value added is revenue less variable (bought-in) cost; fixed cost f*K stands
 * for wages and depreciation and stays in value added.
 */
export function produce(sim: Simulation, totals: ProductionTotals): void {
  const { firms, cells, market, config, runs, sectorCount: K } = sim;
  const params = sim.state.params;
  const d = params.friction.border;
  const gamma = params.firms.techCostReduction;
  const { output, valueAdded, profit: cellProfit } = cells;
  output.fill(0);
  valueAdded.fill(0);
  cellProfit.fill(0);
  const { capital, productivity, tech, profit, lossYears } = firms;
  for (let q = 0; q < runs.count; q++) {
    const cell = runs.cell[q];
    const end = runs.start[q + 1];
    const k = cell % K;
    const r = (cell - k) / K;
    const sector = config.sectors[k];
    const mu = cells.multiplier[cell];
    const u = market.utilization[k];
    const price = market.price[k];
    const unitCost = sector.unitCost * (1 + d * cells.foreignInputShare[cell]);
    const fixedCost = sector.fixedCost;
    const taxRate = params.governments[r].taxRate;
    let cellOutput = output[cell];
    let cellValueAdded = valueAdded[cell];
    let cellOperating = cellProfit[cell];
    let taxes = totals.taxes[r];
    let taxBase = totals.taxBase[r];
    for (let i = runs.start[q]; i < end; i++) {
      const sold = productivity[i] * mu * capital[i] * u;
      const revenue = price * sold;
      const variable = unitCost * (1 - gamma * tech[i]) * sold;
      const operating = revenue - variable - fixedCost * capital[i];
      // max(operating, 0) rather than a branch: the sign is unpredictable, and
      // adding +0 to a sum or taxing 0 leaves every result bit-identical.
      const positive = Math.max(operating, 0);
      const tax = taxRate * positive;
      const after = operating - tax;
      profit[i] = after;
      const losses = lossYears[i];
      lossYears[i] = after < 0 ? (losses < 255 ? losses + 1 : 255) : 0;
      cellOutput += revenue;
      cellValueAdded += revenue - variable;
      cellOperating += operating;
      taxes += tax;
      taxBase += positive;
    }
    output[cell] = cellOutput;
    valueAdded[cell] = cellValueAdded;
    cellProfit[cell] = cellOperating;
    totals.taxes[r] = taxes;
    totals.taxBase[r] = taxBase;
  }
}
