/**
 * Where a fund's money went against a stated division of labour (docs/ODD.md
 * 7.4): the share of all fund money placed over the run that went to firms in
 * their own region's stated sectors ("stages"), per replication, from each
 * step's per-cell fund money (`record.cells.fund`). The rest went to sectors
 * no region states, or to a sector another region states. Answers "does the
 * fund follow the stated division?" whatever the chain score.
 */
import type { ModelConfig } from '../model/config.js';
import type { StepRecord } from '../model/record.js';
import { describe, type Stats } from './statistics.js';

export interface FundStagesReplication {
  /** Fund money placed over the run, all cells (billion yuan). */
  total: number;
  /** The part placed in the region's own stated sectors. */
  inStages: number;
  /** inStages / total (NaN when the fund placed nothing). */
  share: number;
}

/** One replication's fund money in and out of the stated stages. */
export function fundStagesOf(division: readonly (readonly number[])[], records: readonly StepRecord[]): FundStagesReplication {
  let total = 0;
  let inStages = 0;
  for (const record of records)
    record.cells.fund.forEach((row, r) =>
      row.forEach((money, k) => {
        total += money;
        if (division[r]?.includes(k)) inStages += money;
      }),
    );
  return { total, inStages, share: total > 0 ? inStages / total : Number.NaN };
}

import type { FundStagesSummary } from '../results/run-format.js';

export type { FundStagesSummary };

/** Across replications; null when the scenario states no division or has no fund. */
export function summarizeFundStages(config: ModelConfig, runs: readonly (readonly StepRecord[])[]): FundStagesSummary | null {
  const division = config.policy.divisionOfLabour;
  if (config.funds.length === 0 || !division.some((d) => d.length > 0)) return null;
  const share = describe(runs.map((records) => fundStagesOf(division, records).share));
  const stages = Object.fromEntries(config.regions.map((region, r) => [region.id, division[r].map((k) => config.sectors[k].id)]));
  const listed = Object.entries(stages)
    .filter(([, s]) => s.length > 0)
    .map(([id, s]) => `${id}: ${s.join(', ')}`)
    .join('; ');
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const sentence = Number.isFinite(share.mean)
    ? `${percent(share.mean)} of the fund money placed over the run went to the stated stages (${listed}); 90% interval across ${share.n} replication${share.n === 1 ? '' : 's'} ${percent(share.p05)}-${percent(share.p95)}.`
    : `the fund placed no money, so no share went to the stated stages (${listed}).`;
  return { share, stages, sentence };
}
