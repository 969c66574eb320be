/**
 * Reads a `chuanyu history` folder's summary.json (both results in full and
 * the reproducing command) through the results readers. The folder holds no
 * resolved scenario, so its report has no illustrative note to show.
 */
import { resolve } from 'node:path';
import { readHistorySummary } from '../../results/experiment-files.js';
import type { HistoryResult } from './text.js';

export interface HistorySummary extends HistoryResult {
  kind: 'chuanyu-history';
  command: string;
}

export async function readHistory(dir: string): Promise<HistorySummary> {
  // Checked against results/history-format.ts, which names every field the report, the CSV files and the charts read.
  return (await readHistorySummary(resolve(dir))) as HistorySummary;
}
