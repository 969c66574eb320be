/**
 * Reading scenario files from disk; the parsing itself (limits, locations) is
 * in parse.ts, which is pure and shared with the browser explorer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { messages, UserError, type Location } from './errors.js';
import { decodeScenarioBytes, MAX_SOURCE_BYTES, parseScenarioText, SCENARIO_EXTENSIONS, type ScenarioSource } from './parse.js';

export { decodeScenarioBytes, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_SOURCE_BYTES, parseScenarioText, SCENARIO_EXTENSIONS, type ScenarioSource } from './parse.js';

/**
 * Scenario names (file names without extension) in a folder, sorted; not
 * `schema.json`, nor `_*` files (partial scenarios meant only as parents) unless `withHidden`.
 */
export function scenarioNamesIn(dir: string, withHidden = false): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const names = entries
    .filter((f) => (SCENARIO_EXTENSIONS as readonly string[]).includes(extname(f).toLowerCase()) && f !== 'schema.json' && (withHidden || !f.startsWith('_')))
    .map((f) => basename(f, extname(f)));
  return [...new Set(names)].sort();
}

/** The error for a scenario that does not exist, listing what does exist in `dirs`. */
export function noSuchScenario(
  name: string,
  dirs: readonly string[],
  options: { file?: string; location?: Location; fieldPath?: string; detail?: string; withHidden?: boolean } = {},
): UserError {
  const names = [...new Set(dirs.flatMap((dir) => scenarioNamesIn(dir, options.withHidden)))];
  const hint = messages.available(names, dirs.join(', ') || '.', basename(name, extname(name)));
  const { detail, withHidden: _, ...where } = options;
  return new UserError(detail ?? messages.noSuchFile(name), { ...where, hint });
}

/** Reads and parses a scenario file. `display` is the name used in messages. */
export function readScenarioFile(path: string, display: string = path): ScenarioSource {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UserError(messages.isDirectory(display));
    // Check the size before reading, so a huge file is never loaded into memory.
    if (stat.size > MAX_SOURCE_BYTES) throw new UserError(messages.tooLarge(stat.size, MAX_SOURCE_BYTES), { file: display });
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw noSuchScenario(display, [dirname(path)]);
    throw new UserError(messages.unreadable(code ?? String(e)), { file: display, cause: e });
  }
  return parseScenarioText(decodeScenarioBytes(bytes, display), display);
}
