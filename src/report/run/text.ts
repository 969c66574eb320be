/** The short table of headline metrics printed after a run. */
import type { RunSummary, MetricSummary } from '../../experiment/summarize.js';
import type { Stats } from '../../experiment/statistics.js';
import { formatQuantity as fmt, formatSignedPercent } from '../common/format.js';
import { displayedLenses, WHY_LENSES_DIFFER } from '../common/lens-display.js';

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
    add('fund TVPI without grant-financed value', zone.fund_tvpi_ex_grants);
    add('fund DPI', zone.fund_dpi);
  }
  for (const id of ids) add(`value added ${id} (bn yuan/yr)`, regions[id].value_added, 1);
  lines.push(table(rows));
  if (summary.fundStages) lines.push('', `Fund and stated division: ${summary.fundStages.sentence}`);
  if (summary.outcome) {
    const o = summary.outcome;
    lines.push('');
    lines.push(`Change against the counterfactual (${o.counterfactual}): mean over paired replications [95% CI], bn yuan:`);
    const shown = displayedLenses(o.objectives, o.discountRate);
    const orows = [['region', ...shown.map((l) => l.heading)]];
    for (const id of ids) orows.push([id, ...shown.map((l) => ciText(o.lenses[l.lens].regions[id]))]);
    orows.push(['zone', ...shown.map((l) => ciText(o.lenses[l.lens].zone))]);
    lines.push(table(orows));
    lines.push(`Lenses: ${shown.map((l) => `${l.heading} = ${l.note}`).join('; ')}.`);
    for (const l of shown) lines.push(`Verdict, ${l.heading}: ${verdictLabel(o.lenses[l.lens].verdict)}: ${o.lenses[l.lens].explanation}.`);
    lines.push(WHY_LENSES_DIFFER);
    if (o.fundLeverage) {
      lines.push('Fund money from outside the zone vs production (an accounting split of amounts, not of causes; compare a run with fund.leverage 0 for the cause):');
      for (const x of o.fundLeverage) lines.push(`  ${x.sentence}`);
    }
    const v = o.lenses.gdp;
    const shares = Object.entries(v.classes)
      .filter(([, c]) => c.count > 0)
      .map(([name, c]) => `${name} ${c.count}/${v.replications} [${Math.round(100 * c.low)}-${Math.round(100 * c.high)}%]`)
      .join(', ');
    lines.push(`Replications by class in the GDP lens (95% Wilson intervals): ${shares}; a region is up or down beyond ${(o.tolerance * 100).toFixed(1)}% of its own counterfactual.`);
  }
  return lines.join('\n');
}
