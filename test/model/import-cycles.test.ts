/**
 * src/model has no import cycles, type-only imports included (a cycle of types
 * hides which file owns a shape; issue 16). The architecture test checks layers
 * only; this walks the relative imports of every model file.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODEL = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/model');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file, as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return found.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

/** Every cycle found by a depth-first walk, each as a list of paths relative to src/model. */
function findCycles(all: string[]): string[][] {
  const graph = new Map(all.map((f) => [f, importsOf(f).filter((g) => all.includes(g))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map((p) => relative(MODEL, p)));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of all) if (!state.has(f)) visit(f);
  return cycles;
}

describe('src/model imports', () => {
  it('form no cycle (type-only imports included)', () => {
    expect(findCycles(files(MODEL))).toEqual([]);
  });
});
