/**
 * The chuanyu-sim library API: load and validate a scenario, run it, get tidy
 * rows and summaries. The `chuanyu` command is built on exactly these calls.
 *
 *   scenario file --load--> Scenario --normalize--> ModelConfig
 *     --runScenario--> ScenarioRun (records per replication + counterfactual)
 *     --summarizeRun--> RunSummary;  metricRows / sectorRows --> tidy tables
 */
export { loadScenario, loadScenarioFromText, listScenarios } from './scenario/load.js';
export { UserError, formatUserError } from './scenario/errors.js';
export { ScenarioSchema, scenarioJsonSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { normalizeScenario } from './scenario/normalize.js';
export type { ModelConfig, Strategy, StrategyRule } from './model/config.js';
export { runReplication, type ReplicationResult } from './model/run.js';
export { createSimulation, type Simulation } from './model/simulation.js';
export { stepSimulation, createStepScratch } from './model/step.js';
export type { StepRecord } from './model/record.js';
export { METRICS, type MetricDefinition } from './model/metric-registry.js';
export { runScenario, type ScenarioRun, type RunOptions } from './experiment/run-scenario.js';
export { summarizeRun, type RunSummary } from './experiment/summarize.js';
export { metricRows, sectorRows, marketRows, METRIC_COLUMNS, SECTOR_COLUMNS } from './results/run-tables.js';
export { writeResults } from './results/run-files.js';
export { ModelLimitError, type ModelLimitFields, type ModelLimitKind } from './model/model-limit-error.js';
export { estimateRunSize, type RunSizeEstimate } from './model/run-size.js';
export { MAX_FIRMS, type RunLimits } from './model/limits.js';
