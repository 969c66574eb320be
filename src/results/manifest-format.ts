/**
 * manifest.json of a game folder (`chuanyu game --out`) and of a study folder
 * (`chuanyu study --out`): how the results were made (command, scenario, seed,
 * replications, strategies, version, commit, timing) and the resolved
 * scenario. The command writes it with this schema's input type; `chuanyu
 * report` on a game folder reads it back checked (the report's title,
 * description and illustrative note come from `resolvedScenario`).
 *
 * `kind` and `files` are added after the command's own fields when the folder
 * is filled (output-folder.ts), and by `report` when it lists the charts it drew.
 */
import { z } from 'zod';
import { fileFormat } from './file-format.js';
import { parameterSpecSchema } from './point-format.js';
import { provenanceSchema } from './provenance-format.js';

/** The resolved scenario as a manifest holds it: every field of the scenario; the ones a report shows are checked. */
const resolvedScenarioSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    illustrative: z.string().optional(),
  })
  .loose();

/** What every experiment manifest records about how its results were made. */
const provenance = {
  scenario: z.string(),
  scenarioFile: z.string(),
  seed: z.number(),
  replications: z.number().int().nonnegative(),
  packageVersion: z.string(),
  gitCommit: z.string().nullable(),
  node: z.string(),
  startedAt: z.string(),
  wallTimeSeconds: z.number(),
  /** Scenario hashes, command line, design and version (provenance-format.ts; absent in folders written before it was recorded). */
  provenance: provenanceSchema.optional(),
};

/** What output-folder.ts adds (writeInventory): every file the tool wrote there; `kind` is its kindTag, `chuanyu-<kind>`. */
const inventory = { files: z.array(z.string()).optional() };

export const gameManifestSchema = z
  .object({
    command: z.literal('game'),
    ...provenance,
    strategies: z.array(z.string()),
    lens: z.string(),
    sweep: z.array(parameterSpecSchema),
    resolvedScenario: resolvedScenarioSchema,
    kind: z.literal('chuanyu-game').optional(),
    ...inventory,
  })
  .loose();
export type GameManifest = z.output<typeof gameManifestSchema>;
export const GAME_MANIFEST = fileFormat('the manifest of a game analysis (manifest.json)', gameManifestSchema);

export const studyManifestSchema = z
  .object({
    command: z.literal('study'),
    studyFile: z.string(),
    study: z.string(),
    scale: z.string(),
    ...provenance,
    strategies: z.array(z.string()),
    resolvedScenario: resolvedScenarioSchema,
    kind: z.literal('chuanyu-study').optional(),
    ...inventory,
  })
  .loose();
export type StudyManifest = z.output<typeof studyManifestSchema>;
export const STUDY_MANIFEST = fileFormat('the manifest of a study (manifest.json)', studyManifestSchema);
