/**
 * The observed series a calibration fits: a CSV file named by
 * `calibrate.targetFile` (columns year,value; resolved relative to the
 * scenario file that names it) or the scenario's own `target` points, and how
 * they are split into fitted, held-out, unused and matched-by-construction
 * points.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { describeValue, UserError, type Location } from '../../scenario/errors.js';
import { getPath } from '../../scenario/merge.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { MAX_SOURCE_BYTES, readScenarioFile } from '../../scenario/source.js';

export interface TargetPoint {
  year: number;
  value: number;
}

export interface CalibrationTarget {
  /** Zone metric the points describe. */
  metric: string;
  /** Where the values come from (the scenario's `target.source`, or the CSV file). */
  source: string;
  /** Absolute path of the CSV file, when the target came from one. */
  file: string | null;
  /** Points in year order. */
  points: TargetPoint[];
}

/** Parses `year,value` CSV text (a header naming both columns, then one point a line). */
export function parseTargetCsv(text: string, file: string): TargetPoint[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) throw new UserError('the target file is empty (expected a header line "year,value" and one point a line)', { file });
  const header = lines[headerAt].split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
  const yearCol = header.indexOf('year');
  const valueCol = header.indexOf('value');
  if (yearCol < 0 || valueCol < 0)
    throw new UserError(`the header must name the columns "year" and "value", got ${describeValue(lines[headerAt].trim())}`, { file, location: { line: headerAt + 1, column: 1 } });
  const points: TargetPoint[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const cells = line.split(',').map((c) => c.trim());
    const year = Number(cells[yearCol]);
    const value = Number(cells[valueCol]);
    const at = { file, location: { line: i + 1, column: 1 } };
    if (cells[yearCol] === undefined || cells[yearCol] === '' || !Number.isInteger(year)) throw new UserError(`expected a whole year, got ${describeValue(cells[yearCol] ?? '')}`, at);
    if (cells[valueCol] === undefined || cells[valueCol] === '' || !Number.isFinite(value)) throw new UserError(`expected a number for the value, got ${describeValue(cells[valueCol] ?? '')}`, at);
    points.push({ year, value });
  }
  if (points.length === 0) throw new UserError('the target file has no points (expected one "year,value" line per observation after the header)', { file });
  return points;
}

/**
 * The file of the `extends` chain (child first) that sets `calibrate.targetFile`,
 * and where: a relative target path is read from that file's folder, and a
 * problem with it is reported there.
 */
function targetFileOwner(loaded: LoadedScenario): { file: string; location?: Location } {
  const path = ['calibrate', 'targetFile'];
  for (const file of loaded.chain) {
    try {
      const source = readScenarioFile(file);
      if (getPath(source.value, path) !== undefined) return { file, location: source.locate(path) };
    } catch {
      // In-memory text (no file on disk): fall through to the scenario's own name.
    }
  }
  return { file: loaded.file };
}

function sortedUnique(points: TargetPoint[], where: string): TargetPoint[] {
  const sorted = points.slice().sort((a, b) => a.year - b.year);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i].year === sorted[i - 1].year) throw new UserError(`${where}: the year ${sorted[i].year} has two target values`);
  return sorted;
}

export function loadTarget(loaded: LoadedScenario, cwd = process.cwd()): CalibrationTarget {
  const { scenario } = loaded;
  const metric = scenario.target?.metric ?? 'similarity';
  const targetFile = scenario.calibrate?.targetFile;
  if (targetFile !== undefined) {
    const owner = targetFileOwner(loaded);
    const at = { file: owner.file, location: owner.location, fieldPath: 'calibrate.targetFile' };
    // Checked before reading: a scenario must not make us read (and quote) some other kind of file.
    if (extname(targetFile).toLowerCase() !== '.csv') throw new UserError(`the target file "${targetFile}" is not a .csv file (expected columns year,value)`, at);
    const file = resolve(cwd, dirname(owner.file), targetFile);
    let text: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new UserError(`the target file "${targetFile}" is not a file, looked for at ${file}`, at);
      if (stat.size > MAX_SOURCE_BYTES) throw new UserError(`the target file "${targetFile}" is too large (${stat.size} bytes; at most ${MAX_SOURCE_BYTES})`, at);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot read the target file "${targetFile}" (${(e as NodeJS.ErrnoException).code ?? String(e)}), looked for at ${file}`, at);
    }
    return { metric, source: scenario.target?.source || targetFile, file, points: sortedUnique(parseTargetCsv(text, file), file) };
  }
  if (!scenario.target)
    throw new UserError('nothing to calibrate to: the scenario has no `target:` points and its `calibrate:` section names no targetFile', {
      file: loaded.file,
      fieldPath: 'calibrate',
      hint: 'add target: { metric: similarity, points: [{ year: 1978, value: 0.83 }, ...] } or calibrate.targetFile: targets/table1-similarity.csv',
    });
  return { metric, source: scenario.target.source, file: null, points: sortedUnique(scenario.target.points, `${loaded.file}: target.points`) };
}

/** How the target points are split: the last N points held out, or explicit year ranges. */
export type SplitRule = { kind: 'last'; holdout: number } | { kind: 'years'; fitYears?: [number, number]; holdoutYears?: [number, number] };

export interface TargetSplit {
  /** Points the objective reads. */
  fit: TargetPoint[];
  /** Points never read by the fit, reported as out-of-sample error. */
  holdout: TargetPoint[];
  /** Points in neither range (an explicit split leaves them out), reported as unused. */
  unused: TargetPoint[];
  /** Points a hand choice sets by construction: excluded from the fit, the hold-out and every error. */
  matched: TargetPoint[];
}

const inRange = (year: number, range: readonly [number, number] | undefined) => range !== undefined && year >= range[0] && year <= range[1];
const yearsText = (range: readonly [number, number]) => `${range[0]}-${range[1]}`;

/**
 * Splits the target points: matched-by-construction years first (each must be
 * a target year), then the rest by the rule. `--holdout N` holds out the last
 * N of the remaining points; year ranges pick the fitted and held-out points
 * (fitted by default: every point not held out) and leave the others unused.
 */
export function splitTarget(points: readonly TargetPoint[], rule: SplitRule, matchedYears: readonly number[] = []): TargetSplit {
  for (const y of matchedYears)
    if (!points.some((p) => p.year === y))
      throw new UserError(`calibrate.matchedByConstruction names ${y}, which is not a target year (target years: ${points.map((p) => p.year).join(', ')})`);
  const matched = points.filter((p) => matchedYears.includes(p.year));
  const rest = points.filter((p) => !matchedYears.includes(p.year));
  const note = matched.length > 0 ? ` (after leaving out the ${matched.length} matched by construction)` : '';
  if (rule.kind === 'last') {
    const n = rule.holdout;
    if (!Number.isInteger(n) || n < 0) throw new UserError(`--holdout must be a non-negative whole number, got ${n}`);
    if (n >= rest.length) throw new UserError(`cannot hold out ${n} of ${rest.length} target points${note}: at least one must remain to fit`);
    return { fit: rest.slice(0, rest.length - n), holdout: rest.slice(rest.length - n), unused: [], matched };
  }
  const { fitYears, holdoutYears } = rule;
  if (fitYears && holdoutYears && fitYears[0] <= holdoutYears[1] && holdoutYears[0] <= fitYears[1])
    throw new UserError(`the fit years ${yearsText(fitYears)} and the hold-out years ${yearsText(holdoutYears)} overlap: a held-out year must never be fitted`);
  const holdout = rest.filter((p) => inRange(p.year, holdoutYears));
  const fit = rest.filter((p) => (fitYears ? inRange(p.year, fitYears) : !inRange(p.year, holdoutYears)));
  if (fit.length === 0)
    throw new UserError(`no target point to fit${fitYears ? ` in ${yearsText(fitYears)}` : ''}${note}: target years are ${points.map((p) => p.year).join(', ')}`);
  const unused = rest.filter((p) => !fit.includes(p) && !holdout.includes(p));
  return { fit, holdout, unused, matched };
}

/** Parses "1978-2002" (or "1978:2002", or one year) into [from, to]. */
export function parseYearRange(text: string, option: string): [number, number] {
  const m = /^\s*(\d{4})\s*(?:[-:]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw new UserError(`${option} expects years as FROM-TO (e.g. 1978-2002), got ${describeValue(text)}`);
  const range: [number, number] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (range[0] > range[1]) throw new UserError(`${option}: the first year must not come after the second, got ${describeValue(text)}`);
  return range;
}
