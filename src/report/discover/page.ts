/**
 * The HTML page of a discovery (report.html): the findings in sentences, the
 * boxes and the CART rules as tables, and the charts. Every text from the
 * folder (the condition, parameter paths, categories) is escaped.
 */
import type { DiscoverFile } from '../../results/discover-format.js';
import type { ReportChart } from '../common/html.js';
import type { Provenance } from '../../results/provenance-format.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { cartSentences, discoverySentences, percent, pValue, restrictionsWithP } from './text.js';

export function discoverHtml(file: DiscoverFile, charts: ReportChart[], folder: string, provenance: Provenance | null = null): string {
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}</ul>`;
  const boxRows = file.boxes.map((b) => [
    `Box ${b.index}`,
    escapeHtml(b.description.join(' and ') || 'none (the whole space)'),
    percent(b.density),
    percent(b.coverageOfAll),
    percent(b.massOfAll),
    `${b.cases} / ${b.rows}`,
    escapeHtml(restrictionsWithP(b).map((r) => `${r.text}: ${pValue(r.p)}`).join('; ') || '–'),
    `${b.step}${b.chosenBy === 'user' ? ' (--box)' : ''}${b.pasted ? ', pasted' : ''}`,
  ]);
  const cartRows = file.cart.rules.map((r, i) => [String(i + 1), escapeHtml(r.conditions.join(' and ') || 'all runs'), percent(r.density), percent(r.coverage), `${r.cases} / ${r.rows}`]);
  const sections = [
    { id: 'findings', heading: 'Findings', html: list(discoverySentences(file).filter((l) => !l.startsWith('CART'))) },
    {
      id: 'boxes',
      heading: 'PRIM boxes',
      html:
        htmlTable('Density: share of the box\'s runs that meet the condition. Coverage and mass: shares of all cases and all runs inside the box. Quasi-p: one-sided binomial test of each restriction (small: the restriction matters).', ['Box', 'Restrictions', 'Density', 'Coverage', 'Mass', 'Cases / runs', 'Quasi-p', 'Step'], boxRows, { numeric: [2, 3, 4, 5] }) +
        '<p>Every step of every peeling trajectory: <a href="trajectory.csv">trajectory.csv</a>; every figure: <a href="boxes.json">boxes.json</a>.</p>',
    },
    { id: 'cart', heading: `CART rules (a second view, depth ${file.settings.maxDepth})`, html: list(cartSentences(file)) + htmlTable('One row per leaf of the tree, densest first.', ['Leaf', 'Conditions', 'Density', 'Coverage', 'Cases / runs'], cartRows, { numeric: [2, 3, 4] }) },
  ];
  return buildExperimentHtml({
    provenance,
    title: `Scenario discovery: ${file.condition.words}`,
    documentTitle: `Scenario discovery of ${file.source.scenario} – chuanyu-sim`,
    lede: [`Where in the swept parameter space does this hold: ${file.condition.text}? PRIM (patient rule induction) looks for boxes of parameter values where it holds much more often than overall; CART gives a second view as a shallow tree.`],
    meta: [
      `${file.source.kind === 'sweep' ? 'Sweep' : 'Sensitivity'} <code>${escapeHtml(file.source.dir)}</code>`,
      `Scenario <code>${escapeHtml(file.source.scenario)}</code>`,
      `${file.rows} runs`,
      `alpha ${file.settings.alpha}, min mass ${file.settings.minMass}, min coverage ${file.settings.minCoverage}`,
      `Reproduce: <code>${escapeHtml(file.command)}</code>`,
    ],
    sections,
    charts,
    footer: `Made by chuanyu-sim in the folder <code>${escapeHtml(folder)}</code>; docs/DISCOVERY.md explains the method and how to read it.`,
  });
}
