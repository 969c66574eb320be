/** `chuanyu validate` produces a claim-by-claim report whose verdicts follow from the evidence. */
import { describe, expect, it } from 'vitest';
import { validateAction } from '../../src/cli/actions/validate-action.js';
import { CLAIMS } from '../../src/experiment/validation-claims.js';

describe('pattern validation', () => {
  it('checks every claim and writes one table row each', async () => {
    const result = await validateAction({ replications: 4, lensReplications: 3, lensSeeds: [1], quiet: true, workers: 2 });
    expect(result.total).toBe(CLAIMS.length);
    const claims = result.markdown.slice(0, result.markdown.indexOf('## Each lens, measured'));
    const rows = claims.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| claim'));
    expect(rows).toHaveLength(CLAIMS.length);
    for (const row of rows) expect(row).toMatch(/\| (yes|\*\*no\*\*) \|$/);
    // The sharpest contrasts hold even with few replications.
    const line = (id: string) => rows[CLAIMS.findIndex((c) => c.id === id)];
    expect(line('exploited-sucker')).toMatch(/\| yes \|$/);
    expect(line('bust-overcapacity')).toMatch(/\| yes \|$/);
    // The lens section: every scenario in every lens, the game's type in every lens, the decomposition.
    const lensRows = result.markdown.split('\n').filter((l) => /^\| (baseline|compete|cooperate|exploited) \| 1 \| (objective|welfare|gdp|fiscal) \| [-+]\d/.test(l));
    expect(lensRows).toHaveLength(4 * 4);
    // The fund's returns, for the scenarios with a fund (cooperate, exploited), beside the profit rate its stakes earn.
    expect(result.markdown).toMatch(/^\| cooperate \| 1 \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d \| -?\d+\.\d% \| \d+\.\d% \|$/m);
    expect(result.markdown).toMatch(/^\| cooperate \| 1 \| welfare \| [a-z-]+/m);
    expect(result.markdown).toMatch(/^\| division-of-labour, steady demand \| 1 \| objective \| [a-z-]+/m);
    // Waste against the counterfactual, for every world, with and without demand cycles.
    expect(result.markdown).toMatch(/^\| compete, steady demand \| 1 \| [-+]\d\.\d{3} \[/m);
    expect(result.markdown).toMatch(/\(cooperate, cooperate\) minus \(compete, compete\), welfare lens, seed 1/);
  });
});
