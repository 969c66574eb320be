/**
 * "Why does mutual competition under boom-bust demand leave fewer sector-years
 * in overcapacity than the counterfactual?" asked of the model
 * (src/experiment/waste-mechanism.ts), small: 1,000 initial firms, 6 paired
 * replications, each answer at least MARGIN (2.5) standard errors from zero.
 * The answers recorded here are the model's: NOT because plan grants put
 * capacity into slow sectors (the proposed reason, refuted: the fall is in the
 * chased sectors), but because plan grants keep going into the chased sectors
 * after their demand busts, while competing grants follow the hotness signal
 * out of them (even without tax cuts). docs/VALIDATION.md has the figures at
 * full scale (`measureWasteMechanism` in `chuanyu validate`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureWasteMechanism, WASTE_FIGURES, type WasteMechanism } from '../../src/experiment/waste-mechanism.js';
import { wasteMechanismMarkdown } from '../../src/report/validation/waste-mechanism-md.js';

let m: WasteMechanism;
const answer = (id: string) => m.tests.find((t) => t.id === id)!.answer;
const diff = (v: string, a: string) => m.comparisons.find((c) => c.variant === v && c.against === a)!.differences;

beforeAll(async () => {
  m = await measureWasteMechanism({ replications: 6, seeds: [1], workers: 1, firms: 1000 });
}, 120_000);

describe('the per-sector split of the compete-bust variants', () => {
  it('adds up to the zone metrics run by run', () => {
    for (const runs of Object.values(m.runs))
      for (const f of runs) {
        expect(f.overcapacityChased + f.overcapacityRest).toBe(f.overcapacitySectors);
        expect(f.overcapacityChasedAfterBust).toBeLessThanOrEqual(f.overcapacityChased);
        expect(f.idleChased + f.idleRest).toBeLessThanOrEqual(f.idleCapital + 1e-6);
        expect(f.grantsChased).toBeLessThanOrEqual(f.grants + 1e-6);
      }
  });

  it('telescopes: concentration, tax cuts and offers add up to compete minus invest', () => {
    for (const { id } of WASTE_FIGURES) {
      const steps = diff('compete-grants-only', 'invest')[id].difference + diff('compete-no-offers', 'compete-grants-only')[id].difference + diff('compete', 'compete-no-offers')[id].difference;
      expect(steps).toBeCloseTo(diff('compete', 'invest')[id].difference, 6);
    }
  });

  it('writes a paragraph, a table of the variants and the judged predictions', () => {
    const md = wasteMechanismMarkdown(m).join('\n');
    expect(md).toContain('| invest (counterfactual) |');
    expect(md).toContain('| compete, no tax cuts and no offers |');
    expect(md.match(/^\| (proposed|alternative) \|/gm)).toHaveLength(m.tests.length);
  });
});

describe('why fewer overcapacity sector-years under competition? (the model\'s answer)', () => {
  it('not because of slow sectors: the fall lies in the chased sectors, so the proposed reason is refuted', () => {
    expect(answer('chased-not-lower')).toBe('no');
    expect(m.conclusion.proposed).toBe('refuted');
  });

  it('because plan grants keep feeding the chased sectors after the bust, and competing grants leave them even at unchanged tax rates', () => {
    expect(answer('after-bust')).toBe('yes');
    expect(answer('plan-into-bust')).toBe('yes');
    expect(answer('redirect-not-budget')).toBe('yes');
    expect(answer('no-grants-chased')).toBe('yes');
  });
});
