/**
 * The sweep's tidy tables and summary, assembled from the finished points in
 * point order, so an interrupted-and-resumed, a sharded-and-merged and a
 * straight run all produce the same bytes.
 */
import { describe } from './statistics.js';
import { GAME_OUTCOMES, type GameOutcome } from '../model/metrics/win-win.js';
import type { PointResult } from './run-point.js';
import { groupCells } from './replication-summary.js';
import type { PointSummary, SweepPlan } from '../results/sweep-format.js';
import { unitCell } from '../results/metric-dictionary.js';
import type { ParameterValue } from './parameters.js';

export function sweepColumns(plan: SweepPlan): string[] {
  return ['point', 'replication', ...plan.parameters.map((p) => p.path), 'region', 'metric', 'unit', 'statistic', 'value'];
}

export function* sweepRows(plan: SweepPlan, points: PointResult[]): Generator<(string | number)[]> {
  for (const point of points) {
    const params = plan.parameters.map((p) => valueCell(point.values[p.path]));
    for (const rep of point.replications)
      for (const [region, metric, statistic, value] of rep.cells)
        if (Number.isFinite(value)) yield [point.index, rep.replication, ...params, region, metric, unitCell(metric), statistic, value];
  }
}

export function* outcomeRows(plan: SweepPlan, points: PointResult[]): Generator<(string | number)[]> {
  for (const point of points) {
    const params = plan.parameters.map((p) => valueCell(point.values[p.path]));
    for (const rep of point.replications) if (rep.outcome) yield [point.index, rep.replication, ...params, rep.outcome];
  }
}

const valueCell = (v: ParameterValue | undefined): string | number => (typeof v === 'number' ? v : String(v));

export type { PointSummary };

export function summarizePoint(point: PointResult): PointSummary {
  const groups = groupCells(point.replications);
  const withOutcome = point.replications.filter((r) => r.outcome);
  return {
    point: point.index,
    values: point.values,
    metrics: Object.fromEntries([...groups].map(([k, v]) => [k, describe(v)])),
    outcomes:
      withOutcome.length > 0
        ? (Object.fromEntries(GAME_OUTCOMES.map((o) => [o, withOutcome.filter((r) => r.outcome === o).length / withOutcome.length])) as Record<GameOutcome, number>)
        : null,
  };
}
