/**
 * Sweep parameters: `path=1:5:0.5` (a range: start, stop, step; inclusive),
 * `path=0.1:0.9` (a continuous interval, for Latin hypercube designs) or
 * `path=a,b,c` (a list). Paths are dotted paths into the scenario file and are
 * checked against the scenario's JSON Schema, so a typo names the valid paths.
 */
import { closest } from 'fastest-levenshtein';
import { UserError } from '../scenario/errors.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { getPath } from '../scenario/merge.js';
import { canonicalParameterPath, closestPaths } from './parameter-paths.js';
import type { ParameterSpec, ParameterValue } from '../results/point-format.js';

export type { ParameterSpec, ParameterValue };

function parseScalar(text: string): ParameterValue {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}

/** Rounds away binary noise so 0.1 + 0.2 prints as 0.3 in tables and folder names. */
const tidy = (x: number) => Number(x.toPrecision(12));

export function parseParameter(text: string, where = '--param'): ParameterSpec {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UserError(`${where} "${text}": expected path=values, e.g. fund.leverage=0:2:0.5 or governments.sichuan.strategy=invest,compete`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const range = /^(-?[\d.eE+-]+):(-?[\d.eE+-]+)(?::(-?[\d.eE+-]+))?$/.exec(spec);
  if (range) {
    const [start, stop] = [Number(range[1]), Number(range[2])];
    if (!Number.isFinite(start) || !Number.isFinite(stop) || stop < start) throw new UserError(`${where} "${text}": a range needs start <= stop`);
    if (range[3] === undefined) return { path, values: [start, stop], interval: [start, stop] };
    const step = Number(range[3]);
    if (!(step > 0)) throw new UserError(`${where} "${text}": the step of a range must be positive`);
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > 10_000) throw new UserError(`${where} "${text}": ${count} values is too many for one parameter`);
    return { path, values: Array.from({ length: count }, (_, i) => tidy(start + i * step)), interval: null };
  }
  const values = spec.split(',').map(parseScalar);
  if (values.some((v) => v === '')) throw new UserError(`${where} "${text}": empty value in the list`);
  return { path, values, interval: null };
}

/** Every settable leaf path of the scenario schema, with `*` for record keys and `[]` for list items. */
export function schemaLeafPaths(): string[] {
  const out = new Set<string>();
  const walk = (node: any, path: string) => {
    const variants = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
    for (const v of variants) walk(v, path);
    if (node.properties) for (const [key, prop] of Object.entries<any>(node.properties)) walk(prop, path ? `${path}.${key}` : key);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`);
    else if (node.items && typeof node.items === 'object') walk(node.items, `${path}.[]`);
    if (!node.properties && path) out.add(path);
  };
  walk(scenarioJsonSchema(), '');
  return [...out].filter((p) => !p.startsWith('$schema') && !p.startsWith('extends'));
}

/**
 * Every leaf path made concrete for this scenario: record keys (`*`) by the
 * scenario's keys (governments by region ids), items of lists with ids (`[]`)
 * by their ids; lists without ids are left out.
 */
export function concreteParameterPaths(scenario: Record<string, unknown>, leaves = schemaLeafPaths()): string[] {
  const regionIds = ((scenario.regions as { id: string }[] | undefined) ?? []).map((r) => r.id);
  const expand = (path: string): string[] => {
    const star = path.indexOf('*');
    const list = path.indexOf('[]');
    if (star < 0 && list < 0) return [path];
    const at = star >= 0 && (list < 0 || star < list) ? star : list;
    const head = path.slice(0, at - 1);
    const holder = getPath(scenario, head);
    let keys: string[];
    if (at === star) keys = head === 'governments' ? regionIds : holder && typeof holder === 'object' && !Array.isArray(holder) ? Object.keys(holder) : [];
    else keys = Array.isArray(holder) ? holder.map((item) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string') : [];
    return keys.flatMap((k) => expand(`${head}.${k}${path.slice(at + (at === star ? 1 : 2))}`));
  };
  return [...new Set(leaves.flatMap(expand))];
}

/**
 * Checks a dotted path against the schema; record keys (region ids...) and list
 * indices match wildcards, and items of lists with ids may be named by id
 * (`sectors.electronics.demandGrowth`, see parameter-paths.ts).
 */
export function checkParameterPath(path: string, scenario: Record<string, unknown>, where = '--param'): void {
  const leaves = schemaLeafPaths();
  const parts = canonicalParameterPath(path, scenario).split('.');
  const matches = leaves.some((leaf) => {
    const l = leaf.split('.');
    return l.length === parts.length && l.every((seg, i) => seg === parts[i] || seg === '*' || (seg === '[]' && /^\d+$/.test(parts[i])));
  });
  if (!matches) {
    const near = closestPaths(path, concreteParameterPaths(scenario, leaves));
    throw new UserError(`${where}: "${path}" is not a scenario parameter${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ''}`, {
      hint: `the closest parameters: ${near.join(', ')}; \`chuanyu params WORD...\` lists every parameter with its unit, default and range`,
    });
  }
  // Region and sector keys must exist in this scenario.
  if (parts[0] === 'governments' && parts.length > 1) {
    const regions = (scenario.regions as { id: string }[] | undefined)?.map((r) => r.id) ?? [];
    if (!regions.includes(parts[1])) throw new UserError(`${where}: "${path}": unknown region "${parts[1]}" (did you mean "${closest(parts[1], regions)}"?); regions: ${regions.join(', ')}`);
  }
}
