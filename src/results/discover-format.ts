/**
 * boxes.json and trajectory.csv of a `chuanyu discover` folder: the condition,
 * the rows it was tested on, the PRIM boxes (limits, coverage, density, mass,
 * quasi-p-values and each box's peeling trajectory) and the CART rules. The
 * discover command writes them and the report reads them back with this schema.
 */
import { z } from 'zod';
import { fileFormat, jsonNumber } from './file-format.js';

const dimensionSchema = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('numeric'), lo: z.number(), hi: z.number() }),
  z.object({ name: z.string(), kind: z.literal('categorical'), categories: z.array(z.string()) }),
]);

const limitSchema = z.discriminatedUnion('kind', [
  z.object({ dimension: z.string(), kind: z.literal('numeric'), lo: z.number(), hi: z.number(), restrictedLower: z.boolean(), restrictedUpper: z.boolean() }),
  z.object({ dimension: z.string(), kind: z.literal('categorical'), allowed: z.array(z.string()), restricted: z.boolean() }),
]);

const shares = {
  /** Runs in the box. */
  rows: z.number().int().nonnegative(),
  /** Runs in the box that meet the condition. */
  cases: z.number().int().nonnegative(),
  /** Share of the cases in play inside the box. */
  coverage: jsonNumber,
  /** Share of the box's runs that meet the condition. */
  density: jsonNumber,
  /** Share of the runs in play inside the box. */
  mass: jsonNumber,
};

export const trajectoryStepSchema = z.object({ step: z.number().int().nonnegative(), ...shares, restricted: z.array(z.string()), limits: z.array(z.string()) });

export const discoverBoxSchema = z.object({
  index: z.number().int().positive(),
  step: z.number().int().nonnegative(),
  chosenBy: z.enum(['user', 'default']),
  pasted: z.boolean(),
  ...shares,
  coverageOfAll: jsonNumber,
  massOfAll: jsonNumber,
  inPlay: z.object({ rows: z.number().int().nonnegative(), cases: z.number().int().nonnegative() }),
  limits: z.array(limitSchema),
  restricted: z.array(z.string()),
  /** The restrictions in words, e.g. `fund.leverage <= 0.8`. */
  description: z.array(z.string()),
  quasiP: z.array(z.object({ dimension: z.string(), side: z.enum(['lower', 'upper', 'categories']), p: jsonNumber })),
  trajectory: z.array(trajectoryStepSchema),
});

export const cartRuleSchema = z.object({ conditions: z.array(z.string()), rows: z.number().int().nonnegative(), cases: z.number().int().nonnegative(), density: jsonNumber, coverage: jsonNumber });

export const discoverFileSchema = z.object({
  kind: z.literal('chuanyu-discover'),
  /** The command that reproduces the folder. */
  command: z.string(),
  source: z.object({
    kind: z.enum(['sweep', 'sensitivity']),
    dir: z.string(),
    scenario: z.string(),
    plannedPoints: z.number().int().nonnegative(),
    usedPoints: z.number().int().nonnegative(),
  }),
  condition: z.object({ text: z.string(), words: z.string() }),
  rows: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  settings: z.object({ alpha: z.number(), minMass: z.number(), minCoverage: z.number(), boxes: z.number().int().positive(), step: z.number().int().nullable(), maxDepth: z.number().int().positive() }),
  dimensions: z.array(dimensionSchema),
  boxes: z.array(discoverBoxSchema),
  /** Why covering found fewer boxes than asked for, or null. */
  stopped: z.string().nullable(),
  cart: z.object({ minLeaf: z.number().int().positive(), rules: z.array(cartRuleSchema) }),
});
export type DiscoverFile = z.output<typeof discoverFileSchema>;
export type DiscoverBox = z.output<typeof discoverBoxSchema>;

export const DISCOVER_FILE = fileFormat('a scenario discovery', discoverFileSchema);

export const TRAJECTORY_CSV_HEADER = ['box', 'step', 'selected', 'rows', 'cases', 'coverage', 'density', 'mass', 'restricted_dimensions', 'limits'] as const;

/** trajectory.csv: one row per step of every box's peeling trajectory. */
export function trajectoryRows(file: DiscoverFile): (string | number)[][] {
  return file.boxes.flatMap((box) =>
    box.trajectory.map((s) => [box.index, s.step, s.step === box.step ? 'yes' : 'no', s.rows, s.cases, s.coverage, s.density, s.mass, s.restricted.join(' '), s.limits.join('; ')]),
  );
}
