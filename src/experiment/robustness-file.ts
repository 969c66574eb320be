/**
 * The robustness ranges file (scenarios/studies/robustness.yaml): the
 * parameters whose plausible ranges the validation claims are checked over,
 * each with [low, high] and why that range, and the design sizes (Latin
 * hypercube points, Morris trajectories and levels, replications per point,
 * seed). Optional named scales (`tiny`) shrink the world and the design for a
 * smoke test.
 *
 *   file -> parse (safe YAML, as scenarios) -> zod -> RobustnessPlan
 *   -> checkRobustnessPlan (paths, ranges the schema accepts, shipped values inside)
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { readScenarioFile, type ScenarioSource } from '../scenario/source.js';
import { UserError } from '../scenario/errors.js';
import { getPath } from '../scenario/merge.js';
import type { Scenario } from '../scenario/schema.js';
import { checkParameterPath, type ParameterValue } from './parameters.js';
import { configForValues } from './run-point.js';
import { DEFAULT_MORRIS_LEVELS } from './sensitivity/morris.js';

export const DEFAULT_ROBUSTNESS_FILE = 'scenarios/studies/robustness.yaml';

const value = z.union([z.number(), z.string(), z.boolean()]);

const parameter = z
  .object({
    path: z.string().min(1).describe('Dotted scenario path, as in sweeps (e.g. agglomeration.localization).'),
    label: z.string().min(1).optional().describe('Short name for tables (default: the path).'),
    range: z
      .tuple([z.number(), z.number()])
      .refine(([lo, hi]) => lo < hi, 'the range must be [low, high] with low < high')
      .describe('The plausible [low, high] interval sampled, in the parameter\'s own unit (see the scenario schema).'),
    why: z.string().min(1).describe('Why this range: the evidence or reasoning behind its bounds.'),
  })
  .strict();

const design = {
  replications: z.number().int().min(2).max(1000).describe('Replications at each point (runs, common random numbers across points).'),
  points: z.number().int().min(1).max(10_000).describe('Latin hypercube points for the share of the region where a claim holds (points).'),
  trajectories: z.number().int().min(1).max(1000).describe('Morris trajectories r; the screening costs r x (parameters + 1) points.'),
};

const scale = z
  .object({
    set: z.record(z.string(), value).default({}).describe('Scenario values set for every run at this scale (dotted paths), e.g. a smaller world.'),
    replications: design.replications.optional(),
    points: design.points.optional(),
    trajectories: design.trajectories.optional(),
  })
  .strict();

export const RobustnessFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name of letters, digits and hyphens'),
    title: z.string(),
    seed: z.number().int().min(0).default(1).describe('Run seed of every point (replication r of every point shares its random numbers).'),
    designSeed: z.number().int().min(0).default(1).describe('Seed of the Latin hypercube and of the Morris trajectories.'),
    replications: design.replications,
    lhs: z.object({ points: design.points }).strict(),
    morris: z
      .object({
        trajectories: design.trajectories,
        levels: z.number().int().min(2).max(20).refine((p) => p % 2 === 0, 'Morris levels must be even').default(DEFAULT_MORRIS_LEVELS).describe('Grid levels p of the Morris design (even).'),
      })
      .strict(),
    parameters: z.array(parameter).min(2).max(30),
    scales: z.record(z.string(), scale).default({}),
  })
  .strict();

export interface RobustnessParameter {
  path: string;
  label: string;
  range: [number, number];
  why: string;
}

/** A checked ranges file at one scale. */
export interface RobustnessPlan {
  /** The file as given (for messages and the report). */
  file: string;
  name: string;
  title: string;
  seed: number;
  designSeed: number;
  replications: number;
  points: number;
  trajectories: number;
  levels: number;
  parameters: RobustnessParameter[];
  scale: string;
  /** Scenario values every run gets (from the scale). */
  set: Record<string, ParameterValue>;
}

function fail(source: ScenarioSource, path: (string | number)[], message: string): never {
  throw new UserError(message, { file: source.file, location: source.locate(path), fieldPath: path.join('.') || undefined });
}

/** Reads and checks a ranges file's form; `scale` names one of its `scales` (default: full size). */
export function readRobustnessFile(path: string, options: { scale?: string } = {}): RobustnessPlan {
  const source = readScenarioFile(resolve(path), path);
  const parsed = RobustnessFileSchema.safeParse(source.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(source, issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), issue.message);
  }
  const data = parsed.data;
  const seen = new Set<string>();
  data.parameters.forEach((p, i) => {
    if (seen.has(p.path)) fail(source, ['parameters', i, 'path'], `${p.path} is listed twice`);
    seen.add(p.path);
  });
  const scaleName = options.scale ?? 'full';
  const chosen = scaleName === 'full' ? undefined : data.scales[scaleName];
  if (scaleName !== 'full' && !chosen) throw new UserError(`--scale ${scaleName}: ${path} has no such scale; it has: ${['full', ...Object.keys(data.scales)].join(', ')}`);
  return {
    file: path,
    name: data.name,
    title: data.title,
    seed: data.seed,
    designSeed: data.designSeed,
    replications: chosen?.replications ?? data.replications,
    points: chosen?.points ?? data.lhs.points,
    trajectories: chosen?.trajectories ?? data.morris.trajectories,
    levels: data.morris.levels,
    parameters: data.parameters.map((p) => ({ path: p.path, label: p.label ?? p.path, range: p.range, why: p.why.trim() })),
    scale: scaleName,
    set: chosen?.set ?? {},
  };
}

/**
 * Checks the plan against the worlds it will run: every path is a scenario
 * parameter, both ends of its range make valid scenarios, and each world's
 * shipped value lies inside the range (the region surrounds the shipped point).
 */
export function checkRobustnessPlan(plan: RobustnessPlan, worlds: Record<string, Scenario>): void {
  const where = (i: number, field: string) => ({ file: plan.file, fieldPath: `parameters.${i}.${field}` });
  const first = Object.values(worlds)[0];
  // checkParameterPath names the field; the error gains the file.
  const checkPath = (path: string, field: string) => {
    try {
      checkParameterPath(path, first as unknown as Record<string, unknown>, field);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(error.detail, { file: plan.file, hint: error.hint });
      throw error;
    }
  };
  for (const p of Object.keys(plan.set)) checkPath(p, `scales.${plan.scale}.set`);
  plan.parameters.forEach((p, i) => {
    checkPath(p.path, `parameters.${i}.path`);
    for (const [name, scenario] of Object.entries(worlds)) {
      const shipped = getPath(scenario, p.path);
      if (typeof shipped !== 'number') throw new UserError(`${p.path} is not a number in the ${name} scenario (it is ${JSON.stringify(shipped)})`, where(i, 'path'));
      if (shipped < p.range[0] || shipped > p.range[1])
        throw new UserError(`the ${name} scenario's value ${shipped} lies outside the range [${p.range[0]}, ${p.range[1]}]; the region must contain the shipped point`, where(i, 'range'));
      for (const end of p.range) {
        try {
          configForValues(scenario, { [p.path]: end });
        } catch (error) {
          if (error instanceof UserError) throw new UserError(`${end} makes an invalid ${name} scenario: ${error.detail}`, where(i, 'range'));
          throw error;
        }
      }
    }
  });
}
