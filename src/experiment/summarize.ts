/**
 * summary.json: final and cumulative metrics with mean and 90% interval across
 * replications, and the zero-sum / win-win classification of every replication
 * against its counterfactual.
 */
import { isFlowMetric, METRICS, pairLabel, type MetricScope } from '../model/metric-registry.js';
import { classifyOutcome, valueAddedChange, GAME_OUTCOMES, type GameOutcome } from '../model/metrics/win-win.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import type { ObjectiveWeights } from '../model/config.js';
import { replicationLenses } from './lens-summary.js';
import { describeFundLeverage, fundLeverage } from './fund-leverage.js';
import { summarizeFundStages, type FundStagesSummary } from './fund-stages.js';
import { regionPairs, type StepRecord } from '../model/record.js';
import type { ScenarioRun } from './run-scenario.js';
import { describe, type Stats } from './statistics.js';
import { overRunValue } from './replication-summary.js';

export { overRunValue };
import { LENS_LABELS, lensVerdict, type LensVerdict } from './verdict.js';

import type { MetricSummary, OutcomeSummary, RunSummary } from '../results/run-format.js';

/** summary.json's types are its file format's (src/results/run-format.ts). */
export type { MetricSummary, OutcomeSummary, RunSummary };

function valueOf(record: StepRecord, scope: MetricScope, name: string, index: number): number {
  if (scope === 'zone') return record.zone[name];
  return (scope === 'region' ? record.region : record.pair)[name][index];
}

function summarizeMetric(runs: StepRecord[][], scope: MetricScope, name: string, index: number): MetricSummary {
  const flow = isFlowMetric(name, scope);
  const finals = runs.map((records) => valueOf(records[records.length - 1], scope, name, index));
  const overRun = runs.map((records) => overRunValue(records.map((r) => valueOf(r, scope, name, index)), flow));
  return { final: describe(finals), overRun: describe(overRun), overRunKind: flow ? 'sum' : 'mean' };
}

export function summarizeOutcome(run: ScenarioRun): OutcomeSummary | null {
  if (!run.counterfactual) return null;
  const ids = run.config.regions.map((r) => r.id);
  const tolerance = run.config.metrics.zeroSumTolerance;
  const cumulative = (records: StepRecord[]) => records[records.length - 1].region.cumulative_value_added;
  const replications = run.replications.map((rep, i) => {
    const c = valueAddedChange(cumulative(rep.records), cumulative(run.counterfactual![i].records), tolerance);
    return {
      replication: rep.replication,
      change: Object.fromEntries(ids.map((id, r) => [id, c.deltas[r]])),
      relative: c.relative,
      zoneChange: c.zoneChange,
      outcome: c.outcome,
    };
  });
  const shares = Object.fromEntries(GAME_OUTCOMES.map((o) => [o, replications.filter((r) => r.outcome === o).length / replications.length])) as Record<GameOutcome, number>;
  const lenses = lensVerdicts(run, ids);
  const outcome = GAME_OUTCOMES.reduce((best, o) => (shares[o] > shares[best] ? o : best), GAME_OUTCOMES[0]);
  return {
    counterfactual: 'same seeds, every government plays invest, no guidance fund',
    lens: 'gdp',
    lensLabel: LENS_LABELS.gdp,
    tolerance,
    change: Object.fromEntries(ids.map((id) => [id, describe(replications.map((r) => r.change[id]))])),
    relativeChange: Object.fromEntries(ids.map((id, i) => [id, describe(replications.map((r) => r.relative[i]))])),
    zoneChange: describe(replications.map((r) => r.zoneChange)),
    shares,
    replications: replications.map(({ replication, change, zoneChange, outcome }) => ({ replication, change, zoneChange, outcome })),
    outcome,
    verdict: lenses.gdp,
    discountRate: run.config.metrics.discountRate,
    lenses,
    objectives: Object.fromEntries(ids.map((id, r) => [id, run.config.governments[r].objective])),
    fundLeverage: leverageOf(run, ids),
  };
}

function leverageOf(run: ScenarioRun, ids: string[]): OutcomeSummary['fundLeverage'] {
  const leverage = fundLeverage(
    run.replications.map((r) => r.records),
    run.counterfactual!.map((r) => r.records),
    ids,
    run.config.metrics.discountRate,
  );
  if (leverage.every((x) => x.outside.mean === 0)) return null;
  return leverage.map((x) => ({ region: x.region, outside: x.outside, shareOfGdpGain: x.shareOfGdpGain, shareOfWelfareGain: x.shareOfWelfareGain, sentence: describeFundLeverage(x) }));
}

/** Each lens's verdict: every replication's change in that lens against its counterfactual, classed against each region's own base. */
function lensVerdicts(run: ScenarioRun, ids: string[]): Record<GameLens, LensVerdict> {
  const reps = run.replications.map((rep, i) => replicationLenses(run.config, rep.records, run.counterfactual![i].records));
  return Object.fromEntries(
    GAME_LENSES.map((lens) => [
      lens,
      lensVerdict(
        lens,
        ids,
        ids.map((_, r) => reps.map((x) => x.changes![lens][r])),
        reps.map((x) => x.outcomes![lens]),
      ),
    ]),
  ) as Record<GameLens, LensVerdict>;
}

export function summarizeRun(run: ScenarioRun): RunSummary {
  const { config } = run;
  const runs = run.replications.map((r) => r.records);
  const ids = config.regions.map((r) => r.id);
  const zone: Record<string, MetricSummary> = {};
  const regions: Record<string, Record<string, MetricSummary>> = Object.fromEntries(ids.map((id) => [id, {}]));
  const pairs: Record<string, Record<string, MetricSummary>> = {};
  const pairList = regionPairs(ids.length);
  for (const def of METRICS) {
    if (def.scope === 'zone') zone[def.name] = summarizeMetric(runs, 'zone', def.name, 0);
    else if (def.scope === 'region') ids.forEach((id, r) => (regions[id][def.name] = summarizeMetric(runs, 'region', def.name, r)));
    else
      pairList.forEach(([a, b], p) => {
        const label = pairLabel(ids[a], ids[b]);
        (pairs[label] ??= {})[def.name] = summarizeMetric(runs, 'pair', def.name, p);
      });
  }
  return {
    scenario: config.name,
    seed: run.seed,
    replications: run.replications.length,
    years: [config.startYear, config.startYear + (config.steps - 1) * config.stepYears],
    metrics: { zone, regions, pairs },
    outcome: summarizeOutcome(run),
    fundStages: summarizeFundStages(config, runs),
    events: [
      ...config.funds
        .filter((f) => f.startStep !== null && !config.events.some((e) => e.step === f.startStep && e.kind === 'fund'))
        .map((f) => ({ year: config.startYear + f.startStep! * config.stepYears, kind: 'fund', label: `${f.name} created`, source: 'scenario: fund.start' })),
      ...config.events.map((e) => ({ year: config.startYear + e.step * config.stepYears, kind: e.kind, label: e.label, source: e.source })),
    ].sort((a, b) => a.year - b.year),
  };
}
