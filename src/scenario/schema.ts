/**
 * The scenario file format: one zod schema whose descriptions, units and
 * defaults are the documentation. `scenarios/schema.json` is emitted from it, so
 * editors complete and check scenario files, and `normalize.ts` turns a parsed
 * scenario into the model's `ModelConfig`.
 *
 * Conventions: money in billion yuan (model units), time in years, shares in [0, 1].
 *
 * Every number has a plausible range, stated in its description (so the JSON
 * Schema shows it to editors): a file is input anyone can write, and values
 * such as `zoneCapital: 1e308` would otherwise overflow the model into
 * infinities. The ranges are generous economic bounds (growth between -50% and
 * +100% a year, capital up to 1e7 billion yuan, about 70 times China's GDP),
 * not calibration advice; counts are bounded so a run fits in memory. Names
 * that become file names or identifiers are slugs.
 */
import { z } from 'zod';
import { CHAIN_SCORES, DISTRIBUTION_SHARINGS, DIVISION_SCOPES, RULE_NAMES, STRATEGIES } from '../model/config.js';

const BN = 'billion yuan';
/** Largest amount of money anywhere in a scenario, in billion yuan. */
const MAX_MONEY = 1e7;
/** Years a scenario may name. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

/** A bound as it reads in a description: 1e7 rather than 10000000. */
const fmt = (n: number) => (Math.abs(n) >= 1e5 ? n.toExponential().replace('e+', 'e') : String(n));
/** ` Range: 0 to 1.`, appended to a description. */
const rangeNote = (min: number, max: number, above = false) => ` Range: ${above ? 'above ' : ''}${fmt(min)} to ${fmt(max)}.`;
interface RangeOptions {
  /** Strictly above `min`. */
  above?: boolean;
  int?: boolean;
}
/** A number in [min, max] (or (min, max]). */
const inRange = (min: number, max: number, options: RangeOptions = {}) => {
  const base = options.int ? z.number().int() : z.number();
  return (options.above ? base.gt(min) : base.min(min)).max(max);
};
/** A bounded number with a default, its range stated in the description. */
const num = (description: string, unit: string, def: number, min: number, max: number, options: RangeOptions = {}) =>
  inRange(min, max, options).default(def).meta({ description: description + rangeNote(min, max, options.above), unit });
const share = (description: string, def: number) => num(description, 'share', def, 0, 1);
const nonNeg = (description: string, unit: string, def: number, max: number) => num(description, unit, def, 0, max);
/** A required bounded number. */
const bounded = (description: string, unit: string, min: number, max: number, options: RangeOptions = {}) =>
  inRange(min, max, options).meta({ description: description + rangeNote(min, max, options.above), unit });
const year = (description: string) => bounded(description, 'year', FIRST_YEAR, LAST_YEAR, { int: true });
/** [from, to] years, inclusive, from <= to. */
const yearRange = (description: string) =>
  z
    .tuple([inRange(FIRST_YEAR, LAST_YEAR, { int: true }), inRange(FIRST_YEAR, LAST_YEAR, { int: true })])
    .refine(([from, to]) => from <= to, 'expected [from, to] with from <= to')
    .meta({ description: description + rangeNote(FIRST_YEAR, LAST_YEAR), unit: 'year' });

/** Longest name or id. */
const MAX_NAME = 64;
/** Firms at the start: a firm takes a few hundred bytes in each of a run and its counterfactual. */
const MAX_FIRMS = 1_000_000;
const MAX_EVENTS = 1000;
const id = z
  .string()
  // One pattern holds the length too, so a wrong id gets one message, not two.
  .regex(new RegExp(`^[a-z][a-z0-9-]{0,${MAX_NAME - 1}}$`), `expected a lower-case identifier of at most ${MAX_NAME} characters, such as "sichuan" or "auto-parts"`)
  .meta({ description: `Identifier: lower-case letters, digits and dashes, starting with a letter; at most ${MAX_NAME} characters.` });
/** A name used as a folder name or an identifier in logs: no spaces, dots or slashes. */
const slug = (description: string) =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${MAX_NAME - 1}}$`), `expected a name of at most ${MAX_NAME} letters, digits, "-" and "_" (no spaces, dots or slashes), such as "my-scenario"`)
    .meta({ description: `${description} Letters, digits, "-" and "_", starting with a letter or digit; at most ${MAX_NAME} characters.` });

export const StrategySchema = z.enum(STRATEGIES).meta({
  description: 'invest: grants by the plan priorities; compete: chase hot sectors, poach firms, cut taxes; cooperate: pay into the joint fund and specialise.',
});
const actions = z
  .array(StrategySchema)
  .min(1)
  .default(['cooperate', 'compete'])
  .meta({ description: 'Strategies the rule may choose among (two-action game by default).' });
const initial = StrategySchema.default('cooperate').meta({ description: 'Strategy in the first step.' });

const RuleSchema = z.discriminatedUnion('rule', [
  z
    .object({
      rule: z.literal('fixed'),
      strategy: StrategySchema.default('invest'),
      timeline: z
        .array(z.object({ year: year('From this year on.'), strategy: StrategySchema }).strict())
        .max(1000)
        .default([])
        .meta({ description: 'Strategy changes by year; each entry holds until the next (at most 1000).' }),
    })
    .strict()
    .meta({ description: 'One strategy, or a timeline of strategies.' }),
  z.object({ rule: z.literal('tit-for-tat'), initial }).strict().meta({ description: 'Start with `initial`, then copy the least cooperative of the others\' last moves.' }),
  z.object({ rule: z.literal('grim'), initial }).strict().meta({ description: 'Cooperate until any other government competes once, then compete for ever.' }),
  z
    .object({
      rule: z.literal('win-stay-lose-shift'),
      initial,
      actions,
      aspiration: inRange(-100, 100).nullable().default(null).meta({ description: `Fixed aspiration on the payoff signal; null = adaptive (moving average of own signals).${rangeNote(-100, 100)}`, unit: 'payoff growth' }),
      habituation: share('Weight of the newest signal in the adaptive aspiration.', 0.2),
    })
    .strict()
    .meta({ description: 'Repeat the last strategy while the payoff signal reaches the aspiration, otherwise switch.' }),
  z
    .object({ rule: z.literal('imitate'), initial, kappa: num('Noise of the Fermi rule: adopt another\'s strategy with probability 1/(1+exp(-(pi_other-pi_self)/kappa)).', 'payoff growth', 0.02, 0, 100, { above: true }) })
    .strict()
    .meta({ description: 'Fermi imitation of a randomly chosen other government.' }),
  z
    .object({ rule: z.literal('best-response'), initial, actions, exploration: share('Probability of a random strategy (exploration).', 0.1) })
    .strict()
    .meta({ description: 'Myopic best response to the others\' last move, on payoffs estimated from own history.' }),
  z
    .object({
      rule: z.literal('reinforcement'),
      initial,
      actions,
      forgetting: share('Roth-Erev forgetting rate of propensities.', 0.1),
      initialPropensity: nonNeg('Initial propensity of each action.', 'payoff growth', 0.01, 100),
      reference: inRange(-100, 100).nullable().default(null).meta({ description: `Signal that earns no reinforcement; null = the lowest signal seen so far (adaptive), since the payoff-growth signal is often negative.${rangeNote(-100, 100)}`, unit: 'payoff growth' }),
    })
    .strict()
    .meta({ description: 'Roth-Erev reinforcement learning: choose in proportion to propensities grown by past payoffs.' }),
]);

export const StrategySpecSchema = z.union([StrategySchema, RuleSchema]).meta({
  description: `A strategy name (played every year) or a rule object with \`rule\` one of: ${RULE_NAMES.join(', ')}.`,
});

const SectorSchema = z
  .object({
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    demandGrowth: num('Trend growth g_k of demand facing the zone at the reference price (the cyclical part of `demand` comes on top).', 'per year', 0.06, -0.5, 1),
    demandVolatility: bounded('sigma_k: standard deviation of the yearly shock to this sector\'s cyclical demand growth; default: `demand.volatility`.', 'per year', 0, 0.3).optional(),
    elasticity: num(
      'Price elasticity of demand; must exceed 1 (the zone sells into a national market; with eps <= 1 every strategy is zero-sum by construction).',
      'elasticity',
      2,
      1,
      20,
      { above: true },
    ),
    price: num('Reference price P.', 'yuan per unit', 1, 0, 1e6, { above: true }),
    priceFloor: num('Price floor as a share of P: producers idle capacity rather than sell below it.', 'share of P', 0.85, 0, 1, { above: true }),
    priceCeiling: num('Price ceiling as a multiple of P.', 'multiple of P', 1.6, 1, 100),
    unitCost: num('Unit variable (bought-in) cost c before technology and border friction; below the price floor.', 'yuan per unit', 0.6, 0, 1e6, { above: true }),
    fixedCost: nonNeg('Fixed cost (wages, maintenance) per unit of capital per year.', 'yuan per yuan of capital', 0.06, 1),
    techIntensity: share('Technology intensity h (used for the high-tech share and initial firm technology).', 0.4),
    mobility: share('How readily firms of this sector relocate (multiplies the consideration probability).', 1),
  })
  .strict();

const RegionSchema = z
  .object({
    id,
    name: z.string().min(1).meta({ description: 'Display name.' }),
    capitalShare: share('Share of the zone\'s initial capital in this region (all regions sum to 1).', 0.5),
    sectorShares: z
      .record(z.string(), z.number().min(0).max(1))
      .meta({ description: 'Initial capital share of each sector in this region, by sector id (sum to 1; missing sectors are 0). Range: 0 to 1.', unit: 'share' }),
  })
  .strict();

const weight = (lens: string, def: number) => num(`Weight of the ${lens} lens.`, 'weight', def, 0, 1000);
const ObjectiveSchema = z
  .object({
    gdp: weight('gdp (value added produced in the region, summed over the years)', 0),
    welfare: weight('welfare (discounted consumption plus discounted final wealth of the region\'s residents and government)', 0),
    fiscal: weight('fiscal (cumulative fiscal balance)', 0),
  })
  .strict()
  .default({ gdp: 1, welfare: 0, fiscal: 0 })
  .meta({
    description:
      'What the government maximises: weights over the three lenses (e.g. { gdp: 1 }, the promotion tournament; { welfare: 1 }; { gdp: 0.5, fiscal: 0.5 }). Its yearly value (gdp and fiscal flows, for welfare consumption plus the change in wealth) is the payoff strategy rules learn from; its cumulative value (welfare discounted) is the payoff in `chuanyu game`. Unnamed lenses weigh 0; the weights need not sum to 1 but at least one must be above 0.',
  });

export const GovernmentSchema = z
  .object({
    strategy: StrategySpecSchema.default('invest'),
    objective: ObjectiveSchema,
    taxRate: share('Tax rate on positive operating profit at the start.', 0.25),
    taxMin: share('Floor of the tax rate when competing.', 0.15),
    taxCut: share('Tax-rate cut per year while competing (recovered at the same pace otherwise).', 0.01),
    investShare: num('Industrial budget as a multiple of tax rate x value added (B = share * tax * VA(t-1) + transfers).', 'share', 0.3, 0, 3),
    transfers: nonNeg('Transfers from the centre added to the industrial budget each year.', `${BN} per year`, 0, MAX_MONEY),
    planWeights: z
      .record(z.string(), inRange(0, 1e6))
      .optional()
      .meta({ description: `Plan priorities by sector id for \`invest\` (normalised); default: the region's initial sector shares.${rangeNote(0, 1e6)}`, unit: 'weight' }),
  })
  .strict();

const FundSchema = z
  .object({
    enabled: z.boolean().default(true).meta({ description: 'Whether the joint guidance fund exists in this scenario.' }),
    name: slug('Name used in logs and reports.').default('joint-fund'),
    start: inRange(FIRST_YEAR, LAST_YEAR, { int: true }).nullable().default(null).meta({ description: `Year the fund is created; null = the first year.${rangeNote(FIRST_YEAR, LAST_YEAR)}`, unit: 'year' }),
    receivesCooperation: z.boolean().default(true).meta({ description: 'Cooperating governments pay `policy.fundShare` of their budget into this fund.' }),
    size: nonNeg('One-off commitment at creation, split over governments by `sizeShares`.', BN, 0, MAX_MONEY),
    sizeShares: z.record(z.string(), inRange(0, 1e6)).optional().meta({ description: `Split of \`size\` by region id; default equal.${rangeNote(0, 1e6)}`, unit: 'weight' }),
    annual: z
      .record(z.string(), inRange(0, MAX_MONEY))
      .default({})
      .meta({ description: `Fixed annual commitments by region id, whatever the strategy.${rangeNote(0, MAX_MONEY)}`, unit: `${BN} per year` }),
    leverage: num('Private leverage L: private capital brought from outside the zone = L x government commitments.', 'ratio', 0.5, 0, 20),
    managementFee: num('Management fee on commitments (investment period) then on invested cost (typically 1.5-2.5%).', 'share per year', 0.02, 0, 0.1),
    carry: share('Carried interest: manager\'s share of gains after capital is returned.', 0.2),
    deployRate: share('Share of a vintage\'s undeployed cash invested each year of its investment period.', 0.4),
    investmentPeriod: num('Years a vintage invests.', 'years', 5, 1, 50, { int: true }),
    life: num('Years until a vintage sells its stakes to outside buyers and closes.', 'years', 10, 1, 60, { int: true }),
    exitPriceToBook: num('Price outside buyers pay for the stakes a vintage sells at the end of its life, as a multiple of their book value (the stakes become outside-owned).', 'ratio', 1, 0, 10),
    weights: z
      .object({
        return: num('Score weight on the firm\'s after-tax profit rate.', 'weight', 1, -100, 100),
        chain: num('Score weight on cross-border chain value (0 by default; > 0 to study chain building).', 'weight', 0, -100, 100),
        tech: num('Score weight on firm technology tau.', 'weight', 0.2, -100, 100),
        duplication: num('Score penalty on sector overcapacity.', 'weight', 1, -100, 100),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Scoring weights: score = return*profit_rate + chain*chain_value + tech*tau - duplication*overcapacity.' }),
    chainScore: z.enum(CHAIN_SCORES).default('outside-share').meta({
      description:
        'How chain_value is computed for a firm in region r and sector k (docs/ODD.md 7.4). outside-share: partners\' share outside the region, normalised by region size (antisymmetric with two regions); both-ends: credits both ends of a link, a[j][k] min(LQ(r,k), LQ(s,j)), summed over all links; stated-division: credits only links along policy.divisionOfLabour: 0 unless k is one of r\'s stated sectors, else the sum of a[j][k] + a[k][j] over the sectors j each other region states, divided by the largest such sum, so the best-linked stated cell scores 1 (the scale of technology tau). stated-division needs a division in which a stated sector of one region is linked to a stated sector of another.',
      unit: 'rule',
    }),
    capPerFirm: num('Cap of fund money per firm per year, as a share of the firm\'s capital.', 'share of capital', 0.1, 0, 5),
    reinvestment: z
      .union([z.number().min(0).max(5), z.record(z.string(), z.number().min(0).max(5))])
      .default(0.5)
      .meta({ description: 'Re-investment requirement rho: invest at least rho x a government\'s commitment inside its region (one number for all, or by region id; 0 = purely market-led). Range: 0 to 5.', unit: 'ratio' }),
    distributionSharing: z.enum(DISTRIBUTION_SHARINGS).default('paid-in').meta({
      description:
        'How a vintage\'s distributions to the governments are shared among them (private partners always get their paid-in share): paid-in = pro rata to what each government paid into the vintage; invested = its income and exit proceeds pro rata to where the vintage invested (undeployed cash always goes back by paid-in). The governments\' share of the fund\'s value in resident wealth follows the same rule.',
      unit: 'rule',
    }),
    regionCap: num(
      'Largest share of a vintage\'s investment that may go to the firms of one region: each year a region may receive at most regionCap x (what the vintage has invested so far plus this year\'s tranche) less what it already holds from the vintage; 1 = no cap. Below 1 / number of regions a vintage cannot place a whole tranche; the unplaced cash waits and is returned at the end of the investment period. The cap outranks the re-investment requirement (an obligation the cap blocks stays unmet).',
      'share of investment',
      1,
      0,
      1,
    ),
  })
  .strict();

/** Bound of the numbers an event sets or adds; the model checks the parameter's own range when it applies the change. */
const MAX_CHANGE = MAX_MONEY;
const ParamTarget = z.union([inRange(-MAX_CHANGE, MAX_CHANGE), z.string().max(MAX_NAME), z.boolean()]);
const EventSchema = z
  .object({
    year: year('Year the event takes effect (within the horizon).'),
    type: z.enum(['agreement', 'policy', 'shock', 'fund', 'status']).default('policy').meta({ description: 'Kind of event (labels the event log and the charts).' }),
    label: z.string().min(1).meta({ description: 'Short label shown on charts.' }),
    source: z.string().default('').meta({ description: 'Where the event comes from (paper table, document) or "assumption".' }),
    set: z
      .record(z.string(), ParamTarget)
      .default({})
      .meta({ description: `Parameters to set, by dotted path (e.g. "governments.chongqing.transfers", "friction.border", "fund.start"). Numbers range from ${fmt(-MAX_CHANGE)} to ${fmt(MAX_CHANGE)}.` }),
    scale: z.record(z.string(), inRange(0, 1000)).default({}).meta({ description: `Parameters to multiply, by dotted path.${rangeNote(0, 1000)}` }),
    add: z.record(z.string(), inRange(-MAX_CHANGE, MAX_CHANGE)).default({}).meta({ description: `Amounts to add to parameters, by dotted path.${rangeNote(-MAX_CHANGE, MAX_CHANGE)}` }),
    demand: z
      .object({
        sectors: z.union([z.literal('all'), z.array(z.string())]).default('all').meta({ description: 'Sector ids hit by the shock, or "all".' }),
        factor: bounded('Multiplier on the demand level.', 'ratio', 0, 100, { above: true }),
      })
      .strict()
      .optional()
      .meta({ description: 'Demand shock: multiply the demand level of sectors.' }),
  })
  .strict();

const TargetSchema = z
  .object({
    metric: slug('Zone metric the target points describe.').default('similarity'),
    source: z.string().default('').meta({ description: 'Where the target values come from.' }),
    points: z
      .array(
        z
          .object({
            year: year('Year of the observation (the year the model is compared with it).'),
            value: bounded('Observed value.', 'metric unit', -1e9, 1e9),
            observedYear: year(
              'Year the value was actually observed, when it is compared at another `year` (e.g. a 2015 value set against the first simulated year for reference); charts draw the point at this year and label it with it. Absent: `year`.',
            ).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000)
      .meta({ description: 'Observed values by year (at most 1000).' }),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional().meta({ description: 'Path of the JSON Schema (for editors).' }),
    extends: z.string().optional().meta({ description: 'Parent scenario (name in the same folder or relative path) whose fields this file overrides (deep merge; lists replace).' }),
    name: slug('Short name used in result folders.'),
    title: z.string().default('').meta({ description: 'Title for reports.' }),
    description: z.string().default('').meta({ description: 'What this scenario asks, for reports.' }),
    illustrative: z
      .string()
      .max(2000)
      .optional()
      .meta({
        description:
          'When set, which of the scenario\'s numbers are illustrative (plausible, not statistics), in a sentence or two (at most 2000 characters); shown wherever the scenario is shown (the explorer), so its figures are not read as estimates. Inherited through `extends`; absent means the scenario makes no such statement.',
      }),
    seed: num('Default random seed.', 'seed', 1, 0, Number.MAX_SAFE_INTEGER, { int: true }),
    replications: num('Default number of replications.', 'runs', 5, 1, 10000, { int: true }),
    time: z
      .object({
        start: num('First simulated year.', 'year', 2020, FIRST_YEAR, LAST_YEAR, { int: true }),
        steps: num('Number of steps.', 'steps', 35, 1, 1000, { int: true }),
        stepYears: z.number().int().min(1).max(1).default(1).meta({ description: 'Years per step. Every rate in the model is per year, so only 1 is supported in this release.', unit: 'years' }),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Simulated period.' }),
    sectors: z.array(SectorSchema).min(2).max(64).meta({ description: 'Manufacturing sectors (markets).' }),
    demand: z
      .object({
        volatility: num(
          'sigma: standard deviation of the yearly shock to each sector\'s cyclical demand growth z_k(t) = persistence x z_k(t-1) + sigma x e_k(t) (e standard normal, stream "demand", shared with the counterfactual); growth is g_k + z_k(t). 0 gives steady growth.',
          'per year',
          0.03,
          0,
          0.3,
        ),
        persistence: num('rho_d: AR(1) persistence of the cyclical part of demand growth (0: independent years).', 'share', 0.5, 0, 0.99),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Demand cycles (docs/ODD.md 7.6): a persistent, random cyclical part of each sector\'s demand growth, so governments chasing last year\'s hot sectors can chase cyclical peaks.' }),
    regions: z.array(RegionSchema).min(1).max(16).meta({ description: 'Regions, each with a government.' }),
    inputOutput: z
      .record(z.string(), z.record(z.string(), z.number().min(0).max(1)))
      .default({})
      .meta({ description: 'Input-output coefficients: for buyer sector k, the share of its inputs bought from supplier sector j ({ k: { j: a } }); a buyer\'s shares sum to at most 1. Range: 0 to 1.', unit: 'share' }),
    initial: z
      .object({
        firms: num('Number of firms at the start.', 'firms', 3000, 1, MAX_FIRMS, { int: true }),
        zoneCapital: num('Zone capital at the start.', BN, 1000, 0, MAX_MONEY, { above: true }),
        capitalDispersion: nonNeg('Log-normal sigma of firm sizes.', 'log', 0.8, 5),
        productivityDispersion: nonNeg('Log-normal sigma of firm productivity A (mean 1).', 'log', 0.1, 2),
        techDispersion: nonNeg('Standard deviation of initial technology around the sector\'s intensity.', 'index', 0.1, 1),
        utilization: num('Capacity utilization in the first year; sets the initial demand level.', 'share', 0.92, 0, 1, { above: true }),
        outsideShare: share('Share of every initial firm owned by outside investors (the rest of China and the world); its home region\'s residents own the rest. 0 by default: the initial stock is treated as resident-owned.', 0),
      })
      .strict()
      .prefault({})
      .meta({ description: 'The world at the start: firms, capital and first-year utilization.' }),
    firms: z
      .object({
        reinvestShare: share('Share of positive after-tax profit reinvested (the rest is paid out, funds receive their stake\'s part).', 0.7),
        investUtilization: share('Accelerator: below this sector utilization firms scale down their own investment.', 0.95),
        investSensitivity: nonNeg('Accelerator: own investment is multiplied by (u_k / investUtilization)^investSensitivity when u_k is below it.', 'exponent', 10, 100),
        depreciation: share('Depreciation rate delta.', 0.08),
        techCostReduction: share('gamma: unit cost falls by gamma*tau.', 0.2),
        upgradeBase: share('Base yearly probability of a technology upgrade.', 0.02),
        upgradeProfit: nonNeg('Added upgrade probability per unit of profit rate.', 'per profit rate', 0.5, 100),
        upgradeFund: share('Added upgrade probability when a fund holds a stake.', 0.1),
        techStep: share('Technology gain of an upgrade, as a share of the gap to 1.', 0.1),
        productivityGain: share('Productivity gain of an upgrade.', 0.02),
        relocationProbability: share('mu: yearly probability that a targeted firm considers an offer (times sector mobility).', 0.2),
        relocationHorizon: nonNeg('Years of expected profit gap a firm weighs against the moving cost.', 'years', 5, 100),
        movingCost: nonNeg('Moving cost as a share of the firm\'s capital.', 'share of capital', 0.4, 10),
        relocationCapitalLoss: share('Share of capital lost in a move.', 0.1),
        exitLossYears: num('Consecutive loss years that force exit.', 'years', 3, 1, 50, { int: true }),
        exitMinCapital: nonNeg('Exit below this capital, as a share of the initial mean firm capital.', 'share', 0.05, 10),
        entryRate: nonNeg('Entrants per existing firm per year at the normal profit rate.', 'per firm per year', 0.015, 1),
        entryFloor: nonNeg('Entrants per region-sector per year even with no firms there.', 'firms per year', 0.1, 100),
        entryProfitSensitivity: nonNeg('Rise of the entry rate per unit of profit rate above normal.', 'per profit rate', 10, 1000),
        entryGrantSensitivity: nonNeg('Rise of the entry rate per unit of grant rate (grants / capital).', 'per grant rate', 10, 1000),
        normalProfitRate: num('Normal pre-tax profit rate for entry.', 'per year', 0.15, -1, 1),
        entrantSize: nonNeg('Entrant capital as a share of the sector\'s mean firm capital.', 'share', 0.3, 10),
        entryOutsideShare: share('Share of an entrant\'s founding capital financed by outside investors (who then own that share); its home region\'s residents finance the rest.', 0.3),
        exitRecovery: share('Share of an exiting firm\'s book capital recovered by selling it for scrap to outside, paid to its owners pro rata; the rest is written off.', 0.3),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Firm behaviour: investment, upgrading, relocation, exit and entry.' }),
    agglomeration: z
      .object({
        localization: nonNeg('lam_loc: localization economies, M += lam_loc ln(1 + C/C0).', 'elasticity', 0.08, 10),
        referenceCapital: num('C0 as a multiple of the initial mean region-sector capital.', 'multiple', 1, 0, 1e6, { above: true }),
        inputOutput: nonNeg('lam_io: input-output access economies, M += lam_io sum_j a[j][k] access(r,j).', 'weight', 0.25, 10),
        congestion: nonNeg('lam_cong: congestion (land, labour), M -= lam_cong C/C_cong.', 'weight', 0.1, 10),
        congestionCapital: num('C_cong as a share of the initial zone capital.', 'share', 0.3, 0, 1000, { above: true }),
        minimum: num('Floor of the multiplier M.', 'multiplier', 0.5, 0, 10, { above: true }),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Agglomeration multiplier M(r,k) of capacity.' }),
    friction: z
      .object({
        border: share('Border friction d at the start: share of cross-border supply-chain value lost.', 0.3),
        minimum: share('Lowest border friction cooperation can reach.', 0.05),
        cooperationReduction: share('dd: fall of border friction in each year all governments cooperate.', 0.01),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Border friction between regions.' }),
    governments: z.record(z.string(), GovernmentSchema).default({}).meta({ description: 'Government of each region, by region id (missing regions get the defaults).' }),
    policy: z
      .object({
        poachShare: share('psi: share of a competing budget that funds relocation offers.', 0.15),
        offerRate: nonNeg('A relocation offer as a share of the firm\'s capital.', 'share of capital', 0.3, 10),
        hotSectors: num('Number of hot sectors competing governments chase.', 'sectors', 3, 1, 64, { int: true }),
        fundShare: share('phi: share of a cooperating budget paid into the joint fund.', 0.3),
        comparativeTilt: nonNeg('beta_ca: cooperative grants proportional to C(r,k) * LQ(r,k)^beta_ca.', 'exponent', 0.5, 10),
        divisionOfLabour: z.record(z.string(), z.array(z.string())).default({}).meta({ description: 'Stated division of labour: sector ids each region specialises in when cooperating (e.g. chongqing: [autos]).' }),
        divisionScope: z.enum(DIVISION_SCOPES).default('listed-only').meta({
          description:
            'What a cooperating government subsidises when a division of labour is stated. listed-only: a region with a list subsidises only its listed sectors, in proportion to its capital there (a region without one uses comparative advantage); others-by-advantage: each cooperating region subsidises its listed sectors in proportion to capital, nothing in the sectors only other regions list, and the sectors no region lists by comparative advantage, C(r,k) LQ(r,k)^comparativeTilt, as with no division.',
          unit: 'rule',
        }),
        sidePayment: share(
          'Side payments between cooperating governments: each year that at least two governments cooperate, each cooperating region whose value added is above its reference share of the cooperating regions\' value added (its share in the year before payments first applied) pays this share of the excess to the cooperating governments below their reference share, in proportion to their shortfall (0 = none; 1 = the whole excess).',
          0,
        ),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Government policy levers used by the strategies.' }),
    fund: FundSchema.prefault({ enabled: false }).meta({ description: 'The jointly funded industry guidance fund.' }),
    events: z.array(EventSchema).max(MAX_EVENTS).default([]).meta({ description: `Dated events: agreements, policy changes, shocks, fund creation (at most ${MAX_EVENTS}).` }),
    metrics: z
      .object({
        overcapacityThreshold: share('u_star: a sector is in overcapacity below this utilization.', 0.8),
        wasteHorizon: num('Expansion investment counts as wasted when its sector enters overcapacity within this many years after it was made.', 'years', 3, 1, 20, { int: true }),
        clusterLocationQuotient: nonNeg('LQ a cluster needs.', 'LQ', 1.25, 100),
        clusterMinFirms: num('Firms a cluster needs.', 'firms', 5, 0, MAX_FIRMS, { int: true }),
        clusterMinShare: share('Share of the zone\'s sector output a cluster needs.', 0.1),
        chainThreshold: share('Input-output coefficient a[j][k] that links two clusters into a chain cluster.', 0.05),
        zeroSumTolerance: share('In one replication\'s class, a region counts as up or down only when its change exceeds this share of its own counterfactual value (the zone: of the zone\'s). Revision 2 of the design: 0.001 of the region\'s own value, so a small region\'s loss is never hidden in the zone\'s size (revision 1 used 0.005 of the zone\'s).', 0.001),
        highTechThreshold: share('Sectors with technology intensity at least this are high-tech.', 0.5),
        discountRate: share('Social discount rate of the welfare lens: welfare is the sum of consumption discounted by 1/(1+rate) a year plus discounted final resident wealth, so a yuan invested at a return below this rate lowers welfare. 0.06 a year by default (China\'s guideline for public projects uses 0.08); scenarios state theirs.', 0.06),
      })
      .strict()
      .prefault({})
      .meta({ description: 'Thresholds of the reported metrics.' }),
    sweep: z
      .object({
        parameters: z
          .record(z.string(), z.union([z.string().max(200), z.array(z.union([inRange(-MAX_CHANGE, MAX_CHANGE), z.string().max(MAX_NAME), z.boolean()])).max(10000)]))
          .default({})
          .meta({ description: `Parameters to vary, by dotted path: a range "start:stop:step", an interval "lo:hi" (Latin hypercube), or a list of values (numbers from ${fmt(-MAX_CHANGE)} to ${fmt(MAX_CHANGE)}).` }),
        design: z.enum(['grid', 'lhs']).default('grid').meta({ description: 'grid: every combination; lhs: a Latin hypercube of `samples` points.' }),
        samples: num('Points of a Latin hypercube design.', 'points', 20, 1, 100000, { int: true }),
        series: z
          .array(z.string().max(200))
          .max(1000)
          .optional()
          .meta({ description: 'Metrics whose trajectories (every step of every replication of every point) the sweep keeps in series.csv: a metric name (every place it is measured at) or place.metric (zone, a region id or a pair a~b), e.g. [similarity, sichuan.value_added]. The command line\'s --series replaces it.' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Default parameter sweep of `chuanyu sweep` (command-line --param options replace it).' }),
    calibrate: z
      .object({
        parameters: z
          .record(z.string(), z.tuple([inRange(-MAX_CHANGE, MAX_CHANGE), inRange(-MAX_CHANGE, MAX_CHANGE)]))
          .meta({ description: `Free parameters by dotted path (as in sweeps), each with [lower, upper] bounds.${rangeNote(-MAX_CHANGE, MAX_CHANGE)}` }),
        targetFile: z
          .string()
          .regex(/\.csv$/i, 'expected a .csv file (columns year,value)')
          .optional()
          .meta({ description: 'CSV of target points (columns year,value), relative to this file; default: the scenario\'s `target`. Must end in .csv.' }),
        replications: num('Replications averaged per evaluation (common random numbers across evaluations).', 'runs', 10, 1, 1000, { int: true }),
        iterations: num('Budget of objective evaluations.', 'evaluations', 200, 1, 100000, { int: true }),
        holdout: num('Number of last target points left out of the fit and reported as out-of-sample error (ignored when fitYears or holdoutYears is given; matchedByConstruction points are not counted).', 'points', 0, 0, 1000, { int: true }),
        fitYears: yearRange('Fit only the target points of these years, inclusive (default: every point not held out). Points in neither fitYears nor holdoutYears are unused and reported as such.').optional(),
        holdoutYears: yearRange('Hold out the target points of these years, inclusive: never read by the fit, reported as out-of-sample error (default: the last `holdout` points). Must not overlap fitYears.').optional(),
        matchedByConstruction: z
          .array(year('A target year a hand choice sets by construction (e.g. 1978, which hand-set initial sector shares match).'))
          .max(1000)
          .default([])
          .meta({ description: 'Target years matched by construction: excluded from the fit, the hold-out and every reported error, and listed as such (at most 1000).' }),
        choices: z
          .array(
            z
              .object({
                name: z.string().min(1).max(200).meta({ description: 'What was chosen by hand (e.g. "strategy order per period").' }),
                count: bounded('Free choices it stands for, counted like fitted parameters in the penalised errors (AICc, BIC).', 'choices', 0, 1000, { int: true }),
                why: z.string().max(2000).default('').meta({ description: 'Why it is set by hand and how it is accounted for (e.g. "matched by construction: 1978 is excluded").' }),
              })
              .strict(),
          )
          .max(100)
          .default([])
          .meta({ description: 'Hand choices not fitted by the optimizer but made with the target in view; their counts add to the fitted parameters in k (at most 100).' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Calibration set-up of `chuanyu calibrate`: free parameters, target, budget.' }),
    target: TargetSchema.optional().meta({ description: 'Observed series the scenario should track (e.g. the paper\'s Table 1), drawn on charts and used in calibration.' }),
  })
  .strict();

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** The JSON Schema of scenario files (input form: defaults shown, nothing required that has one). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://chuanyu-sim.org/scenario.schema.json', title: 'chuanyu-sim scenario' };
}
