/**
 * The runs of a sweep or sensitivity folder as the rows of a scenario
 * discovery: every finished point's replications (points/point-NNNNNN.json,
 * read and checked through the results readers), with the point's swept
 * parameter values as inputs and the replication's summary cells and lens
 * classes as outcomes. A folder whose points are not all finished is used as
 * far as it goes (the caller says so).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../../scenario/errors.js';
import { finishedPoints, loadPoint, pointPath, readPlanFile } from '../../results/plan-folder.js';
import type { DesignPoint, ParameterValue, ReplicationSummary } from '../../results/point-format.js';
import { SENSITIVITY_PLAN } from '../../results/sensitivity-format.js';
import { pointsOfShard, SWEEP_PLAN } from '../../results/sweep-format.js';
import type { DiscoveryData, Dimension } from './box.js';
import { outcomeNames, type BoundCondition, type OutcomeNames, type Outcomes } from './condition.js';

export const DISCOVERY_SOURCES = ['sweep', 'sensitivity'] as const;
export type DiscoverySourceKind = (typeof DISCOVERY_SOURCES)[number];

export interface DiscoveryRun {
  point: number;
  replication: number;
  values: Record<string, ParameterValue>;
  outcomes: Outcomes;
}

export interface DiscoverySource {
  kind: DiscoverySourceKind;
  dir: string;
  scenario: string;
  /** The swept parameters' paths, in the plan's order. */
  parameters: string[];
  /** Points in the plan (this shard's), and how many are finished and used. */
  plannedPoints: number;
  usedPoints: number;
  runs: DiscoveryRun[];
  names: OutcomeNames;
}

export function replicationOutcomes(rep: ReplicationSummary): Outcomes {
  const values = new Map<string, number>();
  for (const [region, metric, statistic, value] of rep.cells) values.set(`${metric}.${region}.${statistic}`, value);
  const classes = new Map<string, string>();
  for (const [lens, outcome] of Object.entries(rep.lensOutcomes ?? {})) classes.set(`lens.${lens}`, outcome);
  return { values, classes };
}

async function readPlan(dir: string): Promise<{ kind: DiscoverySourceKind; scenario: string; parameters: string[]; points: DesignPoint[]; replications: number }> {
  if (existsSync(join(dir, SENSITIVITY_PLAN.file))) {
    const plan = await readPlanFile(dir, SENSITIVITY_PLAN);
    return { kind: 'sensitivity', scenario: plan.scenario, parameters: plan.parameters.map((p) => p.path), points: plan.points, replications: plan.replications };
  }
  if (existsSync(join(dir, SWEEP_PLAN.file))) {
    const plan = await readPlanFile(dir, SWEEP_PLAN);
    return { kind: 'sweep', scenario: plan.scenario, parameters: plan.parameters.map((p) => p.path), points: pointsOfShard(plan), replications: plan.replications };
  }
  throw new UserError(`${dir} is not a sweep or sensitivity folder (no ${SWEEP_PLAN.file} or ${SENSITIVITY_PLAN.file}); discover reads the per-replication results of \`chuanyu sweep\` or \`chuanyu sensitivity\``);
}

/** Reads every finished point of a sweep or sensitivity folder. */
export async function readDiscoverySource(dir: string): Promise<DiscoverySource> {
  const plan = await readPlan(dir);
  const finished = await finishedPoints(dir);
  const runs: DiscoveryRun[] = [];
  let used = 0;
  let cellCount = -1;
  for (const design of plan.points) {
    if (!finished.has(design.index)) continue;
    const point = await loadPoint(dir, design.index);
    const file = pointPath(dir, design.index);
    if (point.index !== design.index || !isDeepStrictEqual(point.values, JSON.parse(JSON.stringify(design.values))) || point.replications.length !== plan.replications)
      throw new UserError(`this point file is not point ${design.index} of the plan (its index, parameter values or replications differ); re-run it with --resume after removing the file`, { file });
    used++;
    for (const rep of point.replications) {
      if (cellCount >= 0 && rep.cells.length !== cellCount)
        throw new UserError(`replication ${rep.replication} holds ${rep.cells.length} outcome values, the first replication of the folder ${cellCount}; every run of a discovery must record the same outcomes`, { file });
      cellCount = rep.cells.length;
      runs.push({ point: design.index, replication: rep.replication, values: point.values, outcomes: replicationOutcomes(rep) });
    }
  }
  if (runs.length === 0) throw new UserError(`${dir} holds no finished points yet (${plan.points.length} planned); run or --resume the ${plan.kind} first`);
  return { kind: plan.kind, dir, scenario: plan.scenario, parameters: plan.parameters, plannedPoints: plan.points.length, usedPoints: used, runs, names: outcomeNames(runs[0].outcomes) };
}

/** The rows, dimensions and y of a discovery: a parameter whose values are all numbers is numeric, any other (names, flags) categorical. */
export function discoveryData(source: DiscoverySource, condition: BoundCondition): DiscoveryData {
  const dimensions: Dimension[] = source.parameters.map((path) => {
    const values = source.runs.map((r) => r.values[path]);
    if (values.every((v) => typeof v === 'number')) return { name: path, kind: 'numeric', values: Float64Array.from(values as number[]) };
    const text = values.map((v) => String(v));
    return { name: path, kind: 'categorical', values: text, categories: [...new Set(text)].sort() };
  });
  return { dimensions, y: Uint8Array.from(source.runs, (r) => (condition.test(r.outcomes) ? 1 : 0)) };
}
