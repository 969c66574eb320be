/**
 * A comparison folder read back for the charts: summary.json (scenarios,
 * reference, outcomes and the paired differences), manifest.json (the
 * resolved scenarios: titles, descriptions, regions) and replications.csv
 * (every replication's summary cells, for the distributions), and verdicts.json
 * (each scenario's verdicts against its counterfactual, when present). A scenario may
 * appear twice (comparing a scenario with itself), so scenarios are told apart
 * by position and labelled `name (2)` when a name repeats.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../scenario/errors.js';
import { parseTable } from '../../results/csv-read.js';
import { COMPARISON_MANIFEST, readComparisonSummary, type ComparisonRowFile } from '../../results/compare-format.js';
import { readJsonFile } from '../../results/json-file.js';
import { TRAJECTORIES_CSV, readTrajectoryTable, type TrajectoryRow } from '../../results/trajectory-format.js';
import { readVerdictFile, type ComparisonVerdicts } from './verdicts.js';
import { scenarioText, type Region, type ScenarioText } from '../common/scenario-text.js';

export interface ComparedScenario extends ScenarioText {
  /** Position in the comparison (0 = the reference). */
  index: number;
  /** Unique label for charts and tables. */
  label: string;
}

export interface ScenarioDifference extends ComparisonRowFile {
  /** Position of the scenario compared with the reference. */
  index: number;
}

export interface ComparisonData {
  dir: string;
  scenarios: ComparedScenario[];
  reference: ComparedScenario;
  regions: Region[];
  seed: number;
  replications: number;
  manifest: { packageVersion?: string; gitCommit?: string | null; startedAt?: string; [key: string]: unknown };
  differences: ScenarioDifference[];
  /** Outcome of every replication per scenario (null without counterfactual). */
  outcomes: (string | null)[][];
  /** Replication values: `index|region|metric|statistic` -> values in replication order. */
  values: Map<string, number[]>;
  /** verdicts.json: each scenario against its own counterfactual in every lens (null in folders written before it existed). */
  verdicts: ComparisonVerdicts | null;
  /** trajectories.csv with each row's scenario position (absent or null in folders written before it existed). */
  trajectories?: ScenarioTrajectoryRow[] | null;
}

export interface ScenarioTrajectoryRow extends TrajectoryRow {
  /** Position of the scenario in the comparison. */
  index: number;
}

interface ReplicationRow {
  scenario: string;
  replication: number;
  region: string;
  metric: string;
  statistic: string;
  value: number;
}

export const valueKey = (index: number, region: string, metric: string, statistic: string) => `${index}|${region}|${metric}|${statistic}`;

/** Labels unique in the list: a repeated name gets its occurrence number. */
export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    return k === 1 ? name : `${name} (${k})`;
  });
}

export async function readComparison(dir: string): Promise<ComparisonData> {
  const abs = resolve(dir);
  const what = 'a comparison folder';
  const summary = await readComparisonSummary(abs);
  const manifest = await readJsonFile(abs, 'manifest.json', COMPARISON_MANIFEST, what);
  const labels = uniqueLabels(summary.scenarios);
  const resolved = Array.isArray(manifest.resolvedScenarios) ? manifest.resolvedScenarios : [];
  const scenarios: ComparedScenario[] = summary.scenarios.map((name, index) => ({ ...scenarioText(resolved[index], name), name, index, label: labels[index] }));

  // Differences: rows of one scenario follow each other; a repeated name starts a new block when a key comes again.
  const differences: ScenarioDifference[] = [];
  let block = 0;
  let seen = new Set<string>();
  let previous = '';
  for (const row of summary.differences) {
    const key = `${row.region}|${row.metric}|${row.statistic}`;
    if (row.scenario !== previous || seen.has(key)) {
      let next = block + 1;
      while (next < summary.scenarios.length && summary.scenarios[next] !== row.scenario) next++;
      if (next >= summary.scenarios.length) throw new UserError(`${abs}/summary.json: differences of an unknown scenario "${row.scenario}"`);
      block = next;
      seen = new Set();
      previous = row.scenario;
    }
    seen.add(key);
    differences.push({ ...row, index: block });
  }

  // Replications: one block per scenario in order; a repeated name starts a new block when a cell comes again.
  const file = join(abs, 'replications.csv');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${abs} is not ${what} (no replications.csv)`, { file, cause: error });
  }
  const rows = parseTable<ReplicationRow>(text, file, { scenario: 'string', replication: 'number', region: 'string', metric: 'string', statistic: 'string', value: 'number' });
  const values = new Map<string, number[]>();
  let s = -1;
  let lastName = '';
  let cells = new Set<string>();
  for (const row of rows) {
    const cellKey = `${row.replication}|${row.region}|${row.metric}|${row.statistic}`;
    if (row.scenario !== lastName || cells.has(cellKey)) {
      let next = s + 1;
      while (next < summary.scenarios.length && summary.scenarios[next] !== row.scenario) next++;
      if (next >= summary.scenarios.length) throw new UserError(`replications.csv: rows of an unknown or out-of-order scenario "${row.scenario}"`, { file });
      s = next;
      lastName = row.scenario;
      cells = new Set();
    }
    cells.add(cellKey);
    const key = valueKey(s, row.region, row.metric, row.statistic);
    let list = values.get(key);
    if (!list) values.set(key, (list = []));
    list.push(row.value);
  }

  const outcomes = scenarios.map((_, index) => summary.outcomes[index]?.outcomes ?? []);
  return {
    dir: abs,
    scenarios,
    reference: scenarios[0],
    regions: unionOfRegions(scenarios),
    seed: summary.seed,
    replications: summary.replications,
    manifest,
    differences,
    outcomes,
    values,
    verdicts: await readVerdictFile(abs),
    trajectories: await readTrajectories(abs, summary.scenarios),
  };
}

/** trajectories.csv with scenario positions: one block per scenario in order; a repeated name starts a new block when a series and year come again. */
async function readTrajectories(dir: string, names: readonly string[]): Promise<ScenarioTrajectoryRow[] | null> {
  const rows = await readTrajectoryTable(dir);
  if (!rows) return null;
  const out: ScenarioTrajectoryRow[] = [];
  let s = -1;
  let lastName = '';
  let seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.metric}|${row.region}|${row.year}`;
    if (row.scenario !== lastName || seen.has(key)) {
      let next = s + 1;
      while (next < names.length && names[next] !== row.scenario) next++;
      if (next >= names.length) throw new UserError(`trajectories.csv: rows of an unknown or out-of-order scenario "${row.scenario}"`, { file: join(dir, TRAJECTORIES_CSV) });
      s = next;
      lastName = row.scenario;
      seen = new Set();
    }
    seen.add(key);
    out.push({ ...row, index: s });
  }
  return out;
}

/** Regions of every scenario, in order of first appearance (the reference's first). */
function unionOfRegions(scenarios: readonly ScenarioText[]): Region[] {
  const out: Region[] = [];
  for (const s of scenarios) for (const r of s.regions) if (!out.some((o) => o.id === r.id)) out.push(r);
  return out;
}

/** The replication values of one cell for one scenario (empty when absent). */
export function replicationValues(data: ComparisonData, index: number, region: string, metric: string, statistic: string): number[] {
  return data.values.get(valueKey(index, region, metric, statistic)) ?? [];
}
