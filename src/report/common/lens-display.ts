/**
 * Which lenses a run's verdict is shown in, and how they are named: welfare
 * first (what residents get), then the governments' objective (what the
 * officials pursue), then GDP and fiscal. When every government pursues GDP
 * alone (the default) the GDP column is the objective and is named so.
 */
import type { ObjectiveWeights } from '../../model/config.js';
import type { GameLens } from '../../model/metrics/lenses.js';

export interface DisplayedLens {
  lens: GameLens;
  /** Short column heading. */
  heading: string;
  /** What it measures, for a sentence after "Verdict, <heading>". */
  note: string;
}

const isGdpOnly = (w: ObjectiveWeights) => w.gdp > 0 && w.welfare === 0 && w.fiscal === 0;

/** "gdp 0.5 + fiscal 0.5" */
export function describeObjective(w: ObjectiveWeights): string {
  const terms = (['gdp', 'welfare', 'fiscal'] as const).filter((l) => w[l] !== 0).map((l) => `${l} ${w[l]}`);
  return terms.join(' + ') || 'none';
}

export function displayedLenses(objectives: Record<string, ObjectiveWeights> | undefined, discountRate: number): DisplayedLens[] {
  const weights = Object.entries(objectives ?? {});
  const gdpOnly = weights.every(([, w]) => isGdpOnly(w));
  const welfare: DisplayedLens = { lens: 'welfare', heading: 'welfare', note: `residents' and the government's consumption and final wealth, discounted at ${Math.round(discountRate * 1000) / 10}% a year` };
  const fiscal: DisplayedLens = { lens: 'fiscal', heading: 'fiscal balance', note: "the government's taxes less its industrial spending, plus fund distributions" };
  if (gdpOnly)
    return [welfare, { lens: 'gdp', heading: 'GDP (objective)', note: 'value added produced in the region, what the governments pursue in this scenario' }, fiscal];
  return [
    welfare,
    { lens: 'objective', heading: 'objective', note: `what each government pursues in this scenario: ${weights.map(([id, w]) => `${id} ${describeObjective(w)}`).join('; ')}` },
    { lens: 'gdp', heading: 'GDP', note: 'value added produced in the region' },
    fiscal,
  ];
}

/** One sentence on why the lenses can tell different stories. */
export const WHY_LENSES_DIFFER =
  'Why lenses differ: GDP counts output made in a region, whoever owns it and whatever it cost; welfare counts what its residents can consume, now and later, so subsidies leaking to outside owners, capital written off and investment earning less than the discount rate lower welfare even when GDP rises.';
