/**
 * How robust is each validation claim? Over the plausible region of the
 * parameters named in a ranges file (robustness-file.ts), every validation
 * world (validation-claims.ts) is run at each point with the same values set,
 * R replications under common random numbers, and every claim is checked
 * there by its own hold rule:
 *
 *   ranges file -> the shipped point + Latin hypercube + Morris trajectories
 *   -> per point, every world (runPoints, worker threads) -> every claim's ClaimResult
 *   -> per claim: share of the region where it holds [95% Wilson], Morris
 *      screening of its statistic, the figures where it fails (robustness-analysis.ts)
 *
 * A point's worlds are reduced to claim results as soon as they are all in, so
 * memory does not grow with the design. The shipped point's worlds are the
 * ones `chuanyu validate`'s claims section has already run (claim-worlds.ts):
 * given those results (`shipped`), made with this plan's seed, replications
 * and set values, they are reused instead of run again (the same runs, so
 * the same figures, and a minute less).
 */
import { availableParallelism } from 'node:os';
import { getPath } from '../scenario/merge.js';
import type { Scenario } from '../scenario/schema.js';
import { runPoints } from './pool.js';
import type { PointResult, PointTask } from './run-point.js';
import type { ParameterValue } from './parameters.js';
import { loadClaimScenarios } from './validation-scenarios.js';
import { CLAIMS, COUNTERFACTUAL_WORLDS, lookupFrom, validationWorlds, type ClaimResult } from './validation-claims.js';
import type { ShippedResults } from './claim-worlds.js';
import { checkRobustnessPlan, DEFAULT_ROBUSTNESS_FILE, readRobustnessFile, type RobustnessPlan } from './robustness-file.js';
import { analyzeClaim, robustnessDesign, type ClaimRobustness, type RobustnessDesign } from './robustness-analysis.js';

export interface RobustnessOptions {
  /** The ranges file (default scenarios/studies/robustness.yaml). */
  file?: string;
  workers?: number;
  /** A named scale of the file (e.g. `tiny`); default full size. */
  scale?: string;
  /** Called after each world of each point run: worlds done, worlds to run. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The worlds already run at the shipped point (the claims section's): reused when `reusesShipped` accepts them. */
  shipped?: ShippedResults;
}

export interface ClaimSummary {
  id: string;
  statement: string;
  /** The claim at the shipped point (every parameter at its scenario value), with this plan's scale, seed and replications. */
  shipped: ClaimResult;
  robustness: ClaimRobustness;
}

export interface RobustnessResult {
  plan: RobustnessPlan;
  /** The worlds run at every point. */
  worlds: string[];
  /** Each parameter's value in the shipped scenarios (the baseline's, which the others extend), by path. */
  shippedValues: Record<string, number>;
  design: RobustnessDesign;
  claims: ClaimSummary[];
  /** Model runs the analysis rests on (each replication of each world, and its counterfactual where a claim needs one), the shipped point's counted also when reused. */
  runs: number;
  /** Whether the shipped point's results were reused from `shipped` rather than run here. */
  reusedShipped: boolean;
}

/**
 * Whether results run elsewhere are this plan's shipped point: made with its
 * seed, replications and set values, for every world. (They may hold a
 * counterfactual for more worlds than the claims need; no claim reads it.)
 */
export function reusesShipped(plan: Pick<RobustnessPlan, 'seed' | 'replications' | 'set'>, worlds: readonly string[], shipped: ShippedResults): boolean {
  const sameSet = (a: Record<string, ParameterValue>, b: Record<string, ParameterValue>) => Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  return shipped.seed === plan.seed && shipped.replications === plan.replications && sameSet(shipped.set, plan.set) && worlds.every((w) => shipped.results[w] !== undefined);
}


export async function measureRobustness(options: RobustnessOptions = {}): Promise<RobustnessResult> {
  const plan = readRobustnessFile(options.file ?? DEFAULT_ROBUSTNESS_FILE, { scale: options.scale });
  const scenarios: Record<string, Scenario> = await loadClaimScenarios();
  checkRobustnessPlan(plan, scenarios);
  const worlds = Object.entries(validationWorlds(scenarios));
  const design = robustnessDesign(plan.parameters, { points: plan.points, trajectories: plan.trajectories, levels: plan.levels, seed: plan.designSeed });
  // Point 0 is the shipped point (no values set); then the hypercube, then the Morris trajectories.
  const points: Record<string, ParameterValue>[] = [{}, ...design.lhs, ...design.morrisPoints];
  const reused = options.shipped && reusesShipped(plan, worlds.map(([name]) => name), options.shipped) ? options.shipped : null;
  const allTasks: PointTask[] = points.flatMap((values, p) =>
    worlds.map(([name, w], i) => ({
      index: p * worlds.length + i,
      scenario: w.scenario,
      // The world's own values (a strategy, leverage 0) outrank the point's: they are what the world is.
      values: { ...plan.set, ...values, ...w.values },
      seed: plan.seed,
      replications: plan.replications,
      counterfactual: COUNTERFACTUAL_WORLDS.includes(name),
    })),
  );
  const pending = new Map<number, Record<string, PointResult>>();
  const outcomes: ClaimResult[][] = new Array(points.length);
  if (reused) outcomes[0] = CLAIMS.map((claim) => claim.check(lookupFrom(reused.results)));
  // Point 0's tasks are the first worlds.length: left out when its results are reused (indices keep their point).
  const tasks = reused ? allTasks.slice(worlds.length) : allTasks;
  let done = 0;
  await runPoints(tasks, {
    workers: options.workers ?? availableParallelism(),
    signal: options.signal,
    onResult: (r) => {
      const p = Math.floor(r.index / worlds.length);
      const got = pending.get(p) ?? {};
      got[worlds[r.index % worlds.length][0]] = r;
      pending.set(p, got);
      if (Object.keys(got).length === worlds.length) {
        const get = lookupFrom(got);
        outcomes[p] = CLAIMS.map((claim) => claim.check(get));
        pending.delete(p);
      }
      options.onProgress?.(++done, tasks.length);
    },
  });
  const lhsFrom = 1;
  const morrisFrom = 1 + design.lhs.length;
  const claims = CLAIMS.map((claim, c) => ({
    id: claim.id,
    statement: claim.statement,
    shipped: outcomes[0][c],
    robustness: analyzeClaim(
      claim.id,
      plan.parameters,
      design,
      outcomes.slice(lhsFrom, morrisFrom).map((o) => o[c]),
      outcomes.slice(morrisFrom).map((o) => o[c]),
      plan.designSeed,
    ),
  }));
  const runs = allTasks.reduce((sum, t) => sum + t.replications * (t.counterfactual ? 2 : 1), 0);
  const shippedValues = Object.fromEntries(plan.parameters.map((p) => [p.path, getPath(scenarios.baseline, p.path) as number]));
  return { plan, worlds: worlds.map(([name]) => name), shippedValues, design, claims, runs, reusedShipped: reused !== null };
}
