/**
 * normalize: a parsed scenario (names, shorthand, relative values) becomes the
 * model's complete `ModelConfig` (indices, absolute values). Checks that the
 * schema cannot express are made here and reported as issues with the path of
 * the offending field: unknown names, shares that do not sum to 1, events
 * outside the horizon, event paths that name no parameter.
 */
import { closest } from 'fastest-levenshtein';
import {
  DISTRIBUTION_SHARINGS,
  isDistributionSharing,
  type FundParams,
  type ModelConfig,
  type ParamChange,
  type ScheduledEvent,
  type StrategyRule,
} from '../model/config.js';
import { statedDivisionChain } from '../model/chain-scores.js';
import { GovernmentSchema, type Scenario } from './schema.js';

export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
  /** Another field the problem involves (the first of two duplicates), for messages that name both places. */
  other?: (string | number)[];
}

export class NormalizeError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
}

const SHARE_TOLERANCE = 1e-6;

function suggest(name: string, valid: string[]): string {
  const near = valid.length > 0 ? closest(name, valid) : undefined;
  return `${near ? ` (did you mean "${near}"?)` : ''} Valid: ${valid.join(', ')}.`;
}

const GOVERNMENT_FIELDS = ['taxRate', 'taxMin', 'taxCut', 'investShare', 'transfers'];
const POLICY_FIELDS = ['poachShare', 'offerRate', 'hotSectors', 'fundShare', 'comparativeTilt', 'sidePayment'];
const FRICTION_FIELDS = ['border', 'minimum', 'cooperationReduction'];
const AGGLOMERATION_FIELDS = ['localization', 'referenceCapital', 'inputOutput', 'congestion', 'congestionCapital', 'minimum'];
const FUND_FIELDS = ['leverage', 'managementFee', 'carry', 'deployRate', 'capPerFirm', 'investmentPeriod', 'life', 'receivesCooperation', 'exitPriceToBook', 'regionCap', 'distributionSharing'];
const FUND_WEIGHT_FIELDS = ['return', 'chain', 'tech', 'duplication'];

/** Every dotted path an event may change, for messages and sweeps. */
export function eventParameterPaths(scenario: Scenario): string[] {
  const paths: string[] = [];
  for (const r of scenario.regions) {
    for (const f of GOVERNMENT_FIELDS) paths.push(`governments.${r.id}.${f}`);
    paths.push(`governments.${r.id}.strategy`);
  }
  for (const f of POLICY_FIELDS) paths.push(`policy.${f}`);
  for (const f of FRICTION_FIELDS) paths.push(`friction.${f}`);
  for (const s of scenario.sectors) paths.push(`sectors.${s.id}.demandGrowth`);
  for (const f of AGGLOMERATION_FIELDS) paths.push(`agglomeration.${f}`);
  for (const f of Object.keys(scenario.firms)) paths.push(`firms.${f}`);
  for (const f of FUND_FIELDS) paths.push(`fund.${f}`);
  for (const f of FUND_WEIGHT_FIELDS) paths.push(`fund.weights.${f}`);
  paths.push('fund.start', 'fund.reinvestment');
  for (const r of scenario.regions) paths.push(`fund.annual.${r.id}`);
  return paths;
}

function normalizeRule(spec: Scenario['governments'][string]['strategy'], toStep: (year: number) => number): StrategyRule {
  if (typeof spec === 'string') return { rule: 'fixed', strategy: spec, timeline: [] };
  switch (spec.rule) {
    case 'fixed':
      return { rule: 'fixed', strategy: spec.strategy, timeline: spec.timeline.map((e) => ({ step: toStep(e.year), strategy: e.strategy })).sort((a, b) => a.step - b.step) };
    case 'tit-for-tat':
    case 'grim':
      return { rule: spec.rule, initial: spec.initial };
    case 'win-stay-lose-shift':
      return { rule: spec.rule, initial: spec.initial, actions: spec.actions, aspiration: spec.aspiration, habituation: spec.habituation };
    case 'imitate':
      return { rule: spec.rule, initial: spec.initial, kappa: spec.kappa };
    case 'best-response':
      return { rule: spec.rule, initial: spec.initial, actions: spec.actions, exploration: spec.exploration };
    case 'reinforcement':
      return { rule: spec.rule, initial: spec.initial, actions: spec.actions, forgetting: spec.forgetting, initialPropensity: spec.initialPropensity, reference: spec.reference };
  }
}

export function normalizeScenario(scenario: Scenario): ModelConfig {
  const issues: ScenarioIssue[] = [];
  const sectorIds = scenario.sectors.map((s) => s.id);
  const regionIds = scenario.regions.map((r) => r.id);
  const sectorIndex = new Map(sectorIds.map((id, k) => [id, k]));
  const regionIndex = new Map(regionIds.map((id, r) => [id, r]));
  const K = sectorIds.length;
  const R = regionIds.length;
  const { start, steps, stepYears } = scenario.time;
  const endYear = start + (steps - 1) * stepYears;

  const duplicates = (ids: string[], where: 'sectors' | 'regions') =>
    ids.forEach((id, i) => {
      const first = ids.indexOf(id);
      if (first !== i) issues.push({ path: [where, i, 'id'], message: `duplicate ${where === 'sectors' ? 'sector' : 'region'} id "${id}"`, other: [where, first, 'id'] });
    });
  duplicates(sectorIds, 'sectors');
  duplicates(regionIds, 'regions');
  // Every later check looks names up by id, so a duplicate would only add confusing follow-up errors.
  if (issues.length > 0) throw new NormalizeError(issues);

  const sectorRef = (name: string, path: (string | number)[]): number => {
    const k = sectorIndex.get(name);
    if (k === undefined) issues.push({ path, message: `unknown sector "${name}".${suggest(name, sectorIds)}` });
    return k ?? -1;
  };
  const regionRef = (name: string, path: (string | number)[]): number => {
    const r = regionIndex.get(name);
    if (r === undefined) issues.push({ path, message: `unknown region "${name}".${suggest(name, regionIds)}` });
    return r ?? -1;
  };
  const yearToStep = (year: number, path: (string | number)[]): number => {
    if (year < start || year > endYear || (year - start) % stepYears !== 0) {
      issues.push({ path, message: `year ${year} is outside the horizon ${start}-${endYear}${stepYears > 1 ? ` (every ${stepYears} years)` : ''}` });
      return -1;
    }
    return (year - start) / stepYears;
  };
  const checkShares = (values: number[], path: (string | number)[], what: string) => {
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE) issues.push({ path, message: `${what} sum to ${+sum.toFixed(6)}, expected 1` });
  };

  // Initial structure.
  checkShares(scenario.regions.map((r) => r.capitalShare), ['regions'], 'region capitalShare values');
  const sectorShares = scenario.regions.map((region, r) => {
    const row = new Array<number>(K).fill(0);
    for (const [name, value] of Object.entries(region.sectorShares)) {
      const k = sectorRef(name, ['regions', r, 'sectorShares', name]);
      if (k >= 0) row[k] = value;
    }
    checkShares(row, ['regions', r, 'sectorShares'], 'sector shares');
    return row;
  });

  // Input-output matrix a[j][k] from { buyer k: { supplier j: a } }.
  const inputOutput = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (const [buyer, suppliers] of Object.entries(scenario.inputOutput)) {
    const k = sectorRef(buyer, ['inputOutput', buyer]);
    let total = 0;
    for (const [supplier, a] of Object.entries(suppliers)) {
      const j = sectorRef(supplier, ['inputOutput', buyer, supplier]);
      if (k >= 0 && j >= 0) inputOutput[j][k] = a;
      total += a;
    }
    if (total > 1 + SHARE_TOLERANCE) issues.push({ path: ['inputOutput', buyer], message: `input shares of "${buyer}" sum to ${+total.toFixed(6)}, expected at most 1` });
  }

  for (const name of Object.keys(scenario.governments)) regionRef(name, ['governments', name]);
  const toStep = (year: number, path: (string | number)[]) => Math.max(0, yearToStep(year, path));
  const zoneCapital = scenario.initial.zoneCapital;
  const meanCellCapital = zoneCapital / (R * K);
  const meanFirmCapital = zoneCapital / scenario.initial.firms;

  const governments = scenario.regions.map((region, r) => {
    const gov = scenario.governments[region.id] ?? GovernmentSchema.parse({});
    let planWeights = sectorShares[r].slice();
    if (gov.planWeights) {
      planWeights = new Array<number>(K).fill(0);
      for (const [name, w] of Object.entries(gov.planWeights)) {
        const k = sectorRef(name, ['governments', region.id, 'planWeights', name]);
        if (k >= 0) planWeights[k] = w;
      }
    }
    const total = planWeights.reduce((a, b) => a + b, 0);
    planWeights = planWeights.map((w) => (total > 0 ? w / total : 1 / K));
    if (gov.taxMin > gov.taxRate) issues.push({ path: ['governments', region.id, 'taxMin'], message: `taxMin ${gov.taxMin} is above taxRate ${gov.taxRate}` });
    const rule = normalizeRule(gov.strategy, (year) => toStep(year, ['governments', region.id, 'strategy', 'timeline']));
    const objective = { ...gov.objective };
    if (objective.gdp + objective.welfare + objective.fiscal <= 0)
      issues.push({ path: ['governments', region.id, 'objective'], message: 'at least one lens weight must be above 0 (e.g. gdp: 1)' });
    return {
      params: { taxRate: gov.taxRate, taxMin: gov.taxMin, taxCut: gov.taxCut, investShare: gov.investShare, transfers: gov.transfers, planWeights },
      rule,
      objective,
    };
  });

  const byRegion = (record: Record<string, number> | undefined, path: (string | number)[], fallback: number): number[] => {
    const out = new Array<number>(R).fill(fallback);
    if (record) for (const [name, v] of Object.entries(record)) {
      const r = regionRef(name, [...path, name]);
      if (r >= 0) out[r] = v;
    }
    return out;
  };

  const fundSpec = scenario.fund;
  const funds: FundParams[] = [];
  if (fundSpec.enabled || scenario.events.some((e) => [e.set, e.scale, e.add].some((ops) => Object.keys(ops).some((p) => p.startsWith('fund.'))))) {
    const sizeWeights = byRegion(fundSpec.sizeShares, ['fund', 'sizeShares'], fundSpec.sizeShares ? 0 : 1);
    const sizeTotal = sizeWeights.reduce((a, b) => a + b, 0);
    funds.push({
      name: fundSpec.name,
      startStep: fundSpec.enabled ? (fundSpec.start === null ? 0 : toStep(fundSpec.start, ['fund', 'start'])) : null,
      receivesCooperation: fundSpec.receivesCooperation,
      initialCommitment: sizeWeights.map((w) => (sizeTotal > 0 ? (fundSpec.size * w) / sizeTotal : 0)),
      annualCommitment: byRegion(fundSpec.annual, ['fund', 'annual'], 0),
      leverage: fundSpec.leverage,
      managementFee: fundSpec.managementFee,
      carry: fundSpec.carry,
      deployRate: fundSpec.deployRate,
      investmentPeriod: fundSpec.investmentPeriod,
      life: fundSpec.life,
      weights: { ...fundSpec.weights },
      chainScore: fundSpec.chainScore,
      capPerFirm: fundSpec.capPerFirm,
      exitPriceToBook: fundSpec.exitPriceToBook,
      distributionSharing: fundSpec.distributionSharing,
      regionCap: fundSpec.regionCap,
      reinvestment:
        typeof fundSpec.reinvestment === 'number'
          ? new Array<number>(R).fill(fundSpec.reinvestment)
          : byRegion(fundSpec.reinvestment, ['fund', 'reinvestment'], 0.5),
    });
  }

  const divisionOfLabour = regionIds.map((rid) => (scenario.policy.divisionOfLabour[rid] ?? []).map((s, i) => sectorRef(s, ['policy', 'divisionOfLabour', rid, i])));
  for (const name of Object.keys(scenario.policy.divisionOfLabour)) regionRef(name, ['policy', 'divisionOfLabour', name]);
  if (funds.length > 0 && fundSpec.chainScore === 'stated-division') {
    const stated = divisionOfLabour.filter((d) => d.length > 0).length;
    const why =
      stated < 2
        ? `policy.divisionOfLabour states sectors for ${stated === 0 ? 'no region' : 'only one region'}`
        : 'no input-output link joins a sector one region states in policy.divisionOfLabour to a sector another region states';
    if (stated < 2 || (!divisionOfLabour.some((d) => d.includes(-1)) && !statedDivisionChain(divisionOfLabour, inputOutput).some((v) => v > 0)))
      issues.push({
        path: ['fund', 'chainScore'],
        message: `"stated-division" credits only links between the sectors regions state in policy.divisionOfLabour, but ${why}, so every chain value would be 0; state each region's sectors (e.g. policy.divisionOfLabour: { chongqing: [autos], sichuan: [auto-parts] }) or choose another fund.chainScore`,
      });
  }

  const validPaths = eventParameterPaths(scenario);
  const events: ScheduledEvent[] = [];
  scenario.events.forEach((event, e) => {
    const step = yearToStep(event.year, ['events', e, 'year']);
    const changes: ParamChange[] = [];
    const convert = (dotted: string, op: ParamChange['op'], value: number | string | boolean, field: string) => {
      const where = ['events', e, field, dotted];
      if (!validPaths.includes(dotted)) {
        issues.push({ path: where, message: `"${dotted}" is not a parameter an event can change.${suggest(dotted, validPaths)}` });
        return;
      }
      const parts = dotted.split('.');
      const head = parts[0];
      if (head === 'governments' && parts[2] === 'strategy') {
        const r = regionIndex.get(parts[1])!;
        const rule = governments[r].rule;
        if (op !== 'set' || typeof value !== 'string' || !['invest', 'compete', 'cooperate'].includes(value)) {
          issues.push({ path: where, message: `expected one of invest, compete, cooperate` });
        } else if (rule.rule !== 'fixed') {
          issues.push({ path: where, message: `an event can set the strategy only of a government with a fixed strategy (this one uses "${rule.rule}")` });
        } else if (step >= 0) {
          rule.timeline.push({ step, strategy: value as 'invest' });
          rule.timeline.sort((a, b) => a.step - b.step);
        }
        return;
      }
      if (dotted === 'fund.distributionSharing') {
        if (op !== 'set' || !isDistributionSharing(value)) issues.push({ path: where, message: `expected one of ${DISTRIBUTION_SHARINGS.join(', ')}` });
        else if (funds.length > 0) changes.push({ path: ['funds', 0, 'distributionSharing'], op, value });
        return;
      }
      if (op === 'set' && typeof value !== 'number' && !(dotted === 'fund.receivesCooperation' && typeof value === 'boolean')) {
        issues.push({ path: where, message: `expected a number, got ${JSON.stringify(value)}` });
        return;
      }
      const number = value as number;
      switch (head) {
        case 'governments':
          changes.push({ path: ['governments', regionIndex.get(parts[1])!, parts[2]], op, value: number });
          return;
        case 'sectors':
          changes.push({ path: ['sectors', sectorIndex.get(parts[1])!, 'demandGrowth'], op, value: number });
          return;
        case 'agglomeration': {
          const base = parts[1] === 'referenceCapital' ? meanCellCapital : parts[1] === 'congestionCapital' ? zoneCapital : 1;
          changes.push({ path: ['agglomeration', parts[1]], op, value: op === 'set' || op === 'add' ? number * base : number });
          return;
        }
        case 'firms':
          changes.push({ path: ['firms', parts[1]], op, value: parts[1] === 'exitMinCapital' && op !== 'scale' ? number * meanFirmCapital : value });
          return;
        case 'fund':
          if (funds.length === 0) return;
          if (parts[1] === 'start') {
            if (op !== 'set') issues.push({ path: where, message: 'fund.start can only be set' });
            else changes.push({ path: ['funds', 0, 'startStep'], op, value: Math.max(0, toStep(number, where)) });
          } else if (parts[1] === 'reinvestment') {
            for (let r = 0; r < R; r++) changes.push({ path: ['funds', 0, 'reinvestment', r], op, value: number });
          } else if (parts[1] === 'annual') {
            changes.push({ path: ['funds', 0, 'annualCommitment', regionIndex.get(parts[2])!], op, value: number });
          } else if (parts[1] === 'weights') {
            changes.push({ path: ['funds', 0, 'weights', parts[2]], op, value: number });
          } else {
            changes.push({ path: ['funds', 0, parts[1]], op, value });
          }
          return;
        default:
          changes.push({ path: parts, op, value: number });
      }
    };
    for (const [p, v] of Object.entries(event.set)) convert(p, 'set', v, 'set');
    for (const [p, v] of Object.entries(event.scale)) convert(p, 'scale', v, 'scale');
    for (const [p, v] of Object.entries(event.add)) convert(p, 'add', v, 'add');
    let demandShock: ScheduledEvent['demandShock'] = null;
    if (event.demand) {
      const sectors = event.demand.sectors === 'all' ? sectorIds.map((_, k) => k) : event.demand.sectors.map((s, i) => sectorRef(s, ['events', e, 'demand', 'sectors', i]));
      demandShock = { sectors: sectors.filter((k) => k >= 0), levelFactor: event.demand.factor };
    }
    if (step >= 0) events.push({ step, kind: event.type, label: event.label, source: event.source, changes, demandShock });
  });
  events.sort((a, b) => a.step - b.step);

  if (scenario.target) {
    scenario.target.points.forEach((p, i) => {
      if (p.year < start || p.year > endYear) issues.push({ path: ['target', 'points', i, 'year'], message: `year ${p.year} is outside the horizon ${start}-${endYear}` });
    });
  }

  scenario.sectors.forEach((s, k) => {
    if (s.unitCost >= s.price * s.priceFloor)
      issues.push({ path: ['sectors', k, 'unitCost'], message: `unit cost ${s.unitCost} must be below the price floor ${+(s.price * s.priceFloor).toFixed(6)} (producers idle capacity rather than sell below variable cost)` });
  });

  if (issues.length > 0) throw new NormalizeError(issues);

  const f = scenario.firms;
  const a = scenario.agglomeration;
  // The default scope is left out of the state, so that runs which do not use it keep their state exactly.
  const { divisionScope, ...policy } = scenario.policy;
  return {
    name: scenario.name,
    startYear: start,
    steps,
    stepYears,
    regions: scenario.regions.map((r) => ({ id: r.id, name: r.name })),
    sectors: scenario.sectors.map((s) => ({
      id: s.id,
      name: s.name,
      demandGrowth: s.demandGrowth,
      demandVolatility: s.demandVolatility ?? scenario.demand.volatility,
      elasticity: s.elasticity,
      price: s.price,
      priceFloor: s.price * s.priceFloor,
      priceCeiling: s.price * s.priceCeiling,
      unitCost: s.unitCost,
      fixedCost: s.fixedCost,
      techIntensity: s.techIntensity,
      mobility: s.mobility,
    })),
    inputOutput,
    initial: {
      firmCount: scenario.initial.firms,
      zoneCapital,
      regionShares: scenario.regions.map((r) => r.capitalShare),
      sectorShares,
      capitalDispersion: scenario.initial.capitalDispersion,
      productivityDispersion: scenario.initial.productivityDispersion,
      techDispersion: scenario.initial.techDispersion,
      initialUtilization: scenario.initial.utilization,
      outsideShare: scenario.initial.outsideShare,
    },
    firms: { ...f, exitMinCapital: f.exitMinCapital * meanFirmCapital },
    agglomeration: { ...a, referenceCapital: a.referenceCapital * meanCellCapital, congestionCapital: a.congestionCapital * zoneCapital },
    friction: { initial: scenario.friction.border, minimum: scenario.friction.minimum, cooperationReduction: scenario.friction.cooperationReduction },
    governments,
    policy: { ...policy, divisionOfLabour, ...(divisionScope === 'listed-only' ? {} : { divisionScope }) },
    funds,
    events,
    metrics: { ...scenario.metrics },
    demand: { persistence: scenario.demand.persistence },
  };
}
