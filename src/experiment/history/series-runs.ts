/**
 * Runs several variants of a scenario (whole scenario objects, one per
 * variant) for R replications each and keeps each replication's per-year
 * series of one zone metric. Every variant uses the same seeds (seed, 0..R-1):
 * common random numbers, so two variants differ by their settings, not by
 * luck. The replications run on the calibration's worker pool
 * (calibration/series-pool.ts); results do not depend on the number of workers.
 */
import type { LoadedScenario } from '../../scenario/load.js';
import { createSeriesPool } from '../calibration/series-pool.js';
import { checkMetric, type SeriesTask } from '../calibration/series.js';
import { loadTarget, type TargetPoint } from '../calibration/target.js';

/** One variant's replications: the years and one series per replication. */
export interface VariantRuns {
  years: number[];
  runs: number[][];
}

export interface SimulateOptions {
  seed: number;
  replications: number;
  /** Zone metric recorded per year (default similarity). */
  metric?: string;
  workers?: number;
  signal?: AbortSignal;
  /** Called after each batch with the replication runs done so far. */
  onProgress?: (runsDone: number) => void;
}

/** Variants per batch handed to the pool: batches keep progress moving without idling the workers much. */
const BATCH_VARIANTS = 8;

export async function simulateVariants(scenarios: readonly unknown[], options: SimulateOptions): Promise<VariantRuns[]> {
  const { seed, replications } = options;
  const metric = options.metric ?? 'similarity';
  const pool = createSeriesPool({ workers: options.workers ?? 1, signal: options.signal });
  const out: VariantRuns[] = [];
  try {
    for (let first = 0; first < scenarios.length; first += BATCH_VARIANTS) {
      const batch = scenarios.slice(first, first + BATCH_VARIANTS);
      const tasks: SeriesTask[] = batch.flatMap((scenario, i) =>
        Array.from({ length: replications }, (_, r) => ({ index: i * replications + r, scenario, values: {}, seed, replication: r, metric })),
      );
      const results = await pool.run(tasks);
      batch.forEach((_, i) => {
        const mine = results.slice(i * replications, (i + 1) * replications);
        out.push({ years: mine[0].years, runs: mine.map((m) => m.values) });
      });
      options.onProgress?.(out.length * replications);
    }
  } finally {
    await pool.close();
  }
  return out;
}

/** What both history analyses start from: the resolved scenario and the observed series it is judged against. */
export interface HistoryInput {
  name: string;
  title: string;
  /** The resolved scenario (as parsed, every default filled in). */
  scenario: Record<string, unknown>;
  metric: string;
  /** Where the target comes from (for reports). */
  targetSource: string;
  target: TargetPoint[];
  /** First and last simulated year. */
  years: [number, number];
}

/** The analyses' input from a loaded scenario: its target (calibrate.targetFile, else target: points). */
export function historyInput(loaded: LoadedScenario): HistoryInput {
  const target = loadTarget(loaded);
  checkMetric(target.metric, loaded.file);
  const { start, steps } = loaded.scenario.time;
  return {
    name: loaded.scenario.name,
    title: loaded.scenario.title,
    scenario: loaded.scenario as unknown as Record<string, unknown>,
    metric: target.metric,
    targetSource: target.source,
    target: target.points,
    years: [start, start + steps - 1],
  };
}
