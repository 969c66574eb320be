/**
 * Why does `fund.regionCap` move about ten times more cumulative GDP between
 * the regions than the fund money it moves? Measured for `cooperate` at caps
 * below 1 against the uncapped run (same seed and replication: common random
 * numbers), region by region, and the GDP shift split into what it follows
 * from. With K_r(t) the region's end-of-year capital and VA_r(t) its value
 * added, production in year t uses K_r(t-1) (docs/ODD.md 3: new capital
 * produces from the next year on), so with y(t) = VA(t) / K(t-1):
 *
 *   VA_cap(t) - VA_base(t) = y_base(t) dK(t-1) + K_cap(t-1) (y_cap(t) - y_base(t))      exactly.
 *
 * The second term is "value added per yuan of capital" (agglomeration, prices
 * and utilization, technology). The capital shift follows the accumulation
 * identity dK(t) = (1 - delta) dK(t-1) + sum_sources dI_s(t), dK(-1) = 0 (both
 * runs start from the same world), so it splits exactly into the sources'
 * depreciated cumulative shifts dK_s: fund money (the governments' part and the
 * private partners' part, i.e. leverage), grants, relocation offers, the firms'
 * own reinvestment of profit, and the remainder: entrants, exits and relocated
 * capital (K(t) - (1 - delta) K(t-1) - investment, which no source names). The
 * GDP part of source s is sum_t y_base(t) dK_s(t-1); the parts add up to the
 * GDP shift exactly, replication by replication.
 */
import type { StepRecord } from '../model/record.js';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { pairedDifference, type PairedDifference } from './paired.js';
import { configForValues } from './run-point.js';
import { runRecordTasks, type RecordTask } from './record-runs.js';
import { changeInterval, type ChangeInterval } from './verdict.js';

export const CAP_FIGURES = [
  { id: 'fundInvested', label: 'fund money invested', unit: 'bn yuan' },
  { id: 'fundFirstHalf', label: 'fund money invested in the first half of the run', unit: 'bn yuan' },
  { id: 'fundCapitalYears', label: 'fund money producing, depreciated, summed over the years', unit: 'bn yuan-years' },
  { id: 'fundOutside', label: 'of which private partners\' (leverage)', unit: 'bn yuan' },
  { id: 'grants', label: 'grants received', unit: 'bn yuan' },
  { id: 'fundPayments', label: 'government payments into the fund', unit: 'bn yuan' },
  { id: 'ownInvestment', label: 'firms\' own reinvestment', unit: 'bn yuan' },
  { id: 'investment', label: 'firm investment, all sources', unit: 'bn yuan' },
  { id: 'relocationOffers', label: 'relocation offers paid', unit: 'bn yuan' },
  { id: 'relocations', label: 'relocations in minus out', unit: 'firms' },
  { id: 'entries', label: 'entrants', unit: 'firms' },
  { id: 'capital', label: 'final capital', unit: 'bn yuan' },
  { id: 'capitalYears', label: 'capital producing, summed over the years', unit: 'bn yuan-years' },
  { id: 'gdp', label: 'cumulative GDP (value added)', unit: 'bn yuan' },
] as const;
export type CapFigure = (typeof CAP_FIGURES)[number]['id'];

export const GDP_PARTS = [
  { id: 'fundGovernment', label: 'fund money, governments\' part' },
  { id: 'fundLeverage', label: 'fund money, private partners\' part (leverage)' },
  { id: 'grants', label: 'grants (the budget follows value added)' },
  { id: 'offers', label: 'relocation offers' },
  { id: 'reinvestment', label: 'firms\' own reinvestment (compounding)' },
  { id: 'entryExit', label: 'entrants, exits and relocated capital' },
  { id: 'productivity', label: 'value added per yuan of capital (agglomeration, prices, technology)' },
] as const;
export type GdpPart = (typeof GDP_PARTS)[number]['id'];
type Sources = Exclude<GdpPart, 'productivity'>;
const SOURCES = GDP_PARTS.map((p) => p.id).filter((p): p is Sources => p !== 'productivity');

const rowSum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);

/** Region r's investment in year t by source (where the money landed), and the remainder of its capital change. */
function sourcesOf(records: readonly StepRecord[], t: number, r: number, delta: number): Record<Sources, number> {
  const rec = records[t];
  const fund = rowSum(rec.cells.fund[r]);
  const outside = rec.region.fund_outside_capital_in[r];
  const grants = rowSum(rec.cells.grants[r]);
  const offers = rowSum(rec.cells.offers[r]);
  const investment = rowSum(rec.cells.investment[r]);
  const before = t > 0 ? records[t - 1].region.capital[r] : 0;
  return {
    fundGovernment: fund - outside,
    fundLeverage: outside,
    grants,
    offers,
    reinvestment: investment - fund - grants - offers,
    // Entrants, exits, relocated capital (and, in year 0, the initial capital, the same in both runs).
    entryExit: rec.region.capital[r] - (1 - delta) * before - investment,
  };
}

/** One region's figures over a run (`delta`: the depreciation rate of fund money producing). */
export function capFigures(records: readonly StepRecord[], r: number, delta: number): Record<CapFigure, number> {
  const sum = (f: (rec: StepRecord) => number) => records.reduce((a, rec) => a + f(rec), 0);
  const last = records[records.length - 1];
  // Fund money placed by the end of year t-1, depreciated as capital is: what of it produces in year t (t >= 1).
  let standing = 0;
  let fundCapitalYears = 0;
  records.forEach((x, t) => {
    if (t > 0) fundCapitalYears += standing;
    standing = (1 - delta) * standing + x.region.fund_invested[r];
  });
  return {
    fundInvested: sum((x) => x.region.fund_invested[r]),
    fundFirstHalf: records.slice(0, Math.floor(records.length / 2)).reduce((a, x) => a + x.region.fund_invested[r], 0),
    fundCapitalYears,
    fundOutside: sum((x) => x.region.fund_outside_capital_in[r]),
    grants: sum((x) => rowSum(x.cells.grants[r])),
    fundPayments: sum((x) => x.region.fund_payments[r]),
    ownInvestment: sum((x) => rowSum(x.cells.investment[r]) - rowSum(x.cells.grants[r]) - rowSum(x.cells.fund[r]) - rowSum(x.cells.offers[r])),
    investment: sum((x) => rowSum(x.cells.investment[r])),
    relocationOffers: sum((x) => x.region.relocation_offers[r]),
    relocations: sum((x) => x.region.relocations_in[r] - x.region.relocations_out[r]),
    entries: sum((x) => x.region.entries[r]),
    capital: last.region.capital[r],
    // The capital that produced in years 1 .. T-1 (year 0 produces with the initial capital, the same in every run).
    capitalYears: records.slice(0, -1).reduce((a, x) => a + x.region.capital[r], 0),
    gdp: sum((x) => x.region.value_added[r]),
  };
}

/**
 * Region r's GDP shift, capped run minus base run, split into its parts
 * (see the file comment); the parts add up to the shift exactly. `delta` is the
 * depreciation rate the accumulation identity uses (any value keeps the sum
 * exact: the remainder absorbs it; the model's makes the remainder entry and exit).
 */
export function gdpShiftParts(capped: readonly StepRecord[], base: readonly StepRecord[], r: number, delta: number): Record<GdpPart, number> {
  const parts = { fundGovernment: 0, fundLeverage: 0, grants: 0, offers: 0, reinvestment: 0, entryExit: 0, productivity: 0 } satisfies Record<GdpPart, number>;
  const shift = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Sources, number>; // dK_s(t-1)
  for (let t = 0; t < base.length; t++) {
    const vaCap = capped[t].region.value_added[r];
    const vaBase = base[t].region.value_added[r];
    if (t === 0) parts.productivity += vaCap - vaBase; // same starting capital: all of it is value added per yuan
    else {
      const kBase = base[t - 1].region.capital[r];
      const yBase = kBase > 0 ? vaBase / kBase : 0;
      let dK = 0;
      for (const s of SOURCES) {
        parts[s] += yBase * shift[s];
        dK += shift[s];
      }
      // The rest, K_cap(t-1) (y_cap - y_base), is value added per yuan (so is all of it for a region without base capital).
      parts.productivity += vaCap - vaBase - yBase * dK;
    }
    const a = sourcesOf(capped, t, r, delta);
    const b = sourcesOf(base, t, r, delta);
    for (const s of SOURCES) shift[s] = (1 - delta) * shift[s] + a[s] - b[s];
  }
  return parts;
}

export interface RegionCapShift {
  region: string;
  /** Capped minus uncapped, paired over (seed, replication): meanA uncapped, meanB capped. */
  figures: Record<CapFigure, PairedDifference>;
  /** The GDP shift's parts (bn yuan), mean and 95% interval over replications; their means add up to the GDP shift's. */
  parts: Record<GdpPart, ChangeInterval>;
  /** Mean GDP shift / mean fund-money shift (null when the fund money does not move). */
  multiplier: number | null;
  /** Replications whose fund-money shift and GDP shift have opposite signs (the total moved is a poor yardstick: when it moves counts). */
  oppositeSigns: number;
}

export interface RegionCapMeasure {
  cap: number;
  regions: RegionCapShift[];
}

export interface RegionCapMultiplier {
  replications: number;
  seeds: number[];
  firms: number;
  depreciation: number;
  /** Share of after-tax profit firms reinvest (the compounding part's rate). */
  reinvestShare: number;
  caps: RegionCapMeasure[];
}

/** The shipped cooperate scenario, optionally with fewer initial firms (tests). */
export async function cooperateWorld(firms?: number): Promise<Scenario> {
  const scenario = (await loadScenario('cooperate')).scenario;
  return firms === undefined ? scenario : { ...scenario, initial: { ...scenario.initial, firms } };
}

/** Every region of every capped run against the uncapped run of the same (seed, replication). */
export function regionCapShifts(cap: number, capped: readonly StepRecord[][], base: readonly StepRecord[][], regions: readonly string[], delta: number): RegionCapMeasure {
  return {
    cap,
    regions: regions.map((region, r) => {
      const a = base.map((recs) => capFigures(recs, r, delta));
      const b = capped.map((recs) => capFigures(recs, r, delta));
      const figures = Object.fromEntries(CAP_FIGURES.map(({ id }) => [id, pairedDifference(a.map((x) => x[id]), b.map((x) => x[id]))])) as RegionCapShift['figures'];
      const perRun = capped.map((recs, i) => gdpShiftParts(recs, base[i], r, delta));
      const parts = Object.fromEntries(GDP_PARTS.map(({ id }) => [id, changeInterval(perRun.map((p) => p[id]))])) as RegionCapShift['parts'];
      const fund = figures.fundInvested.difference;
      const oppositeSigns = a.filter((x, i) => Math.sign(b[i].fundInvested - x.fundInvested) * Math.sign(b[i].gdp - x.gdp) < 0).length;
      return { region, figures, parts, multiplier: fund !== 0 && Number.isFinite(fund) ? figures.gdp.difference / fund : null, oppositeSigns };
    }),
  };
}

export async function measureRegionCapMultiplier(options: {
  replications: number;
  seeds: number[];
  workers: number;
  onProgress?: () => void;
  /** Caps below 1 compared with the uncapped fund (default 0.75 and 0.5). */
  caps?: number[];
  firms?: number;
}): Promise<RegionCapMultiplier> {
  const caps = options.caps ?? [0.75, 0.5];
  const scenario = await cooperateWorld(options.firms);
  const config = configForValues(scenario, {});
  const all = [1, ...caps];
  const tasks: RecordTask[] = [];
  for (const cap of all)
    for (const seed of options.seeds)
      for (let r = 0; r < options.replications; r++) tasks.push({ index: tasks.length, scenario, values: { 'fund.regionCap': cap }, seed, replication: r, counterfactual: false });
  const records = await runRecordTasks(tasks, { workers: options.workers, onProgress: options.onProgress });
  const per = options.seeds.length * options.replications;
  const runsOf = (i: number) => records.slice(i * per, (i + 1) * per);
  const regions = config.regions.map((r) => r.id);
  const delta = config.firms.depreciation;
  return {
    replications: options.replications,
    seeds: options.seeds,
    firms: config.initial.firmCount,
    depreciation: delta,
    reinvestShare: config.firms.reinvestShare,
    caps: caps.map((cap, i) => regionCapShifts(cap, runsOf(i + 1), runsOf(0), regions, delta)),
  };
}
