/**
 * Browser-safe scenario loading: the shipped scenarios are bundled as text
 * (Vite `?raw`), `extends` is resolved from that map, and the result goes
 * through the project's own merge, schema and normalization (no node:fs).
 */
import { parse } from 'yaml';
import type { ModelConfig } from '../model/config.js';
import { isPlainObject } from '../scenario/merge.js';
import { buildScenario as buildFromRaw, mergeChain as mergeSources } from '../scenario/build.js';
import type { Scenario } from '../scenario/schema.js';
import baseline from '../../scenarios/baseline.yaml?raw';
import compete from '../../scenarios/compete.yaml?raw';
import cooperate from '../../scenarios/cooperate.yaml?raw';
import exploited from '../../scenarios/exploited.yaml?raw';
import historical from '../../scenarios/historical.yaml?raw';
import historicalCalibrated from '../../scenarios/historical-calibrated.yaml?raw';
import threeRegions from '../../scenarios/three-regions.yaml?raw';
import titForTat from '../../scenarios/tit-for-tat.yaml?raw';

/** The scenarios shipped in `scenarios/`, by name, as text. */
export const SHIPPED_SCENARIOS: Readonly<Record<string, string>> = {
  baseline,
  compete,
  cooperate,
  exploited,
  'tit-for-tat': titForTat,
  'three-regions': threeRegions,
  historical,
  'historical-calibrated': historicalCalibrated,
};

export interface BrowserScenario {
  /** The merged raw object (no `extends`) before defaults. */
  raw: Record<string, unknown>;
  scenario: Scenario;
  config: ModelConfig;
}

export class ScenarioTextError extends Error {}

function parseText(text: string, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    throw new ScenarioTextError(`${label}: not valid YAML (${(e as Error).message})`);
  }
  if (!isPlainObject(value)) throw new ScenarioTextError(`${label}: a scenario must be a mapping of fields`);
  return value;
}

/** Merges a scenario text with its `extends` chain from `library` (root first, each child on top). */
export function mergeChain(text: string, label: string, library: Readonly<Record<string, string>> = SHIPPED_SCENARIOS): Record<string, unknown> {
  const chain: Record<string, unknown>[] = [parseText(text, label)];
  const seen = new Set<string>();
  for (let child = chain[0]; child.extends !== undefined; child = chain[chain.length - 1]) {
    const name = String(child.extends).replace(/\.(ya?ml|json)$/i, '').replace(/^\.\//, '');
    if (seen.has(name)) throw new ScenarioTextError(`${label}: "extends" forms a cycle at ${name}`);
    seen.add(name);
    const parent = library[name];
    if (parent === undefined)
      throw new ScenarioTextError(`${label}: extends "${name}", which is not a shipped scenario (${Object.keys(library).join(', ')})`);
    chain.push(parseText(parent, name));
  }
  return mergeSources(chain);
}

/** Validates and normalizes a merged raw scenario; throws ScenarioTextError with readable issues. */
export function buildScenario(raw: Record<string, unknown>): BrowserScenario {
  const built = buildFromRaw(raw);
  if ('schemaIssues' in built) throw new ScenarioTextError(`Invalid scenario: ${built.schemaIssues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  if ('normalizeIssues' in built) throw new ScenarioTextError(`Invalid scenario: ${built.normalizeIssues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { raw, scenario: built.scenario, config: built.config };
}

/** Loads scenario text (a shipped scenario or a file from disk) in the browser. */
export function loadScenarioText(text: string, label = '<scenario>', library: Readonly<Record<string, string>> = SHIPPED_SCENARIOS): BrowserScenario {
  return buildScenario(mergeChain(text, label, library));
}
