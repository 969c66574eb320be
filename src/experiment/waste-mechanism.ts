/**
 * Why does mutual competition under boom-bust demand waste more expansion than
 * the counterfactual, yet leave fewer sector-years in overcapacity and less
 * idle capital (test/model/waste-behaviour.test.ts)? The proposed reason: plan
 * grants (`invest`) add capacity in every sector in proportion to capital, so
 * slow sectors get capacity they do not need, while competing governments put
 * their grants into the hot sectors. Asked here so that the model can answer
 * either way, in the validation's compete-bust world, with variants that
 * differ from one another by one mechanism each (same seeds, common random
 * numbers, paired over replications):
 *
 *   invest              the counterfactual: grants by plan (initial sector shares);
 *   invest, no budget   the same with investShare 0: no grants at all;
 *   invest, chased plan plan grants only into the chased sectors (their initial shares);
 *   compete, grants only   compete without tax cuts (taxCut 0) and offers (poachShare 0):
 *                       only the concentration of grants differs from invest;
 *   compete, no offers  compete without relocation offers (tax cuts added);
 *   compete             the validation's compete-bust world itself.
 *
 * Sector-years in overcapacity and idle capital are split into the chased
 * sectors (validation-claims.ts BUST: the fastest-growing, whose demand
 * collapses in 2035) and the rest. If the reason holds, compete's fall in
 * overcapacity lies in the rest; taking plan grants away, or concentrating
 * them in the chased sectors, lowers the rest's overcapacity too. The three
 * compete steps telescope: (grants only - invest) + (no offers - grants only)
 * + (compete - no offers) = compete - invest exactly.
 */
import type { Scenario } from '../scenario/schema.js';
import type { StepRecord } from '../model/record.js';
import { loadClaimScenarios } from './validation-scenarios.js';
import { BUST, MARGIN, validationWorlds } from './validation-claims.js';
import { configForValues } from './run-point.js';
import { runRecordTasks, type RecordTask } from './record-runs.js';
import { pairedDifference, type PairedDifference } from './paired.js';
import { mean } from './statistics.js';

export const WASTE_VARIANTS = [
  { id: 'invest', label: 'invest (counterfactual)', counterfactual: true },
  { id: 'invest-no-budget', label: 'invest, no industrial budget', counterfactual: true },
  { id: 'invest-chased-plan', label: 'invest, plan grants only into the chased sectors', counterfactual: true },
  { id: 'compete-grants-only', label: 'compete, no tax cuts and no offers', counterfactual: false },
  { id: 'compete-no-offers', label: 'compete, no offers', counterfactual: false },
  { id: 'compete', label: 'compete', counterfactual: false },
] as const;
export type WasteVariant = (typeof WASTE_VARIANTS)[number]['id'];

/** Figures of one run, summed over its years unless said otherwise. */
export const WASTE_FIGURES = [
  { id: 'overcapacityChased', label: 'overcapacity sector-years, chased sectors', unit: 'sector-years' },
  { id: 'overcapacityRest', label: 'overcapacity sector-years, other sectors', unit: 'sector-years' },
  { id: 'overcapacityChasedAfterBust', label: 'overcapacity sector-years, chased sectors, from the bust year', unit: 'sector-years' },
  { id: 'overcapacitySectors', label: 'overcapacity sector-years, all', unit: 'sector-years' },
  { id: 'idleChased', label: 'idle capital from the second year, chased sectors', unit: 'bn yuan-years' },
  { id: 'idleRest', label: 'idle capital from the second year, other sectors', unit: 'bn yuan-years' },
  { id: 'idleCapital', label: 'idle capital, all years and sectors', unit: 'bn yuan-years' },
  { id: 'wastedExpansion', label: 'wasted expansion', unit: 'bn yuan' },
  { id: 'duplicatedIntoOvercapacity', label: 'duplicated expansion into overcapacity', unit: 'bn yuan' },
  { id: 'grants', label: 'grants', unit: 'bn yuan' },
  { id: 'grantsChased', label: 'grants into the chased sectors', unit: 'bn yuan' },
  { id: 'grantsChasedAfterBust', label: 'grants into the chased sectors from the bust year', unit: 'bn yuan' },
  { id: 'offers', label: 'relocation offers', unit: 'bn yuan' },
  { id: 'capitalChased', label: 'final capital, chased sectors', unit: 'bn yuan' },
  { id: 'capitalRest', label: 'final capital, other sectors', unit: 'bn yuan' },
] as const;
export type WasteFigure = (typeof WASTE_FIGURES)[number]['id'];
export type WasteFigures = Record<WasteFigure, number>;

/**
 * One run's figures. Sector k is in overcapacity in a year when it has capacity
 * and its utilization is below `threshold` (as the zone metric judges it); its
 * idle capital is (1 - u_k) x its capital at the start of the year, which is
 * last year's end-of-year capital, so the split starts in the second year (the
 * first year's, the same in every variant, is in the total only).
 */
export function wasteFigures(records: readonly StepRecord[], chased: ReadonlySet<number>, threshold: number): WasteFigures {
  const f = Object.fromEntries(WASTE_FIGURES.map((x) => [x.id, 0])) as WasteFigures;
  records.forEach((rec, t) => {
    const { utilization, capacity } = rec.sectors;
    const bust = rec.year >= BUST.year;
    utilization.forEach((u, k) => {
      const hot = chased.has(k);
      const over = capacity[k] > 0 && u < threshold;
      if (over) f[hot ? 'overcapacityChased' : 'overcapacityRest'] += 1;
      if (over && hot && bust) f.overcapacityChasedAfterBust += 1;
      if (t > 0) {
        const start = records[t - 1].cells.capital.reduce((a, row) => a + row[k], 0);
        f[hot ? 'idleChased' : 'idleRest'] += (1 - u) * start;
      }
      if (hot)
        for (const row of rec.cells.grants) {
          f.grantsChased += row[k];
          if (bust) f.grantsChasedAfterBust += row[k];
        }
    });
    f.overcapacitySectors += rec.zone.overcapacity_sectors;
    f.idleCapital += rec.zone.idle_capital;
    f.wastedExpansion += rec.zone.wasted_expansion;
    f.duplicatedIntoOvercapacity += rec.zone.duplicated_into_overcapacity;
    f.grants += rec.region.grants.reduce((a, b) => a + b, 0);
    f.offers += rec.region.relocation_offers.reduce((a, b) => a + b, 0);
  });
  const last = records[records.length - 1];
  last?.cells.capital.forEach((row) => row.forEach((c, k) => (f[chased.has(k) ? 'capitalChased' : 'capitalRest'] += c)));
  return f;
}

/** The compete-bust world with one variant's change (a new object; the input is not changed). */
export function wasteVariantScenario(bust: Scenario, variant: WasteVariant): Scenario {
  const governments = (change: (id: string, g: Record<string, unknown>) => Record<string, unknown>) =>
    Object.fromEntries(bust.regions.map((r) => [r.id, change(r.id, { ...(bust.governments[r.id] ?? {}) })])) as Scenario['governments'];
  switch (variant) {
    case 'invest':
    case 'compete':
      return bust;
    case 'invest-no-budget':
      return { ...bust, governments: governments((_, g) => ({ ...g, investShare: 0 })) };
    case 'invest-chased-plan':
      return {
        ...bust,
        governments: governments((id, g) => {
          const shares = bust.regions.find((r) => r.id === id)!.sectorShares;
          return { ...g, planWeights: Object.fromEntries(BUST.sectors.map((s) => [s, shares[s] ?? 0])) };
        }),
      };
    case 'compete-grants-only':
      return { ...bust, policy: { ...bust.policy, poachShare: 0 }, governments: governments((_, g) => ({ ...g, taxCut: 0 })) };
    case 'compete-no-offers':
      return { ...bust, policy: { ...bust.policy, poachShare: 0 } };
  }
}

export interface WasteComparison {
  /** Variant minus `against`, per figure: paired over (seed, replication). */
  variant: WasteVariant;
  against: WasteVariant;
  differences: Record<WasteFigure, PairedDifference>;
}

/**
 * One prediction, judged on a paired difference: `beyond` predicts a difference
 * beyond MARGIN standard errors in the `sign` direction ('yes'; 'no' when
 * beyond it the other way, else 'undecided'); `not-beyond` predicts no such
 * difference against the `sign` direction ('no' only when there is one).
 */
export interface WasteTest {
  id: string;
  /** Which explanation the prediction belongs to: the proposed one, or the one the measurements pointed to. */
  hypothesis: 'proposed' | 'alternative';
  statement: string;
  difference: PairedDifference;
  answer: 'yes' | 'no' | 'undecided';
}

export type WasteConclusion = 'supported' | 'refuted' | 'undecided';

export interface WasteMechanism {
  replications: number;
  seeds: number[];
  /** Initial firms of the runs (the shipped scenarios' unless a test lowered it). */
  firms: number;
  chasedSectors: string[];
  bustYear: number;
  threshold: number;
  /** Per variant, its figures per (seed, replication), seeds outermost. */
  runs: Record<WasteVariant, WasteFigures[]>;
  means: Record<WasteVariant, WasteFigures>;
  comparisons: WasteComparison[];
  tests: WasteTest[];
  /** Per explanation: every test 'yes' (supported), any 'no' (refuted), otherwise undecided. */
  conclusion: Record<WasteTest['hypothesis'], WasteConclusion>;
}

const COMPARISONS: [WasteVariant, WasteVariant][] = [
  ['compete', 'invest'],
  ['invest-no-budget', 'invest'],
  ['invest-chased-plan', 'invest'],
  ['compete-grants-only', 'invest'],
  ['compete-no-offers', 'invest'],
  ['compete-no-offers', 'compete-grants-only'],
  ['compete', 'compete-no-offers'],
];

function compare(runs: WasteMechanism['runs'], variant: WasteVariant, against: WasteVariant): WasteComparison {
  const differences = Object.fromEntries(
    WASTE_FIGURES.map(({ id }) => [id, pairedDifference(runs[against].map((f) => f[id]), runs[variant].map((f) => f[id]))]),
  ) as Record<WasteFigure, PairedDifference>;
  return { variant, against, differences };
}

function judge(d: PairedDifference, sign: -1 | 1, kind: 'beyond' | 'not-beyond'): WasteTest['answer'] {
  const against = -sign * d.t > MARGIN;
  if (kind === 'not-beyond') return against ? 'no' : 'yes';
  if (d.difference === 0) return 'undecided';
  return sign * d.t > MARGIN ? 'yes' : against ? 'no' : 'undecided';
}

/** The predictions of the proposed reason and of the alternative the measurements pointed to, each judged. */
export function wasteTests(comparisons: readonly WasteComparison[]): WasteTest[] {
  const of = (v: WasteVariant, a: WasteVariant) => comparisons.find((c) => c.variant === v && c.against === a)!.differences;
  const test = (hypothesis: WasteTest['hypothesis'], id: string, statement: string, difference: PairedDifference, sign: -1 | 1, kind: 'beyond' | 'not-beyond' = 'beyond'): WasteTest => ({
    id,
    hypothesis,
    statement,
    difference,
    answer: judge(difference, sign, kind),
  });
  const competeInvest = of('compete', 'invest');
  return [
    test('proposed', 'rest-falls', 'Compete has fewer overcapacity sector-years than invest in the sectors it does not chase.', competeInvest.overcapacityRest, -1),
    test('proposed', 'chased-not-lower', 'Compete has no fewer overcapacity sector-years than invest in the chased sectors.', competeInvest.overcapacityChased, 1, 'not-beyond'),
    test('proposed', 'no-grants', 'Taking the plan grants away (investShare 0) lowers the overcapacity sector-years of the other sectors.', of('invest-no-budget', 'invest').overcapacityRest, -1),
    test('proposed', 'chased-plan', 'Plan grants put only into the chased sectors lower the overcapacity sector-years of the other sectors.', of('invest-chased-plan', 'invest').overcapacityRest, -1),
    test('proposed', 'concentration', 'Competing grants alone (no tax cuts, no offers) lower the overcapacity sector-years of the other sectors.', of('compete-grants-only', 'invest').overcapacityRest, -1),
    test('alternative', 'after-bust', 'Compete has fewer overcapacity sector-years than invest in the chased sectors from the bust year on.', competeInvest.overcapacityChasedAfterBust, -1),
    test('alternative', 'plan-into-bust', 'Plan grants keep going into the chased sectors after the bust: invest puts more there from the bust year on than compete.', competeInvest.grantsChasedAfterBust, -1),
    test('alternative', 'redirect-not-budget', 'Competing grants alone, at unchanged tax rates, already lower the chased sectors\' overcapacity sector-years from the bust year on.', of('compete-grants-only', 'invest').overcapacityChasedAfterBust, -1),
    test('alternative', 'no-grants-chased', 'Without plan grants (investShare 0) the chased sectors have fewer overcapacity sector-years from the bust year on.', of('invest-no-budget', 'invest').overcapacityChasedAfterBust, -1),
  ];
}

function conclude(tests: readonly WasteTest[], hypothesis: WasteTest['hypothesis']): WasteConclusion {
  const mine = tests.filter((t) => t.hypothesis === hypothesis);
  if (mine.some((t) => t.answer === 'no')) return 'refuted';
  return mine.every((t) => t.answer === 'yes') ? 'supported' : 'undecided';
}

/** The compete-bust world (validation-claims.ts), optionally with fewer initial firms (tests). */
export async function competeBustWorld(firms?: number): Promise<Scenario> {
  const bust = validationWorlds(await loadClaimScenarios())['compete-bust'].scenario;
  return firms === undefined ? bust : { ...bust, initial: { ...bust.initial, firms } };
}

export async function measureWasteMechanism(options: { replications: number; seeds: number[]; workers: number; onProgress?: () => void; firms?: number }): Promise<WasteMechanism> {
  const bust = await competeBustWorld(options.firms);
  const config = configForValues(bust, {});
  const ids = config.sectors.map((s) => s.id);
  const chased = new Set(BUST.sectors.map((s) => ids.indexOf(s)).filter((k) => k >= 0));
  const threshold = config.metrics.overcapacityThreshold;
  const tasks: RecordTask[] = [];
  for (const v of WASTE_VARIANTS)
    for (const seed of options.seeds)
      for (let r = 0; r < options.replications; r++)
        tasks.push({ index: tasks.length, scenario: wasteVariantScenario(bust, v.id), values: {}, seed, replication: r, counterfactual: v.counterfactual });
  const records = await runRecordTasks(tasks, { workers: options.workers, onProgress: options.onProgress });
  const per = options.seeds.length * options.replications;
  const runs = Object.fromEntries(WASTE_VARIANTS.map((v, i) => [v.id, records.slice(i * per, (i + 1) * per).map((recs) => wasteFigures(recs, chased, threshold))])) as WasteMechanism['runs'];
  const means = Object.fromEntries(
    WASTE_VARIANTS.map((v) => [v.id, Object.fromEntries(WASTE_FIGURES.map(({ id }) => [id, mean(runs[v.id].map((f) => f[id]))]))]),
  ) as WasteMechanism['means'];
  const comparisons = COMPARISONS.map(([v, a]) => compare(runs, v, a));
  const tests = wasteTests(comparisons);
  return { replications: options.replications, seeds: options.seeds, firms: config.initial.firmCount, chasedSectors: [...BUST.sectors], bustYear: BUST.year, threshold, runs, means, comparisons, tests, conclusion: { proposed: conclude(tests, 'proposed'), alternative: conclude(tests, 'alternative') } };
}
