/** Reads a finished sensitivity folder (sensitivity-plan.json and summary.json, through the results readers) into what the charts and page show. */
import { resolve } from 'node:path';
import { PLAN_FILE, type SensitivityPlan, type SensitivitySummary } from '../../experiment/sensitivity-run.js';
import type { IndexEstimate } from '../../experiment/sensitivity/common.js';
import { scenarioText } from '../common/scenario-text.js';
import { readJsonFile } from '../../results/json-file.js';
import { SENSITIVITY_PLAN, SENSITIVITY_SUMMARY } from '../../results/sensitivity-format.js';
import type { SensitivityData } from './charts.js';

export async function readSensitivity(dir: string): Promise<SensitivityData> {
  const full = resolve(dir);
  const plan: SensitivityPlan = await readJsonFile(full, PLAN_FILE, SENSITIVITY_PLAN.format, 'a sensitivity folder');
  // Checked down to each output's list of indices (their fields differ by method).
  const summary = (await readJsonFile(full, 'summary.json', SENSITIVITY_SUMMARY, 'a finished sensitivity folder')) as unknown as SensitivitySummary;
  // JSON stores undefined intervals as null; the charts and tables expect NaN.
  for (const o of summary.outputs) {
    o.mean ??= Number.NaN;
    o.variance ??= Number.NaN;
    for (const p of o.parameters)
      for (const e of Object.values(p.indices) as IndexEstimate[]) {
        e.value ??= Number.NaN;
        e.low ??= Number.NaN;
        e.high ??= Number.NaN;
      }
  }
  return { dir: full, plan, summary, scenario: scenarioText(plan.resolvedScenario, plan.scenario) };
}
