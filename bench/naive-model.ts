/**
 * The same firm-level model written the obvious way, for the benchmark's ratio:
 * one object per firm inside an immer state, every step a `produce` whose draft
 * touches every firm. It runs the per-firm processes of the real step (capacity
 * with the agglomeration multiplier, market clearing with a price floor,
 * production, profit and tax, reinvestment with the accelerator, upgrading,
 * exit) on the `cooperate` world; governments, the fund, relocation and entry
 * are left out, so the real step does strictly more work per firm than this one.
 */
import { produce, setAutoFreeze } from 'immer';
import type { ModelConfig } from '../src/model/config.js';
import { createSimulation } from '../src/model/simulation.js';
import { createStream } from '../src/model/rng.js';

interface FirmObject {
  region: number;
  sector: number;
  capital: number;
  productivity: number;
  tech: number;
  profit: number;
  lossYears: number;
  alive: boolean;
}

interface NaiveState {
  firms: FirmObject[];
  demand: number[];
}

export function runNaive(config: ModelConfig, steps: number): { firmSteps: number; seconds: number } {
  setAutoFreeze(true); // immer's default: what "the obvious way" gets
  const sim = createSimulation(config, { seed: 1, replication: 0, keepLog: false });
  const K = config.sectors.length;
  const R = config.regions.length;
  const random = createStream('naive');
  let state: NaiveState = {
    firms: Array.from({ length: sim.firms.count }, (_, i) => ({
      region: sim.firms.region[i], sector: sim.firms.sector[i], capital: sim.firms.capital[i], productivity: sim.firms.productivity[i],
      tech: sim.firms.tech[i], profit: 0, lossYears: 0, alive: true,
    })),
    demand: Array.from(sim.market.demand),
  };
  const agg = config.agglomeration;
  const f = config.firms;
  let firmSteps = 0;
  const t0 = performance.now();
  for (let t = 0; t < steps; t++) {
    firmSteps += state.firms.length;
    state = produce(state, (draft) => {
      const cellCapital = new Array<number>(R * K).fill(0);
      for (const firm of draft.firms) cellCapital[firm.region * K + firm.sector] += firm.capital;
      const multiplier = cellCapital.map((c) => Math.max(agg.minimum, 1 + agg.localization * Math.log(1 + c / agg.referenceCapital) - (agg.congestion * c) / agg.congestionCapital));
      const supply = new Array<number>(K).fill(0);
      for (const firm of draft.firms) supply[firm.sector] += firm.productivity * multiplier[firm.region * K + firm.sector] * firm.capital;
      const price: number[] = [];
      const utilization: number[] = [];
      for (let k = 0; k < K; k++) {
        const s = config.sectors[k];
        draft.demand[k] *= 1 + s.demandGrowth;
        const p = Math.min(s.priceCeiling, Math.max(s.priceFloor, s.price * Math.pow(draft.demand[k] / supply[k], 1 / s.elasticity)));
        price.push(p);
        utilization.push(Math.min(supply[k], draft.demand[k] * Math.pow(p / s.price, -s.elasticity)) / supply[k]);
      }
      for (const firm of draft.firms) {
        const s = config.sectors[firm.sector];
        const sold = firm.productivity * multiplier[firm.region * K + firm.sector] * firm.capital * utilization[firm.sector];
        const operating = price[firm.sector] * sold - s.unitCost * (1 - f.techCostReduction * firm.tech) * sold - s.fixedCost * firm.capital;
        firm.profit = operating > 0 ? operating * 0.75 : operating;
        firm.lossYears = firm.profit < 0 ? firm.lossYears + 1 : 0;
        const u = utilization[firm.sector];
        const reinvest = f.reinvestShare * (u >= f.investUtilization ? 1 : Math.pow(u / f.investUtilization, f.investSensitivity));
        firm.capital = firm.capital * (1 - f.depreciation) + (firm.profit > 0 ? reinvest * firm.profit : 0);
        if (random() < f.upgradeBase + f.upgradeProfit * Math.max(0, firm.profit / firm.capital)) {
          firm.tech += f.techStep * (1 - firm.tech);
          firm.productivity *= 1 + f.productivityGain;
        }
        if (firm.lossYears >= f.exitLossYears || firm.capital < f.exitMinCapital) firm.alive = false;
      }
      draft.firms = draft.firms.filter((firm) => firm.alive);
    });
  }
  return { firmSteps, seconds: (performance.now() - t0) / 1000 };
}
