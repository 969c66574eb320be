/**
 * How large a run will get, known before it starts: the CLI refuses a run whose
 * projected firm population cannot fit (`estimateRunSize(config).fits`) and
 * prints `describe()`, instead of letting it grow for minutes and stop at the
 * hard cap (limits.ts). Pure arithmetic on the configuration, no simulation.
 *
 * Firms: the initial count is exact (`initial.firms` plus at most one firm per
 * region-sector with capital). Growth is a projection, not a bound (entry
 * depends on profit rates no formula gives in advance): each step the
 * population grows by
 *
 *   entryRate * (1 + entryProfitSensitivity * (0.11 + 0.8 * max(g, 0))) + entryFloor * cells / n,
 *
 * g the highest sector demand growth, i.e. entry at the profit rate above normal
 * that faster demand brings, and no exits. Fitted on the shipped scenarios run
 * 30-60 steps with demand growth 0 to 100% and entry parameters up to 3-5 times
 * their defaults: it matches mean firm growth at the defaults (3.2% a year with
 * flat demand, 3.9% at 6%) and overstates it for extreme inputs (15% projected
 * vs 10.6% seen at 100% demand growth). A run that outgrows it anyway stops at
 * the cap with a `ModelLimitError`.
 */
import type { ModelConfig } from './config.js';
import { bytesPerFirmSlot } from './firms.js';
import { DEFAULT_LIMITS, type RunLimits } from './limits.js';

/** Profit rate above normal at flat demand, and its rise per unit of demand growth (fitted, see above). */
const PROFIT_EXCESS_FLAT = 0.11;
const PROFIT_EXCESS_PER_GROWTH = 0.8;
/** Per firm per fund: the fund's ranking buffers (slot and score, 12 bytes) and visiting order (4). */
const FUND_BYTES_PER_FIRM = 16;
/** Per recorded number of a step record (a double in a JS array, with the array's share of overhead). */
const BYTES_PER_RECORDED_NUMBER = 16;

export interface RunSizeEstimate {
  /** Firms in the initial world (exact). */
  initialFirms: number;
  /**
   * Projected largest population over the run, and the step it is reached (0 = the start, or the first step);
   * for a run that does not fit, the first projected population past maxFirms and its step.
   */
  peakFirms: number;
  peakStep: number;
  /** Projected firm growth per step (a rate, e.g. 0.039). */
  growthPerStep: number;
  /** Most firms a run may hold. */
  maxFirms: number;
  /** Firm slots allocated at the projected peak (growth doubles the arrays, up to the cap). */
  firmSlots: number;
  /** Typed arrays of the firms and fund buffers at the peak, counting old and new arrays while they double. */
  firmBytes: number;
  /** The step records kept for one replication (they are kept until the run ends). */
  recordBytes: number;
  /** firmBytes + recordBytes: the memory of one replication at its peak. */
  bytes: number;
  /** Whether the projected peak fits under maxFirms. */
  fits: boolean;
  /** One or two sentences for the user: the estimate, and what to reduce if it does not fit. */
  describe(): string;
}

const count = (n: number) => (Number.isFinite(n) && n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(1));
const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.max(1, Math.round(bytes / 2 ** 20))} MiB`);

/** Numbers in one step record (metrics by region, pair and zone; cell tables; sector markets). */
function recordedNumbersPerStep(config: ModelConfig): number {
  const R = config.regions.length;
  const K = config.sectors.length;
  return 30 * R + 3 * ((R * (R - 1)) / 2) + 40 + 5 * R * K + 6 * K;
}

export function estimateRunSize(config: ModelConfig, limits: RunLimits = DEFAULT_LIMITS): RunSizeEstimate {
  const R = config.regions.length;
  const K = config.sectors.length;
  const { initial, firms: f } = config;
  const cellsWithCapital = initial.regionShares.reduce((n, share, r) => n + initial.sectorShares[r].filter((s) => share * s > 0).length, 0);
  const initialFirms = initial.firmCount + Math.min(cellsWithCapital, R * K);

  const demandGrowth = Math.max(0, ...config.sectors.map((s) => s.demandGrowth));
  const pull = 1 + f.entryProfitSensitivity * (PROFIT_EXCESS_FLAT + PROFIT_EXCESS_PER_GROWTH * demandGrowth);
  const growthPerStep = f.entryRate * pull;
  let firms = initialFirms;
  let peakFirms = firms;
  let peakStep = 0;
  // Stops counting past the cap (no need to compound to Infinity).
  for (let t = 0; t < config.steps && firms <= limits.maxFirms; t++) {
    firms = firms * (1 + growthPerStep) + f.entryFloor * pull * R * K;
    if (firms > peakFirms) [peakFirms, peakStep] = [firms, t];
  }
  const fits = peakFirms <= limits.maxFirms;
  let slots = Math.max(16, Math.min(Math.ceil(initial.firmCount * 1.25), limits.maxFirms));
  while (slots < Math.min(peakFirms, limits.maxFirms)) slots *= 2;
  const firmSlots = Math.min(slots, Math.max(limits.maxFirms, initialFirms));
  const fundCount = config.funds.length;
  const perSlot = bytesPerFirmSlot(fundCount);
  const grew = firmSlots > Math.ceil(initial.firmCount * 1.25);
  const firmBytes = firmSlots * perSlot * (grew ? 1.5 : 1) + Math.min(peakFirms, firmSlots) * FUND_BYTES_PER_FIRM * fundCount;
  const recordBytes = config.steps * recordedNumbersPerStep(config) * BYTES_PER_RECORDED_NUMBER;
  const bytes = firmBytes + recordBytes;
  const peakText = peakStep === 0 ? 'at the start' : `by step ${peakStep} (year ${config.startYear + peakStep * config.stepYears})`;

  return {
    initialFirms, peakFirms, peakStep, growthPerStep, maxFirms: limits.maxFirms, firmSlots, firmBytes, recordBytes, bytes, fits,
    describe: () =>
      fits
        ? `the run starts with ${count(initialFirms)} firms and is projected to reach about ${count(peakFirms)} ${peakText} ` +
          `(${(100 * growthPerStep).toFixed(1)}% a step), about ${size(bytes)} per replication`
        : `the run is projected to pass the ${count(limits.maxFirms)} firms a run can hold ${peakText} (it starts with ${count(initialFirms)} ` +
          `and grows about ${(100 * growthPerStep).toFixed(1)}% a step); ` +
          `reduce time.steps (${config.steps}), initial.firms, demand growth or the entry rates (firms.entryRate, firms.entryFloor)`,
  };
}
