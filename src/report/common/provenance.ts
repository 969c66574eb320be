/**
 * The "Provenance" block of every report.html: how the results were made, from
 * the folder's manifest (results/provenance-format.ts). Every value is escaped;
 * a folder written before provenance was recorded has none and its report no block.
 */
import type { Provenance } from '../../results/provenance-format.js';
import { escapeHtml } from './html.js';

export const PROVENANCE_ID = 'provenance';

/** The block's body: a table of the command line, the scenarios' sha256, the design and the version. */
export function provenanceHtml(p: Provenance): string {
  const { design } = p;
  const designText = [
    `sampler ${design.sampler}`,
    design.sampleSize !== null ? `${design.sampleSize} point${design.sampleSize === 1 ? '' : 's'}` : '',
    `seed ${design.seed}`,
    `${design.replications} replication${design.replications === 1 ? '' : 's'} a point`,
  ].filter(Boolean);
  const rows: [string, string][] = [
    ['Command line', `<code>${escapeHtml(p.commandLine)}</code>`],
    ...p.scenarios.map((s): [string, string] => [`Scenario <code>${escapeHtml(s.name)}</code>`, `sha256 <code>${escapeHtml(s.sha256)}</code>`]),
    ['Design', escapeHtml(designText.join(', '))],
    ['Package', `chuanyu-sim ${escapeHtml(p.packageVersion)}`],
  ];
  return `<table class="provenance">
<caption>How these results were made (manifest.json, <code>provenance</code>): the sha256 is of the resolved scenario with its keys sorted, so the same inputs give the same hash.</caption>
<tbody>
${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('\n')}
</tbody>
</table>`;
}

/** The whole section (heading and table), or '' without provenance. */
export function provenanceSection(p: Provenance | null | undefined): string {
  if (!p) return '';
  return `<section id="${PROVENANCE_ID}" aria-labelledby="${PROVENANCE_ID}-heading">
<h2 id="${PROVENANCE_ID}-heading">Provenance</h2>
${provenanceHtml(p)}
</section>`;
}
