/**
 * A study file (scenarios/studies/*.yaml): a rerunnable question put to the
 * empirical game. It names a scenario, the strategies, one x axis (e.g. demand
 * volatility) and several panels, each one lever swept on the y axis against
 * the x axis (one lever at a time, the others at the scenario's values), the
 * lenses to classify the game in, and the replications. Optional named scales
 * (`--scale tiny`) shrink the world and the grid for a smoke test.
 *
 *   file -> parse (safe YAML, as scenarios) -> check (zod, parameter paths) -> Study
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { readScenarioFile } from '../scenario/source.js';
import { UserError } from '../scenario/errors.js';
import { GAME_LENSES, type GameLens } from '../model/metrics/lenses.js';
import { STRATEGIES, type Strategy } from '../model/config.js';
import { checkParameterPath, type ParameterValue } from './parameters.js';

const value = z.union([z.number(), z.string(), z.boolean()]);
const axis = z.object({ path: z.string().min(1), values: z.array(value).min(1).max(50), label: z.string().optional() }).strict();
const panel = axis.extend({ note: z.string().optional() }).strict();
const scale = z
  .object({
    /** Scenario values set for every run at this scale (dotted paths), e.g. a smaller world. */
    set: z.record(z.string(), value).default({}),
    replications: z.number().int().min(2).max(10_000).optional(),
    /** Values of the x axis at this scale. */
    x: z.array(value).min(1).max(50).optional(),
    /** Keep only the first and last value of each panel (2) or every value (omitted). */
    panelValues: z.literal(2).optional(),
  })
  .strict();

export const StudyFileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case name of letters, digits and hyphens'),
    title: z.string(),
    question: z.string(),
    /** Scenario name or file (relative to the study file). */
    scenario: z.string().min(1),
    strategies: z.array(z.enum(STRATEGIES)).length(2).default(['cooperate', 'compete']),
    lenses: z.array(z.enum(GAME_LENSES)).min(1).max(4).default(['objective', 'welfare']),
    replications: z.number().int().min(2).max(10_000),
    seed: z.number().int().min(0).optional(),
    x: axis,
    panels: z.array(panel).min(1).max(20),
    scales: z.record(z.string(), scale).default({}),
  })
  .strict();

export interface StudyAxis {
  path: string;
  values: ParameterValue[];
  label: string;
}

export interface StudyPanel extends StudyAxis {
  note: string;
}

/** A checked study at one scale. */
export interface Study {
  file: string;
  name: string;
  title: string;
  question: string;
  /** The scenario as written in the file, and the argument to load it with. */
  scenario: string;
  scenarioArg: string;
  /** Folder relative scenario paths are read from. */
  cwd: string;
  strategies: Strategy[];
  lenses: GameLens[];
  replications: number;
  seed?: number;
  scale: string;
  /** Scenario values every run gets (from the scale). */
  set: Record<string, ParameterValue>;
  x: StudyAxis;
  panels: StudyPanel[];
}

/** Reads and checks a study file; `scale` names one of its `scales` (default: full size). */
export function readStudyFile(path: string, options: { scale?: string } = {}): Study {
  const file = resolve(path);
  const source = readScenarioFile(file, path);
  const parsed = StudyFileSchema.safeParse(source.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${path}: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const data = parsed.data;
  if (new Set(data.strategies).size !== 2) throw new UserError(`${path}: strategies: two different strategies, e.g. [cooperate, compete]`);
  const scaleName = options.scale ?? 'full';
  const chosen = scaleName === 'full' ? undefined : data.scales[scaleName];
  if (scaleName !== 'full' && !chosen)
    throw new UserError(`--scale ${scaleName}: ${path} has no such scale; it has: ${['full', ...Object.keys(data.scales)].join(', ')}`);
  const trim = (values: ParameterValue[]) => (chosen?.panelValues === 2 && values.length > 2 ? [values[0], values[values.length - 1]] : values);
  const panels = data.panels.map((p) => ({ path: p.path, values: trim(p.values), label: p.label ?? p.path, note: p.note ?? '' }));
  if (panels.some((p) => p.path === data.x.path)) throw new UserError(`${path}: a panel sweeps ${data.x.path}, the x axis`);
  if (new Set(panels.map((p) => p.path)).size !== panels.length) throw new UserError(`${path}: two panels sweep the same lever`);
  const set = chosen?.set ?? {};
  return {
    file,
    name: data.name,
    title: data.title,
    question: data.question.trim(),
    scenario: data.scenario,
    scenarioArg: data.scenario,
    cwd: dirname(file),
    strategies: data.strategies,
    lenses: data.lenses,
    replications: chosen?.replications ?? data.replications,
    seed: data.seed,
    scale: scaleName,
    set,
    x: { path: data.x.path, values: chosen?.x ?? data.x.values, label: data.x.label ?? data.x.path },
    panels,
  };
}

/** Every path the study sets, checked against the scenario it runs (a typo names the valid paths). */
export function checkStudyPaths(study: Study, scenario: Record<string, unknown>): void {
  for (const p of [study.x.path, ...study.panels.map((q) => q.path), ...Object.keys(study.set)]) checkParameterPath(p, scenario, study.file);
}
