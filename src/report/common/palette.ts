/**
 * The one palette of every chart. All colours are chosen to stay
 * distinguishable for the common forms of colour-vision deficiency.
 *
 * - Regions use the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
 *   Design"). Sichuan and Chongqing keep fixed colours (blue and vermillion)
 *   whatever their order; any further region takes the next unused colour in
 *   scenario order, so a region has the same colour in every chart of a run.
 * - Sectors use a 12-colour categorical list chosen for colour-blind readers
 *   and for lines: every colour has a WCAG contrast of at least 3:1 against
 *   white (the capacity chart draws sectors as 2px lines; the earlier list's
 *   pale yellow, grey, sky blue and oranges fell to 1.4-2.5:1 and faded).
 *   The colours come from the Okabe-Ito set and Paul Tol's "bright", "muted",
 *   "light" and "dark" sets; a set's colour below 3:1 was darkened in OKLCH
 *   lightness (hue and chroma kept) until it reached 3:1 (Okabe-Ito orange
 *   and sky blue, Tol's light orange, muted teal). Of those, the 12 whose
 *   smallest pairwise CIEDE2000 difference is largest when seen with normal
 *   vision, with deuteranopia and with protanopia (Machado et al. 2009
 *   simulation at full severity, as culori computes it), keeping the
 *   earlier list's blue, indigo, red and grey. The smallest difference is
 *   about 9.9 (deuteranopia: red and green; 10.2 protanopia, 14.5 normal).
 *   Dark colours leave less room than pale ones: the earlier list reached
 *   12.9 only with its pale colours, and no 3:1 pick from these sets passed
 *   about 10. The earlier Okabe-Ito + Tol "muted" list fell to about 8 under
 *   deuteranopia. test/report/sector-palette.test.ts keeps every colour at
 *   3:1 and every pair of the 12 at 9.5. The order alternates the lighter
 *   and the darker colours where it can, so neighbouring stacked bands
 *   contrast; every sector is named in the legend and the sector-structure
 *   chart also names each wide band at its right end, so colour is not the
 *   only cue. Beyond 12 sectors four more colours (3:1 too) follow without
 *   the colour-blind guarantee, then the list repeats.
 *   Tableau 20 was not used: several of its pairs merge under deuteranopia.
 * - Diverging values (location quotients around 1) use Vega's `blueorange`
 *   scheme, which is colour-blind-safe.
 */

/** Okabe-Ito colours by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Regions with a fixed colour, whatever their position in the scenario. */
const FIXED_REGION_COLOURS: Record<string, string> = {
  sichuan: OKABE_ITO.blue,
  chongqing: OKABE_ITO.vermillion,
};

/** Colours for further regions, in this order (yellow last: weak on white). */
const REGION_SEQUENCE = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  '#555555',
  OKABE_ITO.yellow,
];

/** Colour of each region id, in the order given. */
export function regionColours(ids: readonly string[]): string[] {
  const used = new Set(ids.map((id) => FIXED_REGION_COLOURS[id]).filter((c): c is string => c !== undefined));
  const free = REGION_SEQUENCE.filter((c) => !used.has(c));
  let next = 0;
  return ids.map((id) => FIXED_REGION_COLOURS[id] ?? free[next++ % free.length]);
}

/** Sector colours that keep every pair apart under deuteranopia and protanopia, each at least 3:1 against white (see the file comment). */
export const SECTOR_COLOURS_SAFE: readonly string[] = [
  OKABE_ITO.blue,
  '#CA8400', // Okabe-Ito orange, darkened to 3:1
  '#117733', // Tol muted green
  '#EE6677', // Tol bright red
  '#332288', // Tol muted indigo
  '#3BA291', // Tol muted teal, darkened to 3:1
  '#CC3311', // Tol vibrant red
  '#3C9CD0', // Okabe-Ito sky blue, darkened to 3:1
  '#663333', // Tol dark brown
  '#DB7755', // Tol light orange, darkened to 3:1
  '#555555', // dark grey
  '#882255', // Tol muted wine
];

/** Categorical colours for sectors: the 12 safe ones, then four more for larger scenarios (see the file comment). */
export const SECTOR_COLOURS: readonly string[] = [
  ...SECTOR_COLOURS_SAFE,
  OKABE_ITO.bluishGreen,
  '#AA4499', // Tol muted purple
  OKABE_ITO.vermillion,
  '#AA3377', // Tol bright purple
];

export function sectorColours(count: number): string[] {
  return Array.from({ length: count }, (_, k) => SECTOR_COLOURS[k % SECTOR_COLOURS.length]);
}

/** Colours of series that are neither regions nor sectors (fund stocks, outcome classes), in order. */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  '#882255',
];

/**
 * Scenarios overlaid on one chart (compare's trajectories): the reference in
 * black, then Okabe-Ito colours other than the regions' fixed blue and
 * vermillion (the panels there are regions, so a region colour would mislead),
 * then Tol muted ones. The first five keep apart under deuteranopia and
 * protanopia (Okabe & Ito 2008); the lines also differ in dash pattern.
 */
export const SCENARIO_COLOURS: readonly string[] = [
  OKABE_ITO.black,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  '#882255', // Tol muted wine
  '#332288', // Tol muted indigo
  '#999933', // Tol muted olive
];

/** Region pairs (similarity): not region colours, a pair belongs to two regions. */
export const PAIR_COLOURS: readonly string[] = [
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  '#882255',
  '#332288',
  '#999933',
  '#555555',
];

/** Zone totals, targets and reference lines. */
export const NEUTRAL = {
  zone: '#000000',
  target: '#000000',
  reference: '#333333',
  event: '#6b6b6b',
  grid: '#e4e4e4',
  text: '#222222',
  mutedText: '#4a4a4a',
} as const;

/** Colours of the game outcomes in the win-win chart. */
export const OUTCOME_COLOURS: Record<string, string> = {
  'win-win': OKABE_ITO.bluishGreen,
  'positive-sum-with-loser': OKABE_ITO.orange,
  'zero-sum': OKABE_ITO.reddishPurple,
  'negative-sum': OKABE_ITO.vermillion,
  unchanged: '#777777',
};

/** Display names of the game outcomes. */
export const OUTCOME_LABELS: Record<string, string> = {
  'win-win': 'Win-win',
  'zero-sum': 'Zero-sum',
  'negative-sum': 'Negative-sum',
  'positive-sum-with-loser': 'Positive-sum with a loser',
  unchanged: 'Unchanged',
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

/** Point shapes of the game outcomes, so the win-win charts read without colour too. */
export const OUTCOME_SHAPES: Record<string, string> = {
  'win-win': 'circle',
  'zero-sum': 'diamond',
  'negative-sum': 'triangle-down',
  'positive-sum-with-loser': 'square',
  unchanged: 'cross',
};

/** Vega scheme for diverging values around a midpoint. */
export const DIVERGING_SCHEME = 'blueorange';
