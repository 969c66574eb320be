/** Writes a comparison's tables: comparison.csv (paired differences), replications.csv, summary.json. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison, ComparisonRow } from '../experiment/compare.js';
import { csvLine } from '../results/csv.js';
import { stableJson } from '../results/json-file.js';
import { formatInterval } from './format.js';

export const COMPARISON_COLUMNS = ['scenario', 'reference', 'region', 'metric', 'statistic', 'n', 'mean_reference', 'mean_scenario', 'difference', 'ci_low', 'ci_high', 't', 'p'];

export async function writeComparisonTables(dir: string, comparison: Comparison): Promise<void> {
  let text = csvLine(COMPARISON_COLUMNS);
  for (const r of comparison.rows) text += csvLine([r.scenario, r.reference, r.region, r.metric, r.statistic, r.n, r.meanA, r.meanB, r.difference, r.ciLow, r.ciHigh, r.t, r.p]);
  await writeFile(join(dir, 'comparison.csv'), text);
  let reps = csvLine(['scenario', 'replication', 'region', 'metric', 'statistic', 'value']);
  comparison.results.forEach((result, s) => {
    for (const rep of result.replications)
      for (const [region, metric, statistic, value] of rep.cells)
        if (Number.isFinite(value)) reps += csvLine([comparison.scenarios[s], rep.replication, region, metric, statistic, value]);
  });
  await writeFile(join(dir, 'replications.csv'), reps);
  await writeFile(
    join(dir, 'summary.json'),
    stableJson({
      kind: 'comparison',
      scenarios: comparison.scenarios,
      reference: comparison.scenarios[0],
      seed: comparison.seed,
      replications: comparison.replications,
      outcomes: comparison.results.map((r, s) => ({
        scenario: comparison.scenarios[s],
        outcomes: r.replications.map((rep) => rep.outcome),
      })),
      differences: comparison.rows,
    }),
  );
}

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
