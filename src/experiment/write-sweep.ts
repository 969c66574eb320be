/**
 * Writes a finished sweep's tables and summary: sweep.csv (tidy: point,
 * replication, parameters..., region, metric, statistic, value), outcomes.csv,
 * series.csv (the kept trajectories, when the plan keeps any, streamed from
 * the points' series files) and summary.json; with `parquet`, each table also
 * as Parquet. Each file is written to a temporary name and renamed.
 */
import { join } from 'node:path';
import { writeTable, type TableOutput } from '../results/table-files.js';
import { writeSeriesTable } from '../results/series-files.js';
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

export async function writeSweepTables(dir: string, plan: SweepPlan, points: PointResult[], tables: Pick<TableOutput, 'parquet'> = {}): Promise<void> {
  const sorted = points.slice().sort((a, b) => a.index - b.index);
  const out = { parquet: tables.parquet, atomic: true };
  const paths = plan.parameters.map((p) => p.path);
  await writeTable(join(dir, 'sweep.csv'), sweepColumns(plan), () => sweepRows(plan, sorted), out);
  await writeTable(join(dir, 'outcomes.csv'), ['point', 'replication', ...paths, 'outcome'], () => outcomeRows(plan, sorted), out);
  if (plan.series?.length) await writeSeriesTable(dir, sorted, paths, out);
  await writeFileAtomically(join(dir, 'summary.json'), stableJson(sweepSummary(plan, sorted)));
}
