/** The HTML page of a game report (report.html): each analysed game (payoffs, equilibria, the game in every lens, where the gap comes from) and the charts. */
import type { Provenance } from '../../results/provenance-format.js';
import type { ChangeInterval } from '../../experiment/verdict.js';
import type { ReportChart } from '../common/html.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { GAME_TYPE_LABELS } from '../common/game-types.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';
import { formatInterval } from '../common/format.js';
import { LENS_PAYOFFS } from './charts.js';
import { mutualDecomposition, type GameData } from './read.js';

const ciCell = (c: ChangeInterval) => formatInterval(c.mean, c.low, c.high);

export function gameHtml(game: GameData, drawn: ReportChart[], provenance: Provenance | null = null): string {
  const { data, info } = game;
  const sections = data.points.map((p, i) => {
    const label = Object.entries(p.values).map(([k, v]) => `${k} = ${v}`).join(', ');
    // Cells and headers are HTML: every text from game.json (region names come from the scenario) is escaped.
    const rows = p.profiles.map((q) => [
      escapeHtml(`(${q.strategies.join(', ')})`),
      ...q.payoffs.map((e) => `${Math.round(e.mean).toLocaleString('en-US')}${e.halfWidth !== null ? ` ± ${Math.round(e.halfWidth).toLocaleString('en-US')}` : ''}`),
      escapeHtml(q.outcome),
      `${q.equilibrium ? 'Nash' : ''}${q.equilibrium && !q.equilibriumSure ? ' (not sure)' : ''}${q.pareto ? `${q.equilibrium ? ', ' : ''}Pareto` : ''}`,
    ]);
    const sub = p.subgame;
    const text = sub
      ? `<p><strong>${escapeHtml(GAME_TYPE_LABELS[sub.type] ?? sub.type)} (${escapeHtml(p.lens)} lens).</strong> ${escapeHtml(sub.sentence)}</p><p>${sub.players.map((v) => `${escapeHtml(v.player)}: ${escapeHtml(v.ordering)}`).join('; ')}.${sub.mixed ? ` Mixed equilibrium: ${escapeHtml(sub.mixed.description)}` : ''}</p>${sub.restPoints.length > 0 ? `<p>Replicator rest points: ${sub.restPoints.map((r) => `(${r.x.toFixed(2)}, ${r.y.toFixed(2)}) ${escapeHtml(r.stability)}`).join('; ')}.</p>` : ''}`
      : '';
    const lensRows = Object.values(p.byLens ?? {})
      .filter((v) => v.subgame)
      .map((v) => [escapeHtml(v.lens), escapeHtml(GAME_TYPE_LABELS[v.subgame!.type] ?? v.subgame!.type), escapeHtml(v.subgame!.sentence)]);
    const lensTable = lensRows.length > 0 ? htmlTable('The cooperate-vs-compete game in each lens, from the same runs (payoffs: ' + escapeHtml(Object.values(p.byLens).map((v) => `${v.lens}: ${LENS_PAYOFFS[v.lens] ?? v.lens}`).join('; ')) + ')', ['lens', 'game', 'why'], lensRows) : '';
    const decompositions = (p.lens === 'welfare' ? ['welfare'] : [p.lens, 'welfare'])
      .map((lens) => mutualDecomposition(p, lens))
      .filter((d): d is NonNullable<typeof d> => d !== undefined)
      .map((d) =>
        htmlTable(
          `Where the gap comes from, ${escapeHtml(d.lens)} lens: (${escapeHtml(d.profile.join(', '))}) minus (${escapeHtml(d.reference.join(', '))}), billion yuan, mean difference [95% interval] over ${p.replications} paired replications`,
          ['part', ...d.regions.map((r) => escapeHtml(p.regionNames[p.regions.indexOf(r.region)] ?? r.region))],
          [...d.regions[0].parts.map((part, k) => [escapeHtml(part.part), ...d.regions.map((r) => ciCell(r.parts[k].change))]), ['total', ...d.regions.map((r) => ciCell(r.total))]],
          { numeric: d.regions.map((_, k) => k + 1) },
        ),
      )
      .join('');
    return {
      id: `game-${i}`,
      heading: label ? `Game at ${label}` : 'The game',
      html:
        text +
        htmlTable(`Payoffs in the ${escapeHtml(p.lens)} lens (${escapeHtml(LENS_PAYOFFS[p.lens] ?? p.lens)}; billion yuan, mean ± 95% interval, ${p.replications} replications) and each profile's outcome against the counterfactual in that lens`, ['profile', ...p.regionNames.map((n) => `${escapeHtml(n)} payoff`), 'outcome', 'equilibrium'], rows, { numeric: p.regionNames.map((_, k) => k + 1) }) +
        lensTable +
        decompositions,
    };
  });
  return buildExperimentHtml({
    provenance,
    title: `The game: ${info.title || data.scenario}`,
    documentTitle: `chuanyu-sim game: ${data.scenario}`,
    lede: [info.description, 'Every profile of government strategies was run with the same seeds, so payoff differences between profiles are not luck.'].filter(Boolean),
    illustrative: illustrativeHtml(illustrativeNotes([{ name: data.scenario, illustrative: info.illustrative }])),
    meta: [`Scenario <code>${escapeHtml(data.scenario)}</code>`, `${data.replications} replications a profile`, `seed ${data.seed}`],
    sections,
    charts: drawn,
    footer: 'Made by chuanyu-sim from game.json (the analysed payoff matrices); payoffs.csv holds every replication\'s payoff.',
  });
}
