/**
 * The one palette of every chart. All colours are chosen to stay
 * distinguishable for the common forms of colour-vision deficiency.
 *
 * - Regions use the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
 *   Design"). Sichuan and Chongqing keep fixed colours (blue and vermillion)
 *   whatever their order; any further region takes the next unused colour in
 *   scenario order, so a region has the same colour in every chart of a run.
 * - Sectors use a 16-colour categorical list: the seven Okabe-Ito colours
 *   (black left out, it is kept for zone totals and targets) followed by
 *   Paul Tol's "muted" colours that differ most from them (indigo, green, wine,
 *   olive, purple, teal, sand, rose) and a dark grey. Fully colour-blind-safe
 *   categorical schemes stop at 7-9 colours; beyond that no scheme keeps every
 *   pair apart, so the order puts the most distinct colours first and a sector
 *   is always also named in the legend (the list repeats after 16 sectors).
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

/** Categorical colours for sectors (see the file comment). */
export const SECTOR_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  '#332288', // Tol indigo
  '#117733', // Tol green
  '#882255', // Tol wine
  '#999933', // Tol olive
  '#AA4499', // Tol purple
  '#44AA99', // Tol teal
  '#DDCC77', // Tol sand
  '#CC6677', // Tol rose
  '#555555', // dark grey
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
