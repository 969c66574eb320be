/**
 * game.json (the analysed payoff matrices, one per swept parameter value) and
 * the game's charts and report.html, rendered from game.json alone so a user
 * can restyle without re-running.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeInterval } from '../../experiment/verdict.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { LENS_PAYOFFS, decompositionChart, payoffMatrixChart, payoffProfilesChart, phaseDiagramChart, phaseLineChart, replicatorChart } from './charts.js';
import { GAME_TYPE_LABELS } from '../common/game-types.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions } from '../common/write-charts.js';
import type { ExperimentChart } from '../common/write-charts.js';
import type { GameJson, GameJsonPoint, GameLensJson } from '../../results/game-format.js';
import { readGameJson } from '../../results/experiment-files.js';
import { gameJson } from '../../experiment/game-json.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';
import { formatInterval } from '../common/format.js';

export type { GameJson, GameJsonPoint, GameLensJson };
export { readGameJson };

/** Mutual cooperation minus mutual competition in one lens, when the game has both. */
function mutualDecomposition(point: GameJsonPoint, lens: string) {
  return (point.decomposition ?? []).find((d) => d.lens === lens && d.profile.every((s) => s === 'cooperate') && d.reference.every((s) => s === 'compete'));
}

const ciCell = (c: ChangeInterval) => formatInterval(c.mean, c.low, c.high);

export async function renderGameReport(dir: string, info: { title: string; description: string; illustrative?: string }, options: ExperimentReportOptions = {}): Promise<{ charts: string[]; report: string }> {
  const data = await readGameJson(dir);
  const main = data.points[0];
  const charts: ExperimentChart[] = [];
  const matrix = data.points.length === 1 ? payoffMatrixChart(main) : null;
  if (matrix) charts.push({ name: 'payoff-matrix', heading: `Payoff matrix (${main.lens} lens)`, caption: 'Each panel is one government\'s payoff for every pair of strategies; an outlined cell is a Nash equilibrium. Compare the cell both governments would reach on their own with the one that would be better for both.', spec: matrix });
  const welfareView = main.byLens?.welfare;
  const welfareMatrix = data.points.length === 1 && main.lens !== 'welfare' && welfareView ? payoffMatrixChart(main, welfareView) : null;
  if (welfareMatrix)
    charts.push({ name: 'payoff-matrix-welfare', heading: 'Payoff matrix (welfare lens)', caption: 'The same runs scored by what the residents get: if the equilibrium or the best cell differs from the matrix above, the officials\' game and the residents\' game are not the same game.', spec: welfareMatrix });
  for (const lens of main.lens === 'welfare' ? ['welfare'] : [main.lens, 'welfare']) {
    const d = data.points.length === 1 ? mutualDecomposition(main, lens) : undefined;
    if (d)
      charts.push({ name: `decomposition-${lens}`, heading: `Where the gap comes from (${lens} lens)`, caption: 'Mutual cooperation minus mutual competition, part by part: the parts that decide the sign of the total are where a dilemma (or its absence) comes from.', spec: decompositionChart(main, d) });
  }
  const profiles = data.points.length === 1 ? payoffProfilesChart(main) : null;
  if (profiles) charts.push({ name: 'payoffs', heading: 'Payoffs by profile', caption: 'Each row is one combination of strategies; compare a government\'s dots across rows that differ only in its own strategy to see whether changing it alone would pay.', spec: profiles });
  const replicator = data.points.length === 1 ? replicatorChart(main) : null;
  if (replicator) charts.push({ name: 'replicator', heading: 'Replicator dynamics', caption: 'Where the paths end is where imitation of the better-paying strategy leads populations of governments; a stable rest point at (0, 0) means cooperation dies out, at (1, 1) that it takes over.', spec: replicator });
  const line = data.points.length === 1 ? phaseLineChart(main) : null;
  if (line) charts.push({ name: 'phase-line', heading: 'One population of governments', caption: 'Above the zero line cooperation spreads, below it competition does; the dynamics end at a stable rest point (filled green).', spec: line });
  const phase = phaseDiagramChart(data.points, data.sweep);
  if (phase) charts.push({ name: 'phase-diagram', heading: 'Phase diagram', caption: 'Read across to see which parameter values turn the game from one type into another, for instance a prisoner\'s dilemma into harmony, where cooperating pays whatever the other does.', spec: phase });
  const outDir = join(dir, 'charts');
  const { drawn } = await writeExperimentCharts(outDir, charts, chartFormats(options), options.captions);
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
  const report = join(outDir, 'report.html');
  await writeFile(
    report,
    buildExperimentHtml({
      title: `The game: ${info.title || data.scenario}`,
      documentTitle: `chuanyu-sim game: ${data.scenario}`,
      lede: [info.description, 'Every profile of government strategies was run with the same seeds, so payoff differences between profiles are not luck.'].filter(Boolean),
      illustrative: illustrativeHtml(illustrativeNotes([{ name: data.scenario, illustrative: info.illustrative }])),
      meta: [`Scenario <code>${escapeHtml(data.scenario)}</code>`, `${data.replications} replications a profile`, `seed ${data.seed}`],
      sections,
      charts: drawn,
      footer: 'Made by chuanyu-sim from game.json (the analysed payoff matrices); payoffs.csv holds every replication\'s payoff.',
    }),
  );
  return { charts: drawn.map((c) => c.name), report };
}
