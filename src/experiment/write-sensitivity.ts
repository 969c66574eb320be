/**
 * Writes a finished sensitivity analysis: sensitivity.csv (tidy indices),
 * points.csv (each output's mean at each point) and summary.json.
 */
import { join } from 'node:path';
import { writeCsvFileAtomically } from '../results/csv-file.js';
import { writeFileAtomically } from '../results/atomic-file.js';
import type { PointResult } from './run-point.js';
import { analyzeSensitivity, jsonNumbers, outputValues, sensitivitySummary, type SensitivityPlan } from './sensitivity-run.js';
import { INDEX_NAMES, type OutputAnalysis } from './sensitivity/analysis.js';

export async function writeSensitivityTables(dir: string, plan: SensitivityPlan, points: readonly PointResult[]): Promise<OutputAnalysis[]> {
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
  await writeCsvFileAtomically(join(dir, 'sensitivity.csv'), ['method', 'output', 'parameter', 'index', 'value', 'ci_low', 'ci_high'], indexRows());
  const values = outputValues(plan, points);
  const paths = plan.parameters.map((p) => p.path);
  const pointRows = function* () {
    for (const [i, p] of plan.points.entries())
      for (const [o, output] of plan.outputs.entries()) yield [p.index, ...paths.map((path) => p.values[path] as number), output, values[o][i]];
  };
  await writeCsvFileAtomically(join(dir, 'points.csv'), ['point', ...paths, 'output', 'value'], pointRows());
  await writeFileAtomically(join(dir, 'summary.json'), JSON.stringify(sensitivitySummary(plan, analyses), jsonNumbers, 2) + '\n');
  return analyses;
}
