/**
 * Experimental designs: a full grid (every combination of the parameters'
 * values) or a Latin hypercube (N samples; each parameter's range cut into N
 * strata with exactly one sample in each). Points are numbered in a fixed order,
 * so a point's number, and hence its results, never depend on scheduling.
 */
import { createStream } from '../model/rng.js';
import { UserError } from '../scenario/errors.js';
import type { ParameterSpec, ParameterValue } from './parameters.js';

export const DESIGNS = ['grid', 'lhs'] as const;
export type Design = (typeof DESIGNS)[number];

import type { DesignPoint } from '../results/point-format.js';

export type { DesignPoint };

export function gridDesign(parameters: ParameterSpec[]): DesignPoint[] {
  for (const p of parameters)
    if (p.interval && p.values.length === 2 && p.interval[0] !== p.interval[1])
      throw new UserError(`--param ${p.path}: a grid needs listed values or a range with a step (e.g. ${p.path}=${p.interval[0]}:${p.interval[1]}:0.1)`);
  let points: Record<string, ParameterValue>[] = [{}];
  for (const p of parameters) points = points.flatMap((point) => p.values.map((v) => ({ ...point, [p.path]: v })));
  if (points.length > 1_000_000) throw new UserError(`the grid has ${points.length} points; narrow it or use --design lhs`);
  return points.map((values, index) => ({ index, values }));
}

/** Latin hypercube: one sample per stratum per parameter, strata matched at random (seeded). */
export function latinHypercubeDesign(parameters: ParameterSpec[], samples: number, seed: number | string): DesignPoint[] {
  if (!(samples >= 1)) throw new UserError('--samples must be at least 1 for a Latin hypercube design');
  const random = createStream(`chuanyu/${seed}/design`);
  const columns = parameters.map((p) => {
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    return strata.map((stratum) => {
      const u = (stratum + random()) / samples;
      if (p.interval) return Number((p.interval[0] + u * (p.interval[1] - p.interval[0])).toPrecision(12));
      return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
    });
  });
  return Array.from({ length: samples }, (_, index) => ({
    index,
    values: Object.fromEntries(parameters.map((p, c) => [p.path, columns[c][index]])),
  }));
}
