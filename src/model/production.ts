/**
 * Step 5 of the schedule: agglomeration, capacity, the market, and each firm's
 * sales and profit (MODEL.md "Production and market").
 *
 *   capacity  Q_i = A_i * M(r,k) * K_i
 *   M(r,k)    = 1 + lam_loc ln(1 + C/C0) + lam_io sum_j a[j][k] access(r,j) - lam_cong C/C_cong
 *   price     p_k = clamp(P_k (D_k/S_k)^(1/eps_k), p_min, p_max); sold_k = min(S_k, D_k (p_k/P_k)^-eps_k)
 *   unit cost c_k (1 - gamma tau_i)(1 + d x_k(r))
 */
import type { Simulation } from './simulation.js';

/** One pass over firms: capital and firm count per cell. */
export function computeCellCapital(sim: Simulation): void {
  const { firms, cells, sectorCount: K } = sim;
  cells.capital.fill(0);
  cells.firms.fill(0);
  const { region, sector, capital } = firms;
  for (let i = 0; i < firms.count; i++) {
    const cell = region[i] * K + sector[i];
    cells.capital[cell] += capital[i];
    cells.firms[cell] += 1;
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

/** One pass over firms: capacity per cell and per sector. */
export function computeCapacity(sim: Simulation): void {
  const { firms, cells, market, sectorCount: K } = sim;
  cells.capacity.fill(0);
  const { region, sector, capital, productivity } = firms;
  const m = cells.multiplier;
  for (let i = 0; i < firms.count; i++) {
    const cell = region[i] * K + sector[i];
    cells.capacity[cell] += productivity[i] * m[cell] * capital[i];
  }
  market.capacity.fill(0);
  for (let cell = 0; cell < cells.capacity.length; cell++) market.capacity[cell % K] += cells.capacity[cell];
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
 * One pass over firms: sales, costs, pre-tax and after-tax profit, taxes, loss
 * years. Fills cell output, value added and profit.
 * Value added is revenue less variable (bought-in) cost; fixed cost f*K stands
 * for wages and depreciation and stays in value added.
 */
export function produce(sim: Simulation, totals: ProductionTotals): void {
  const { firms, cells, market, config, sectorCount: K } = sim;
  const params = sim.state.params;
  const d = params.friction.border;
  const gamma = params.firms.techCostReduction;
  const taxRate = params.governments.map((g) => g.taxRate);
  cells.output.fill(0);
  cells.valueAdded.fill(0);
  cells.profit.fill(0);
  const unitCost = new Float64Array(cells.output.length);
  const fixedCost = new Float64Array(K);
  for (let cell = 0; cell < unitCost.length; cell++) {
    const k = cell % K;
    unitCost[cell] = config.sectors[k].unitCost * (1 + d * cells.foreignInputShare[cell]);
  }
  for (let k = 0; k < K; k++) fixedCost[k] = config.sectors[k].fixedCost;
  const { region, sector, capital, productivity, tech, profit, lossYears } = firms;
  const m = cells.multiplier;
  const u = market.utilization;
  const p = market.price;
  for (let i = 0; i < firms.count; i++) {
    const r = region[i];
    const k = sector[i];
    const cell = r * K + k;
    const sold = productivity[i] * m[cell] * capital[i] * u[k];
    const revenue = p[k] * sold;
    const variable = unitCost[cell] * (1 - gamma * tech[i]) * sold;
    const operating = revenue - variable - fixedCost[k] * capital[i];
    const tax = operating > 0 ? taxRate[r] * operating : 0;
    const after = operating - tax;
    profit[i] = after;
    lossYears[i] = after < 0 ? Math.min(255, lossYears[i] + 1) : 0;
    cells.output[cell] += revenue;
    cells.valueAdded[cell] += revenue - variable;
    cells.profit[cell] += operating;
    totals.taxes[r] += tax;
    if (operating > 0) totals.taxBase[r] += operating;
  }
}
