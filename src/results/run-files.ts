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
import { writeCsvFile } from './csv-file.js';
import { MARKET_COLUMNS, METRIC_CSV_COLUMNS, SECTOR_COLUMNS, marketRows, metricCsvRows, sectorRows } from './run-tables.js';
import { writeDirectoryAtomically } from './atomic-dir.js';

/** What the files of a run are written from (experiment/run-scenario.ts's ScenarioRun). */
export interface RunRecords {
  config: ModelConfig;
  replications: ReplicationResult[];
  /** Counterfactual replications, same order; null when not requested. */
  counterfactual: ReplicationResult[] | null;
}


export async function writeRunTables(dir: string, run: RunRecords, summary: RunSummary): Promise<void> {
  await writeCsvFile(join(dir, 'metrics.csv'), METRIC_CSV_COLUMNS, metricCsvRows(run.config, run.replications));
  await writeCsvFile(join(dir, 'sectors.csv'), SECTOR_COLUMNS, sectorRows(run.config, run.replications));
  await writeCsvFile(join(dir, 'markets.csv'), MARKET_COLUMNS, marketRows(run.config, run.replications));
  await writeFile(join(dir, 'summary.json'), stableJson(summary));
  const events = run.replications.flatMap((rep) => rep.events.map((e) => JSON.stringify({ replication: rep.replication, ...e })));
  await writeFile(join(dir, 'events.jsonl'), events.length > 0 ? events.join('\n') + '\n' : '');
  if (run.counterfactual) {
    const cf = join(dir, 'counterfactual');
    await mkdir(cf, { recursive: true });
    await writeCsvFile(join(cf, 'metrics.csv'), METRIC_CSV_COLUMNS, metricCsvRows(run.config, run.counterfactual));
    await writeCsvFile(join(cf, 'sectors.csv'), SECTOR_COLUMNS, sectorRows(run.config, run.counterfactual));
  }
}

export async function writeResults(
  target: string,
  run: RunRecords,
  summary: RunSummary,
  manifest: Manifest,
  extra?: (dir: string) => Promise<void>,
  output: { force?: boolean } = {},
): Promise<void> {
  await writeDirectoryAtomically(target, { kind: 'run', force: output.force }, async (dir) => {
    await writeRunTables(dir, run, summary);
    await writeFile(join(dir, 'manifest.json'), stableJson(manifest));
    if (extra) await extra(dir);
  });
}
