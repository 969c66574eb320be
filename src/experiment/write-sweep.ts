/**
 * Writes a finished sweep's tables and summary: sweep.csv (tidy: point,
 * replication, parameters..., region, metric, statistic, value), outcomes.csv
 * and summary.json. Each file is written to a temporary name and renamed.
 */
import { join } from 'node:path';
import { writeCsvFileAtomically } from '../results/csv-file.js';
import { writeFileAtomically } from '../results/atomic-file.js';
import { stableJson } from '../results/json-file.js';
import type { SweepPlan, SweepSummary } from '../results/sweep-format.js';
import { outcomeRows, summarizePoint, sweepColumns, sweepRows } from './sweep-tables.js';
import type { PointResult } from './run-point.js';

export function sweepSummary(plan: SweepPlan, points: PointResult[]): SweepSummary {
  return {
    kind: 'sweep',
    scenario: plan.scenario,
    parameters: plan.parameters,
    design: plan.design,
    samples: plan.samples,
    seed: plan.seed,
    replications: plan.replications,
    counterfactual: plan.counterfactual,
    shard: plan.shard,
    points: points.map(summarizePoint),
  };
}

export async function writeSweepTables(dir: string, plan: SweepPlan, points: PointResult[]): Promise<void> {
  const sorted = points.slice().sort((a, b) => a.index - b.index);
  await writeCsvFileAtomically(join(dir, 'sweep.csv'), sweepColumns(plan), sweepRows(plan, sorted));
  await writeCsvFileAtomically(join(dir, 'outcomes.csv'), ['point', 'replication', ...plan.parameters.map((p) => p.path), 'outcome'], outcomeRows(plan, sorted));
  await writeFileAtomically(join(dir, 'summary.json'), stableJson(sweepSummary(plan, sorted)));
}
