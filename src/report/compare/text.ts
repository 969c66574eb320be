/** The terminal text of a comparison: the short table of paired differences (the verdict tables: verdicts-text.ts). */
import type { Comparison } from '../../experiment/compare.js';

/**
 * The terminal's short table of paired differences. The governments' payoff
 * is left out (the verdict tables show each lens, the objective among them,
 * against each scenario's counterfactual) and, with two regions, so is the
 * pair's similarity (it is the zone's); comparison.csv holds every metric.
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
  const onePair = new Set(comparison.rows.filter((x) => x.metric === 'similarity' && x.region !== 'zone').map((x) => x.region)).size === 1;
  const rows = [['metric', 'region', 'scenario', `${comparison.scenarios[0]}`, 'scenario value', 'difference [95% CI]', 'p']];
  for (const [metric, statistic, label] of HEADLINE)
    for (const r of comparison.rows.filter((x) => x.metric === metric && x.statistic === statistic && !(metric === 'similarity' && x.region !== 'zone' && onePair)))
      rows.push([label, r.region, r.scenario, fmt(r.meanA), fmt(r.meanB), `${fmt(r.difference)} [${fmt(r.ciLow)}, ${fmt(r.ciHigh)}]`, r.p < 0.001 ? '<0.001' : fmt(r.p)]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
