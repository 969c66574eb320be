/**
 * The region cap's GDP multiplier (src/experiment/region-cap-multiplier.ts),
 * small: cooperate at 1,000 initial firms, 4 paired replications. The GDP
 * shift's parts add up to it replication by replication, identical runs have
 * no parts, and the cap holds. The finding recorded here is the model's: the
 * fund money itself makes under half of the GDP shift; the firms' own
 * reinvestment of the moved capital's profit is the largest part, and the cap
 * moves the money early in the run. docs/VALIDATION.md has the figures at full
 * scale (`measureRegionCapMultiplier` in `chuanyu validate`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { capFigures, cooperateWorld, gdpShiftParts, GDP_PARTS, measureRegionCapMultiplier, type RegionCapMultiplier } from '../../src/experiment/region-cap-multiplier.js';
import { runRecordTask } from '../../src/experiment/record-runs.js';
import type { StepRecord } from '../../src/model/record.js';
import { regionCapMultiplierMarkdown } from '../../src/report/validation/region-cap-multiplier-md.js';

const FIRMS = 1000;
const MARGIN = 2.5;
let m: RegionCapMultiplier;
let base: StepRecord[];
let capped: StepRecord[];

beforeAll(async () => {
  m = await measureRegionCapMultiplier({ replications: 4, seeds: [1], workers: 1, firms: FIRMS, caps: [0.5] });
  const scenario = await cooperateWorld(FIRMS);
  const run = (cap: number) => runRecordTask({ index: 0, scenario, values: { 'fund.regionCap': cap }, seed: 1, replication: 0, counterfactual: false }).records;
  base = run(1);
  capped = run(0.5);
}, 120_000);

const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);

describe('the GDP shift of a region cap, split into its parts', () => {
  it('adds up to the shift in every region, replication by replication, whatever depreciation rate the split assumes', () => {
    for (const delta of [0.08, 0, 0.3])
      for (let r = 0; r < 2; r++) {
        const shift = capFigures(capped, r, delta).gdp - capFigures(base, r, delta).gdp;
        expect(Math.abs(sum(gdpShiftParts(capped, base, r, delta)) - shift)).toBeLessThan(1e-6 * Math.abs(shift) + 1e-9);
      }
    for (const region of m.caps[0].regions) expect(sum(Object.fromEntries(GDP_PARTS.map((p) => [p.id, region.parts[p.id].mean])))).toBeCloseTo(region.figures.gdp.difference, 6);
  });

  it('tracks the capital shift exactly: value added per yuan of capital is K_cap(t-1) (y_cap(t) - y_base(t)), worked out directly', () => {
    for (let r = 0; r < 2; r++) {
      let direct = capped[0].region.value_added[r] - base[0].region.value_added[r];
      for (let t = 1; t < base.length; t++) {
        const kCap = capped[t - 1].region.capital[r];
        const kBase = base[t - 1].region.capital[r];
        direct += kCap * (capped[t].region.value_added[r] / kCap - base[t].region.value_added[r] / kBase);
      }
      const split = gdpShiftParts(capped, base, r, 0.08).productivity;
      expect(Math.abs(split - direct)).toBeLessThan(1e-6 * Math.abs(capFigures(base, r, 0.08).gdp));
    }
  });

  it('has no parts at all between a run and itself', () => {
    for (let r = 0; r < 2; r++) for (const v of Object.values(gdpShiftParts(base, base, r, 0.08))) expect(v).toBe(0);
  });

  it('keeps each region at or below the cap\'s share of the fund money, and cooperating governments relocate nothing', () => {
    const cum = [0, 1].map((r) => capFigures(capped, r, 0.08).fundInvested);
    const total = cum[0] + cum[1];
    for (const x of cum) expect(x).toBeLessThanOrEqual(0.5 * total + 1e-6 * total);
    for (const region of m.caps[0].regions) {
      expect(region.figures.relocations.difference).toBe(0);
      expect(region.parts.offers.mean).toBe(0);
    }
  });

  it('writes a paragraph and two tables for docs/VALIDATION.md', () => {
    const md = regionCapMultiplierMarkdown(m).join('\n');
    expect(md).toContain('| 0.5 | sichuan |');
    expect(md).toContain('| 0.5 | chongqing |');
  });
});

describe('why the cap moves so much more GDP than fund money (the model\'s answer)', () => {
  const loser = () => m.caps[0].regions.reduce((a, r) => (r.figures.gdp.difference < a.figures.gdp.difference ? r : a));

  it('the cap moves GDP beyond the margin, and moves the fund money early (first half of the run) the same way', () => {
    const x = loser();
    expect(x.figures.gdp.t).toBeLessThan(-MARGIN);
    expect(x.figures.fundFirstHalf.t).toBeLessThan(-MARGIN);
  });

  it('the fund money itself is under half of the GDP shift; the firms\' own reinvestment is the largest part', () => {
    const x = loser();
    const gdp = x.figures.gdp.difference;
    expect((x.parts.fundGovernment.mean + x.parts.fundLeverage.mean) / gdp).toBeLessThan(0.5);
    const largest = GDP_PARTS.reduce((a, p) => (Math.abs(x.parts[p.id].mean) > Math.abs(x.parts[a.id].mean) ? p : a));
    expect(largest.id).toBe('reinvestment');
  });
});
