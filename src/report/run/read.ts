/**
 * Reads a results folder (written by src/results/run-files.ts) back into typed
 * in-memory tables, for the charts and the HTML report. Every problem a user
 * can cause (a wrong folder, a missing or damaged file) is a `UserError` that
 * names the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../../scenario/errors.js';
import { parseTable, type Column } from '../../results/csv-read.js';
import { checkJson, parseJsonFile } from '../../results/json-file.js';
import { RUN_MANIFEST, RUN_SUMMARY, type Manifest, type RunSummary } from '../../results/run-format.js';

export interface MetricRecord {
  replication: number;
  step: number;
  year: number;
  /** A region id, a pair `a~b`, or `zone`. */
  region: string;
  metric: string;
  value: number;
}

export interface SectorRecord {
  replication: number;
  step: number;
  year: number;
  region: string;
  sector: string;
  output: number;
  capital: number;
  firms: number;
  lq: number;
}

export interface MarketRecord {
  replication: number;
  step: number;
  year: number;
  sector: string;
  demand: number;
  capacity: number;
  sold: number;
  price: number;
  utilization: number;
  investment: number;
  duplicated_investment: number;
}

export interface TargetInfo {
  metric: string;
  source: string;
  /** `observedYear`: when the value was observed, if not in `year` (charts draw it there). */
  points: { year: number; value: number; observedYear?: number }[];
}

/** What the charts need to know about the scenario (from manifest.json's resolvedScenario). */
export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** The scenario's note on illustrative numbers ('' when it makes none). */
  illustrative: string;
  regions: { id: string; name: string }[];
  sectors: { id: string; name: string }[];
  target: TargetInfo | null;
  stepYears: number;
  overcapacityThreshold: number;
  /** Years within which a sector entering overcapacity makes an expansion wasted. */
  wasteHorizon: number;
  clusterLocationQuotient: number;
  clusterMinFirms: number;
  clusterMinShare: number;
}

export interface ResultsData {
  /** Absolute path of the folder. */
  dir: string;
  metrics: MetricRecord[];
  sectors: SectorRecord[];
  markets: MarketRecord[];
  summary: RunSummary;
  manifest: Manifest;
  scenario: ScenarioInfo;
  /** Same seeds, every government invests, no fund; null when the run had none. */
  counterfactual: { metrics: MetricRecord[]; sectors: SectorRecord[] } | null;
}

const HINT = 'a results folder is what `chuanyu run` writes (metrics.csv, sectors.csv, markets.csv, summary.json, manifest.json, counterfactual/)';

async function readText(dir: string, relative: string, required: true): Promise<string>;
async function readText(dir: string, relative: string, required: false): Promise<string | null>;
async function readText(dir: string, relative: string, required: boolean): Promise<string | null> {
  const file = join(dir, relative);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return null;
    if (code === 'ENOENT') throw new UserError(`the results folder has no ${relative}`, { file, hint: HINT });
    if (code === 'EISDIR') throw new UserError(`${relative} is a folder, not a file`, { file });
    throw new UserError(`cannot read ${relative} (${(error as Error).message})`, { file, cause: error });
  }
}

const METRIC_COLUMNS: Column<MetricRecord> = { replication: 'number', step: 'number', year: 'number', region: 'string', metric: 'string', value: 'number' };
const SECTOR_COLUMNS: Column<SectorRecord> = {
  replication: 'number', step: 'number', year: 'number', region: 'string', sector: 'string', output: 'number', capital: 'number', firms: 'number', lq: 'number',
};
const MARKET_COLUMNS: Column<MarketRecord> = {
  replication: 'number', step: 'number', year: 'number', sector: 'string', demand: 'number', capacity: 'number', sold: 'number', price: 'number',
  utilization: 'number', investment: 'number', duplicated_investment: 'number',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function named(list: unknown, fallbackIds: string[]): { id: string; name: string }[] {
  if (Array.isArray(list) && list.length > 0 && list.every((x) => isRecord(x) && typeof x.id === 'string')) {
    return list.map((x) => {
      const r = x as Record<string, unknown>;
      return { id: r.id as string, name: str(r.name, r.id as string) };
    });
  }
  return fallbackIds.map((id) => ({ id, name: id }));
}

const firstSeen = (values: Iterable<string>): string[] => [...new Set(values)];

/** The scenario facts the report needs, from manifest.json (tolerant of older or partial manifests). */
export function scenarioInfo(manifest: Manifest, summary: RunSummary, metrics: MetricRecord[], sectors: SectorRecord[]): ScenarioInfo {
  const s = isRecord(manifest.resolvedScenario) ? manifest.resolvedScenario : {};
  const m = isRecord(s.metrics) ? s.metrics : {};
  const time = isRecord(s.time) ? s.time : {};
  const regionIds = firstSeen(metrics.filter((r) => r.region !== 'zone' && !r.region.includes('~')).map((r) => r.region));
  const sectorIds = firstSeen(sectors.map((r) => r.sector));
  let target: TargetInfo | null = null;
  if (isRecord(s.target) && Array.isArray(s.target.points)) {
    const points = s.target.points
      .filter((p): p is { year: number; value: number } => isRecord(p) && typeof p.year === 'number' && typeof p.value === 'number')
      .map((p) => {
        const observedYear = (p as { observedYear?: unknown }).observedYear;
        return { year: p.year, value: p.value, ...(typeof observedYear === 'number' ? { observedYear } : {}) };
      });
    if (points.length > 0) target = { metric: str(s.target.metric, 'similarity'), source: str(s.target.source, ''), points };
  }
  return {
    name: str(s.name, summary.scenario ?? manifest.scenario),
    title: str(s.title, ''),
    description: str(s.description, ''),
    illustrative: str(s.illustrative, '').trim(),
    regions: named(s.regions, regionIds),
    sectors: named(s.sectors, sectorIds),
    target,
    stepYears: num(time.stepYears, 1),
    overcapacityThreshold: num(m.overcapacityThreshold, 0.8),
    wasteHorizon: num(m.wasteHorizon, 3),
    clusterLocationQuotient: num(m.clusterLocationQuotient, 1.25),
    clusterMinFirms: num(m.clusterMinFirms, 5),
    clusterMinShare: num(m.clusterMinShare, 0.1),
  };
}

/** summary.json, checked; a summary written before runs recorded events reads as one without events. */
function readRunSummary(text: string, file: string): RunSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseJsonFile(text, file, RUN_SUMMARY); // names the JSON error
  }
  if (isRecord(value) && value.events === undefined) value.events = [];
  return checkJson(value, file, RUN_SUMMARY);
}

export interface ReadResultsOptions {
  /**
   * The run's manifest, when manifest.json is not (yet) in the folder: e.g.
   * while the run is still writing the folder before renaming it into place.
   */
  manifest?: Manifest;
}

/** Reads every table of a results folder. */
export async function readResults(resultsDir: string, options: ReadResultsOptions = {}): Promise<ResultsData> {
  const dir = resolve(resultsDir);
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new UserError(`no such results folder "${resultsDir}"`, { hint: HINT });
  }
  if (!info.isDirectory()) throw new UserError(`"${resultsDir}" is a file, not a results folder`, { hint: HINT });
  const [metricsText, sectorsText, marketsText, summaryText, manifestText, cfMetricsText, cfSectorsText] = await Promise.all([
    readText(dir, 'metrics.csv', true),
    readText(dir, 'sectors.csv', true),
    readText(dir, 'markets.csv', true),
    readText(dir, 'summary.json', true),
    options.manifest ? Promise.resolve(null) : readText(dir, 'manifest.json', true),
    readText(dir, join('counterfactual', 'metrics.csv'), false),
    readText(dir, join('counterfactual', 'sectors.csv'), false),
  ]);
  const metrics = parseTable(metricsText, join(dir, 'metrics.csv'), METRIC_COLUMNS);
  const sectors = parseTable(sectorsText, join(dir, 'sectors.csv'), SECTOR_COLUMNS);
  const markets = parseTable(marketsText, join(dir, 'markets.csv'), MARKET_COLUMNS);
  const summary = readRunSummary(summaryText, join(dir, 'summary.json'));
  const manifest = options.manifest ?? parseJsonFile(manifestText!, join(dir, 'manifest.json'), RUN_MANIFEST);
  if (cfMetricsText !== null && cfSectorsText === null) {
    throw new UserError('the results folder has counterfactual/metrics.csv but no counterfactual/sectors.csv', { file: join(dir, 'counterfactual', 'sectors.csv') });
  }
  const counterfactual =
    cfMetricsText !== null && cfSectorsText !== null
      ? {
          metrics: parseTable(cfMetricsText, join(dir, 'counterfactual', 'metrics.csv'), METRIC_COLUMNS),
          sectors: parseTable(cfSectorsText, join(dir, 'counterfactual', 'sectors.csv'), SECTOR_COLUMNS),
        }
      : null;
  return { dir, metrics, sectors, markets, summary, manifest, scenario: scenarioInfo(manifest, summary, metrics, sectors), counterfactual };
}
