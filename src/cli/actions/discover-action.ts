/** `chuanyu discover`: a plain function the yargs command calls (and tests call in-process). */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { availableNames, PRESETS } from '../../experiment/discovery/condition.js';
import { readDiscoverySource } from '../../experiment/discovery/dataset.js';
import { discover } from '../../experiment/discovery/discover.js';
import { PRIM_DEFAULTS } from '../../experiment/discovery/prim.js';
import { CART_DEFAULTS } from '../../experiment/discovery/cart.js';
import type { DiscoverFile } from '../../results/discover-format.js';
import { checkOutputTarget } from '../../results/output-folder.js';
import { writeDiscoverFolder } from '../../report/discover/report.js';
import { discoverySentences } from '../../report/discover/text.js';
import { UserError } from '../../scenario/errors.js';
import { readFolderProvenance } from '../../results/provenance.js';
import { commandProvenance } from '../provenance.js';
import type { ChartFileOptions } from '../options.js';

export interface DiscoverActionOptions extends ChartFileOptions {
  /** A sweep or sensitivity folder. */
  dir: string;
  where?: string;
  boxes?: number;
  /** The peeling step to report as the first box (default: the densest with coverage >= minCoverage). */
  box?: number;
  alpha?: number;
  minMass?: number;
  minCoverage?: number;
  depth?: number;
  /** Print the names and presets a condition may use, and stop. */
  names?: boolean;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface DiscoverActionResult {
  outDir: string | null;
  file: DiscoverFile | null;
}

const shellWord = (s: string) => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The results folder's name from the condition: `discover-` and its words, shortened with a hash when long. */
export function discoverSlug(where: string): string {
  const words = where.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'condition';
  if (words.length <= 48) return `discover-${words}`;
  return `discover-${words.slice(0, 40).replace(/-+$/, '')}-${createHash('sha256').update(where).digest('hex').slice(0, 6)}`;
}

export async function discoverAction(options: DiscoverActionOptions): Promise<DiscoverActionResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const dir = resolve(options.dir);
  const source = await readDiscoverySource(dir);
  if (options.names) {
    log(`Names a condition may use in ${options.dir} (one replication's outcomes; metric.region means its final value):`);
    for (const name of availableNames(source.names)) log(`  ${name}`);
    log('Presets:');
    for (const p of PRESETS) log(`  ${p.name}: ${p.words(source.names.regions)} (${p.expression(source.names.regions)})`);
    return { outDir: null, file: null };
  }
  if (options.where === undefined) throw new UserError('discover needs --where "<condition>" (or --names to list what a condition may use)');
  const outDir = options.out ? resolve(options.out) : join(dir, discoverSlug(options.where));
  await checkOutputTarget(outDir, { kind: 'discover', force: options.force });
  const settings = {
    alpha: options.alpha ?? PRIM_DEFAULTS.alpha,
    minMass: options.minMass ?? PRIM_DEFAULTS.minMass,
    minCoverage: options.minCoverage ?? PRIM_DEFAULTS.minCoverage,
    boxes: options.boxes ?? PRIM_DEFAULTS.boxes,
    maxDepth: options.depth ?? CART_DEFAULTS.maxDepth,
  };
  const command = [
    'chuanyu discover',
    shellWord(options.dir),
    '--where',
    shellWord(options.where),
    '--boxes',
    String(settings.boxes),
    ...(options.box !== undefined ? ['--box', String(options.box)] : []),
    '--alpha',
    String(settings.alpha),
    '--min-mass',
    String(settings.minMass),
    '--min-coverage',
    String(settings.minCoverage),
    '--depth',
    String(settings.maxDepth),
  ].join(' ');
  let file: DiscoverFile;
  try {
    file = discover(source, options.where, { ...settings, step: options.box, command });
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`--box ${options.box}: ${error.message}; see trajectory.csv of a run without --box`);
    throw error;
  }
  // The runs analysed are the source folder's: its scenarios and design, with this command line.
  const sourceProvenance = await readFolderProvenance(dir);
  const provenance = sourceProvenance ? { ...commandProvenance([], sourceProvenance.design), scenarios: sourceProvenance.scenarios } : undefined;
  await writeDiscoverFolder(outDir, file, { force: options.force, formats: options.formats, captions: options.captions, provenance });
  if (!options.quiet) {
    if (source.usedPoints < source.plannedPoints) log(`warning: ${source.usedPoints} of the ${source.plannedPoints} points of ${options.dir} are finished; the discovery uses only them`);
    for (const line of discoverySentences(file)) log(line);
    log(`Done: ${join(outDir, 'boxes.json')}, trajectory.csv, summary.md`);
    log(`Report: ${join(outDir, 'report.html')}`);
  }
  return { outDir, file };
}
