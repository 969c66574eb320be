/**
 * A point worker thread starts without the heavy libraries the main thread
 * uses: its entry's static import graph (type-only imports left out, as the
 * compiler erases them) holds no zod (the scenario and file schemas) and no
 * @stdlib (the t quantile). Each would cost every new worker 0.1-0.4 s.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/**
 * The static, value-level module specifiers of a source file: `import type`,
 * `export type` and clauses of type-only names are left out (the compiler
 * erases them); a dynamic `import()` is no static import.
 */
export function staticImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    if (m[4] !== undefined) {
      out.push(m[4]);
      continue;
    }
    const clause = m[2].trim();
    const braces = /^\{([^}]*)\}$/.exec(clause);
    const names = braces ? braces[1].split(',').map((n) => n.trim()).filter((n) => n.length > 0) : [];
    if (m[1] || (braces && names.length > 0 && names.every((n) => n.startsWith('type ')))) continue;
    out.push(m[3]);
  }
  return out;
}

/** Every source file and every package a module loads statically, from `entry` on. */
export function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the point worker entry', () => {
  const graph = importGraph(resolve(src, 'experiment/point-group-worker.ts'));

  it('runs points: the graph reaches the model and the summariser', () => {
    expect(graph.files).toContain(resolve(src, 'model/run.ts'));
    expect(graph.files).toContain(resolve(src, 'experiment/replication-summary.ts'));
  });

  it('loads neither zod nor @stdlib', () => {
    const heavy = [...graph.packages].filter((p) => p === 'zod' || p.startsWith('zod/') || p.startsWith('@stdlib/'));
    expect(heavy).toEqual([]);
    expect(graph.files).not.toContain(resolve(src, 'scenario/schema.ts'));
    expect(graph.files).not.toContain(resolve(src, 'experiment/statistics.ts'));
  });

  it('tells value imports from type-only ones', () => {
    const text = "import type { A } from './a.js';\nimport { type B, type C } from './b.js';\nimport { d, type E } from './d.js';\nexport { f } from './f.js';\nexport type { G } from './g.js';\nimport 'side';\nimport {\n  h,\n  i,\n} from 'pkg';\nconst j = await import('lazy');";
    expect(staticImports(text)).toEqual(['./d.js', './f.js', 'side', 'pkg']);
  });

  it('sees a package the main-thread path loads (the walk finds value imports)', () => {
    expect(importGraph(resolve(src, 'experiment/run-point.ts')).packages).toContain('zod');
    expect(importGraph(resolve(src, 'experiment/summarize.ts')).packages).toContain('@stdlib/stats-base-dists-t-quantile');
  });
});
