/**
 * Every sweepable parameter of a scenario (what `chuanyu params` lists): its
 * path as a sweep takes it, type, unit, default (its value in this scenario), range and
 * description, all from the scenario schema's JSON Schema (schema.ts: the zod
 * descriptions and units) and the scenario itself. Paths are made concrete as
 * the sweep path checker accepts them (parameters.ts): governments and list
 * items with ids by id.
 */
import { getPath } from '../scenario/merge.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { canonicalParameterPath, pathWords } from './parameter-paths.js';
import { concreteParameterPaths, schemaLeafPaths } from './parameters.js';

export interface ParameterEntry {
  path: string;
  /** `number`, `integer`, `boolean`, `string`, `one of a | b`, `list`, `mapping`; alternatives joined by ` or `. */
  type: string;
  /** From the schema's `unit`; empty when the value has none (a switch, a name). */
  unit: string;
  /** The value in this scenario, defaults filled in (what a sweep varies it from); undefined when it is unset and has no default. */
  default: unknown;
  /** `0 to 1`, `above 1 to 20`; empty when unbounded or not a number. */
  range: string;
  description: string;
}

/** Top-level fields that describe or drive the scenario file rather than the model, so a sweep does not set them (nor ids and display names, below). */
const NOT_SWEPT = new Set(['$schema', 'extends', 'name', 'title', 'description', 'illustrative', 'events', 'sweep', 'calibrate', 'target', 'metrics']);

type SchemaNode = Record<string, any>;

/** The JSON Schema node of each leaf path (wildcards `*` and `[]` as in schemaLeafPaths), with the description of the nearest described node. */
function leafNodes(): Map<string, SchemaNode> {
  const out = new Map<string, SchemaNode>();
  const walk = (node: SchemaNode, path: string, inherited: string | undefined) => {
    const variants: SchemaNode[] = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
    const description: string | undefined = node.description ?? inherited ?? variants.find((v) => typeof v.description === 'string')?.description;
    // The node itself before its variants, so a path's type lists every alternative (`integer or null`).
    if (!node.properties && path && !out.has(path)) out.set(path, { ...node, description });
    for (const v of variants) walk(v, path, description);
    if (node.properties) for (const [key, prop] of Object.entries<SchemaNode>(node.properties)) walk(prop, path ? `${path}.${key}` : key, undefined);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`, description);
    else if (node.items && typeof node.items === 'object') walk(node.items, `${path}.[]`, description);
  };
  walk(scenarioJsonSchema(), '', undefined);
  return out;
}

const fmt = (n: number) => (Math.abs(n) >= 1e5 ? n.toExponential().replace('e+', 'e') : String(n));

function typeOf(node: SchemaNode): string {
  const variants: SchemaNode[] = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  if (variants.length > 0) return [...new Set(variants.map(typeOf))].join(' or ');
  if (Array.isArray(node.enum)) return `one of ${node.enum.join(' | ')}`;
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.type === 'array') return 'list';
  if (node.type === 'object') return 'mapping';
  return typeof node.type === 'string' ? node.type : 'any';
}

function rangeOf(node: SchemaNode): string {
  const variants: SchemaNode[] = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  const numeric = variants.find((v) => v.type === 'number' || v.type === 'integer') ?? node;
  const low = numeric.exclusiveMinimum ?? numeric.minimum;
  const high = numeric.exclusiveMaximum ?? numeric.maximum;
  if (typeof low !== 'number' && typeof high !== 'number') return '';
  const from = typeof low === 'number' ? `${numeric.exclusiveMinimum !== undefined ? 'above ' : ''}${fmt(low)}` : 'any';
  const to = typeof high === 'number' ? `${numeric.exclusiveMaximum !== undefined ? 'below ' : ''}${fmt(high)}` : 'any';
  return `${from} to ${to}`;
}

/** The schema path (with `*` and `[]`) a concrete canonical path belongs to. */
function schemaPathOf(canonical: string, leaves: readonly string[]): string | undefined {
  const parts = canonical.split('.');
  return leaves.find((leaf) => {
    const l = leaf.split('.');
    return l.length === parts.length && l.every((seg, i) => seg === parts[i] || seg === '*' || (seg === '[]' && /^\d+$/.test(parts[i])));
  });
}

/** Whether a value on the way down `canonical` is a scalar (e.g. a strategy given by name, not as a rule object), so the path's sub-field is not in this scenario. */
function belowScalar(canonical: string, scenario: unknown): boolean {
  const parts = canonical.split('.');
  for (let i = 1; i < parts.length; i++) {
    const v = getPath(scenario, parts.slice(0, i).join('.'));
    if (v !== undefined && (v === null || typeof v !== 'object')) return true;
  }
  return false;
}

/** Every sweepable parameter of `scenario` (a parsed scenario, defaults filled in), in schema order. */
export function parameterCatalog(scenario: Record<string, unknown>): ParameterEntry[] {
  const nodes = leafNodes();
  const leaves = schemaLeafPaths();
  return concreteParameterPaths(scenario, leaves)
    .filter((path) => !NOT_SWEPT.has(path.split('.')[0]) && !path.includes('[]') && !path.includes('*') && !/\.(id|name)$/.test(path))
    .flatMap((path) => {
      const canonical = canonicalParameterPath(path, scenario);
      const node = nodes.get(schemaPathOf(canonical, leaves) ?? '');
      if (!node || belowScalar(canonical, scenario)) return [];
      const value = getPath(scenario, canonical);
      return [{
        path,
        type: typeOf(node),
        unit: typeof node.unit === 'string' ? node.unit : '',
        default: value !== undefined ? value : node.default,
        range: rangeOf(node),
        description: typeof node.description === 'string' ? node.description : '',
      }];
    });
}

/** The entries whose path or description holds every term (case-insensitive; a term matches a word's start or a part of the path). */
export function searchParameters(entries: readonly ParameterEntry[], terms: readonly string[]): ParameterEntry[] {
  const wanted = terms.map((t) => t.toLowerCase()).filter((t) => t !== '');
  return entries.filter((e) => {
    const path = e.path.toLowerCase();
    const words = [...pathWords(e.path), ...e.description.toLowerCase().split(/[^a-z0-9]+/)];
    return wanted.every((t) => path.includes(t) || words.some((w) => w.startsWith(t)));
  });
}
