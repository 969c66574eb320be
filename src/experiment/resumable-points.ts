/**
 * Runs the unfinished points of a resumable experiment (sweep, sensitivity):
 * each result is saved atomically as it arrives, Ctrl-C stops cleanly, and the
 * finished points are read back in point order, so a resumed run ends with the
 * same points as an uninterrupted one.
 */
import { availableParallelism } from 'node:os';
import { AbortedError, runPoints } from './pool.js';
import { createProgress } from './progress.js';
import type { PointResult, PointTask } from './run-point.js';
import type { DesignPoint } from './design.js';
import { checkedPoints, loadPoint, openPlanFolder, savePoint, type PlanKind } from '../results/plan-folder.js';
import { saveSeries } from '../results/series-files.js';
import { UserError } from '../scenario/errors.js';

export interface ResumableRun {
  complete: boolean;
  done: number;
  total: number;
  points: PointResult[];
}

/** What every point of a plan shares: the base scenario and how each point is run. */
export type PointBase = Pick<PointTask, 'scenario' | 'seed' | 'replications' | 'counterfactual' | 'series'>;

export async function runResumablePoints(
  dir: string,
  all: readonly DesignPoint[],
  base: PointBase,
  options: { label: string; workers?: number; quiet?: boolean; signal?: AbortSignal },
): Promise<ResumableRun> {
  const total = all.length;
  const { good: done, damaged } = await checkedPoints(dir, all, base.replications, base.series);
  // A damaged point file (truncated by a crash of the disk, edited, copied from another sweep) is named and run again.
  for (const d of damaged.filter((x) => all.some((p) => p.index === x.index)))
    process.stderr.write(`warning: ${d.file}: ${d.problem}; running point ${d.index} again\n`);
  const tasks: PointTask[] = all.filter((p) => !done.has(p.index)).map((p) => ({ index: p.index, values: p.values, ...base }));
  const progress = createProgress({ total, label: options.label, unit: 'points', quiet: options.quiet });
  progress.tick(total - tasks.length);
  let interrupted = false;
  try {
    await runPoints(tasks, {
      workers: options.workers ?? availableParallelism(),
      signal: options.signal,
      onResult: async ({ series, ...result }) => {
        // The series first: a point whose file exists has its series too (a crash between the two re-runs the point).
        if (series) await saveSeries(dir, result.index, series);
        await savePoint(dir, result);
        progress.tick();
      },
    });
  } catch (error) {
    if (!(error instanceof AbortedError)) throw error;
    interrupted = true;
  } finally {
    progress.stop();
  }
  const { good: finished, damaged: still } = await checkedPoints(dir, all, base.replications, base.series);
  if (still.some((d) => all.some((p) => p.index === d.index))) {
    const d = still.find((x) => all.some((p) => p.index === x.index))!;
    throw new UserError(`point ${d.index} is damaged after it was written: ${d.problem}`, { file: d.file });
  }
  const points = await Promise.all(all.filter((p) => finished.has(p.index)).map((p) => loadPoint(dir, p.index)));
  return { complete: !interrupted && points.length === total, done: points.length, total, points };
}

export interface PlanRunOptions {
  resume: boolean;
  workers?: number;
  quiet?: boolean;
  signal?: AbortSignal;
}

/** What a resumable plan (sweep, sensitivity analysis) holds about how its points run. */
interface RunnablePlan {
  kind: string;
  resolvedScenario: unknown;
  seed: number;
  replications: number;
  counterfactual: boolean;
  /** Trajectories kept per point (`place.metric`); absent or empty for none. */
  series?: string[];
}

/** Opens (or resumes) the plan's folder and runs the given points of the plan that are not finished. */
export async function runPlan(dir: string, plan: RunnablePlan, kind: PlanKind, points: readonly DesignPoint[], label: string, options: PlanRunOptions): Promise<ResumableRun> {
  await openPlanFolder(dir, plan, options.resume, kind);
  const base = { scenario: plan.resolvedScenario, seed: plan.seed, replications: plan.replications, counterfactual: plan.counterfactual, ...(plan.series?.length ? { series: plan.series } : {}) };
  return runResumablePoints(dir, points, base, { label, workers: options.workers, quiet: options.quiet, signal: options.signal });
}
