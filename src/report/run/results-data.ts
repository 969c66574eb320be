/**
 * The in-memory form of a results folder (what the report charts read), built
 * straight from a run instead of from files: the browser explorer draws the
 * project's report charts with it. Pure: no Node APIs.
 */
import type { ModelConfig } from '../../model/config.js';
import type { ScenarioRun } from '../../experiment/run-scenario.js';
import type { RunSummary } from '../../experiment/summarize.js';
import type { MarketRecord, MetricRecord, ResultsData, ScenarioInfo, SectorRecord } from './read.js';
import { marketRows, metricRows, sectorRows } from '../../results/run-tables.js';
import type { Manifest } from '../../results/run-format.js';

export function scenarioInfoOfConfig(config: ModelConfig, text: { title?: string; description?: string; illustrative?: string } = {}): ScenarioInfo {
  return {
    name: config.name,
    title: text.title ?? '',
    description: text.description ?? '',
    illustrative: text.illustrative ?? '',
    regions: config.regions.map((r) => ({ id: r.id, name: r.name })),
    sectors: config.sectors.map((s) => ({ id: s.id, name: s.name })),
    target: null,
    stepYears: config.stepYears,
    overcapacityThreshold: config.metrics.overcapacityThreshold,
    wasteHorizon: config.metrics.wasteHorizon,
    clusterLocationQuotient: config.metrics.clusterLocationQuotient,
    clusterMinFirms: config.metrics.clusterMinFirms,
    clusterMinShare: config.metrics.clusterMinShare,
  };
}

const metricRecords = (config: ModelConfig, reps: ScenarioRun['replications']): MetricRecord[] =>
  [...metricRows(config, reps)].map(([replication, step, year, region, metric, value]) => ({ replication, step, year, region, metric, value }));

const sectorRecords = (config: ModelConfig, reps: ScenarioRun['replications']): SectorRecord[] =>
  [...sectorRows(config, reps)].map(([replication, step, year, region, sector, output, capital, firms, lq]) => ({
    replication: replication as number, step: step as number, year: year as number, region: region as string, sector: sector as string,
    output: output as number, capital: capital as number, firms: firms as number, lq: lq as number,
  }));

const marketRecords = (config: ModelConfig, reps: ScenarioRun['replications']): MarketRecord[] =>
  [...marketRows(config, reps)].map(([replication, step, year, sector, demand, capacity, sold, price, utilization, investment, duplicated]) => ({
    replication: replication as number, step: step as number, year: year as number, sector: sector as string, demand: demand as number,
    capacity: capacity as number, sold: sold as number, price: price as number, utilization: utilization as number,
    investment: investment as number, duplicated_investment: duplicated as number,
  }));

export function resultsDataFromRun(run: ScenarioRun, summary: RunSummary, scenario: ScenarioInfo): ResultsData {
  const { config } = run;
  return {
    dir: '',
    metrics: metricRecords(config, run.replications),
    sectors: sectorRecords(config, run.replications),
    markets: marketRecords(config, run.replications),
    summary,
    manifest: { scenario: config.name, seed: run.seed, replications: run.replications.length } as unknown as Manifest,
    scenario,
    counterfactual: run.counterfactual ? { metrics: metricRecords(config, run.counterfactual), sectors: sectorRecords(config, run.counterfactual) } : null,
  };
}
