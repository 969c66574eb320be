/**
 * The layering of src/ as an ordinary test: imports point down the list
 * model < scenario < results < experiment < report < cli, web (results: the
 * files of results, written and read back, below both the code that computes
 * them and the code that draws them); the model imports no Node
 * API (it runs in a browser and a worker); the game core likewise.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const LAYERS = ['model', 'scenario', 'results', 'experiment', 'report', 'cli', 'web'] as const;
const RANK: Record<string, number> = { model: 0, scenario: 1, results: 2, experiment: 3, report: 4, cli: 5, web: 5 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0];

describe('architecture', () => {
  const all = files(SRC);

  it('has every file in a known layer (or the package entry)', () => {
    for (const f of all) expect([...LAYERS, 'index.ts'], relative(SRC, f)).toContain(layerOf(f));
  });

  it('imports point down the layers only', () => {
    const bad: string[] = [];
    for (const file of all) {
      const from = layerOf(file);
      if (from === 'index.ts') continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to === 'index.ts' || (RANK[to] > RANK[from] && to !== from) || (from !== 'cli' && to === 'cli') || (from !== 'web' && to === 'web'))
          bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the model free of Node APIs and I/O libraries', () => {
    const bad: string[] = [];
    for (const file of all.filter((f) => layerOf(f) === 'model'))
      for (const spec of importsOf(file)) if (spec.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(spec)) bad.push(`${relative(SRC, file)} -> ${spec}`);
    expect(bad).toEqual([]);
  });

  it('keeps the report kinds apart: report/<kind>/ imports no other kind, only report/common/ (which imports no kind)', () => {
    const REPORT = join(SRC, 'report');
    const folderOf = (file: string) => relative(REPORT, file).split(/[\\/]/)[0];
    const bad: string[] = [];
    for (const file of all.filter((f) => layerOf(f) === 'report')) {
      const from = folderOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (layerOf(target) !== 'report') continue;
        const to = folderOf(target);
        if (to !== from && to !== 'common') bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
    // Every report file sits in a folder (common, validation or one per kind).
    expect(all.filter((f) => layerOf(f) === 'report' && !relative(REPORT, f).includes('/')).map((f) => relative(SRC, f))).toEqual([]);
  });
});
