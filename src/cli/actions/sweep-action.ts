/** `chuanyu sweep` and `chuanyu merge`: plain functions the yargs commands call. */
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { prestartPointWorkers } from '../../experiment/pool.js';
import { unusedFolder } from '../../results/output-folder.js';
import { isDeepStrictEqual } from 'node:util';
import { existsSync } from 'node:fs';
import { loadScenario } from '../../scenario/load.js';
import { UserError } from '../../scenario/errors.js';
import { executeSweep, planSweep, type SweepOptions } from '../../experiment/sweep.js';
import { checkedPoints, loadPoint, savePoint } from '../../results/plan-folder.js';
import { copySeries } from '../../results/series-files.js';
import { openSweep, planIdentity, pointsOfShard, readPlan, type SweepPlan } from '../../results/sweep-format.js';
import { writeSweepTables } from '../../experiment/write-sweep.js';
import { renderSweepReport } from '../../report/sweep/report.js';
import { interruptSignal } from '../signals.js';
import { commandProvenance } from '../provenance.js';
import { writePlanFolderManifest } from '../../results/provenance.js';
import { writeMetricDictionary } from '../../results/metric-dictionary-file.js';
import { timestamp } from './run-action.js';
import { checkRunFits, reportingModelLimits } from '../run-fits.js';
import type { ChartFileOptions } from '../options.js';
import { compressRanges } from '../../experiment/slurm/scripts.js';

export interface SweepActionOptions extends SweepOptions {
  scenario: string;
  out?: string;
  resume?: boolean;
  log?: (line: string) => void;
  /** Chart files to write and their captions (default: vl, svg, png with full captions). */
  charts?: ChartFileOptions;
  /** Also write the tables as Parquet. */
  parquet?: boolean;
}

export async function sweepAction(options: SweepActionOptions): Promise<{ outDir: string; complete: boolean }> {
  // The worker threads start now, while the scenario loads and the points are planned and resolved.
  prestartPointWorkers(options.workers ?? availableParallelism());
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const loaded = await loadScenario(options.scenario);
  const plan = planSweep(loaded, options);
  const shardTag = plan.shard ? `-shard${plan.shard.index}of${plan.shard.count}` : '';
  const outDir = options.out ? resolve(options.out) : unusedFolder(resolve(join('results', plan.scenario, `sweep-${timestamp()}-${plan.seed}${shardTag}`)));
  if (options.resume && !options.out) throw new UserError('--resume needs --out naming the sweep folder to finish');
  const mine = pointsOfShard(plan).length;
  if (!options.quiet)
    log(`Sweep of ${plan.scenario}: ${mine} point${mine === 1 ? '' : 's'}${plan.shard ? ` (shard ${plan.shard.index}/${plan.shard.count} of ${plan.points.length})` : ''} x ${plan.replications} replications (${plan.design}), into ${outDir}`);
  const interrupt = options.signal ? null : interruptSignal();
  try {
    checkRunFits(loaded, { replications: plan.replications, workers: options.workers });
    const result = await reportingModelLimits(loaded.file, () => executeSweep(outDir, plan, { resume: options.resume ?? false, workers: options.workers, quiet: options.quiet, signal: options.signal ?? interrupt!.signal }));
    if (!result.complete) {
      log(`Stopped with ${result.done} of ${result.total} points finished and kept in ${outDir}.`);
      const series = options.series?.length ? ` --series ${options.series.join(',')}` : '';
      log(`Finish it with: chuanyu sweep ${options.scenario} ${options.params.map((p) => `--param ${p}`).join(' ')}${series} --out ${outDir} --resume`);
      return { outDir, complete: false };
    }
    await writeSweepTables(outDir, plan, result.points, { parquet: options.parquet });
    await writePlanFolderManifest(outDir, 'sweep', sweepProvenance(plan));
    await writeMetricDictionary(outDir);
    await renderSweepReport(outDir, options.charts);
    if (!options.quiet) {
      log(`Done: ${join(outDir, 'sweep.csv')}, outcomes.csv${plan.series ? ', series.csv' : ''}${options.parquet ? ' (and .parquet)' : ''}, summary.json`);
      log(`Report: ${join(outDir, 'charts', 'report.html')}`);
    }
    return { outDir, complete: true };
  } finally {
    interrupt?.dispose();
  }
}

/** A sweep's provenance: its base scenario, the design of the whole plan (every shard's points), this command line. */
const sweepProvenance = (plan: SweepPlan) =>
  commandProvenance([{ name: plan.scenario, resolved: plan.resolvedScenario }], { sampler: plan.design, sampleSize: plan.points.length, seed: plan.seed, replications: plan.replications });

/** Combines shard folders of one sweep into the table an unsharded run gives. */
export async function mergeAction(options: { dirs: string[]; out: string; quiet?: boolean; parquet?: boolean; log?: (line: string) => void }): Promise<string> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  if (options.dirs.length === 0) throw new UserError('merge needs at least one sweep folder');
  const plans = await Promise.all(options.dirs.map((d) => readPlan(d)));
  const base = planIdentity(plans[0]);
  plans.forEach((p, i) => {
    if (!isDeepStrictEqual(planIdentity(p), base)) throw new UserError(`${options.dirs[i]} belongs to a different sweep than ${options.dirs[0]}`);
  });
  const sources = new Map<number, string>();
  for (const dir of options.dirs) {
    const { good, damaged } = await checkedPoints(dir, plans[0].points, plans[0].replications, plans[0].series);
    // A damaged file is refused with its path: merging must not quietly drop or duplicate a point.
    if (damaged.length > 0)
      throw new UserError(`cannot merge: point ${damaged[0].index} is damaged (${damaged[0].problem})${damaged.length > 1 ? `, and ${damaged.length - 1} more point file${damaged.length > 2 ? 's' : ''}` : ''}; resume the shard that holds it (chuanyu sweep ... --out ${dir} --resume runs it again)`, { file: damaged[0].file });
    for (const index of good) if (!sources.has(index)) sources.set(index, dir);
  }
  const missing = plans[0].points.filter((p) => !sources.has(p.index)).map((p) => p.index);
  if (missing.length > 0)
    throw new UserError(`cannot merge: ${missing.length} of ${plans[0].points.length} points are missing (${pointList(missing)}); run or resume the shards that hold them`);
  const outDir = resolve(options.out);
  const plan = { ...plans[0], shard: null };
  await openSweep(outDir, plan, existsSync(join(outDir, 'plan.json')));
  const points = [];
  for (const p of plan.points) {
    const from = sources.get(p.index)!;
    const point = await loadPoint(from, p.index);
    if (plan.series?.length && from !== outDir) await copySeries(from, outDir, p.index);
    await savePoint(outDir, point);
    points.push(point);
  }
  await writeSweepTables(outDir, plan, points, { parquet: options.parquet });
  await writePlanFolderManifest(outDir, 'merge', sweepProvenance(plan));
  await writeMetricDictionary(outDir);
  await renderSweepReport(outDir);
  if (!options.quiet) log(`Merged ${options.dirs.length} folder${options.dirs.length === 1 ? '' : 's'} (${points.length} points) into ${outDir}`);
  return outDir;
}

/** "points 3, 7-9" for a message: every missing point, as ranges (the first 40 ranges of a long list, and how many more). */
export function pointList(indexes: readonly number[]): string {
  const ranges = compressRanges(indexes).split(',');
  const shown = ranges.slice(0, 40).join(', ');
  return `point${indexes.length === 1 ? '' : 's'} ${shown}${ranges.length > 40 ? `, ... (${ranges.length - 40} more ranges)` : ''}`;
}
