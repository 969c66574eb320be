/**
 * `chuanyu compare a b [...]`: every scenario is run with the same seed and
 * replications (common random numbers); each metric of each later scenario is
 * compared with the first as a paired difference with a 95% interval and a
 * paired t test. Every scenario also gets its verdict in every lens against its
 * own counterfactual (the same seeds, every government investing, no fund).
 */
import { availableParallelism } from 'node:os';
import type { LoadedScenario } from '../scenario/load.js';
import { runPoints } from './pool.js';
import type { PointResult } from './run-point.js';
import { pairedDifference, type PairedDifference } from './paired.js';
import { createProgress } from './progress.js';
import { groupCells } from './replication-summary.js';
import { scenarioVerdicts, type ScenarioVerdicts } from './point-verdicts.js';
import { trajectoryRows } from './trajectories.js';
import type { TrajectoryRow } from '../results/trajectory-format.js';

export interface ComparisonRow extends PairedDifference {
  scenario: string;
  reference: string;
  region: string;
  metric: string;
  statistic: string;
}

export interface Comparison {
  scenarios: string[];
  seed: number;
  replications: number;
  results: PointResult[];
  rows: ComparisonRow[];
  /** Each scenario's verdicts against its counterfactual, in scenario order (empty without counterfactuals). */
  verdicts: ScenarioVerdicts[];
  /** Per scenario, metric, region and year: mean and 95% interval over replications (empty unless asked for). */
  trajectories: TrajectoryRow[];
}

export async function compareScenarios(
  loaded: LoadedScenario[],
  options: { seed: number; replications: number; counterfactual?: boolean; trajectories?: boolean; workers?: number; quiet?: boolean; signal?: AbortSignal },
): Promise<Comparison> {
  const results = new Array<PointResult>(loaded.length);
  const progress = createProgress({ total: loaded.length, label: 'compare', unit: 'scenarios', quiet: options.quiet });
  await runPoints(
    loaded.map((l, index) => ({ index, scenario: l.scenario, values: {}, seed: options.seed, replications: options.replications, counterfactual: options.counterfactual ?? true, ...(options.trajectories ? { trajectories: true } : {}) })),
    {
      workers: options.workers ?? availableParallelism(),
      signal: options.signal,
      onResult: (result) => {
        results[result.index] = result;
        progress.tick();
      },
    },
  );
  progress.stop();
  const names = loaded.map((l) => l.scenario.name);
  const valuesOf = (result: PointResult) => groupCells(result.replications);
  const reference = valuesOf(results[0]);
  const rows: ComparisonRow[] = [];
  for (let s = 1; s < results.length; s++) {
    const other = valuesOf(results[s]);
    for (const [key, a] of reference) {
      const b = other.get(key);
      if (!b || !a.every(Number.isFinite) || !b.every(Number.isFinite)) continue;
      const [region, metric, statistic] = key.split('|');
      rows.push({ scenario: names[s], reference: names[0], region, metric, statistic, ...pairedDifference(a, b) });
    }
  }
  const verdicts = (options.counterfactual ?? true) ? results.map((r, s) => scenarioVerdicts(names[s], loaded[s].config, r)) : [];
  const trajectories = results.flatMap((r, s) => trajectoryRows(names[s], r.trajectories ?? []));
  return { scenarios: names, seed: options.seed, replications: options.replications, results, rows, verdicts, trajectories };
}
