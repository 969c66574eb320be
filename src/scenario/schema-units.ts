/**
 * The unit of a scenario parameter path, from the schema's `unit` metadata
 * (schema.ts), for documenting the parameter columns of result tables. Record
 * keys and list items (by index or by id) match any segment.
 */
import { scenarioJsonSchema } from './schema.js';

type Node = Record<string, any>;
let units: Map<string, string> | null = null;

function unitsByLeaf(): Map<string, string> {
  if (units) return units;
  const out = new Map<string, string>();
  const walk = (node: Node, path: string, inherited: string | undefined) => {
    const unit = typeof node.unit === 'string' ? node.unit : inherited;
    if (path && unit !== undefined && !out.has(path)) out.set(path, unit);
    for (const v of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(v, path, unit);
    if (node.properties) for (const [key, prop] of Object.entries<Node>(node.properties)) walk(prop, path ? `${path}.${key}` : key, undefined);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`, unit);
    else if (node.items && typeof node.items === 'object') walk(node.items, `${path}.[]`, unit);
  };
  walk(scenarioJsonSchema(), '', undefined);
  units = out;
  return out;
}

/** The unit of the parameter at `path` (e.g. `sectors.electronics.demandGrowth` -> `per year`); '' when it has none (a switch, a name) or is not a parameter. */
export function parameterUnit(path: string): string {
  const parts = path.split('.');
  for (const [leaf, unit] of unitsByLeaf()) {
    const l = leaf.split('.');
    if (l.length === parts.length && l.every((seg, i) => seg === parts[i] || seg === '*' || seg === '[]')) return unit;
  }
  return '';
}
