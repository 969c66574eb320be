/**
 * docs/ODD.md section 9 is generated from the metric registry: its table and
 * its list of flow metrics must be what `src/model/metric-registry.ts` says.
 * Regenerate with `UPDATE_DOCS=1 npx vitest run test/docs/odd-metrics.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/model/metric-registry.js';

const ODD = new URL('../../docs/ODD.md', import.meta.url);
const START = '## 9. Metrics\n';
const END = '\n---\n\n## 9b.';

/** Wraps words into lines of at most `width` characters. */
function wrap(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function metricsSection(): string {
  const flows = METRICS.filter((d) => d.kind === 'flow').map((d) => `${d.name} (${d.scope})`);
  const intro = wrap(
    `Generated from \`src/model/metric-registry.ts\` (${METRICS.length} entries) by ` +
      '`UPDATE_DOCS=1 npx vitest run test/docs/odd-metrics.test.ts`. *Scope* is `region` (one ' +
      'value per region), `pair` (one per pair of regions, in order (0,1), (0,2), ..., (1,2), ...) ' +
      'or `zone`. *Kind* is declared in the registry: a `flow` happens within a step and is summed ' +
      'over the run in summaries; a `stock` (a level, rate, index or running total) is summarised by ' +
      `its final value and its mean over the run. The flows are: ${flows.join(', ')}. ` +
      'The zone `fund_*` ledgers are already cumulative.',
  );
  const rows = METRICS.map((d) => `| \`${d.name}\` | ${d.scope} | ${d.kind} | ${d.unit} | ${d.description} |`);
  return `${START}\n${intro}\n\n| Name | Scope | Kind | Unit | Description |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

describe('docs/ODD.md section 9', () => {
  it('is generated from the metric registry', () => {
    const text = readFileSync(ODD, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END, start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const expected = metricsSection();
    if (process.env.UPDATE_DOCS) writeFileSync(ODD, text.slice(0, start) + expected + text.slice(end));
    else expect(text.slice(start, end)).toBe(expected);
  });
});
