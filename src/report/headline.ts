/** The short table of headline metrics printed after a run. */
import type { RunSummary, MetricSummary } from '../experiment/summarize.js';
import type { Stats } from '../experiment/statistics.js';
import { formatQuantity as fmt, formatSignedPercent } from './format.js';

const interval = (s: Stats, digits = 3) => (s.n > 1 ? `${fmt(s.mean, digits)} [${fmt(s.p05, digits)}, ${fmt(s.p95, digits)}]` : fmt(s.mean, digits));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

const ciFormat = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const ciText = (c: { mean: number; low: number; high: number }) => `${c.mean >= 0 ? '+' : ''}${ciFormat(c.mean)} [${ciFormat(c.low)}, ${ciFormat(c.high)}]`;

const verdictLabel = (v: string) => (v === 'indistinguishable' ? 'no verdict' : v);

export function formatHeadline(summary: RunSummary, title: string, seconds: number): string {
  const { zone, regions, pairs } = summary.metrics;
  const ids = Object.keys(regions);
  const lines: string[] = [];
  lines.push(`${summary.scenario}${title ? ` - ${title}` : ''}`);
  lines.push(`${summary.replications} replication${summary.replications === 1 ? '' : 's'}, seed ${summary.seed}, ${summary.years[0]}-${summary.years[1]}, ${seconds.toFixed(1)} s`);
  lines.push('');
  const rows: string[][] = [['metric', `final (${summary.years[1]}), mean [90% interval]`, 'over the run (mean; sum for flows)']];
  const add = (label: string, m: MetricSummary | undefined, digits = 3) => {
    if (m) rows.push([label, interval(m.final, digits), m.overRunKind === 'mean' ? fmt(m.overRun.mean, digits) : `sum ${fmt(m.overRun.mean, digits)}`]);
  };
  for (const [label, metrics] of Object.entries(pairs)) add(`similarity ${label}`, metrics.similarity);
  add('duplicated investment share', zone.duplicated_investment_share);
  add('capacity utilization', zone.utilization);
  add('overcapacity sectors', zone.overcapacity_sectors, 1);
  add('clusters', zone.clusters, 1);
  add('chain clusters', zone.chain_clusters, 1);
  add('relocations per year', zone.relocations, 1);
  add('border friction', zone.border_friction);
  if (zone.fund_committed && zone.fund_committed.final.mean > 0) {
    add('fund committed (bn yuan)', zone.fund_committed, 1);
    add('fund TVPI', zone.fund_tvpi);
  }
  for (const id of ids) add(`value added ${id} (bn yuan/yr)`, regions[id].value_added, 1);
  lines.push(table(rows));
  if (summary.outcome) {
    const o = summary.outcome;
    lines.push('');
    lines.push(`Change against the counterfactual (${o.counterfactual}): mean over paired replications [95% CI], bn yuan:`);
    const lensOrder = ['welfare', 'gdp', 'fiscal'] as const;
    const heads: Record<(typeof lensOrder)[number], string> = { welfare: 'welfare', gdp: 'GDP (value added)', fiscal: 'fiscal balance' };
    const orows = [['region', ...lensOrder.map((l) => heads[l])]];
    for (const id of ids) orows.push([id, ...lensOrder.map((l) => ciText(o.lenses[l].regions[id]))]);
    orows.push(['zone', ...lensOrder.map((l) => ciText(o.lenses[l].zone))]);
    lines.push(table(orows));
    for (const lens of lensOrder) {
      const v = o.lenses[lens];
      const who = lens === 'gdp' ? ' (what the governments pursue by default)' : lens === 'welfare' ? ` (residents' consumption and wealth, discounted at ${(o.discountRate * 100).toFixed(0)}% a year)` : '';
      lines.push(`Verdict, ${lens}${who}: ${verdictLabel(v.verdict)}: ${v.explanation}.`);
    }
    lines.push(
      'Why lenses differ: GDP counts output made in a region, whoever owns it and whatever it cost; welfare counts what its residents can consume, so subsidies leaking to outside owners, capital written off and investment earning less than the discount rate lower welfare even when GDP rises.',
    );
    const v = o.lenses.gdp;
    const shares = Object.entries(v.classes)
      .filter(([, c]) => c.count > 0)
      .map(([name, c]) => `${name} ${c.count}/${v.replications} [${Math.round(100 * c.low)}-${Math.round(100 * c.high)}%]`)
      .join(', ');
    lines.push(`Replications by class in the GDP lens (95% Wilson intervals): ${shares}; a region is up or down beyond ${(o.tolerance * 100).toFixed(1)}% of its own counterfactual.`);
  }
  return lines.join('\n');
}
