/**
 * The metric dictionary of a results folder (`metrics.json`, issue 18): every
 * metric the registry defines (model/metric-registry.ts: name, scope, unit,
 * kind, description) with the lens it feeds where one applies, the summary
 * measures experiments add (lens values and changes against the
 * counterfactual, docs/ODD.md 7.14-7.15), and for each CSV table in the folder
 * the unit and meaning of each of its columns. Tidy tables with a `metric`
 * column carry a `unit` column of their own (run metrics.csv, sweep.csv);
 * for the others the unit of a value column is stated here.
 *
 * No Node APIs here (metric-dictionary-file.ts writes and reads it).
 */
import { z } from 'zod';
import { METRICS, METRIC_KINDS } from '../model/metric-registry.js';
import { GAME_LENSES, LENS_OF_METRIC } from '../model/metrics/lenses.js';
import { BILLION_YUAN } from '../model/metrics/metric-definition.js';
import { parameterUnit } from '../scenario/schema-units.js';
import { fileFormat } from './file-format.js';

export const METRIC_DICTIONARY_FILE = 'metrics.json';

const metricEntrySchema = z.object({
  name: z.string(),
  /** region, pair or zone (registry metrics); summary measures: `region` or `region and zone`. */
  scope: z.string(),
  unit: z.string(),
  kind: z.enum(METRIC_KINDS),
  /** The game lens the metric makes or feeds (welfare, gdp, fiscal, objective), or null. */
  lens: z.enum(GAME_LENSES).nullable(),
  description: z.string(),
  /** `registry`: a per-step metric of metrics.csv; `summary`: a per-replication measure of experiments (sweep.csv, replications.csv). */
  source: z.enum(['registry', 'summary']),
});
export type MetricEntry = z.output<typeof metricEntrySchema>;

const columnSchema = z.object({ name: z.string(), unit: z.string(), description: z.string() });
export type ColumnEntry = z.output<typeof columnSchema>;

const tableSchema = z.object({
  /** The table's path in the folder, `/`-separated. */
  file: z.string(),
  columns: z.array(columnSchema),
});
export type TableEntry = z.output<typeof tableSchema>;

export const metricDictionarySchema = z.object({
  kind: z.literal('chuanyu-metric-dictionary'),
  /** How to read the units (the `unit` column of tidy tables, the statistics). */
  note: z.string(),
  metrics: z.array(metricEntrySchema),
  tables: z.array(tableSchema),
});
export type MetricDictionary = z.output<typeof metricDictionarySchema>;
export const METRIC_DICTIONARY = fileFormat('a metric dictionary (metrics.json)', metricDictionarySchema);

const LENS_WORDS: Record<(typeof GAME_LENSES)[number], string> = {
  objective: "the government's own objective: its weights times its welfare, GDP and fiscal lens values",
  welfare: 'discounted consumption of residents and government plus discounted final wealth',
  gdp: 'cumulative value added produced in the region',
  fiscal: 'cumulative fiscal balance',
};

/** The per-replication measures experiments add to the registry's metrics (experiment/replication-summary.ts). */
function summaryEntries(): MetricEntry[] {
  const lens = GAME_LENSES.flatMap((l): MetricEntry[] => [
    { name: l, scope: 'region', unit: BILLION_YUAN, kind: 'stock', lens: l, description: `The ${l} lens value over the run: ${LENS_WORDS[l]} (docs/ODD.md 7.14).`, source: 'summary' },
    { name: `${l}_change`, scope: 'region and zone', unit: BILLION_YUAN, kind: 'stock', lens: l, description: `The ${l} lens value less the counterfactual's (zone: the regions' sum).`, source: 'summary' },
  ]);
  return [
    ...lens,
    { name: 'value_added_change', scope: 'region and zone', unit: BILLION_YUAN, kind: 'stock', lens: 'gdp', description: 'Cumulative value added less the counterfactual\'s at the end of the run.', source: 'summary' },
    { name: 'value_added_change_relative', scope: 'region and zone', unit: 'share', kind: 'stock', lens: 'gdp', description: 'value_added_change as a share of the counterfactual\'s cumulative value added.', source: 'summary' },
  ];
}

/** Every metric: the registry's, in its order, then the summary measures. */
export function metricEntries(): MetricEntry[] {
  const registry = METRICS.map((d): MetricEntry => ({ name: d.name, scope: d.scope, unit: d.unit, kind: d.kind, lens: LENS_OF_METRIC[d.name] ?? null, description: d.description, source: 'registry' }));
  return [...registry, ...summaryEntries()];
}

const VS_COUNTERFACTUAL = '_vs_counterfactual';

/** Units by metric name, built once: tables look a unit up for every row they write. One name has one unit in every scope. */
let units: Map<string, string> | undefined;
function unitsByName(): Map<string, string> {
  units ??= new Map(metricEntries().map((e) => [e.name, e.unit]));
  return units;
}

/** The unit of a metric as named in a table (registry, summary measure or `<metric>_vs_counterfactual`); undefined when unknown. */
export function metricUnit(name: string): string | undefined {
  const unit = unitsByName().get(name);
  if (unit !== undefined) return unit;
  if (name.endsWith(VS_COUNTERFACTUAL)) return metricUnit(name.slice(0, -VS_COUNTERFACTUAL.length));
  return undefined;
}

/** The `unit` cell of a tidy row: the metric's unit, '' when it has none. */
export const unitCell = (metric: string): string => metricUnit(metric) ?? '';

const OF_METRIC = "the metric's (its unit column, or metrics[] here)";
const col = (unit: string, description: string) => ({ unit, description });

/** Columns whose name means the same in every table. */
const COMMON: Record<string, { unit: string; description: string }> = {
  replication: col('', 'Replication r (from 0); its random streams are derived from the run seed and r, the same r in every point and scenario.'),
  step: col('steps', 'Step of the run, from 0.'),
  year: col('year', 'Calendar year of the step.'),
  region: col('', 'Region id, a pair of regions `a~b`, or `zone`.'),
  sector: col('', 'Sector id (scenario `sectors`).'),
  metric: col('', 'Metric name (metrics[] in this file).'),
  unit: col('', 'Unit of `value` in this row (the metric\'s, from the registry).'),
  statistic: col('', 'final: the value in the last step; over_run: the mean over the run of a stock, the sum of a flow.'),
  point: col('', 'Design point (plan.json lists each point\'s parameter values).'),
  outcome: col('', 'Outcome class of the replication against its counterfactual (win-win, zero-sum, negative-sum, positive-sum-with-loser, ...).'),
  scenario: col('', 'Scenario name.'),
  reference: col('', 'The reference scenario the differences are taken against.'),
  n: col('replications', 'Paired replications the statistic is computed over.'),
  mean_reference: col(OF_METRIC, 'Mean in the reference scenario.'),
  mean_scenario: col(OF_METRIC, 'Mean in the scenario.'),
  difference: col(OF_METRIC, 'Mean paired difference, scenario less reference.'),
  ci_low: col('as the value', 'Lower end of the 95% confidence interval.'),
  ci_high: col('as the value', 'Upper end of the 95% confidence interval.'),
  t: col('', 'Paired t statistic.'),
  p: col('probability', 'Two-sided p value of the paired t test.'),
  lens: col('', 'Lens: welfare, gdp, fiscal or objective (docs/ODD.md 7.14).'),
  shown: col('', 'Whether the report shows this lens (1) or only the file keeps it (0).'),
  change_mean: col(BILLION_YUAN, 'Mean change against the counterfactual in the lens.'),
  verdict: col('', 'Verdict for the lens: win-win, zero-sum, negative-sum, positive-sum-with-loser or indistinguishable.'),
  explanation: col('', 'The sentence the verdict rests on.'),
  profile: col('', 'Strategy profile, one strategy a region in region order, `/`-separated.'),
  payoff: col(BILLION_YUAN, 'The region\'s payoff in the lens.'),
  change_vs_counterfactual: col(BILLION_YUAN, 'The payoff less the counterfactual\'s.'),
  part: col('', 'Part of the lens value (the parts sum to the total).'),
  mean_difference: col(BILLION_YUAN, 'Mean paired difference of the part, profile less reference profile.'),
  method: col('', 'Sensitivity method: morris or sobol.'),
  output: col('', 'Output analysed, `region|metric|statistic`; its unit is the metric\'s (metrics[]).'),
  parameter: col('', 'Scenario parameter path.'),
  index: col('', 'Sensitivity index: mu_star, mu, sigma (Morris, in the output\'s unit) or S1, ST (Sobol, shares of variance).'),
  lever: col('', 'Scenario parameter path of the study\'s lever (panel).'),
  lever_value: col('', 'Value of the lever.'),
  type: col('', 'Game type of the cell.'),
  likely_type: col('', 'Most likely game type given the payoff intervals.'),
  equilibria: col('', 'Pure Nash equilibria, as strategy profiles.'),
  target: col('as the target metric', 'Target value (the calibration target).'),
  mean: col('as the target metric', 'Mean over the replications.'),
  p05: col('as the target metric', '5th percentile over the replications.'),
  p95: col('as the target metric', '95th percentile over the replications.'),
  in_fit: col('', '1 when the year was used in fitting, 0 when held out.'),
  mean_fitting_seeds: col('as the target metric', 'Mean over the seeds used in fitting.'),
};

/** Columns of one table only (same name, other meaning, or a table's own columns). */
const BY_TABLE: Record<string, Record<string, { unit: string; description: string }>> = {
  'metrics.csv': { value: col('(unit column)', 'The metric\'s value in the step.') },
  'sectors.csv': {
    output: col(BILLION_YUAN, 'Output value (sales revenue) of the region\'s sector in the step.'),
    capital: col(BILLION_YUAN, 'Capital at the end of the step.'),
    firms: col('firms', 'Live firms at the end of the step.'),
    lq: col('ratio', 'Location quotient: the sector\'s share of the region\'s output over its share of the zone\'s.'),
    investment: col(BILLION_YUAN, 'Investment in the step: firms\' own plus grants, relocation offers and fund money (entrants\' founding capital not included).'),
    grants: col(BILLION_YUAN, 'Grants paid in the step.'),
    relocation_offers: col(BILLION_YUAN, 'Relocation offers paid in the step.'),
    fund_invested: col(BILLION_YUAN, 'Fund money invested in the step.'),
  },
  'markets.csv': {
    demand: col('billion units', 'Demand facing the zone at the reference price.'),
    capacity: col('billion units', 'Zone capacity of the sector.'),
    sold: col('billion units', 'Quantity sold.'),
    price: col('yuan per unit', 'Market price.'),
    utilization: col('share', 'Quantity sold over capacity.'),
    investment: col(BILLION_YUAN, 'Investment in the sector in the step, all regions.'),
    duplicated_investment: col(BILLION_YUAN, 'Investment duplicated across regions in the sector (docs/ODD.md 7.15).'),
  },
  'sweep.csv': { value: col('(unit column)', 'The statistic of the metric in the replication.') },
  'series.csv': { value: col('(unit column)', 'The metric\'s value in the step of the replication at the design point.') },
  'trajectories.csv': {
    mean: col(OF_METRIC, 'Mean over the scenario\'s replications in the year.'),
    low: col(OF_METRIC, 'Lower end of the 95% confidence interval of that mean (Student\'s t).'),
    high: col(OF_METRIC, 'Upper end of the 95% confidence interval of that mean (Student\'s t).'),
  },
  // chuanyu discover: PRIM's peeling trajectory (docs/DISCOVERY.md).
  'trajectory.csv': {
    box: col('', 'Box number (1 first; later boxes found by covering, on the runs outside earlier boxes).'),
    step: col('', 'Step of the peeling trajectory, from 0 (the whole space).'),
    selected: col('', '1 for the step chosen as the box, else 0.'),
    rows: col('runs', 'Runs inside the box at this step.'),
    cases: col('runs', 'Runs inside the box where the condition holds.'),
    coverage: col('share', 'Share of the runs where the condition holds that fall inside the box.'),
    density: col('share', 'Share of the runs inside the box where the condition holds.'),
    mass: col('share', 'Share of all runs inside the box.'),
    restricted_dimensions: col('parameters', 'Parameters the box restricts.'),
    limits: col('', 'The box\'s restrictions, as text.'),
  },
  'replications.csv': { value: col(OF_METRIC, 'The statistic of the metric in the replication.') },
  'points.csv': { value: col(OF_METRIC, 'Mean over replications of the output at the point.') },
  'sensitivity.csv': { value: col("the output's (mu_star, mu, sigma) or share (S1, ST)", 'The index estimate.') },
  'decomposition.csv': { reference: col('', 'Reference strategy profile, `/`-separated.'), ci_low: col(BILLION_YUAN, 'Lower end of the 95% interval.'), ci_high: col(BILLION_YUAN, 'Upper end of the 95% interval.') },
  'verdicts.csv': { ci_low: col(BILLION_YUAN, 'Lower end of the 95% interval of the change.'), ci_high: col(BILLION_YUAN, 'Upper end of the 95% interval of the change.') },
  'cells.csv': {
    cooperation_equilibrium: col('', 'Whether mutual cooperation is a Nash equilibrium (yes/no/maybe).'),
    cooperation_equilibrium_sure: col('', 'Whether that holds beyond the payoff intervals.'),
    competition_equilibrium: col('', 'Whether mutual competition is a Nash equilibrium.'),
    cooperation_pays_both: col('', 'Whether mutual cooperation pays both more than mutual competition.'),
  },
};

/** History tables (profile.csv, attribution.csv): their columns by pattern, in the similarity index's unit. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => { unit: string; description: string }][] = [
  [/^window$/, () => col('', 'Competition window (an episode of the history) or the scenario\'s own.')],
  [/^(first|last)_year$/, (m) => col('year', `${m[1] === 'first' ? 'First' : 'Last'} year of the window.`)],
  [/^rmse$/, () => col('as the target metric', 'Root mean square error against the target series.')],
  [/^mse(_per_replication)?$/, () => col('squared target unit', 'Mean square error against the target per replication.')],
  [/^(vs_best|vs_best_mean|mse_vs_full)(_low|_high)?$/, (m) => col('squared target unit', `Difference in mean square error ${m[1] === 'mse_vs_full' ? 'against the full model' : 'against the best window'}${m[2] ? ` (${m[2] === '_low' ? 'lower' : 'upper'} end of the 95% interval)` : ''}.`)],
  [/^(supported|supported_mean|best|best_mean|scenario_window|changed)$/, () => col('', 'Flag (1 yes, 0 no) or label of the row.')],
  [/^mean_(\d{4})$/, (m) => col('as the target metric', `Mean simulated value in ${m[1]}.`)],
  [/^(variant|label)$/, () => col('', 'The mechanism switched off (full: none) and its label.')],
  [/^(fall|rise)_(mean|vs_full|vs_full_low|vs_full_high)$/, (m) => col('as the target metric', `The ${m[1]} of the series: ${m[2].replace(/_/g, ' ')}.`)],
  [/^(fall|rise)_share(_low|_high)?$/, (m) => col('share', `Share of the full model's ${m[1]} this mechanism explains${m[2] ? ` (${m[2].slice(1)} end)` : ''}.`)],
  [/^(fall|rise)_significant$/, () => col('', '1 when the interval excludes zero.')],
];

/** The unit and meaning of one column of `file` (its path in the folder); a column holding a scenario parameter path takes the parameter's unit. */
export function describeColumn(file: string, column: string): ColumnEntry {
  const table = file.split('/').pop() ?? file;
  const own = BY_TABLE[table]?.[column] ?? COMMON[column];
  if (own) return { name: column, ...own };
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(column);
    if (m) return { name: column, ...make(m) };
  }
  if (column.includes('.')) return { name: column, unit: parameterUnit(column), description: `Value of the scenario parameter ${column} (chuanyu params ${column}).` };
  return { name: column, unit: '', description: '' };
}

export const DICTIONARY_NOTE =
  'Units as in the model: money in billion yuan, time in years, shares in [0, 1]. Tidy tables with a metric column carry the unit of each row in their unit column; ' +
  "for other tables each column's unit is listed under tables. A metric's kind says how it is summarised: a stock by its final value and its mean over the run, a flow by its sum over the run.";

/** The dictionary for a folder holding these tables (file path and header each). */
export function buildMetricDictionary(tables: readonly { file: string; header: readonly string[] }[]): MetricDictionary {
  return {
    kind: 'chuanyu-metric-dictionary',
    note: DICTIONARY_NOTE,
    metrics: metricEntries(),
    tables: tables.map((t) => ({ file: t.file, columns: t.header.map((c) => describeColumn(t.file, c)) })),
  };
}
