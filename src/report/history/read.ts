/**
 * Reads a `chuanyu history` folder's summary.json (both results in full and
 * the reproducing command) through the results readers. The folder holds no
 * resolved scenario: the scenario's illustrative note is recorded in
 * summary.json itself (absent in folders written before it was).
 */
import { resolve } from 'node:path';
import { readHistorySummary } from '../../results/experiment-files.js';
import type { HistoryResult } from './text.js';

export interface HistorySummary extends HistoryResult {
  kind: 'chuanyu-history';
  command: string;
  /** The scenario's note on illustrative numbers (its `illustrative` field), when it makes one. */
  illustrative?: string;
}

export async function readHistory(dir: string): Promise<HistorySummary> {
  // Checked against results/history-format.ts, which names every field the report, the CSV files and the charts read.
  return (await readHistorySummary(resolve(dir))) as HistorySummary;
}
