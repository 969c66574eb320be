/**
 * What the explorer's worker computes, as plain functions over the project's
 * model (`src/model`): live runs with their counterfactual, the four
 * a play session stepped one year at a time (the Game tab's game is
 * `chuanyu game`'s own: src/experiment/empirical-game.ts). No DOM and no Node APIs, so unit tests can call it directly.
 */
import type { ModelConfig, Strategy, StrategyRule } from '../model/config.js';
import { counterfactualConfig } from '../model/counterfactual.js';
import { classifyOutcome, valueAddedChange, type GameOutcome } from '../model/metrics/win-win.js';
import { lensBase, lensValues, LENSES, type Lens } from '../model/metrics/lenses.js';
import type { StepRecord } from '../model/record.js';
import { runReplication, type ReplicationResult } from '../model/run.js';
import type { ScenarioRun } from '../experiment/run-scenario.js';
import { summarizeRun } from '../experiment/summarize.js';
import { CHARTS } from '../report/run/charts.js';
import { resultsDataFromRun, scenarioInfoOfConfig } from '../report/run/results-data.js';
import type { TopLevelSpec } from 'vega-lite';
import { createSimulation, type Simulation } from '../model/simulation.js';
import { createStream, type Uniform } from '../model/rng.js';
import { ruleMove, type HandoverRule } from './play-rules.js';
import { createStepScratch, stepSimulation, type StepScratch } from '../model/step.js';

export interface SeriesPoint {
  replication: number;
  year: number;
  /** Zone similarity (mean over pairs). */
  similarity: number;
  duplicatedShare: number;
  /** Value added by region index. */
  valueAdded: number[];
  clusters: number[];
  strategies: number[];
}

export interface ReplicationOutcome {
  replication: number;
  /** Change of cumulative value added against the counterfactual, by region. */
  change: number[];
  zoneChange: number;
  outcome: GameOutcome;
  /** Final cumulative payoff by region. */
  payoff: number[];
  /** Each lens's change by region and this replication's class in it (as the CLI's run summary). */
  lenses: Record<Lens, { change: number[]; outcome: GameOutcome }>;
}

export interface ReportChartSpec {
  name: string;
  heading: string;
  caption: string;
  spec: TopLevelSpec;
}

export interface ExplorerResult {
  regions: { id: string; name: string }[];
  series: SeriesPoint[];
  counterfactual: SeriesPoint[];
  outcomes: ReplicationOutcome[];
  /** The project's report charts of the same runs. */
  reportCharts: ReportChartSpec[];
  elapsedMs: number;
}

function point(record: StepRecord, replication: number): SeriesPoint {
  return {
    replication,
    year: record.year,
    similarity: record.zone.similarity,
    duplicatedShare: record.zone.duplicated_investment_share,
    valueAdded: [...record.region.value_added],
    clusters: [...record.region.clusters],
    strategies: [...record.region.strategy],
  };
}

function outcomeOf(config: ModelConfig, replication: number, mine: StepRecord[], base: StepRecord[]): ReplicationOutcome {
  const c = valueAddedChange(mine[mine.length - 1].region.cumulative_value_added, base[base.length - 1].region.cumulative_value_added, config.metrics.zeroSumTolerance);
  return {
    replication,
    change: c.deltas,
    zoneChange: c.zoneChange,
    outcome: c.outcome,
    payoff: [...mine[mine.length - 1].region.cumulative_payoff],
    lenses: lensChanges(config, mine, base),
  };
}

function lensChanges(config: ModelConfig, mine: StepRecord[], base: StepRecord[]): ReplicationOutcome['lenses'] {
  const R = config.regions.length;
  const [a, b] = [lensValues(mine, R, config.metrics.discountRate), lensValues(base, R, config.metrics.discountRate)];
  return Object.fromEntries(
    LENSES.map((lens) => {
      const change = a.lens[lens].map((v, r) => v - b.lens[lens][r]);
      return [lens, { change, outcome: classifyOutcome(change, lensBase(b, lens), config.metrics.zeroSumTolerance) }];
    }),
  ) as ReplicationOutcome['lenses'];
}

/** Runs `replications` replications and their counterfactuals (same seeds). */
export function runExplorer(config: ModelConfig, seed: number, replications: number): ExplorerResult {
  const started = Date.now();
  const cf = counterfactualConfig(config);
  const series: SeriesPoint[] = [];
  const counterfactual: SeriesPoint[] = [];
  const outcomes: ReplicationOutcome[] = [];
  const mains: ReplicationResult[] = [];
  const bases: ReplicationResult[] = [];
  for (let r = 0; r < replications; r++) {
    const main = runReplication(config, { seed, replication: r, keepLog: false });
    const base = runReplication(cf, { seed, replication: r, keepLog: false });
    mains.push(main);
    bases.push(base);
    for (const rec of main.records) series.push(point(rec, r));
    for (const rec of base.records) counterfactual.push(point(rec, r));
    outcomes.push(outcomeOf(config, r, main.records, base.records));
  }
  return { regions: config.regions, series, counterfactual, outcomes, reportCharts: reportCharts(config, seed, mains, bases), elapsedMs: Date.now() - started };
}

/** The project's report charts (src/report/charts) of the same runs, as Vega-Lite specs. */
export function reportCharts(config: ModelConfig, seed: number, mains: ReplicationResult[], bases: ReplicationResult[]): ReportChartSpec[] {
  const run: ScenarioRun = { config, seed, replications: mains, counterfactual: bases };
  const data = resultsDataFromRun(run, summarizeRun(run), scenarioInfoOfConfig(config));
  return CHARTS.flatMap((chart) => {
    const spec = chart.build(data);
    return spec ? [{ name: chart.name, heading: chart.heading, caption: chart.caption(data), spec }] : [];
  });
}

/** A config where every government plays one fixed strategy of `profile` (region order). */
export function withStrategies(config: ModelConfig, profile: Strategy[]): ModelConfig {
  return {
    ...config,
    governments: config.governments.map((g, r) => ({ ...g, rule: { rule: 'fixed', strategy: profile[r], timeline: [] } })),
  };
}

/** Called after each finished run with how many of `total` are done. */
export type Progress = (done: number, total: number) => void;

// ---- play mode ---------------------------------------------------------------------------------

export interface PlayYear {
  year: number;
  step: number;
  strategies: Strategy[];
  payoff: number[];
  cumulativePayoff: number[];
  similarity: number;
  clusters: number[];
  /** Change of cumulative value added against the counterfactual (same seed), by region. */
  change: number[];
  outcome: GameOutcome;
}

const STRATEGY_BY_CODE: Strategy[] = ['invest', 'compete', 'cooperate'];

/**
 * The student's government plays a `fixed` rule whose timeline grows by one
 * entry per year before the year is stepped; the model reads the rule from the
 * config at each strategy choice, and a fixed rule draws no random numbers, so
 * this is exactly the run of the finished timeline from the start.
 */
export class PlaySession {
  readonly config: ModelConfig;
  private readonly sim: Simulation;
  private readonly scratch: StepScratch;
  private readonly base: Simulation;
  private readonly baseScratch: StepScratch;
  private readonly timeline: { step: number; strategy: Strategy }[] = [];
  /** The payoff signals each step read (the model's `previous.signal` before the step), by step. */
  private readonly signalsRead: (number | null)[][] = [];
  /** Only win-stay-lose-shift after an `invest` year draws here (two moves to shift to); seeded, so a game replays. */
  private readonly ruleRandom: Uniform;
  readonly years: PlayYear[] = [];

  constructor(config: ModelConfig, readonly student: number, readonly seed: number) {
    this.timeline = [];
    const rule: StrategyRule = { rule: 'fixed', strategy: 'invest', timeline: this.timeline };
    this.config = { ...config, governments: config.governments.map((g, r) => (r === student ? { ...g, rule } : g)) };
    this.sim = createSimulation(this.config, { seed, replication: 0, keepLog: false });
    this.scratch = createStepScratch(this.sim);
    this.base = createSimulation(counterfactualConfig(this.config), { seed, replication: 0, keepLog: false });
    this.baseScratch = createStepScratch(this.base);
    this.ruleRandom = createStream(`play-handover:${seed}`);
  }

  get done(): boolean {
    return this.years.length >= this.config.steps;
  }

  /** The student's moves so far, by step. */
  get moves(): Strategy[] {
    return this.timeline.map((t) => t.strategy);
  }

  step(choice: Strategy): PlayYear {
    if (this.done) throw new Error('the game is over');
    const t = this.years.length;
    this.timeline.push({ step: t, strategy: choice });
    this.signalsRead.push([...this.sim.previous.signal]);
    const rec = stepSimulation(this.sim, this.scratch);
    const base = stepSimulation(this.base, this.baseScratch);
    const change = valueAddedChange(rec.region.cumulative_value_added, base.region.cumulative_value_added, this.config.metrics.zeroSumTolerance);
    const year: PlayYear = {
      year: rec.year,
      step: rec.step,
      strategies: rec.region.strategy.map((c) => STRATEGY_BY_CODE[c] ?? 'invest'),
      payoff: [...rec.region.payoff],
      cumulativePayoff: [...rec.region.cumulative_payoff],
      similarity: rec.zone.similarity,
      clusters: [...rec.region.clusters],
      change: change.deltas,
      outcome: change.outcome,
    };
    this.years.push(year);
    return year;
  }

  /** The move `rule` makes for the student next year, as if it had played from the start (see ruleMove). */
  nextByRule(rule: HandoverRule): Strategy {
    return ruleMove(rule, this.student, this.years.map((y) => y.strategies), [...this.signalsRead, [...this.sim.previous.signal]], this.ruleRandom);
  }

}
