/** The game's findings as text for the terminal: payoff matrix, equilibria, outcome classes, 2x2 type, replicator rest points. */
import type { EmpiricalGame } from '../experiment/game.js';
import type { GameReport } from '../experiment/game-analysis.js';
import { GAME_OUTCOMES } from '../model/metrics/win-win.js';

const bn = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
const ci = (mean: number, se: number | undefined) => (se === undefined ? bn(mean) : `${bn(mean)} +- ${bn(1.96 * se)}`);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')).join('\n');
}

export function majorityOutcome(shares: Record<string, number>): string {
  return GAME_OUTCOMES.reduce((best, o) => ((shares[o] ?? 0) > (shares[best] ?? 0) ? o : best), GAME_OUTCOMES[0]);
}

export function formatGame(empirical: EmpiricalGame, report: GameReport): string {
  const lines: string[] = [];
  const { regions } = empirical;
  const eq = new Set(report.full.pure.equilibria.map((e) => e.names.join('|')));
  const pareto = new Set(report.full.pareto.filter((p) => p.optimal).map((p) => p.names.join('|')));
  lines.push(`Cumulative payoffs (bn yuan, mean +- 95% interval over ${empirical.replications} replications); N = Nash equilibrium, P = Pareto-optimal:`);
  const rows = [['profile', ...regions.map((r) => `${r} payoff`), 'outcome vs counterfactual', '']];
  empirical.profiles.forEach((p, i) => {
    const key = p.strategies.join('|');
    const estimates = empirical.game.payoffs[i];
    rows.push([
      `(${p.strategies.join(', ')})`,
      ...estimates.map((e) => ci(e.mean, e.se)),
      `${majorityOutcome(p.outcomes)} (${Math.round(100 * Math.max(...Object.values(p.outcomes)))}%)`,
      `${eq.has(key) ? 'N' : ''}${pareto.has(key) ? 'P' : ''}`,
    ]);
  });
  lines.push(table(rows));
  const possible = report.full.pure.possible.map((c) => `(${c.names.join(', ')})`);
  if (possible.length > 0) lines.push(`Equilibria the sampling error cannot rule out: ${possible.join(', ')}.`);
  if (report.sub) {
    const { analysis } = report.sub;
    lines.push('');
    lines.push(`The cooperate-vs-compete game: ${analysis.classification!.sentence}`);
    for (const view of analysis.classification!.players) lines.push(`  ${view.player}: ${view.ordering} (${view.type})`);
    if (analysis.mixed) lines.push(`Mixed equilibrium: ${analysis.mixed.description}`);
    if (analysis.replicator) {
      lines.push('Replicator dynamics (x = share of Sichuan-like governments cooperating, y = Chongqing-like):');
      for (const r of analysis.replicator.restPoints) lines.push(`  rest point (${r.x.toFixed(3)}, ${r.y.toFixed(3)}): ${r.stability}`);
      for (const c of analysis.replicator.continua) lines.push(`  ${c.description} (degenerate)`);
    }
    const one = report.sub.onePopulation;
    lines.push(`One population (payoffs relative to mutual cooperation, averaged): ${one.dynamics.restPoints.map((r) => `x = ${r.x.toFixed(3)} ${r.stability}`).join('; ')}`);
  }
  return lines.join('\n');
}
