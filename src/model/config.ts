/**
 * The complete, checked input of the simulation core.
 *
 * The scenario layer (`src/scenario`) parses user files, applies defaults and
 * resolves names to indices; the model only ever sees this normalized form, so
 * nothing in the step loop has to guess a default or look up a name.
 * Money is in billion yuan (model units), time in years, shares in [0, 1].
 */

export const STRATEGIES = ['invest', 'compete', 'cooperate'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export function isStrategy(value: unknown): value is Strategy {
  return typeof value === 'string' && (STRATEGIES as readonly string[]).includes(value);
}
/** Numeric code of a strategy in the metrics table (0 invest, 1 compete, 2 cooperate). */
export const STRATEGY_CODE: Record<Strategy, number> = { invest: 0, compete: 1, cooperate: 2 };

export const RULE_NAMES = [
  'fixed',
  'tit-for-tat',
  'grim',
  'win-stay-lose-shift',
  'imitate',
  'best-response',
  'reinforcement',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** A government's strategy rule, with every parameter filled in. */
export type StrategyRule =
  | { rule: 'fixed'; strategy: Strategy; timeline: { step: number; strategy: Strategy }[] }
  | { rule: 'tit-for-tat'; initial: Strategy }
  | { rule: 'grim'; initial: Strategy }
  | { rule: 'win-stay-lose-shift'; initial: Strategy; actions: Strategy[]; aspiration: number | null; habituation: number }
  | { rule: 'imitate'; initial: Strategy; kappa: number }
  | { rule: 'best-response'; initial: Strategy; actions: Strategy[]; exploration: number }
  | {
      rule: 'reinforcement';
      initial: Strategy;
      actions: Strategy[];
      forgetting: number;
      initialPropensity: number;
      /** Payoff that earns no reinforcement: a number, or null for the lowest signal seen so far (default 0). */
      reference?: number | null;
    };

export interface SectorConfig {
  id: string;
  name: string;
  demandGrowth: number;
  /** sigma_k: standard deviation of the yearly shock to the cyclical part of demand growth. */
  demandVolatility: number;
  elasticity: number;
  price: number;
  priceFloor: number; // absolute price, already multiplied by `price`
  priceCeiling: number;
  unitCost: number;
  fixedCost: number;
  techIntensity: number;
  mobility: number;
}

export interface GovernmentParams {
  taxRate: number;
  taxMin: number;
  taxCut: number;
  investShare: number;
  transfers: number;
  /** Plan priorities by sector index, summing to 1. */
  planWeights: number[];
}

/**
 * A government's objective (docs/ODD.md 4): weights over the lenses. Its
 * per-step value is the payoff strategy rules learn from; its cumulative value
 * (welfare discounted) is the payoff of the game analysis.
 */
export interface ObjectiveWeights {
  gdp: number;
  welfare: number;
  fiscal: number;
}

export interface FundParams {
  name: string;
  /** Step from which the fund exists and accepts commitments; null = never (until an event enables it). */
  startStep: number | null;
  /** Whether cooperating governments pay their `fundShare` of budget into this fund. */
  receivesCooperation: boolean;
  /** One-off commitment at the start step, by region index. */
  initialCommitment: number[];
  /** Fixed commitments every year from the start step, by region index. */
  annualCommitment: number[];
  leverage: number;
  managementFee: number;
  carry: number;
  deployRate: number;
  investmentPeriod: number;
  life: number;
  weights: { return: number; chain: number; tech: number; duplication: number };
  chainScore: ChainScore;
  capPerFirm: number;
  /** Re-investment requirement by region index. */
  reinvestment: number[];
  /** Price outside buyers pay for the stakes sold at a vintage's exit, as a multiple of their book value. */
  exitPriceToBook: number;
  /** How a vintage's distributions to governments are shared: pro rata to paid-in, or to where it invested (docs/ODD.md 7.13). */
  distributionSharing: DistributionSharing;
  /** Largest share of a vintage's investment that may go to the firms of one region (1 = no cap; docs/ODD.md 7.4). */
  regionCap: number;
}

/** How the fund's chain term values a cell (docs/ODD.md 7.4). */
export const CHAIN_SCORES = ['outside-share', 'both-ends', 'stated-division'] as const;
export type ChainScore = (typeof CHAIN_SCORES)[number];
export function isChainScore(value: unknown): value is ChainScore {
  return typeof value === 'string' && (CHAIN_SCORES as readonly string[]).includes(value);
}

/** What a cooperating government does in the sectors no region's stated division names (docs/ODD.md 7.3). */
export const DIVISION_SCOPES = ['listed-only', 'others-by-advantage'] as const;
export type DivisionScope = (typeof DIVISION_SCOPES)[number];
export function isDivisionScope(value: unknown): value is DivisionScope {
  return typeof value === 'string' && (DIVISION_SCOPES as readonly string[]).includes(value);
}

export const DISTRIBUTION_SHARINGS = ['paid-in', 'invested'] as const;
export type DistributionSharing = (typeof DISTRIBUTION_SHARINGS)[number];
export function isDistributionSharing(value: unknown): value is DistributionSharing {
  return typeof value === 'string' && (DISTRIBUTION_SHARINGS as readonly string[]).includes(value);
}

/** Mutable-by-events parameters grouped as in the scenario file. */
export interface PolicyParams {
  poachShare: number;
  offerRate: number;
  hotSectors: number;
  fundShare: number;
  comparativeTilt: number;
  /** Division of labour: for each region index, the sector indices it specialises in (empty = use comparative advantage). */
  divisionOfLabour: number[][];
  /**
   * listed-only: a region that states a division subsidises only its listed
   * sectors; others-by-advantage: once any region states one, each cooperating
   * region subsidises its listed sectors, none that only other regions list, and
   * the sectors no region lists by comparative advantage. Absent: listed-only.
   */
  divisionScope?: DivisionScope;
  /**
   * Side payments (docs/ODD.md 7.17): share of a cooperating region's value added
   * above its reference share of the cooperating regions' value added that its
   * government pays, each year, to the cooperating governments below theirs.
   */
  sidePayment: number;
}

export interface FirmParams {
  reinvestShare: number;
  /** Utilization below which firms scale down own investment (accelerator). */
  investUtilization: number;
  investSensitivity: number;
  depreciation: number;
  techCostReduction: number;
  upgradeBase: number;
  upgradeProfit: number;
  upgradeFund: number;
  techStep: number;
  productivityGain: number;
  relocationProbability: number;
  relocationHorizon: number;
  movingCost: number;
  relocationCapitalLoss: number;
  exitLossYears: number;
  exitMinCapital: number; // absolute, billion yuan
  entryRate: number;
  entryFloor: number;
  entryProfitSensitivity: number;
  entryGrantSensitivity: number;
  normalProfitRate: number;
  entrantSize: number;
  /** Share of an entrant's founding capital financed (and owned) by outside investors; home residents finance the rest. */
  entryOutsideShare: number;
  /** Share of an exiting firm's book capital recovered by selling it for scrap to outside; the rest is written off. */
  exitRecovery: number;
}

export interface AgglomerationParams {
  localization: number;
  referenceCapital: number; // absolute C0
  inputOutput: number;
  congestion: number;
  congestionCapital: number; // absolute C_cong
  minimum: number;
}

export interface FrictionParams {
  initial: number;
  minimum: number;
  cooperationReduction: number;
}

export interface MetricParams {
  overcapacityThreshold: number;
  clusterLocationQuotient: number;
  clusterMinFirms: number;
  clusterMinShare: number;
  chainThreshold: number;
  zeroSumTolerance: number;
  highTechThreshold: number;
  /** Years after an expansion within which its sector entering overcapacity makes it wasted. */
  wasteHorizon: number;
  /** Welfare lens: yearly discount rate of consumption and final wealth. */
  discountRate: number;
}

export interface InitialConditions {
  firmCount: number;
  zoneCapital: number;
  /** Region capital shares, by region index. */
  regionShares: number[];
  /** Sector capital shares inside each region, [region][sector]. */
  sectorShares: number[][];
  capitalDispersion: number;
  productivityDispersion: number;
  techDispersion: number;
  initialUtilization: number;
  /** Outside investors' share of every initial firm. */
  outsideShare: number;
}

export type EventKind = 'agreement' | 'policy' | 'shock' | 'fund' | 'status';

/** One change to the structured state: `path` is a path inside `WorldState.params`. */
export interface ParamChange {
  path: (string | number)[];
  op: 'set' | 'scale' | 'add';
  value: number | string | boolean;
}

export interface ScheduledEvent {
  step: number;
  kind: EventKind;
  label: string;
  source: string;
  changes: ParamChange[];
  /** Demand shock: multiply the demand level of these sectors by `levelFactor`. */
  demandShock: { sectors: number[]; levelFactor: number } | null;
}

export interface ModelConfig {
  name: string;
  startYear: number;
  steps: number;
  stepYears: number;
  regions: { id: string; name: string }[];
  sectors: SectorConfig[];
  /** a[j][k]: share of sector k's inputs bought from sector j. */
  inputOutput: number[][];
  initial: InitialConditions;
  firms: FirmParams;
  agglomeration: AgglomerationParams;
  friction: FrictionParams;
  governments: { params: GovernmentParams; rule: StrategyRule; objective: ObjectiveWeights }[];
  policy: PolicyParams;
  funds: FundParams[];
  events: ScheduledEvent[];
  metrics: MetricParams;
  /** Demand cycles: AR(1) persistence of the cyclical part of growth (docs/ODD.md 7.6). */
  demand: { persistence: number };
}
