/**
 * The words and lenses of a comparison's verdicts, from made-up changes: each
 * verdict reads as its rule says, numbers come from the intervals, a scenario
 * that changes nothing is said once, and the objective gets its own table only
 * when some government pursues more than GDP.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioVerdicts } from '../../src/experiment/point-verdicts.js';
import { lensVerdict } from '../../src/experiment/verdict.js';
import { GAME_LENSES } from '../../src/model/metrics/lenses.js';
import { comparedLenses, comparisonVerdicts, verdictLabel } from '../../src/report/compare/verdicts.js';
import { changeText, formatVerdictTables, verdictWords } from '../../src/report/compare/verdicts-text.js';

const GDP = { gdp: 1, welfare: 0, fiscal: 0 };
const ids = ['sichuan', 'chongqing'];

/** A scenario whose changes, in every lens, are the given per-replication changes of each region. */
function scenario(name: string, changes: number[][], objectives = { sichuan: GDP, chongqing: GDP }): ScenarioVerdicts {
  const v = lensVerdict('gdp', ids, changes, changes[0].map(() => 'unchanged' as const));
  return { scenario: name, regions: ids, objectives, discountRate: 0.06, lenses: Object.fromEntries(GAME_LENSES.map((l) => [l, { ...v, lens: l }])) as ScenarioVerdicts['lenses'] };
}

const still = scenario('still', [[0, 0, 0], [0, 0, 0]]);
const both = scenario('both', [[10, 12, 11], [5, 6, 7]]);
const split = scenario('split', [[10, 12, 11], [-10, -12, -11]]);
const foggy = scenario('foggy', [[10, -12, 3], [5, 6, 7]]);

describe('comparison verdicts', () => {
  it('labels each verdict, "no change" for a scenario that plays as its counterfactual', () => {
    expect([still, both, split, foggy].map((s) => verdictLabel(s.lenses.welfare))).toEqual(['no change', 'win-win', 'zero-sum', 'no verdict']);
  });

  it('says it in words made from the numbers, the unchanged scenario once', () => {
    const words = verdictWords(comparisonVerdicts([still, both, split, foggy], 1, 3));
    expect(words[0]).toBe('still plays exactly as its counterfactual, so it changes nothing in any lens.');
    expect(words[1]).toMatch(/^In welfare: both is win-win \(every region gains; the zone's change is \+17 bn yuan \[\d+, \d+\]\); split is zero-sum \(sichuan gains what chongqing loses; /);
    expect(words[1].endsWith(`foggy gives no verdict (sichuan's change ${changeText(foggy.lenses.welfare.regions.sichuan)} cannot be told from zero with 3 replications, while chongqing gains).`)).toBe(true);
    expect(words).toHaveLength(1 + 3 + 2); // unchanged, three lenses, agreement, "no verdict"
    expect(words.at(-2)).toBe('Every lens gives each scenario the same verdict.');
    expect(words.at(-1)).toMatch(/^"No verdict" means .* with 3 replications/);
    expect(words.join(' ')).not.toContain('still is');
  });

  it('prints a table per lens with a row per scenario', () => {
    const text = formatVerdictTables(comparisonVerdicts([both, split], 1, 3));
    // Each cell in one format, its decimals from its interval's width (two significant digits of the width).
    expect(text).toMatch(/^both +\+11\.0 \[8\.5, 13\.5\] +\+6\.0 \[3\.5, 8\.5\] +\+17\.0 \[12\.7, 21\.3\] +win-win$/m);
    expect(text.match(/^scenario +sichuan +chongqing +zone +verdict$/gm)).toHaveLength(3);
  });

  it('gives the objective its own table only when some government pursues more than GDP', () => {
    expect(comparedLenses([both, split]).map((l) => l.lens)).toEqual(['welfare', 'gdp', 'fiscal']);
    const welfarist = scenario('welfarist', [[1, 2, 3], [1, 2, 3]], { sichuan: { gdp: 0, welfare: 1, fiscal: 0 }, chongqing: GDP });
    const shown = comparedLenses([both, welfarist]);
    expect(shown.map((l) => l.lens)).toEqual(['welfare', 'objective', 'gdp', 'fiscal']);
    expect(shown[1].note).toBe("what each scenario's governments pursue: both sichuan gdp 1, chongqing gdp 1; welfarist sichuan welfare 1, chongqing gdp 1");
  });
});
