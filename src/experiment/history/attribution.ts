/**
 * Mechanism attribution: which mechanism explains the simulated history.
 * Each mechanism is switched off alone (variants.ts) and the variant is run
 * with the full scenario's seeds (common random numbers), so per replication
 * the variant and the full model differ only by the mechanism. Reported per
 * variant: the simulated fall (first year -> trough year, default 1978 ->
 * 2002) and rise (trough -> peak year, default 2002 -> 2008), their paired
 * difference from the full model with 95% intervals, the share of the full
 * model's fall and rise the mechanism accounts for (the change when it is
 * switched off, over the full model's mean; the full model's own uncertainty
 * is left out of that share's interval), and the RMSE against the target.
 */
import { UserError } from '../../scenario/errors.js';
import { pairedDifference, type PairedDifference } from '../paired.js';
import { mean } from '../statistics.js';
import { replicationChanges, replicationErrors, rmseOfMean, scoredPoints } from './fit-error.js';
import { simulateVariants, type HistoryInput } from './series-runs.js';
import { attributionVariants, type MechanismId, type MissingMechanism } from './variants.js';

export interface Periods {
  /** Start of the fall (default: the first simulated year). */
  start: number;
  /** End of the fall, start of the rise. */
  trough: number;
  /** End of the rise. */
  peak: number;
}

export const DEFAULT_TROUGH = 2002;
export const DEFAULT_PEAK = 2008;

export function periodsFor(years: [number, number], given: Partial<Periods> = {}): Periods {
  const p = { start: given.start ?? years[0], trough: given.trough ?? DEFAULT_TROUGH, peak: given.peak ?? DEFAULT_PEAK };
  const ok = [p.start, p.trough, p.peak].every((y) => Number.isInteger(y) && y >= years[0] && y <= years[1]);
  if (!ok || !(p.start < p.trough && p.trough < p.peak))
    throw new UserError(`the attribution periods ${p.start} -> ${p.trough} -> ${p.peak} must be whole years in order inside the simulated years ${years[0]}-${years[1]}`);
  return p;
}

/** A change (fall or rise) in one variant, and what switching the mechanism off did to it. */
export interface ChangeAttribution {
  /** Mean over replications of the variant's change (fall: start minus trough, positive when the metric falls; rise: peak minus trough). */
  mean: number;
  /** Variant minus full model, paired by replication (zero for the full model). */
  vsFull: PairedDifference;
  /** Share of the full model's change the mechanism accounts for: -(variant - full) / full, with the interval's ends mapped the same way. */
  share: { value: number; low: number; high: number };
  /** The interval of vsFull excludes zero. */
  significant: boolean;
}

export interface VariantAttribution {
  id: MechanismId | 'full';
  label: string;
  changed: string;
  fall: ChangeAttribution;
  rise: ChangeAttribution;
  /** RMSE of the mean series over the scored target points. */
  rmse: number;
  /** Per-replication mean squared error, variant minus full. */
  mseVsFull: PairedDifference;
}

export interface Attribution {
  scenario: string;
  title: string;
  metric: string;
  targetSource: string;
  scoredYears: number[];
  periods: Periods;
  seed: number;
  replications: number;
  /** The full model first, then one row per mechanism switched off. */
  rows: VariantAttribution[];
  missing: MissingMechanism[];
  runs: number;
}

export interface AttributionOptions {
  replications: number;
  seed: number;
  periods?: Partial<Periods>;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (runsDone: number) => void;
}

function attributeChange(full: number[], variant: number[]): ChangeAttribution {
  const vsFull = pairedDifference(full, variant);
  const base = mean(full);
  // Switching a mechanism off that made the change larger makes the change smaller: that is a positive share.
  const toShare = (d: number) => (base === 0 ? Number.NaN : -d / base);
  const a = toShare(vsFull.ciLow);
  const b = toShare(vsFull.ciHigh);
  return {
    mean: mean(variant),
    vsFull,
    share: { value: toShare(vsFull.difference), low: Math.min(a, b), high: Math.max(a, b) },
    significant: vsFull.ciLow > 0 || vsFull.ciHigh < 0,
  };
}

/** Number of replication runs an attribution makes (the full model plus each variant). */
export function attributionRuns(input: HistoryInput, replications: number): number {
  return (1 + attributionVariants(input.scenario).variants.length) * replications;
}

export async function measureAttribution(input: HistoryInput, options: AttributionOptions): Promise<Attribution> {
  const periods = periodsFor(input.years, options.periods);
  const { variants, missing } = attributionVariants(input.scenario);
  const all = [{ id: 'full' as const, label: 'the full model', changed: 'nothing', scenario: input.scenario }, ...variants];
  const runs = await simulateVariants(
    all.map((v) => v.scenario),
    { seed: options.seed, replications: options.replications, metric: input.metric, workers: options.workers, signal: options.signal, onProgress: options.onProgress },
  );
  const points = scoredPoints(input.target, input.years[0]);
  const falls = runs.map((r) => replicationChanges(r, periods.trough, periods.start)); // start - trough
  const rises = runs.map((r) => replicationChanges(r, periods.trough, periods.peak)); // peak - trough
  const errors = runs.map((r) => replicationErrors(points, r));
  const rows: VariantAttribution[] = all.map((v, i) => ({
    id: v.id,
    label: v.label,
    changed: v.changed,
    fall: attributeChange(falls[0], falls[i]),
    rise: attributeChange(rises[0], rises[i]),
    rmse: rmseOfMean(points, runs[i]),
    mseVsFull: pairedDifference(errors[0], errors[i]),
  }));
  return {
    scenario: input.name,
    title: input.title,
    metric: input.metric,
    targetSource: input.targetSource,
    scoredYears: points.map((p) => p.year),
    periods,
    seed: options.seed,
    replications: options.replications,
    rows,
    missing,
    runs: all.length * options.replications,
  };
}
