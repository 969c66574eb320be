/** The condition language of `chuanyu discover --where` (src/experiment/discovery/condition*.ts). */
import { describe, expect, it } from 'vitest';
import { bindCondition, outcomeNames, PRESETS, type Outcomes } from '../../src/experiment/discovery/condition.js';
import { parseCondition } from '../../src/experiment/discovery/condition-parse.js';
import { UserError } from '../../src/scenario/errors.js';

const outcomes = (values: Record<string, number>, classes: Record<string, string> = {}): Outcomes => ({ values: new Map(Object.entries(values)), classes: new Map(Object.entries(classes)) });

const BASE = {
  'welfare_change.sichuan.final': 1,
  'welfare_change.chongqing.final': -2,
  'welfare_change.zone.final': -1,
  'similarity.sichuan~chongqing.final': 0.4,
  'similarity.sichuan~chongqing.over_run': 0.5,
  'wasted_expansion.zone.final': 3,
  'wasted_expansion.zone.over_run': 30,
  'wasted_expansion_vs_counterfactual.zone.over_run': 2,
  'value_added_change.sichuan.final': 5,
  'value_added_change.chongqing.final': 6,
  'fund_irr.zone.final': Number.NaN,
};
const CLASSES = { 'lens.welfare': 'positive-sum-with-loser', 'lens.gdp': 'win-win' };
const run = outcomes(BASE, CLASSES);
const names = outcomeNames(run);
const test = (where: string, o: Outcomes = run) => bindCondition(where, names).test(o);

function errorOf(where: string): UserError {
  try {
    bindCondition(where, names);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`no error for ${where}`);
}

describe('conditions', () => {
  it('compares cells, with final as the default statistic and over_run by name', () => {
    expect(test('welfare_change.sichuan > 0')).toBe(true);
    expect(test('welfare_change.sichuan > 0 and welfare_change.chongqing > 0')).toBe(false);
    expect(test('welfare_change.sichuan > 0 or welfare_change.chongqing > 0')).toBe(true);
    expect(test('not (welfare_change.chongqing >= -2)')).toBe(false);
    expect(test('similarity.sichuan~chongqing < 0.45')).toBe(true);
    expect(test('similarity.sichuan~chongqing.over_run < 0.45')).toBe(false);
    expect(test('0 < welfare_change.sichuan && !(1 != welfare_change.sichuan)')).toBe(true);
    expect(test('wasted_expansion_vs_counterfactual.zone > 1.5e0')).toBe(true);
  });

  it('reads classes and the counterfactual difference', () => {
    expect(test('lens.gdp == win-win')).toBe(true);
    expect(test('outcome == win-win and lens.welfare != win-win')).toBe(true);
    expect(test('wasted_expansion.zone > counterfactual')).toBe(true);
    expect(test('counterfactual > wasted_expansion.zone')).toBe(false);
    expect(test('value_added.sichuan > counterfactual')).toBe(true);
  });

  it('treats a comparison with a missing value as false, whatever the operator', () => {
    expect(test('fund_irr.zone > 0')).toBe(false);
    expect(test('fund_irr.zone != 0')).toBe(false);
    expect(test('not fund_irr.zone > 0')).toBe(true);
  });

  it('expands presets over the regions of the data, with their plain words', () => {
    const both = bindCondition('both-gain-welfare', names);
    expect(both.words).toBe('both regions gain in welfare against the counterfactual');
    expect(both.test(run)).toBe(false);
    expect(both.test(outcomes({ ...BASE, 'welfare_change.chongqing.final': 1 }, CLASSES))).toBe(true);
    expect(test('win-win-gdp and zone-waste-above-counterfactual')).toBe(true);
    expect(test('both-gain-gdp')).toBe(true);
    for (const p of PRESETS) expect(p.name).toMatch(/^[a-z-]+$/);
  });

  it('says where a syntax error is and what was expected', () => {
    expect(() => parseCondition('welfare_change.sichuan >')).toThrow(/at character 25: expected a name or a number, found the end of the condition/);
    expect(() => parseCondition('a > 0 and (b < 1')).toThrow(/at character 17: expected "\)" to close the "\(" at character 11/);
    expect(() => parseCondition('a = 1')).toThrow(/at character 3: a single "=" is not a comparison; write "==" for equal/);
    expect(() => parseCondition('a > 0 b < 1')).toThrow(/at character 7: expected and, or or the end of the condition, found "b"/);
    expect(() => parseCondition('a > 0 $')).toThrow(/at character 7: unexpected character "\$"/);
    expect(() => parseCondition('   ')).toThrow(/the condition is empty/);
    expect(() => parseCondition('a 0')).toThrow(/expected a comparison \(< <= > >= == !=\) after "a", found "0"/);
  });

  it('names an unknown name with the closest available names first, and an unknown preset with the presets', () => {
    const unknown = errorOf('welfare_chnge.sichuan > 0');
    expect(unknown.message).toMatch(/at character 1: unknown name "welfare_chnge.sichuan"; closest: welfare_change.sichuan,/);
    expect(errorOf('lens.happiness == win-win').message).toMatch(/unknown lens "lens.happiness"; expected one of lens.welfare, lens.gdp/);
    expect(errorOf('both-gain-wellfare').message).toMatch(/"both-gain-wellfare" is not a preset.*presets: both-gain-welfare,/);
    expect(errorOf('lens.gdp > 1').message).toMatch(/cannot compare a class/);
    expect(errorOf('lens.gdp < win-win').message).toMatch(/compared with == or !=/);
    expect(errorOf('similarity.zone > counterfactual').message).toMatch(/no counterfactual difference is recorded for "similarity.zone"; closest that have one: /);
  });

  it('says a folder without a counterfactual has no lens classes', () => {
    const plain = outcomeNames(outcomes({ 'similarity.zone.final': 1 }));
    expect(() => bindCondition('lens.welfare == win-win', plain)).toThrow(/no counterfactual/);
    expect(() => bindCondition('similarity.zone > counterfactual', plain)).toThrow(/no counterfactual/);
  });
});
