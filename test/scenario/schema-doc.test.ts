/**
 * The schema is the documentation: every field of a scenario file has a
 * description, every optional field a default, and scenarios/schema.json is the
 * schema as emitted from the code (run `npx chuanyu schema --write` after
 * changing it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/schema.js';

type Node = Record<string, any>;

/** Visits every property schema with its dotted path (array items as `[]`, record values as `*`). */
function walk(node: Node, path: string, visit: (path: string, prop: Node, required: boolean) => void): void {
  const variants = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  for (const v of variants) walk(v, path, visit);
  if (node.properties) {
    const required: string[] = node.required ?? [];
    for (const [key, prop] of Object.entries<Node>(node.properties)) {
      const p = path ? `${path}.${key}` : key;
      visit(p, prop, required.includes(key));
      walk(prop, p, visit);
    }
  }
  if (node.items && typeof node.items === 'object') walk(node.items, `${path}[]`, visit);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${path}.*`, visit);
}

describe('scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('describes every field', () => {
    const missing: string[] = [];
    walk(schema, '', (path, prop) => {
      if (path.endsWith('.rule')) return; // discriminator literals are described by their variant
      if (!prop.description && !(prop.anyOf ?? prop.oneOf ?? []).some((v: Node) => v.description)) missing.push(path);
    });
    expect(missing).toEqual([]);
  });

  it('gives every optional field a default', () => {
    const missing: string[] = [];
    // demandVolatility: a sector without one takes the zone's demand.volatility.
    // fitYears, holdoutYears: without them the split follows calibrate.holdout (the last N points).
    // illustrative: absent means the scenario makes no statement about its numbers.
    // observedYear: absent means the target value was observed in its own year.
    // series (sweep.series): absent means no trajectories are kept (a default would add `series: []` to every resolved sweep section).
    const noDefaultNeeded = new Set(['series', 'observedYear', '$schema', 'extends', 'target', 'sweep', 'calibrate', 'targetFile', 'planWeights', 'sizeShares', 'demand', 'demandVolatility', 'fitYears', 'holdoutYears', 'illustrative']);
    walk(schema, '', (path, prop, required) => {
      const key = path.split('.').pop()!.replace('[]', '');
      if (required || noDefaultNeeded.has(key) || path.includes('.*')) return;
      if (!('default' in prop)) missing.push(path);
    });
    expect(missing).toEqual([]);
  });

  it('states units for numeric parameters', () => {
    const missing: string[] = [];
    walk(schema, '', (path, prop) => {
      const numeric = prop.type === 'number' || prop.type === 'integer';
      if (numeric && !prop.unit && !['seed', 'replications', 'value'].some((k) => path.endsWith(k))) missing.push(path);
    });
    expect(missing).toEqual([]);
  });

  it('is what scenarios/schema.json holds', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(schema);
  });
});
