/**
 * Options shared by the commands that run the model, and the one way a numeric
 * flag is read: its text is checked (a number, whole where it must be, within
 * the limits a scenario file has), so `--seed abc`, `-r 1e9` or `--workers 999`
 * are refused with a message that quotes what was typed, before anything runs.
 */
import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { CAPTIONS, CHART_FORMATS, DEFAULT_FORMATS, parseFormats, type Captions, type ChartFormat } from '../report/common/chart-formats.js';

export interface RunArgs {
  seed?: number;
  replications?: number;
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

export interface NumericFlag {
  /** Whole numbers only. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** Why the maximum is what it is, for the message. */
  maxReason?: string;
}

/** Reads one numeric flag's text; throws an Error whose message yargs prints as a usage error (exit 2). */
export function parseNumericFlag(flag: string, raw: unknown, spec: NumericFlag): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new Error(`${flag} was given ${raw.length} times; give it once`);
  const text = String(raw).trim();
  const kind = spec.integer ? 'a whole number' : 'a number';
  // Number('') is 0 and Number('0x10') is 16: accept only plain decimal notation.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new Error(`${flag} must be ${kind}, got "${text}"`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${flag} must be a finite number, got "${text}"`);
  if (spec.integer && (!Number.isInteger(value) || !Number.isSafeInteger(value))) throw new Error(`${flag} must be ${kind}${Number.isInteger(value) ? ` of at most ${Number.MAX_SAFE_INTEGER}` : ''}, got "${text}"`);
  if (spec.min !== undefined && value < spec.min) throw new Error(`${flag} must be at least ${spec.min}, got "${text}"`);
  if (spec.max !== undefined && value > spec.max) throw new Error(`${flag} must be at most ${spec.max}${spec.maxReason ? ` (${spec.maxReason})` : ''}, got "${text}"`);
  return value;
}

/** A yargs option that takes a number checked by `parseNumericFlag` (read as text so the message can quote it). */
export function numericOption(flag: string, spec: NumericFlag, options: { alias?: string; describe: string; group?: string; default?: number }) {
  return {
    ...options,
    type: 'string' as const,
    requiresArg: true,
    coerce: (raw: unknown) => parseNumericFlag(flag, raw, spec),
  };
}

/** The limits a scenario file has for the same settings (src/scenario/schema.ts); the scenario's own check applies too, in `checkRunFlags`. */
export const SEED_FLAG: NumericFlag = { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER };
export const REPLICATIONS_FLAG: NumericFlag = { integer: true, min: 1, max: 10_000, maxReason: 'the limit a scenario file has' };

export function addRunOptions<T>(yargs: Argv<T>): Argv<T & RunArgs> {
  return yargs
    .option('seed', numericOption('--seed', SEED_FLAG, { describe: 'Random seed, a whole number (default: the scenario\'s)', group: 'Run options:' }))
    .option('replications', numericOption('--replications', REPLICATIONS_FLAG, { alias: 'r', describe: 'Number of replications (default: the scenario\'s)', group: 'Run options:' }))
    .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write results into this folder (new or empty; see --force)', group: 'Run options:' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors', group: 'Run options:' })
    .middleware(async (args) => {
      // The scenario schema's own limits, loaded only when a command runs (zod is slow to load).
      const { checkRunFlags } = await import('./flag-limits.js');
      checkRunFlags(args as RunArgs);
    }) as unknown as Argv<T & RunArgs>;
}

/** `--force`: for commands that write one results folder (run, compare, game, calibrate). */
export function addForceOption<T>(yargs: Argv<T>): Argv<T & { force: boolean }> {
  return yargs.option('force', {
    type: 'boolean',
    default: false,
    describe: 'Replace the results of an earlier run of this command in --out (only a folder chuanyu wrote, holding only its own files)',
    group: 'Run options:',
  }) as Argv<T & { force: boolean }>;
}

export interface ParquetArgs {
  parquet: boolean;
}

/** `--parquet`: a Parquet file beside each CSV table (docs/DATA.md, "Trajectories and Parquet"). */
export function addParquetOption<T>(yargs: Argv<T>, group = 'Run options:'): Argv<T & ParquetArgs> {
  return yargs.option('parquet', {
    type: 'boolean',
    default: false,
    describe: 'Also write each CSV table as Parquet beside it (same columns and values; for pandas, polars, R arrow, DuckDB)',
    group,
  }) as Argv<T & ParquetArgs>;
}

export interface SeriesArgs {
  series: string[];
}

/** `--series`: metrics whose trajectories a sweep or sensitivity analysis keeps (experiment/series.ts). */
export function addSeriesOption<T>(yargs: Argv<T>, group: string): Argv<T & SeriesArgs> {
  return yargs.option('series', {
    type: 'string',
    array: true,
    default: [],
    describe: 'Keep these metrics at every step of every point and replication, in series.csv: metric[,metric...], each a metric name (every place it is measured at) or place.metric, e.g. similarity,sichuan.value_added',
    group,
  }) as unknown as Argv<T & SeriesArgs>;
}

export interface WorkersArgs {
  workers?: number;
}

/** More threads than this is never useful on one machine and each costs memory (a V8 isolate and the model). */
export const MAX_WORKERS = 64;

/** `--workers` / `-j`: worker threads, one per core by default; a warning above the number of cores. */
export function addWorkersOption<T>(yargs: Argv<T>, group?: string): Argv<T & WorkersArgs> {
  return yargs
    .option(
      'workers',
      numericOption('--workers', { integer: true, min: 1, max: MAX_WORKERS, maxReason: 'more threads than that only costs memory' }, {
        alias: 'j',
        default: availableParallelism(),
        describe: 'Worker threads (at most one per task is started)',
        ...(group ? { group } : {}),
      }),
    )
    .middleware((args) => {
      const workers = (args as WorkersArgs).workers;
      const cores = availableParallelism();
      if (workers !== undefined && workers > cores && !(args as { quiet?: boolean }).quiet)
        process.stderr.write(`warning: --workers ${workers} is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine; extra threads only add memory and switching\n`);
    }) as unknown as Argv<T & WorkersArgs>;
}

/** What the plain action functions behind the commands share. */
export interface ActionOptions extends RunArgs {
  workers?: number;
  /** Where progress and summaries go (default: stdout). */
  log?: (line: string) => void;
  /** Chart files to write and their captions (default: vl, svg, png with full captions). */
  charts?: ChartFileOptions;
}

/** What `--format` and `--captions` ask of the report writers. */
export interface ChartFileOptions {
  formats?: ChartFormat[];
  captions?: Captions;
}

export interface ChartArgs {
  format?: string[];
  captions?: Captions;
}

/**
 * `--format` and `--captions`: which chart files a command writes next to its
 * report.html and whether they carry their method notes; shared by every
 * command that draws charts.
 */
export function addChartOptions<T>(yargs: Argv<T>): Argv<T & ChartArgs> {
  return yargs
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      requiresArg: true,
      defaultDescription: DEFAULT_FORMATS.join(','),
      describe: `Chart files to write, comma-separated: ${CHART_FORMATS.join(', ')} (pdf: vector, fonts embedded; report.html is always written)`,
      group: 'Charts:',
    })
    .option('captions', {
      choices: CAPTIONS,
      default: 'full' as Captions,
      describe: 'Method notes under each chart file\'s title (full), or the title only (none), e.g. for pasting into a paper',
      group: 'Charts:',
    })
    .check((args) => {
      const format = (args as ChartArgs).format;
      if (format !== undefined) parseFormats(format);
      return true;
    }) as unknown as Argv<T & ChartArgs>;
}

/** The chart options as the report functions take them. */
export function chartOptions(args: ChartArgs): ChartFileOptions {
  return { ...(args.format !== undefined ? { formats: parseFormats(args.format) } : {}), ...(args.captions !== undefined ? { captions: args.captions } : {}) };
}
