/**
 * The HTML page of a history report (report.html): the findings of the
 * profile and the attribution in sentences, and the charts, under the
 * scenario's note on illustrative numbers (recorded in summary.json, since the
 * folder holds no resolved scenario).
 */
import type { Provenance } from '../../results/provenance-format.js';
import type { ReportChart } from '../common/html.js';
import { buildExperimentHtml, escapeHtml } from '../common/page.js';
import { illustrativeHtml, illustrativeNotes } from '../common/illustrative.js';
import { attributionSentences, profileSentences, type HistoryResult } from './text.js';

export function historyHtml(result: HistoryResult, charts: ReportChart[], folder: string, command: string, illustrative?: string, provenance: Provenance | null = null): string {
  const name = result.profile?.scenario ?? result.attribution?.scenario ?? '';
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}</ul>`;
  const sections = [];
  if (result.profile) sections.push({ id: 'profile', heading: 'Which competition windows the data support', html: list(profileSentences(result.profile)) + '<p>Every window: <a href="profile.csv">profile.csv</a>.</p>' });
  if (result.attribution) sections.push({ id: 'attribution', heading: 'Which mechanism explains the history', html: list(attributionSentences(result.attribution)) + '<p>Every figure: <a href="attribution.csv">attribution.csv</a>.</p>' });
  return buildExperimentHtml({
    provenance,
    title: `History analyses: ${name}`,
    documentTitle: `History analyses of ${name} – chuanyu-sim`,
    lede: [],
    illustrative: illustrativeHtml(illustrativeNotes([{ name, illustrative }])),
    meta: [`Scenario <code>${escapeHtml(name)}</code>`, `Reproduce: <code>${escapeHtml(command)}</code>`],
    sections,
    charts,
    footer: `Made by chuanyu-sim in the folder <code>${escapeHtml(folder)}</code>; summary.md holds the same findings with tables, summary.json every figure.`,
  });
}
