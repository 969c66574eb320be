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
