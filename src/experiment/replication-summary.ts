/**
 * One replication reduced to the numbers experiments compare: every metric's
 * final value and its value over the run (sum for flows, mean otherwise), the
 * change of cumulative value added against the counterfactual, and the
 * zero-sum / win-win outcome. Sweeps, comparisons and games all tabulate these.
 */
import { isFlowMetric, METRICS, pairLabel } from '../model/metric-registry.js';
import type { ModelConfig } from '../model/config.js';
import { valueAddedChange, type GameOutcome } from '../model/metrics/win-win.js';
import { regionPairs, type StepRecord } from '../model/record.js';
import { GAME_LENSES, type GameLens, type LensPart } from '../model/metrics/lenses.js';
import { replicationLenses } from './lens-summary.js';

// Not from point-format.ts: its schemas need zod, which a worker thread running points does not load.
import { STATISTICS, type Statistic } from '../results/statistic-names.js';
import type { SummaryCell, ReplicationSummary } from '../results/point-format.js';

export { STATISTICS, type Statistic, type SummaryCell, type ReplicationSummary };

/** Values of each `region|metric|statistic` across replications, in replication order. */
export function groupCells(replications: readonly ReplicationSummary[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const rep of replications)
    for (const [region, metric, statistic, value] of rep.cells) {
      const key = `${region}|${metric}|${statistic}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(value);
    }
  return groups;
}

/** A metric over a run: the sum of a flow, the mean of a stock or rate (finite years only). */
export function overRunValue(values: readonly number[], flow: boolean): number {
  const finite = values.filter(Number.isFinite);
  const sum = finite.reduce((a, b) => a + b, 0);
  return flow ? sum : finite.length > 0 ? sum / finite.length : Number.NaN;
}

/** Zone duplication and waste metrics every replication also gives against its counterfactual (docs/ODD.md 7.15). */
export const WASTE_METRICS = ['duplicated_investment_share', 'overcapacity_sectors', 'idle_capital', 'wasted_expansion', 'duplicated_into_overcapacity', 'written_off_capital'] as const;

export function summarizeReplication(
  config: ModelConfig,
  replication: number,
  records: StepRecord[],
  counterfactual: StepRecord[] | null,
  options: { parts?: boolean } = {},
): ReplicationSummary {
  const ids = config.regions.map((r) => r.id);
  const pairs = regionPairs(ids.length).map(([a, b]) => pairLabel(ids[a], ids[b]));
  const last = records[records.length - 1];
  const cells: SummaryCell[] = [];
  const overRun = (pick: (r: StepRecord) => number, flow: boolean) => overRunValue(records.map(pick), flow);
  for (const def of METRICS) {
    const flow = isFlowMetric(def.name, def.scope);
    if (def.scope === 'zone') {
      cells.push(['zone', def.name, 'final', last.zone[def.name]]);
      cells.push(['zone', def.name, 'over_run', overRun((r) => r.zone[def.name], flow)]);
    } else {
      const labels = def.scope === 'region' ? ids : pairs;
      const table = def.scope === 'region' ? 'region' : 'pair';
      labels.forEach((label, i) => {
        cells.push([label, def.name, 'final', last[table][def.name][i]]);
        cells.push([label, def.name, 'over_run', overRun((r) => r[table][def.name][i], flow)]);
      });
    }
  }
  let outcome: GameOutcome | null = null;
  if (counterfactual) {
    const base = counterfactual[counterfactual.length - 1].region.cumulative_value_added;
    const c = valueAddedChange(last.region.cumulative_value_added, base, config.metrics.zeroSumTolerance);
    ids.forEach((id, r) => {
      cells.push([id, 'value_added_change', 'final', c.deltas[r]]);
      cells.push([id, 'value_added_change_relative', 'final', c.relative[r]]);
    });
    cells.push(['zone', 'value_added_change', 'final', c.zoneChange]);
    cells.push(['zone', 'value_added_change_relative', 'final', c.zoneBase > 0 ? c.zoneChange / c.zoneBase : 0]);
    outcome = c.outcome;
  }
  // Waste against the counterfactual: "<metric>_vs_counterfactual", over the run, scenario minus counterfactual.
  if (counterfactual)
    for (const metric of WASTE_METRICS) {
      const flow = isFlowMetric(metric, 'zone');
      cells.push(['zone', `${metric}_vs_counterfactual`, 'over_run', overRunValue(records.map((r) => r.zone[metric]), flow) - overRunValue(counterfactual.map((r) => r.zone[metric]), flow)]);
    }
  // Every game lens: the value (cell "<lens>") and, with a counterfactual, the change ("<lens>_change").
  const lenses = replicationLenses(config, records, counterfactual, options);
  for (const lens of GAME_LENSES) {
    ids.forEach((id, r) => cells.push([id, lens, 'final', lenses.values[lens][r]]));
    if (lenses.changes) {
      const change = lenses.changes[lens];
      ids.forEach((id, r) => cells.push([id, `${lens}_change`, 'final', change[r]]));
      cells.push(['zone', `${lens}_change`, 'final', change.reduce((a, b) => a + b, 0)]);
    }
  }
  return { replication, cells, outcome, lensOutcomes: lenses.outcomes, ...(lenses.parts ? { parts: lenses.parts } : {}) };
}
