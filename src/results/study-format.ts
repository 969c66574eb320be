/**
 * study.json of a study folder (`chuanyu study --out`): the question, the grid
 * (the x axis and each panel's lever), the indeterminate counts per lens and
 * every cell's answer in every lens. The study command writes it and
 * summary.md, the charts and report.html are drawn from it alone, checked
 * against this schema.
 */
import { z } from 'zod';
import { fileFormat, jsonNumber } from './file-format.js';

const value = z.union([z.number(), z.string(), z.boolean()]);
const axis = z.object({ path: z.string(), label: z.string(), values: z.array(value) });

export const studyCellSchema = z.object({
  panel: z.string(),
  x: value,
  y: value,
  lens: z.string(),
  type: z.string(),
  likely: z.string(),
  sentence: z.string(),
  players: z.array(z.object({ region: z.string(), type: z.string() })),
  cooperationEquilibrium: z.boolean(),
  cooperationEquilibriumSure: z.boolean(),
  competitionEquilibrium: z.boolean(),
  equilibria: z.array(z.array(z.string())),
  cooperationPaysBoth: z.enum(['yes', 'no', 'unclear']),
  gaps: z.array(z.unknown()),
});

export const studyJsonSchema = z.object({
  kind: z.literal('study'),
  name: z.string(),
  title: z.string(),
  question: z.string(),
  scenario: z.string(),
  scale: z.string(),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  strategies: z.array(z.string()),
  lenses: z.array(z.string()),
  /** Region ids, in the order of each cell's `players`. */
  regions: z.array(z.string()),
  /** Scenario values every run had (the scale's). */
  set: z.record(z.string(), value),
  x: axis,
  panels: z.array(axis.extend({ note: z.string(), file: z.string() })),
  /** Per lens: cells, indeterminate cells and their share. */
  indeterminate: z.record(z.string(), z.object({ cells: z.number().int().nonnegative(), indeterminate: z.number().int().nonnegative(), share: jsonNumber })),
  cells: z.array(studyCellSchema),
});
export type StudyJsonFile = z.output<typeof studyJsonSchema>;

export const STUDY_FILE = fileFormat('a study (study.json)', studyJsonSchema);

/** A panel's file name: its lever path with dots as hyphens. */
export const panelSlug = (path: string) => path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** Per lens: the cells, the indeterminate ones and their share (study.json's `indeterminate`). */
export function indeterminateCounts(cells: readonly { lens: string; type: string }[], lenses: readonly string[]): StudyJsonFile['indeterminate'] {
  return Object.fromEntries(
    lenses.map((lens) => {
      const mine = cells.filter((c) => c.lens === lens);
      const k = mine.filter((c) => c.type === 'indeterminate').length;
      return [lens, { cells: mine.length, indeterminate: k, share: mine.length > 0 ? k / mine.length : 0 }];
    }),
  );
}

/** cells.csv: one row a cell and lens. */
export function studyCellsCsv(data: StudyJsonFile): { header: string[]; rows: string[][] } {
  return {
    header: ['lever', 'lever_value', data.x.path, 'lens', 'type', 'likely_type', 'cooperation_equilibrium', 'cooperation_equilibrium_sure', 'competition_equilibrium', 'cooperation_pays_both', 'equilibria'],
    rows: data.cells.map((c) => [c.panel, String(c.y), String(c.x), c.lens, c.type, c.likely, String(c.cooperationEquilibrium), String(c.cooperationEquilibriumSure), String(c.competitionEquilibrium), c.cooperationPaysBoth, c.equilibria.map((e) => `(${e.join(' ')})`).join(' ')]),
  };
}

