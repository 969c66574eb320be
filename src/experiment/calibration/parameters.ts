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
  /** The path as written in the scenario. */
  path: string;
  /** The same path with list items as indices (what setPath needs). */
  indexPath: string;
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

/** The JSON Schema node at a dotted path (list indices and record keys step into items / additionalProperties). */
function schemaNode(path: string): Record<string, unknown> | undefined {
  let node: any = scenarioJsonSchema();
  for (const seg of path.split('.')) {
    const options = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])];
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
  parameters.forEach((p, i) => (values[p.indexPath] = tidyValue(x[i], p)));
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
    const ip = indexPath(path, scenario);
    checkParameterPath(ip, scenario, where);
    const current = getPath(scenario, ip);
    if (current !== undefined && current !== null && typeof current !== 'number')
      throw new UserError(`${where}: ${path} is not a number parameter (its value is ${JSON.stringify(current)}); only numbers can be calibrated`);
    const integer = isIntegerPath(ip);
    if (integer && Math.floor(upper) < Math.ceil(lower)) throw new UserError(`${where}: ${path} is a whole number, but [${lower}, ${upper}] holds none`);
    const mid = (lower + upper) / 2;
    const p: CalibrationParameter = { path, indexPath: ip, lower, upper, integer, start: 0 };
    p.start = tidyValue(typeof current === 'number' ? current : mid, p);
    return p;
  });
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.indexPath)) throw new UserError(`${where}: ${p.path} is named twice`);
    seen.add(p.indexPath);
  }
  const start = parameters.map((p) => p.start);
  const corners: number[][] = [parameters.map((p) => p.lower), parameters.map((p) => p.upper)];
  parameters.forEach((p, i) => {
    for (const v of [p.lower, p.upper]) corners.push(start.map((s, j) => (j === i ? v : s)));
  });
  for (const corner of corners) checkValues(scenario, valuesOf(parameters, corner), where);
  return parameters;
}
