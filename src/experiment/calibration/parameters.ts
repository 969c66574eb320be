/**
 * The free parameters of a calibration: dotted paths into the scenario (as in
 * sweeps) with [lower, upper] bounds. A list item may be named by its id
 * (`sectors.electronics.demandGrowth`) as well as by its index
 * (`sectors.10.demandGrowth`). Integer parameters (e.g. `policy.hotSectors`)
 * are found from the scenario's JSON Schema and rounded before each
 * evaluation; other values are rounded to 5 significant digits, so the
 * values written to calibrated.yaml are exactly the ones evaluated.
 */
import { scenarioJsonSchema } from '../../scenario/schema.js';
import { UserError } from '../../scenario/errors.js';
import { getPath, isPlainObject } from '../../scenario/merge.js';
import { checkParameterPath } from '../parameters.js';
import { configForValues } from '../run-point.js';
import { InvalidValuesError } from '../validation.js';

export interface CalibrationParameter {
  /** The path as written in the scenario (may hold `*`). */
  path: string;
  /** Every concrete path it sets, list items as indices (what setPath needs); one unless the path holds `*`. */
  indexPaths: string[];
  lower: number;
  upper: number;
  integer: boolean;
  /** The scenario's own value, clamped into the bounds (the optimizer's starting point). */
  start: number;
}

/** `sectors.electronics.demandGrowth` -> `sectors.10.demandGrowth` (list items named by id); other paths unchanged. */
export function indexPath(path: string, scenario: unknown): string {
  const parts = path.split('.');
  let node: unknown = scenario;
  const out: string[] = [];
  for (const part of parts) {
    if (Array.isArray(node) && !/^\d+$/.test(part)) {
      const at = node.findIndex((item) => isPlainObject(item) && item.id === part);
      if (at < 0) {
        const ids = node.map((item) => (isPlainObject(item) ? item.id : undefined)).filter((id) => typeof id === 'string');
        throw new UserError(`calibrate.parameters: "${path}": no item "${part}" in ${out.join('.')}${ids.length ? ` (ids: ${ids.join(', ')})` : ''}`);
      }
      out.push(String(at));
      node = node[at];
    } else {
      out.push(part);
      node = getPath(node, [Array.isArray(node) ? Number(part) : part]);
    }
  }
  return out.join('.');
}

/**
 * The concrete index paths a path names: `*` stands for every key of a record
 * (or every item of a list) at that place; list items may be named by id.
 */
export function expandPath(path: string, scenario: unknown): string[] {
  if (!path.split('.').includes('*')) return [indexPath(path, scenario)];
  const parts = path.split('.');
  let frontier: { node: unknown; prefix: string[] }[] = [{ node: scenario, prefix: [] }];
  for (const [i, part] of parts.entries()) {
    if (part !== '*') {
      frontier = frontier.map(({ node, prefix }) => {
        const ip = indexPath(part, node);
        return { node: getPath(node, [Array.isArray(node) ? Number(ip) : ip]), prefix: [...prefix, ip] };
      });
      continue;
    }
    frontier = frontier.flatMap(({ node, prefix }) => {
      const keys = Array.isArray(node) ? node.map((_, k) => String(k)) : isPlainObject(node) ? Object.keys(node) : null;
      if (keys === null) throw new UserError(`calibrate.parameters: "${path}": "*" stands for every key of a record or item of a list, but ${[...prefix].join('.') || 'the scenario'} is neither`);
      if (keys.length === 0) throw new UserError(`calibrate.parameters: "${path}": ${parts.slice(0, i).join('.')} is empty, so "*" matches nothing`);
      return keys.map((k) => ({ node: getPath(node, [Array.isArray(node) ? Number(k) : k]), prefix: [...prefix, k] }));
    });
  }
  return frontier.map((f) => f.prefix.join('.'));
}

/** The JSON Schema node at a dotted path (list indices and record keys step into items / additionalProperties). */
function schemaNode(path: string): Record<string, unknown> | undefined {
  let node: any = scenarioJsonSchema();
  for (const seg of path.split('.')) {
    // Unions may nest (a strategy is a name or one of several rule objects): look through all of them.
    const options: any[] = [];
    const collect = (n: any) => {
      options.push(n);
      for (const o of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) collect(o);
    };
    collect(node);
    let next: any;
    for (const o of options) {
      if (o.properties && seg in o.properties) next = o.properties[seg];
      else if (/^\d+$/.test(seg) && o.items && typeof o.items === 'object') next = o.items;
      else if (o.additionalProperties && typeof o.additionalProperties === 'object') next = o.additionalProperties;
      if (next) break;
    }
    if (!next) return undefined;
    node = next;
  }
  return node;
}

function isIntegerPath(path: string): boolean {
  const node = schemaNode(path) as { type?: string; anyOf?: { type?: string }[] } | undefined;
  if (!node) return false;
  const types = [node.type, ...(node.anyOf ?? []).map((o) => o.type)].filter(Boolean);
  return types.includes('integer') && !types.includes('number');
}

/** A value as evaluated: integers rounded, others to 5 significant digits; always inside the bounds. */
export function tidyValue(x: number, p: Pick<CalibrationParameter, 'lower' | 'upper' | 'integer'>): number {
  const v = p.integer ? Math.round(x) : Number(x.toPrecision(5));
  const lo = p.integer ? Math.ceil(p.lower) : p.lower;
  const hi = p.integer ? Math.floor(p.upper) : p.upper;
  return Math.min(hi, Math.max(lo, v));
}

/** Values by index path for a point of the optimizer (one number per parameter, in order). */
export function valuesOf(parameters: readonly CalibrationParameter[], x: readonly number[]): Record<string, number> {
  const values: Record<string, number> = {};
  parameters.forEach((p, i) => {
    const v = tidyValue(x[i], p);
    for (const ip of p.indexPaths) values[ip] = v;
  });
  return values;
}

/** Throws a UserError when the values make an invalid scenario. */
function checkValues(scenario: unknown, values: Record<string, number>, where: string): void {
  try {
    configForValues(scenario, values);
  } catch (e) {
    if (e instanceof InvalidValuesError) throw new UserError(`${where}: the bounds allow an invalid scenario (${e.setting}): ${e.issues}`);
    throw e;
  }
}

/**
 * Reads and checks `calibrate.parameters` against the resolved scenario: known
 * numeric paths, lower < upper, and a valid scenario at every corner of the
 * box that differs from the start in one parameter, and at the all-lower and
 * all-upper corners.
 */
export function calibrationParameters(scenario: Record<string, unknown>, bounds: Record<string, [number, number]>, file: string): CalibrationParameter[] {
  const where = `${file}: calibrate.parameters`;
  const entries = Object.entries(bounds);
  if (entries.length === 0) throw new UserError(`${where}: name at least one parameter, e.g. agglomeration.localization: [0.02, 0.25]`);
  const parameters = entries.map(([path, [lower, upper]]) => {
    if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) throw new UserError(`${where}: ${path}: the bounds must be [lower, upper] with lower < upper, got [${lower}, ${upper}]`);
    const indexPaths = expandPath(path, scenario);
    const currents: number[] = [];
    for (const ip of indexPaths) {
      checkParameterPath(ip, scenario, where);
      const current = getPath(scenario, ip);
      if (current !== undefined && current !== null && typeof current !== 'number')
        throw new UserError(`${where}: ${path} is not a number parameter (${ip === path ? 'its' : `the`} value${ip === path ? '' : ` at ${ip}`} is ${JSON.stringify(current)}); only numbers can be calibrated`);
      if (typeof current === 'number') currents.push(current);
    }
    const integer = isIntegerPath(indexPaths[0]);
    if (integer && Math.floor(upper) < Math.ceil(lower)) throw new UserError(`${where}: ${path} is a whole number, but [${lower}, ${upper}] holds none`);
    const mid = (lower + upper) / 2;
    const p: CalibrationParameter = { path, indexPaths, lower, upper, integer, start: 0 };
    // A tied parameter starts at the mean of the values it replaces (they are usually equal).
    p.start = tidyValue(currents.length > 0 ? currents.reduce((a, b) => a + b, 0) / currents.length : mid, p);
    return p;
  });
  const seen = new Map<string, string>();
  for (const p of parameters)
    for (const ip of p.indexPaths) {
      const other = seen.get(ip);
      if (other !== undefined) throw new UserError(other === p.path ? `${where}: ${p.path} is named twice` : `${where}: ${ip} is set by both ${other} and ${p.path}`);
      seen.set(ip, p.path);
    }
  checkTimelineOrder(parameters, scenario, where);
  const start = parameters.map((p) => p.start);
  const corners: number[][] = [parameters.map((p) => p.lower), parameters.map((p) => p.upper)];
  parameters.forEach((p, i) => {
    for (const v of [p.lower, p.upper]) corners.push(start.map((s, j) => (j === i ? v : s)));
  });
  for (const corner of corners) checkValues(scenario, valuesOf(parameters, corner), where);
  return parameters;
}

/**
 * A timeline's entries hold "from this year on" in the order written; the
 * model sorts them by year, so fitted years that swapped order would silently
 * change the order of strategies (a hand choice). Refuses bounds that let any
 * point of the box reorder or merge the entries of a timeline: each entry's
 * year range must end before the next entry's begins.
 */
export function checkTimelineOrder(parameters: readonly CalibrationParameter[], scenario: unknown, where: string): void {
  const lists = new Map<string, Map<number, CalibrationParameter>>();
  for (const p of parameters)
    for (const ip of p.indexPaths) {
      const m = /^(.*\.timeline)\.(\d+)\.year$/.exec(ip);
      if (!m) continue;
      const entries = lists.get(m[1]) ?? new Map<number, CalibrationParameter>();
      entries.set(Number(m[2]), p);
      lists.set(m[1], entries);
    }
  for (const [list, fitted] of lists) {
    const items = getPath(scenario, list);
    if (!Array.isArray(items)) continue;
    const ranges = items.map((item, i): [number, number, string] => {
      const p = fitted.get(i);
      if (p) return [Math.ceil(p.lower), Math.floor(p.upper), `${p.path} [${p.lower}, ${p.upper}]`];
      const year = isPlainObject(item) && typeof item.year === 'number' ? item.year : Number.NaN;
      return [year, year, `${list}.${i}.year = ${year} (not fitted)`];
    });
    for (let i = 1; i < ranges.length; i++)
      if (!(ranges[i - 1][1] < ranges[i][0]))
        throw new UserError(
          `${where}: the bounds let the years of ${list} overlap or change order: ${ranges[i - 1][2]} and then ${ranges[i][2]}; the model sorts a timeline by year, so the strategy order written would not hold`,
          { hint: 'give each entry\'s year bounds that end before the next entry\'s begin, e.g. [1990, 2006] then [2007, 2013]' },
        );
  }
}
