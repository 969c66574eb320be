/**
 * Sector colours stay distinguishable for colour-blind readers: every pair of
 * the 12 guaranteed sector colours keeps a CIEDE2000 difference of at least 12
 * with normal vision and under simulated deuteranopia and protanopia (culori's
 * Machado et al. 2009 matrices at full severity).
 */
import { describe, expect, it } from 'vitest';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, type Color } from 'culori';
import { SECTOR_COLOURS, SECTOR_COLOURS_SAFE, sectorColours } from '../../src/report/common/palette.js';

const deltaE = differenceCiede2000();
const MIN_DELTA_E = 12;

const visions: [string, (c: Color) => Color][] = [
  ['normal vision', (c) => c],
  ['deuteranopia', filterDeficiencyDeuter(1)],
  ['protanopia', filterDeficiencyProt(1)],
];

function colour(hex: string): Color {
  const c = parse(hex);
  if (!c) throw new Error(`not a colour: ${hex}`);
  return c;
}

/** The closest pair of colours as one vision sees them. */
function closestPair(colours: readonly string[], see: (c: Color) => Color): { a: string; b: string; d: number } {
  let best = { a: '', b: '', d: Infinity };
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++) {
      const d = deltaE(see(colour(colours[i])), see(colour(colours[j])));
      if (d < best.d) best = { a: colours[i], b: colours[j], d };
    }
  return best;
}

describe('sector palette', () => {
  it('has 12 distinct guaranteed colours at the head of the sector list', () => {
    expect(SECTOR_COLOURS_SAFE).toHaveLength(12);
    expect(new Set(SECTOR_COLOURS_SAFE.map((c) => c.toLowerCase())).size).toBe(12);
    expect(SECTOR_COLOURS.slice(0, 12)).toEqual(SECTOR_COLOURS_SAFE);
    expect(sectorColours(12)).toEqual(SECTOR_COLOURS_SAFE);
  });

  for (const [name, see] of visions)
    it(`keeps every pair of the 12 sector colours at least ΔE2000 ${MIN_DELTA_E} apart (${name})`, () => {
      const { a, b, d } = closestPair(SECTOR_COLOURS_SAFE, see);
      expect(d, `${a} and ${b} are only ${d.toFixed(2)} apart under ${name}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
    });

  it('the check can fail: the earlier Okabe-Ito + Tol muted list merges under deuteranopia', () => {
    const earlier = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288', '#117733', '#882255', '#999933', '#AA4499'];
    expect(closestPair(earlier, filterDeficiencyDeuter(1)).d).toBeLessThan(MIN_DELTA_E);
  });
});
