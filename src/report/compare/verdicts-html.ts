/**
 * The verdicts section of a comparison report: what a verdict is, a table per
 * displayed lens (rows: scenarios; columns: each region's change with its 95%
 * interval, the zone's, the verdict and the sentence it rests on) and the
 * plain-words summary the terminal prints. Every text from a scenario is escaped.
 */
import { escapeHtml, htmlTable } from '../common/page.js';
import type { ComparisonData } from './read.js';
import { verdictLabel } from './verdicts.js';
import { changeText, verdictWords } from './verdicts-text.js';
import { WHY_LENSES_DIFFER } from '../common/lens-display.js';

export function verdictsSection(data: ComparisonData): string | null {
  const verdicts = data.verdicts;
  if (!verdicts || verdicts.scenarios.length === 0) return null;
  const n = verdicts.replications;
  const regions = data.regions;
  const intro = `<p>Each scenario, the reference too, is measured against its own counterfactual: the same seeds with every government investing on its own and no fund. A region's change is its value in the scenario minus its value in the counterfactual, summed over the run in billion yuan, as a mean over ${n} paired replication${
    n === 1 ? '' : 's'
  } with its 95% interval in brackets. <strong>win-win</strong>: every region's interval lies above zero; <strong>zero-sum</strong>: one region gains, another loses and the zone's interval contains zero; <strong>negative-sum</strong>: the zone's interval lies below zero; <strong>positive-sum-with-loser</strong>: the zone gains but a region loses; <strong>no verdict</strong>: the changes cannot be told from no change with ${n} replications (more replications narrow the intervals); <strong>no change</strong>: the scenario plays exactly as its counterfactual.</p>
<p class="note">${escapeHtml(WHY_LENSES_DIFFER)}</p>`;
  const tables = verdicts.shown.map((lens) => {
    const rows = verdicts.scenarios.map((s, i) => {
      const v = s.lenses[lens.lens];
      const cell = (c: { mean: number; low: number; high: number } | undefined) => (c ? escapeHtml(changeText({ n, ...c })) : '–');
      return [
        `<code>${escapeHtml(data.scenarios[i]?.label ?? s.scenario)}</code>`,
        ...regions.map((r) => cell(v.regions[r.id])),
        cell(v.zone),
        `<strong>${escapeHtml(verdictLabel(v))}</strong>`,
        `<span class="note">${escapeHtml(v.explanation)}</span>`,
      ];
    });
    const numeric = [...regions.map((_, k) => k + 1), regions.length + 1];
    const heading = lens.heading.charAt(0).toUpperCase() + lens.heading.slice(1);
    return `<h3>${escapeHtml(heading)}</h3>
${htmlTable(`${escapeHtml(heading)}: ${escapeHtml(lens.note)}. Change against each scenario's counterfactual, billion yuan, mean [95% interval].`, ['Scenario', ...regions.map((r) => escapeHtml(r.name)), 'Zone', 'Verdict', 'Why'], rows, { numeric, className: 'verdicts' })}`;
  });
  const words = `<h3>In words</h3>\n<ul>\n${verdictWords(verdicts)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('\n')}\n</ul>`;
  return [intro, ...tables, words].join('\n');
}
