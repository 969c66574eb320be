/**
 * A scenario discovery from start to finish, as boxes.json holds it: the
 * condition bound to the folder's outcome names, PRIM with covering, and the
 * CART rules over the same rows (see prim.ts and cart.ts).
 */
import type { DiscoverFile } from '../../results/discover-format.js';
import { describeLimits, initialBox, restriction, type DiscoveryData, type Limit } from './box.js';
import { CART_DEFAULTS, growTree, treeRules } from './cart.js';
import { bindCondition } from './condition.js';
import { discoveryData, type DiscoverySource } from './dataset.js';
import { PRIM_DEFAULTS, runPrim, type PrimOptions } from './prim.js';

export interface DiscoverOptions extends PrimOptions {
  /** CART depth (default 3). */
  maxDepth?: number;
  /** The reproducing command, stored in boxes.json. */
  command: string;
}

function limitJson(data: DiscoveryData, limits: readonly Limit[], initial: readonly Limit[]): DiscoverFile['boxes'][number]['limits'] {
  return limits.map((l, j) => {
    const r = restriction(l, initial[j]);
    const dimension = data.dimensions[j].name;
    return l.kind === 'numeric' ? { dimension, kind: 'numeric', lo: l.lo, hi: l.hi, restrictedLower: r.lower, restrictedUpper: r.upper } : { dimension, kind: 'categorical', allowed: [...l.allowed], restricted: r.categories };
  });
}

export function discover(source: DiscoverySource, where: string, options: DiscoverOptions): DiscoverFile {
  const condition = bindCondition(where, source.names);
  const data = discoveryData(source, condition);
  const settings = { ...PRIM_DEFAULTS, ...options };
  const prim = runPrim(data, options);
  const maxDepth = options.maxDepth ?? CART_DEFAULTS.maxDepth;
  const minLeaf = Math.max(CART_DEFAULTS.minLeafRows, Math.ceil(CART_DEFAULTS.minLeafShare * data.y.length));
  const rules = treeRules(data, growTree(data, { maxDepth, minLeaf }));
  const initial = initialBox(data);
  return {
    kind: 'chuanyu-discover',
    command: options.command,
    source: { kind: source.kind, dir: source.dir, scenario: source.scenario, plannedPoints: source.plannedPoints, usedPoints: source.usedPoints },
    condition: { text: condition.source, words: condition.words },
    rows: prim.rows,
    cases: prim.cases,
    settings: { alpha: settings.alpha, minMass: settings.minMass, minCoverage: settings.minCoverage, boxes: settings.boxes, step: options.step ?? null, maxDepth },
    dimensions: data.dimensions.map((d, j) => {
      const l = initial[j];
      return l.kind === 'numeric' ? { name: d.name, kind: 'numeric' as const, lo: l.lo, hi: l.hi } : { name: d.name, kind: 'categorical' as const, categories: [...l.allowed] };
    }),
    boxes: prim.boxes.map((b) => ({
      index: b.index,
      step: b.step,
      chosenBy: b.chosenBy,
      pasted: b.pasted,
      rows: b.rows,
      cases: b.cases,
      coverage: b.coverage,
      density: b.density,
      mass: b.mass,
      coverageOfAll: b.coverageOfAll,
      massOfAll: b.massOfAll,
      inPlay: b.inPlay,
      limits: limitJson(data, b.limits, initial),
      restricted: b.restricted,
      description: describeLimits(data, b.limits, initial),
      quasiP: b.quasiP,
      trajectory: b.trajectory.map((s) => ({ step: s.step, rows: s.rows, cases: s.cases, coverage: s.coverage, density: s.density, mass: s.mass, restricted: s.restricted, limits: describeLimits(data, s.limits, initial) })),
    })),
    stopped: prim.stopped,
    cart: { minLeaf, rules },
  };
}
