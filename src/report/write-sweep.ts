/**
 * Writes a finished sweep's tables and summary: sweep.csv (tidy: point,
 * replication, parameters..., region, metric, statistic, value), outcomes.csv
 * and summary.json. Each file is written to a temporary name and renamed.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { csvLine } from './csv.js';
import { outcomeRows, summarizePoint, sweepColumns, sweepRows } from '../experiment/sweep-tables.js';
import type { PointResult } from '../experiment/run-point.js';
import type { SweepPlan } from '../experiment/sweep-store.js';
import { writeFileAtomically } from '../experiment/sweep-store.js';

async function writeCsvAtomically(file: string, header: string[], rows: Iterable<(string | number)[]>): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  let buffer = csvLine(header);
  for (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  await rename(tmp, file);
}

export function sweepSummary(plan: SweepPlan, points: PointResult[]) {
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
  await writeCsvAtomically(join(dir, 'sweep.csv'), sweepColumns(plan), sweepRows(plan, sorted));
  await writeCsvAtomically(join(dir, 'outcomes.csv'), ['point', 'replication', ...plan.parameters.map((p) => p.path), 'outcome'], outcomeRows(plan, sorted));
  await writeFileAtomically(join(dir, 'summary.json'), JSON.stringify(sweepSummary(plan, sorted), null, 2) + '\n');
}
