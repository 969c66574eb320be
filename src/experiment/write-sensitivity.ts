/**
 * Writes a finished sensitivity analysis: sensitivity.csv (tidy indices),
 * points.csv (each output's mean at each point), series.csv (the kept
 * trajectories, when the plan keeps any) and summary.json; with `parquet`,
 * each table also as Parquet.
 */
import { join } from 'node:path';
import { writeTable, type TableOutput } from '../results/table-files.js';
import { writeSeriesTable } from '../results/series-files.js';
import { writeFileAtomically } from '../results/atomic-file.js';
import type { PointResult } from './run-point.js';
import { analyzeSensitivity, jsonNumbers, outputValues, sensitivitySummary, type SensitivityPlan } from './sensitivity-run.js';
import { INDEX_NAMES, type OutputAnalysis } from './sensitivity/analysis.js';

export async function writeSensitivityTables(dir: string, plan: SensitivityPlan, points: readonly PointResult[], tables: Pick<TableOutput, 'parquet'> = {}): Promise<OutputAnalysis[]> {
  const out = { parquet: tables.parquet, atomic: true };
  const analyses = analyzeSensitivity(plan, points);
  const indexNames = INDEX_NAMES[plan.method];
  const indexRows = function* () {
    for (const a of analyses)
      for (const p of a.parameters)
        for (const name of indexNames) {
          const e = p.indices[name];
          if (e) yield [plan.method, a.output, p.parameter, name, e.value, e.low, e.high];
        }
  };
  await writeTable(join(dir, 'sensitivity.csv'), ['method', 'output', 'parameter', 'index', 'value', 'ci_low', 'ci_high'], indexRows, out);
  const values = outputValues(plan, points);
  const paths = plan.parameters.map((p) => p.path);
  const pointRows = function* () {
    for (const [i, p] of plan.points.entries())
      for (const [o, output] of plan.outputs.entries()) yield [p.index, ...paths.map((path) => p.values[path] as number), output, values[o][i]];
  };
  await writeTable(join(dir, 'points.csv'), ['point', ...paths, 'output', 'value'], pointRows, out);
  if (plan.series?.length) await writeSeriesTable(dir, plan.points, paths, out);
  await writeFileAtomically(join(dir, 'summary.json'), JSON.stringify(sensitivitySummary(plan, analyses), jsonNumbers, 2) + '\n');
  return analyses;
}
