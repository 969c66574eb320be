/**
 * What one run may hold. The firm arrays are the only part of a run that grows
 * with the population; everything else is sized by regions and sectors. A run
 * that needs more firm slots than `MAX_FIRMS` stops with a `ModelLimitError`
 * instead of dying later in the engine ("Invalid typed array length", heap
 * exhaustion) after minutes of work.
 */
import type { ModelConfig } from './config.js';
import { ModelLimitError } from './model-limit-error.js';

/**
 * Most firm slots a run may hold: room for the schema's largest start (one
 * million firms) to grow 25-fold by entry. At about 66 bytes per slot with
 * one fund (firm arrays 50, the fund's ranking buffers 16) that is 1.65 GB of
 * typed arrays, 2.5 GB for a moment while the arrays double into their last
 * size, so two workers stay well inside a 24 GiB machine.
 */
export const MAX_FIRMS = 25_000_000;

/** Limits of one run; tests lower them to reach them with small worlds. */
export interface RunLimits {
  /** Most firms (and firm slots) the run may hold. */
  maxFirms: number;
}

export const DEFAULT_LIMITS: RunLimits = { maxFirms: MAX_FIRMS };

/** Calendar year of a step (the start year for the initial world, step null). */
export function yearOf(config: ModelConfig, step: number | null): number {
  return config.startYear + (step ?? 0) * config.stepYears;
}

/**
 * The error for a run that needs `needed` firms (more than `limit`) at `step`
 * (null: the initial world). A needed count that is not a number at all comes
 * from overflowed entry rates, and is reported as such, on the cell's entries.
 */
export function firmLimitError(
  config: ModelConfig,
  step: number | null,
  needed: number,
  limit: number,
  cell?: { region: number; sector: number },
): ModelLimitError {
  const year = yearOf(config, step);
  if (!Number.isFinite(needed)) {
    return new ModelLimitError({
      kind: 'non-finite', step, year, metric: step === null ? 'firms' : 'entries', value: needed,
      region: cell && config.regions[cell.region].id, sector: cell && config.sectors[cell.sector].id,
      suspects: likelyTooLarge(config),
    });
  }
  const suspects = likelyTooLarge(config);
  return new ModelLimitError({ kind: 'firm-limit', step, year, firms: needed, limit, ...(suspects.length > 0 ? { suspects } : {}) });
}

/** Magnitudes past which an input is suspect when numbers overflow (money in billion yuan). */
const HUGE_MONEY = 1e12;
const HUGE_GROWTH = 1;

/**
 * The scenario inputs (dotted paths as in the scenario file) that are large
 * enough to overflow: money amounts beyond a trillion billion yuan, growth rates
 * above 100% a year, or demand growth that compounds past 1e100 over the run.
 */
export function likelyTooLarge(config: ModelConfig): string[] {
  const out: string[] = [];
  if (config.initial.zoneCapital >= HUGE_MONEY) out.push('initial.zoneCapital');
  config.regions.forEach((region, r) => {
    if (config.governments[r].params.transfers >= HUGE_MONEY) out.push(`governments.${region.id}.transfers`);
  });
  config.sectors.forEach((s) => {
    const compounded = config.steps * Math.log10(1 + Math.max(0, s.demandGrowth));
    if (s.demandGrowth > HUGE_GROWTH || !(compounded < 100)) out.push(`sectors.${s.id}.demandGrowth`);
    if (s.price >= HUGE_MONEY || s.unitCost >= HUGE_MONEY || s.fixedCost >= HUGE_MONEY) out.push(`sectors.${s.id} (price or costs)`);
  });
  config.funds.forEach((f) => {
    if ([...f.initialCommitment, ...f.annualCommitment].some((c) => c >= HUGE_MONEY)) out.push(`funds.${f.name} (commitments)`);
  });
  for (const e of config.events) {
    if (e.demandShock && e.demandShock.levelFactor >= HUGE_MONEY) out.push(`events (${e.label}: demand shock factor)`);
    for (const c of e.changes) if (typeof c.value === 'number' && Math.abs(c.value) >= HUGE_MONEY) out.push(`events (${e.label}: ${c.path.join('.')})`);
  }
  return out;
}
