/**
 * A sensitivity analysis of named outputs: the design (unit-cube points from
 * the method, sample size and seed, scaled to the parameter intervals) and the
 * indices of each output with bootstrap intervals. Pure and seeded: the same
 * settings always give the same design and the same numbers.
 */
import { createStream } from '../../model/rng.js';
import { mean, sampleVariance } from '../statistics.js';
import { scaleToIntervals, type IndexEstimate } from './common.js';
import { morrisDesign, morrisIndices, type MorrisDesign } from './morris.js';
import { saltelliDesign, sobolIndices, type Sampling, type SaltelliDesign } from './saltelli.js';

export const METHODS = ['morris', 'sobol'] as const;
export type SensitivityMethod = (typeof METHODS)[number];

/** Index names per method, in table order. */
export const INDEX_NAMES = { morris: ['mu_star', 'mu', 'sigma'], sobol: ['S1', 'ST'] } as const satisfies Record<SensitivityMethod, readonly string[]>;
export type IndexName = (typeof INDEX_NAMES)[SensitivityMethod][number];

export interface DesignSettings {
  method: SensitivityMethod;
  /** Parameter intervals, in order. */
  intervals: [number, number][];
  /** Morris trajectories r, or Sobol base samples N. */
  samples: number;
  /** Morris grid levels (ignored for Sobol). */
  levels: number;
  /** Sobol base sample (ignored for Morris). */
  sampling: Sampling;
  seed: number | string;
}

export type SensitivityDesign = { method: 'morris'; design: MorrisDesign; values: number[][] } | { method: 'sobol'; design: SaltelliDesign; values: number[][] };

/** Rounds away binary noise so parameter values print and compare cleanly (as sweeps do). */
const tidy = (x: number) => Number(x.toPrecision(12));

/** Model runs the design needs. */
export function designSize(method: SensitivityMethod, parameters: number, samples: number): number {
  return method === 'morris' ? samples * (parameters + 1) : samples * (parameters + 2);
}

export function buildDesign(settings: DesignSettings): SensitivityDesign {
  const random = createStream(`chuanyu/${settings.seed}/sensitivity/${settings.method}/design`);
  const parameters = settings.intervals.length;
  if (settings.method === 'morris') {
    const design = morrisDesign({ parameters, trajectories: settings.samples, levels: settings.levels, random });
    return { method: 'morris', design, values: scaleToIntervals(design.points, settings.intervals).map((row) => row.map(tidy)) };
  }
  const design = saltelliDesign({ parameters, samples: settings.samples, sampling: settings.sampling, random });
  return { method: 'sobol', design, values: scaleToIntervals(design.points, settings.intervals).map((row) => row.map(tidy)) };
}

export interface ParameterIndices {
  parameter: string;
  indices: Partial<Record<IndexName, IndexEstimate>>;
}

export interface OutputAnalysis {
  output: string;
  /** Mean and variance of the output over the design points. */
  mean: number;
  variance: number;
  /** Morris: trajectories with a finite effect (fewest over parameters); Sobol: complete blocks. */
  used: number;
  parameters: ParameterIndices[];
}

export interface AnalysisOptions {
  bootstrap: number;
  confidence: number;
  seed: number | string;
}

/** Indices of one output; `y` holds its value at every design point, in design order. */
export function analyzeOutput(design: SensitivityDesign, parameters: readonly string[], output: string, y: readonly number[], options: AnalysisOptions): OutputAnalysis {
  // One stream per output, so adding or reordering outputs changes no interval.
  const random = createStream(`chuanyu/${options.seed}/sensitivity/bootstrap/${output}`);
  const finite = y.filter(Number.isFinite);
  const centre = mean(finite);
  const variance = sampleVariance(finite, centre);
  if (design.method === 'morris') {
    const result = morrisIndices(design.design, y, { bootstrap: options.bootstrap, confidence: options.confidence, random });
    return {
      output,
      mean: centre,
      variance,
      used: Math.min(...result.map((r) => r.n)),
      parameters: result.map((r, i) => ({ parameter: parameters[i], indices: { mu_star: r.muStar, mu: r.mu, sigma: r.sigma } })),
    };
  }
  const result = sobolIndices(design.design, y, { bootstrap: options.bootstrap, confidence: options.confidence, random });
  return {
    output,
    mean: centre,
    variance,
    used: result.n,
    parameters: parameters.map((parameter, i) => ({ parameter, indices: { S1: result.firstOrder[i], ST: result.totalOrder[i] } })),
  };
}
