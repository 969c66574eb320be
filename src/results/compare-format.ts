/**
 * The files of a comparison folder (`chuanyu compare`): comparison.csv (the
 * paired differences), replications.csv (every replication's summary cells)
 * and summary.json (scenarios, reference, outcomes and the paired
 * differences). The compare command writes them here and the report reads
 * summary.json back with this schema.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { csvLine } from './csv.js';
import { provenanceSchema } from './provenance-format.js';
import { fileFormat, jsonNumber, readJsonFile, stableJson } from './json-file.js';
import type { PointResult } from './point-format.js';

export const COMPARISON_COLUMNS = ['scenario', 'reference', 'region', 'metric', 'statistic', 'n', 'mean_reference', 'mean_scenario', 'difference', 'ci_low', 'ci_high', 't', 'p'];

/** One paired difference of a summary cell: scenario minus reference over common random numbers, with its 95% interval and test. */
export const comparisonRowSchema = z.object({
  scenario: z.string(),
  reference: z.string(),
  region: z.string(),
  metric: z.string(),
  statistic: z.string(),
  n: z.number(),
  meanA: jsonNumber,
  meanB: jsonNumber,
  difference: jsonNumber,
  ciLow: jsonNumber,
  ciHigh: jsonNumber,
  t: jsonNumber,
  p: jsonNumber,
});
export type ComparisonRowFile = z.output<typeof comparisonRowSchema>;

export const comparisonSummarySchema = z.object({
  kind: z.literal('comparison'),
  scenarios: z.array(z.string()).min(2),
  reference: z.string(),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  /** Outcome of every replication per scenario (null without counterfactual). */
  outcomes: z.array(z.object({ scenario: z.string(), outcomes: z.array(z.string().nullable()) })),
  differences: z.array(comparisonRowSchema),
});
export type ComparisonSummaryFile = z.output<typeof comparisonSummarySchema>;

export const COMPARISON_SUMMARY = fileFormat('the summary of a comparison (summary.json)', comparisonSummarySchema);

/** What the files are written from (the experiment's Comparison has these fields). */
export interface ComparisonToWrite {
  scenarios: string[];
  seed: number;
  replications: number;
  results: readonly PointResult[];
  rows: readonly ComparisonRowFile[];
}

export async function writeComparisonTables(dir: string, comparison: ComparisonToWrite): Promise<void> {
  let text = csvLine(COMPARISON_COLUMNS);
  for (const r of comparison.rows) text += csvLine([r.scenario, r.reference, r.region, r.metric, r.statistic, r.n, r.meanA, r.meanB, r.difference, r.ciLow, r.ciHigh, r.t, r.p]);
  await writeFile(join(dir, 'comparison.csv'), text);
  let reps = csvLine(['scenario', 'replication', 'region', 'metric', 'statistic', 'value']);
  comparison.results.forEach((result, s) => {
    for (const rep of result.replications)
      for (const [region, metric, statistic, value] of rep.cells)
        if (Number.isFinite(value)) reps += csvLine([comparison.scenarios[s], rep.replication, region, metric, statistic, value]);
  });
  await writeFile(join(dir, 'replications.csv'), reps);
  await writeFile(
    join(dir, 'summary.json'),
    stableJson({
      kind: 'comparison',
      scenarios: comparison.scenarios,
      reference: comparison.scenarios[0],
      seed: comparison.seed,
      replications: comparison.replications,
      outcomes: comparison.results.map((r, s) => ({
        scenario: comparison.scenarios[s],
        outcomes: r.replications.map((rep) => rep.outcome),
      })),
      differences: comparison.rows,
    }),
  );
}

/** The manifest fields a comparison report shows (the resolved scenarios: titles, descriptions, regions). */
export const comparisonManifestSchema = z
  .object({
    packageVersion: z.string().optional(),
    gitCommit: z.string().nullable().optional(),
    startedAt: z.string().optional(),
    resolvedScenarios: z.array(z.unknown()).optional(),
    /** How the results were made (absent in folders written before it was recorded). */
    provenance: provenanceSchema.optional(),
  })
  .loose();
export const COMPARISON_MANIFEST = fileFormat('the manifest of a comparison (manifest.json)', comparisonManifestSchema);

export function readComparisonSummary(dir: string): Promise<ComparisonSummaryFile> {
  return readJsonFile(dir, 'summary.json', COMPARISON_SUMMARY, 'a comparison folder');
}
