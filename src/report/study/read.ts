/**
 * Reads a study folder through the results readers: study.json (the question,
 * the grid and every cell's answer) and, when the folder has one, the
 * resolved scenario in manifest.json for the scenario's illustrative note.
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readStudyJson } from '../../results/experiment-files.js';
import type { StudyJsonFile } from '../../results/study-format.js';
import { readStudyManifest } from '../../results/experiment-files.js';
import { scenarioText, type ScenarioText } from '../common/scenario-text.js';

/** study.json, as results/study-format.ts checks it. */
export type StudyJson = StudyJsonFile;

export interface StudyData {
  /** Absolute path of the study folder. */
  dir: string;
  data: StudyJson;
  /** The study's scenario, from manifest.json (name only when the folder has no manifest). */
  scenario: ScenarioText;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

export async function readStudy(dir: string): Promise<StudyData> {
  const full = resolve(dir);
  const data = await readStudyJson(full);
  const manifest = (await exists(join(full, 'manifest.json'))) ? await readStudyManifest(full) : undefined;
  return { dir: full, data, scenario: scenarioText(manifest?.resolvedScenario, data.scenario) };
}
