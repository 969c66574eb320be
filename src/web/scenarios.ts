/**
 * Browser-safe scenario loading: the shipped scenarios are bundled as text
 * (Vite `?raw`), `extends` is resolved from the explorer's library, and the
 * result goes through the project's own merge, schema and normalization (no
 * node:fs).
 *
 * Text is parsed only by the CLI's parser (src/scenario/parse.ts), with its
 * limits on size, nesting, alias expansion and keys. A file from disk is
 * untrusted: `loadScenarioFile` reads it in the explorer's Web Worker, so a
 * hostile file can never freeze the page, and only its parsed, checked value
 * comes back to the page (the library keeps that value, not the text).
 */
import type { ModelConfig } from '../model/config.js';
import { buildScenario as buildFromRaw, mergeChain as mergeSources } from '../scenario/build.js';
import { describeValue, formatPath, messages, ScenarioValidationError, UserError, type IssueReport, type PathSegment } from '../scenario/errors.js';
import { findUnsafeKey, getPath, isPlainObject } from '../scenario/merge.js';
import { decodeScenarioBytes, parseScenarioText, type ScenarioSource } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import baseline from '../../scenarios/baseline.yaml?raw';
import compete from '../../scenarios/compete.yaml?raw';
import cooperate from '../../scenarios/cooperate.yaml?raw';
import divisionOfLabour from '../../scenarios/division-of-labour.yaml?raw';
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
  'division-of-labour': divisionOfLabour,
  historical,
  'historical-calibrated': historicalCalibrated,
};

/** A scenario of the library: the text of a shipped one, or the parsed value of a file loaded from disk. */
export type LibraryEntry = string | Record<string, unknown>;
export type ScenarioLibrary = Readonly<Record<string, LibraryEntry>>;

export interface BrowserScenario {
  /** The merged raw object (no `extends`) before defaults. */
  raw: Record<string, unknown>;
  scenario: Scenario;
  config: ModelConfig;
}

/** A problem with a scenario text, already located (`file:line:column: ...` when known). */
export class ScenarioTextError extends Error {}

/** Parses text with the CLI's parser and rejects forbidden keys, with their line and column. */
export function parseScenario(text: string, file: string): ScenarioSource {
  const source = parseScenarioText(text, file);
  const bad = findUnsafeKey(source.value);
  if (bad) throw new UserError(messages.unsafeKey(String(bad[bad.length - 1])), { file, location: source.locate(bad), fieldPath: formatPath(bad) });
  return source;
}

function valueOf(entry: LibraryEntry, name: string): Record<string, unknown> {
  return typeof entry === 'string' ? parseScenario(entry, name).value : entry;
}

/**
 * Merges a scenario with its `extends` chain from `library` (root first, each child on top).
 * `first` is text, a parsed value, or a parsed source (whose `extends` problems are then located).
 */
export function mergeChain(first: LibraryEntry | ScenarioSource, label: string, library: ScenarioLibrary = SHIPPED_SCENARIOS): Record<string, unknown> {
  const source = typeof first === 'object' && 'doc' in first ? (first as ScenarioSource) : undefined;
  const chain: Record<string, unknown>[] = [source ? source.value : valueOf(first as LibraryEntry, label)];
  const at = { file: label, fieldPath: 'extends', location: source?.locate(['extends']) };
  const seen = new Set<string>([label]);
  for (let child = chain[0]; child.extends !== undefined; child = chain[chain.length - 1]) {
    if (typeof child.extends !== 'string' || child.extends.trim() === '') throw new UserError(messages.extendsNotString(describeValue(child.extends)), at);
    const name = child.extends.replace(/\.(ya?ml|json)$/i, '').replace(/^\.\//, '');
    if (seen.has(name)) throw new UserError(messages.extendsCycle([...seen, name]), at);
    seen.add(name);
    const parent = Object.hasOwn(library, name) ? library[name] : undefined;
    if (parent === undefined)
      throw new UserError(messages.missingParent(name), { ...at, hint: `in the explorer, "extends" names a shipped scenario or a file loaded before: ${Object.keys(library).join(', ')}` });
    chain.push(valueOf(parent, name));
  }
  return mergeSources(chain);
}

/** Validates and normalizes a merged raw scenario; throws ScenarioTextError with readable issues. */
export function buildScenario(raw: Record<string, unknown>, source?: ScenarioSource): BrowserScenario {
  const built = buildFromRaw(raw);
  const at = (path: readonly PathSegment[], message: string): IssueReport => ({
    // A field the file itself sets is located in it; one inherited from a shipped parent is named by path.
    file: source?.file,
    location: source && getPath(source.value, path) !== undefined ? source.locate(path) : undefined,
    fieldPath: formatPath(path) || '(root)',
    message,
  });
  const issues =
    'schemaIssues' in built
      ? built.schemaIssues.map((i) => at(i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), i.message))
      : 'normalizeIssues' in built
        ? built.normalizeIssues.map((i) => at(i.path, i.message))
        : [];
  if (issues.length > 0) {
    if (source) throw new ScenarioValidationError(issues);
    throw new ScenarioTextError(`Invalid scenario: ${issues.map((i) => `${i.fieldPath}: ${i.message}`).join('; ')}`);
  }
  if (!('scenario' in built)) throw new ScenarioTextError('Invalid scenario');
  return { raw, scenario: built.scenario, config: built.config };
}

/** Loads a library entry (a shipped scenario's text or a loaded file's value) in the browser. */
export function loadScenarioText(entry: LibraryEntry, label = '<scenario>', library: ScenarioLibrary = SHIPPED_SCENARIOS): BrowserScenario {
  return buildScenario(mergeChain(entry, label, library));
}

/**
 * A file from disk, as the CLI reads one: bytes -> text (size, encoding), text -> value (nesting,
 * aliases, keys), `extends` from the library, then schema and normalization, every problem a
 * UserError located in the file. Runs in the Web Worker. Returns the file's own parsed value
 * (what the library keeps) and its scenario name.
 */
export function loadScenarioFile(bytes: Uint8Array, file: string, library: ScenarioLibrary = SHIPPED_SCENARIOS): { value: Record<string, unknown>; name: string } {
  const source = parseScenario(decodeScenarioBytes(bytes, file), file);
  const built = buildScenario(mergeChain(source, file, library), source);
  if (!isPlainObject(source.value)) throw new UserError(messages.notAMapping(describeValue(source.value)), { file });
  return { value: source.value, name: built.scenario.name };
}
