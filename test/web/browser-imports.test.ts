/**
 * The explorer runs in a browser page and a Web Worker: nothing its entry
 * points import, however indirectly, may be a Node API or a Node-only package.
 * (The Game tab runs `chuanyu game`'s own code, src/experiment/empirical-game.ts,
 * so this guards the split from game.ts, which uses worker threads.)
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ENTRIES = ['web/main.ts', 'web/worker.ts'];
/** Packages of this project that need Node (progress bars on a terminal, native PNG rendering). */
const NODE_ONLY = new Set(['cli-progress', '@resvg/resvg-js', 'yargs']);

/** Value imports of a file (`import type` and `export type` are erased by the bundler). */
const valueImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[2] ?? m[3]);

function reachable(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const stack = ENTRIES.map((e) => resolve(SRC, e));
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    const specs = valueImports(file);
    seen.set(file, specs);
    for (const spec of specs) if (spec.startsWith('.') && !spec.includes('?')) stack.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return seen;
}

describe('the explorer bundle', () => {
  const files = reachable();

  it('reaches the model, the scenario loader and the game code it shares with the CLI', () => {
    const names = [...files.keys()].map((f) => relative(SRC, f));
    expect(names).toEqual(expect.arrayContaining(['web/controls.ts', 'web/play-tab.ts', 'web/game-tab.ts', 'experiment/empirical-game.ts', 'experiment/game-analysis.ts', 'model/run.ts']));
    expect(names).not.toContain('experiment/game.ts');
  });

  it('imports no Node API and no Node-only package, directly or indirectly', () => {
    const bad: string[] = [];
    for (const [file, specs] of files)
      for (const spec of specs) {
        const bare = spec.replace(/^node:/, '');
        if (spec.startsWith('node:') || builtinModules.includes(bare.split('/')[0]) || NODE_ONLY.has(spec)) bad.push(`${relative(SRC, file)} -> ${spec}`);
      }
    expect(bad).toEqual([]);
  });
});
