/**
 * Trajectories of a comparison (the running moments; trajectories.ts makes the
 * rows, with the Student-t intervals that need the t quantile): for each scenario, each trajectory metric,
 * region (or the zone) and year, the mean over replications and its 95%
 * interval. Kept as running moments (Welford 1962: count, mean, sum of squared
 * deviations) while the replications run, so no replication's series is held
 * after its summary is made. A scenario's replications run in one point task,
 * in replication order, so the moments are the same for any number of workers.
 */
import type { ModelConfig } from '../model/config.js';
import type { StepRecord } from '../model/record.js';
import type { TrajectoryMoments } from '../results/point-format.js';

export interface TrajectorySeries {
  /** A metric of the registry, or `value_added_change` (cumulative value added minus the counterfactual's). */
  metric: string;
  scope: 'zone' | 'region';
  /** Region scope: also the zone (the registry's zone metric of that name, or the regions' sum for the change). */
  withZone: boolean;
  /** Needs the counterfactual run (left out without one). */
  counterfactual: boolean;
}

const series = (metric: string, scope: 'zone' | 'region', withZone = false, counterfactual = false): TrajectorySeries => ({ metric, scope, withZone, counterfactual });

/**
 * The metrics followed over time: the headline numbers of the comparison
 * report (report/compare/metrics.ts), each as its yearly value: the similarity
 * coefficient, duplicated investment share, capacity utilization, value added
 * by region and for the zone, value added against the counterfactual
 * (cumulative, so the last year is the verdicts' number), each government's
 * payoff and relocations.
 */
export const TRAJECTORY_SERIES: readonly TrajectorySeries[] = [
  series('similarity', 'zone'),
  series('duplicated_investment_share', 'zone'),
  series('utilization', 'zone'),
  series('value_added', 'region', true),
  series('value_added_change', 'region', true, true),
  series('payoff', 'region'),
  series('relocations', 'zone'),
];

/** The change of cumulative value added against the counterfactual. */
export const VALUE_ADDED_CHANGE = 'value_added_change';

interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export interface TrajectoryAccumulator {
  /** Adds one replication's records (and its counterfactual's, same steps). */
  add(config: ModelConfig, records: readonly StepRecord[], counterfactual: readonly StepRecord[] | null): void;
  /** The moments so far, series in TRAJECTORY_SERIES order (regions in scenario order, then the zone), years ascending. */
  moments(): TrajectoryMoments[];
}

export function createTrajectoryAccumulator(): TrajectoryAccumulator {
  const all = new Map<string, { metric: string; region: string; byYear: Map<number, Moments> }>();
  const push = (metric: string, region: string, year: number, x: number) => {
    const key = `${metric}|${region}`;
    let s = all.get(key);
    if (!s) all.set(key, (s = { metric, region, byYear: new Map() }));
    let m = s.byYear.get(year);
    if (!m) s.byYear.set(year, (m = { n: 0, mean: 0, m2: 0 }));
    if (!Number.isFinite(x)) return;
    // Welford's update: the mean and M2 stay exact to rounding without keeping the values.
    m.n += 1;
    const d = x - m.mean;
    m.mean += d / m.n;
    m.m2 += d * (x - m.mean);
  };
  return {
    add(config, records, counterfactual) {
      const ids = config.regions.map((r) => r.id);
      for (const s of TRAJECTORY_SERIES) {
        if (s.counterfactual && !counterfactual) continue;
        records.forEach((record, t) => {
          if (s.metric === VALUE_ADDED_CHANGE) {
            const base = counterfactual![t].region.cumulative_value_added;
            const deltas = ids.map((_, r) => record.region.cumulative_value_added[r] - base[r]);
            ids.forEach((id, r) => push(s.metric, id, record.year, deltas[r]));
            push(s.metric, 'zone', record.year, deltas.reduce((a, b) => a + b, 0));
          } else if (s.scope === 'zone') push(s.metric, 'zone', record.year, record.zone[s.metric]);
          else {
            ids.forEach((id, r) => push(s.metric, id, record.year, record.region[s.metric][r]));
            if (s.withZone) push(s.metric, 'zone', record.year, record.zone[s.metric]);
          }
        });
      }
    },
    moments() {
      return [...all.values()].map((s) => {
        const years = [...s.byYear.keys()].sort((a, b) => a - b);
        const at = years.map((y) => s.byYear.get(y)!);
        return { metric: s.metric, region: s.region, years, n: at.map((m) => m.n), mean: at.map((m) => (m.n > 0 ? m.mean : Number.NaN)), m2: at.map((m) => m.m2) };
      });
    },
  };
}
