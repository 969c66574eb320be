/**
 * The files of a study folder: study.json (the question, the grid and every
 * cell's answer in every lens), cells.csv (the same, one row a cell and lens),
 * games/PANEL.json (each panel's full analysed games, as `chuanyu game` writes
 * them), and, rendered from study.json alone, summary.md (the answers in plain
 * words), one chart a panel (a phase diagram per lens, side by side) and
 * report.html.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildExperimentHtml, escapeHtml, htmlTable } from './experiment-html.js';
import { LENS_NAMES, cellTypeText, studyPhaseChart } from './study-charts.js';
import { studySummaryLines, typeCounts, type StudyTextInfo } from './study-text.js';
import { writeCsvFile } from './csv-file.js';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions } from './sweep-charts/write-charts.js';
import type { ExperimentChart } from './sweep-charts/index.js';
import type { StudyCell } from '../experiment/study.js';
import { UserError } from '../scenario/errors.js';

export interface StudyJson {
  kind: 'study';
  name: string;
  title: string;
  question: string;
  scenario: string;
  scale: string;
  seed: number;
  replications: number;
  strategies: string[];
  lenses: string[];
  /** Region ids, in the order of each cell's `players`. */
  regions: string[];
  /** Scenario values every run had (the scale's). */
  set: Record<string, number | string | boolean>;
  x: StudyTextInfo['x'];
  panels: (StudyTextInfo['panels'][number] & { note: string; file: string })[];
  /** Per lens: cells, indeterminate cells and their share. */
  indeterminate: Record<string, { cells: number; indeterminate: number; share: number }>;
  cells: StudyCell[];
}

/** A panel's file name: its lever path with dots as hyphens. */
export const panelSlug = (path: string) => path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

export function indeterminateCounts(cells: StudyCell[], lenses: string[]): StudyJson['indeterminate'] {
  return Object.fromEntries(
    lenses.map((lens) => {
      const mine = cells.filter((c) => c.lens === lens);
      const k = mine.filter((c) => c.type === 'indeterminate').length;
      return [lens, { cells: mine.length, indeterminate: k, share: mine.length > 0 ? k / mine.length : 0 }];
    }),
  );
}

export async function writeStudyTables(dir: string, data: StudyJson): Promise<void> {
  await writeCsvFile(
    join(dir, 'cells.csv'),
    ['lever', 'lever_value', data.x.path, 'lens', 'type', 'likely_type', 'cooperation_equilibrium', 'cooperation_equilibrium_sure', 'competition_equilibrium', 'cooperation_pays_both', 'equilibria'],
    data.cells.map((c) => [c.panel, String(c.y), String(c.x), c.lens, c.type, c.likely, String(c.cooperationEquilibrium), String(c.cooperationEquilibriumSure), String(c.competitionEquilibrium), c.cooperationPaysBoth, c.equilibria.map((e) => `(${e.join(' ')})`).join(' ')]),
  );
}

const markdownTable = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];

/** One lever's grid in one lens: rows are lever values, columns x values, cells the game type (★ where cooperation is an equilibrium). */
function typeGrid(data: StudyJson, panel: StudyJson['panels'][number], lens: string): { header: string[]; rows: string[][] } {
  const header = [`${panel.label} \\ ${data.x.label}`, ...data.x.values.map(String)];
  const rows = panel.values.map((y) => [
    String(y),
    ...data.x.values.map((x) => {
      const c = data.cells.find((q) => q.panel === panel.path && q.lens === lens && q.y === y && q.x === x);
      if (!c) return '';
      const name = cellTypeText(c.type, c.players);
      return `${c.type === 'indeterminate' ? `${name} (${cellTypeText(c.likely, c.players)}?)` : name}${c.cooperationEquilibrium ? ' ★' : ''}`;
    }),
  ]);
  return { header, rows };
}

export function studySummaryMarkdown(data: StudyJson): string {
  const lines = [
    `# ${data.title}`,
    '',
    data.question,
    '',
    `Scenario \`${data.scenario}\`, strategies ${data.strategies.join(' vs ')}, ${data.replications} replications a profile, seed ${data.seed}, scale ${data.scale}${Object.keys(data.set).length > 0 ? ` (${Object.entries(data.set).map(([k, v]) => `${k} = ${v}`).join(', ')})` : ''}.`,
    '',
    '## Indeterminate cells',
    '',
    ...markdownTable(['lens', 'cells', 'indeterminate', 'share'], data.lenses.map((l) => [LENS_NAMES[l] ?? l, String(data.indeterminate[l].cells), String(data.indeterminate[l].indeterminate), `${Math.round(100 * data.indeterminate[l].share)}%`])),
    '',
    '## Answers (generated from the results)',
    '',
    ...studySummaryLines(data.cells, data),
    '## Game type per cell',
    '',
    `★: mutual cooperation is a Nash equilibrium in that lens. "Indeterminate (X?)": a payoff gap that decides the type is within its 95% sampling error; X is the type on the means. An asymmetric game names each government's own type, ${data.regions.join(' / ')}.`,
    '',
  ];
  for (const panel of data.panels)
    for (const lens of data.lenses) {
      const { header, rows } = typeGrid(data, panel, lens);
      lines.push(`### ${panel.label}, ${LENS_NAMES[lens] ?? lens} lens`, '', ...(panel.note ? [panel.note, ''] : []), ...markdownTable(header, rows), '');
    }
  return lines.join('\n');
}

export async function renderStudyReport(dir: string, options: ExperimentReportOptions = {}): Promise<{ charts: string[]; report: string }> {
  let data: StudyJson;
  try {
    data = JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')) as StudyJson;
  } catch {
    throw new UserError(`${dir} has no readable study.json (is it a \`chuanyu study\` folder?)`);
  }
  await writeFile(join(dir, 'summary.md'), studySummaryMarkdown(data));
  const types = typeCounts(data.cells).map((t) => t.type);
  const charts: ExperimentChart[] = data.panels.map((panel) => ({
    name: `which-game-${panelSlug(panel.path)}`,
    heading: `${panel.label} against ${data.x.label}`,
    caption: `${panel.note ? panel.note + ' ' : ''}One panel per lens: compare the officials' game with the residents' at the same cell.`,
    spec: studyPhaseChart(data.cells.filter((c) => c.panel === panel.path), { x: data.x.label, y: panel.label, lenses: data.lenses, replications: data.replications, types, regions: data.regions }),
  }));
  const outDir = join(dir, 'charts');
  const { drawn } = await writeExperimentCharts(outDir, charts, chartFormats(options));
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
  const report = join(outDir, 'report.html');
  await writeFile(
    report,
    buildExperimentHtml({
      title: data.title,
      documentTitle: `chuanyu-sim study: ${data.name}`,
      lede: [`Every profile of ${data.strategies.join(' and ')} was run with the same seeds at every cell, so payoff differences between profiles are not luck.`],
      meta: [`Study <code>${escapeHtml(data.name)}</code>`, `scenario <code>${escapeHtml(data.scenario)}</code>`, `${data.replications} replications a profile`, `seed ${data.seed}`, `scale ${escapeHtml(data.scale)}`],
      sections,
      charts: drawn,
      footer: 'Made by chuanyu-sim from study.json; cells.csv holds every cell\'s answer, games/ the full analysed games of each panel.',
    }),
  );
  return { charts: drawn.map((c) => c.name), report };
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
