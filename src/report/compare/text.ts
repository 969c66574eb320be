/** The terminal text of a comparison: the short table of paired differences (the verdict tables: verdicts-text.ts). */
import type { Comparison, ComparisonRow } from '../../experiment/compare.js';
import { formatInterval } from '../common/format.js';

/**
 * The terminal's short table of paired differences. The governments' payoff
 * is left out (the verdict tables show each lens, the objective among them,
 * against each scenario's counterfactual), and so is a region's or pair's row
 * that only repeats the zone's numbers (with two regions the pair's similarity
 * is the zone's; with one region its value added is the zone's), so the zone
 * has one row per metric and scenario; comparison.csv holds every metric. The
 * difference and its interval share one format, chosen by the interval's width.
 */
const HEADLINE: [string, string, string][] = [
  ['similarity', 'final', 'similarity, final'],
  ['duplicated_investment_share', 'over_run', 'duplicated investment share, mean'],
  ['utilization', 'over_run', 'utilization, mean'],
  ['value_added', 'over_run', 'value added, cumulative (bn yuan)'],
  ['relocations', 'over_run', 'relocations, total'],
];

export function formatComparison(comparison: Comparison): string {
  const fmt = (x: number) => (!Number.isFinite(x) ? (x > 0 ? 'inf' : x < 0 ? '-inf' : 'n/a') : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));
  const numbers = (x: ComparisonRow) => [x.meanA, x.meanB, x.difference, x.ciLow, x.ciHigh].join('|');
  const zoneNumbers = new Set(comparison.rows.filter((x) => x.region === 'zone').map((x) => `${x.scenario}|${x.metric}|${x.statistic}|${numbers(x)}`));
  const repeatsZone = (x: ComparisonRow) => x.region !== 'zone' && zoneNumbers.has(`${x.scenario}|${x.metric}|${x.statistic}|${numbers(x)}`);
  const rows = [['metric', 'region', 'scenario', `${comparison.scenarios[0]}`, 'scenario value', 'difference [95% CI]', 'p']];
  for (const [metric, statistic, label] of HEADLINE)
    for (const r of comparison.rows.filter((x) => x.metric === metric && x.statistic === statistic && !repeatsZone(x)))
      rows.push([label, r.region, r.scenario, fmt(r.meanA), fmt(r.meanB), formatInterval(r.difference, r.ciLow, r.ciHigh), r.p < 0.001 ? '<0.001' : fmt(r.p)]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
