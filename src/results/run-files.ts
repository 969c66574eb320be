/**
 * Writes a run's results folder: metrics.csv, sectors.csv, markets.csv,
 * summary.json, events.jsonl, manifest.json, and the counterfactual's tables.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/run.js';
import type { Manifest, RunSummary } from './run-format.js';
import { stableJson } from './json-file.js';
import { writeTable } from './table-files.js';
import { MARKET_COLUMNS, METRIC_CSV_COLUMNS, SECTOR_COLUMNS, marketRows, metricCsvRows, sectorRows } from './run-tables.js';
import { writeDirectoryAtomically } from './atomic-dir.js';

/** What the files of a run are written from (experiment/run-scenario.ts's ScenarioRun). */
export interface RunRecords {
  config: ModelConfig;
  replications: ReplicationResult[];
  /** Counterfactual replications, same order; null when not requested. */
  counterfactual: ReplicationResult[] | null;
}


/** How the tables are written: `parquet` adds a Parquet file beside each CSV. */
export interface TableOptions {
  parquet?: boolean;
}

export async function writeRunTables(dir: string, run: RunRecords, summary: RunSummary, tables: TableOptions = {}): Promise<void> {
  const out = { parquet: tables.parquet };
  await writeTable(join(dir, 'metrics.csv'), METRIC_CSV_COLUMNS, () => metricCsvRows(run.config, run.replications), out);
  await writeTable(join(dir, 'sectors.csv'), SECTOR_COLUMNS, () => sectorRows(run.config, run.replications), out);
  await writeTable(join(dir, 'markets.csv'), MARKET_COLUMNS, () => marketRows(run.config, run.replications), out);
  await writeFile(join(dir, 'summary.json'), stableJson(summary));
  const events = run.replications.flatMap((rep) => rep.events.map((e) => JSON.stringify({ replication: rep.replication, ...e })));
  await writeFile(join(dir, 'events.jsonl'), events.length > 0 ? events.join('\n') + '\n' : '');
  if (run.counterfactual) {
    const cf = join(dir, 'counterfactual');
    await mkdir(cf, { recursive: true });
    const base = run.counterfactual;
    await writeTable(join(cf, 'metrics.csv'), METRIC_CSV_COLUMNS, () => metricCsvRows(run.config, base), out);
    await writeTable(join(cf, 'sectors.csv'), SECTOR_COLUMNS, () => sectorRows(run.config, base), out);
  }
}

export async function writeResults(
  target: string,
  run: RunRecords,
  summary: RunSummary,
  manifest: Manifest,
  extra?: (dir: string) => Promise<void>,
  output: { force?: boolean } & TableOptions = {},
): Promise<void> {
  await writeDirectoryAtomically(target, { kind: 'run', force: output.force }, async (dir) => {
    await writeRunTables(dir, run, summary, { parquet: output.parquet });
    await writeFile(join(dir, 'manifest.json'), stableJson(manifest));
    if (extra) await extra(dir);
  });
}
