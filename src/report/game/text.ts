/** The game's findings as text for the terminal: payoff matrix, equilibria, outcome classes, 2x2 type, replicator rest points. */
import { GAME_Z } from '../../experiment/statistics.js';
import type { EmpiricalGame } from '../../experiment/game.js';
import type { GameReport, ProfileDecomposition } from '../../experiment/game-analysis.js';
import type { ChangeInterval } from '../../experiment/verdict.js';
import { GAME_LENSES, type GameLens } from '../../model/metrics/lenses.js';
import { majorityOutcome } from '../../experiment/game-json.js';

const bn = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const ci = (mean: number, se: number | undefined) => (se === undefined ? bn(mean) : `${bn(mean)} +- ${bn(GAME_Z * se)}`);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

export { majorityOutcome };

const LENS_NAMES: Record<GameLens, string> = {
  objective: "governments' objective",
  welfare: 'welfare',
  gdp: 'GDP',
  fiscal: 'fiscal balance',
};

const interval = (c: ChangeInterval) => `${c.mean >= 0 ? '+' : ''}${bn(c.mean)} [${bn(c.low)}, ${bn(c.high)}]`;

/** The decomposition of one profile against the reference in one lens, as a table of parts by region. */
export function formatDecomposition(d: ProfileDecomposition): string {
  const rows = [['part', ...d.regions.map((r) => r.region)]];
  d.regions[0]?.parts.forEach((part, k) => rows.push([part.part, ...d.regions.map((r) => interval(r.parts[k].change))]));
  rows.push(['total', ...d.regions.map((r) => interval(r.total))]);
  return table(rows);
}

export function formatGame(empirical: EmpiricalGame, report: GameReport): string {
  const lines: string[] = [];
  const { regions } = empirical;
  const lens = report.lens;
  const eq = new Set(report.full.pure.equilibria.map((e) => e.names.join('|')));
  const pareto = new Set(report.full.pareto.filter((p) => p.optimal).map((p) => p.names.join('|')));
  lines.push(`Payoffs in the ${LENS_NAMES[lens]} lens (bn yuan, mean +- 95% interval over ${empirical.replications} replications); N = Nash equilibrium, P = Pareto-optimal:`);
  const rows = [['profile', ...regions.map((r) => `${r} payoff`), `outcome vs counterfactual (${LENS_NAMES[lens]})`, '']];
  empirical.profiles.forEach((p, i) => {
    const key = p.strategies.join('|');
    const estimates = empirical.game.payoffs[i];
    const shares = p.outcomes[lens];
    rows.push([
      `(${p.strategies.join(', ')})`,
      ...estimates.map((e) => ci(e.mean, e.se)),
      `${majorityOutcome(shares)} (${Math.round(100 * Math.max(...Object.values(shares)))}%)`,
      `${eq.has(key) ? 'N' : ''}${pareto.has(key) ? 'P' : ''}`,
    ]);
  });
  lines.push(table(rows));
  const possible = report.full.pure.possible.map((c) => `(${c.names.join(', ')})`);
  if (possible.length > 0) lines.push(`Equilibria the sampling error cannot rule out: ${possible.join(', ')}.`);
  if (report.sub) {
    lines.push('');
    lines.push('The cooperate-vs-compete game in each lens (the same runs, scored four ways):');
    for (const l of GAME_LENSES) {
      const cls = report.byLens[l].sub?.analysis.classification;
      if (cls) lines.push(`  ${LENS_NAMES[l]}${l === lens ? ' (main)' : ''}: ${cls.sentence}`);
    }
    const { analysis } = report.sub;
    lines.push('');
    lines.push(`In the ${LENS_NAMES[lens]} lens:`);
    for (const view of analysis.classification!.players) lines.push(`  ${view.player}: ${view.ordering} (${view.type})`);
    if (analysis.mixed) lines.push(`Mixed equilibrium: ${analysis.mixed.description}`);
    if (analysis.replicator) {
      lines.push(`Replicator dynamics (x = share of ${regions[0]}-like governments cooperating, y = ${regions[1]}-like):`);
      for (const r of analysis.replicator.restPoints) lines.push(`  rest point (${r.x.toFixed(3)}, ${r.y.toFixed(3)}): ${r.stability}`);
      for (const c of analysis.replicator.continua) lines.push(`  ${c.description} (degenerate)`);
    }
    const one = report.sub.onePopulation;
    lines.push(`One population (payoffs relative to mutual cooperation, averaged): ${one.dynamics.restPoints.map((r) => `x = ${r.x.toFixed(3)} ${r.stability}`).join('; ')}`);
  }
  const mutual = (l: GameLens) => report.decomposition.find((d) => d.lens === l && d.profile.every((s) => s === 'cooperate') && d.reference.every((s) => s === 'compete'));
  for (const l of lens === 'welfare' ? (['welfare'] as const) : ([lens, 'welfare'] as const)) {
    const d = mutual(l);
    if (!d) continue;
    lines.push('');
    lines.push(`Where the gap between mutual cooperation and mutual competition comes from, ${LENS_NAMES[l]} lens (cooperate, cooperate) - (compete, compete), bn yuan, mean [95% CI]:`);
    lines.push(formatDecomposition(d));
  }
  return lines.join('\n');
}
