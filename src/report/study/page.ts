/** The HTML page of a study report (report.html): the question, the indeterminate cells, the answers, the game type per cell, and the charts. */
import type { Provenance } from '../../results/provenance-format.js';
import type { ReportChart } from '../common/html.js';
import { buildExperimentHtml, escapeHtml, htmlTable } from '../common/page.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';
import { LENS_NAMES } from './charts.js';
import { studySummaryLines, typeGrid } from './text.js';
import type { StudyData } from './read.js';

export function studyHtml(study: StudyData, drawn: ReportChart[], provenance: Provenance | null = null): string {
  const { data } = study;
  // Every text from the study file or the results is escaped: the file is user input.
  const summary = summaryHtml(studySummaryLines(data.cells, data));
  const sections = [
    { id: 'question', heading: 'The question', html: `<p>${escapeHtml(data.question)}</p>` },
    {
      id: 'indeterminate',
      heading: 'Indeterminate cells',
      html: htmlTable(
        'Cells whose game type the replications cannot decide (a deciding payoff gap within its 95% sampling error), per lens',
        ['lens', 'cells', 'indeterminate', 'share'],
        data.lenses.map((l) => [escapeHtml(LENS_NAMES[l] ?? l), String(data.indeterminate[l].cells), String(data.indeterminate[l].indeterminate), `${Math.round(100 * data.indeterminate[l].share)}%`]),
        { numeric: [1, 2, 3] },
      ),
    },
    { id: 'answers', heading: 'Answers (generated from the results)', html: summary },
    ...data.panels.map((panel, i) => ({
      id: `panel-${i}`,
      heading: `Game type per cell: ${panel.label}`,
      html: data.lenses
        .map((lens) => {
          const { header, rows } = typeGrid(data, panel, lens);
          return htmlTable(`${escapeHtml(LENS_NAMES[lens] ?? lens)} lens; ★: mutual cooperation is a Nash equilibrium`, header.map(escapeHtml), rows.map((r) => r.map(escapeHtml)));
        })
        .join(''),
    })),
  ];
  return buildExperimentHtml({
    provenance,
    title: data.title,
    documentTitle: `chuanyu-sim study: ${data.name}`,
    lede: [`Every profile of ${data.strategies.join(' and ')} was run with the same seeds at every cell, so payoff differences between profiles are not luck.`],
    illustrative: illustrativeHtml(illustrativeNotes([study.scenario])),
    meta: [`Study <code>${escapeHtml(data.name)}</code>`, `scenario <code>${escapeHtml(data.scenario)}</code>`, `${data.replications} replications a profile`, `seed ${data.seed}`, `scale ${escapeHtml(data.scale)}`],
    sections,
    charts: drawn,
    footer: 'Made by chuanyu-sim from study.json; cells.csv holds every cell\'s answer, games/ the full analysed games of each panel.',
  });
}

/** The summary's headings and bullets as HTML, every line escaped. */
function summaryHtml(lines: string[]): string {
  const out: string[] = [];
  let open = false;
  const close = () => {
    if (open) out.push('</ul>');
    open = false;
  };
  for (const line of lines) {
    if (line.startsWith('### ')) {
      close();
      out.push(`<h3>${escapeHtml(line.slice(4))}</h3>`);
    } else if (line.startsWith('- ')) {
      if (!open) out.push('<ul>');
      open = true;
      out.push(`<li>${escapeHtml(line.slice(2))}</li>`);
    }
  }
  close();
  return out.join('\n');
}
