/**
 * Sector colours stay distinguishable for colour-blind readers: every pair of
 * the 12 guaranteed sector colours keeps a CIEDE2000 difference of at least
 * 9.5 with normal vision and under simulated deuteranopia and protanopia
 * (culori's Machado et al. 2009 matrices at full severity); and every sector
 * colour is readable as a thin line on white (WCAG contrast at least 3:1, the
 * level WCAG 2.1 asks of graphical objects).
 */
import { describe, expect, it } from 'vitest';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, wcagContrast, type Color } from 'culori';
import { SECTOR_COLOURS, SECTOR_COLOURS_SAFE, sectorColours } from '../../src/report/common/palette.js';

const deltaE = differenceCiede2000();
const MIN_DELTA_E = 9.5;
const MIN_CONTRAST = 3;
const EARLIER = ['#0072B2', '#E69F00', '#009988', '#CC79A7', '#332288', '#EEDD88', '#CC3311', '#56B4E9', '#D55E00', '#555555', '#EE8866', '#BBBBBB'];

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

  it(`gives every sector colour a contrast of at least ${MIN_CONTRAST}:1 against white, so a 2px line stays readable`, () => {
    for (const c of SECTOR_COLOURS) expect(wcagContrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('the contrast check can fail: the earlier list had pale yellow, grey, sky blue and oranges', () => {
    const faint = EARLIER.filter((c) => wcagContrast(c, '#ffffff') < MIN_CONTRAST);
    expect(faint).toEqual(['#E69F00', '#EEDD88', '#56B4E9', '#EE8866', '#BBBBBB']);
  });

  it('the check can fail: the earlier Okabe-Ito + Tol muted list merges under deuteranopia', () => {
    const earlier = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288', '#117733', '#882255', '#999933', '#AA4499'];
    expect(closestPair(earlier, filterDeficiencyDeuter(1)).d).toBeLessThan(MIN_DELTA_E);
  });
});
