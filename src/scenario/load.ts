/**
 * Loading a scenario: find the file, follow `extends`, merge, validate with the
 * zod schema, normalize into a `ModelConfig`. Every problem is reported as a
 * UserError located at `file:line:column` in the file that defines the field,
 * so after merging a child onto its parent an error still points at whichever
 * file wrote the offending value.
 *
 * `loadScenarioFromText` runs the same pipeline on a string (tests); the file
 * system is only needed to follow `extends`. Merging and validating are in
 * build.ts, which the browser explorer shares.
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { ModelConfig } from '../model/config.js';
import { describeValue, formatPath, messages, ScenarioValidationError, typeName, UserError, type IssueReport, type PathSegment } from './errors.js';
import { findUnsafeKey, getPath, isPlainObject, mergedOwner } from './merge.js';
import { buildScenario, mergeChain } from './build.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { noSuchScenario, parseScenarioText, readScenarioFile, SCENARIO_EXTENSIONS, scenarioNamesIn, type ScenarioSource } from './source.js';

export interface LoadOptions {
  /** Folder of named scenarios. Default: `./scenarios` in the working directory if it exists, then the package's own. */
  scenariosDir?: string | URL;
  /** Working directory for relative paths and messages (default `process.cwd()`). */
  cwd?: string;
}

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  config: ModelConfig;
  /** The merged scenario object before defaults. */
  raw: unknown;
  /** Files from the child to the root of the `extends` chain. */
  chain: string[];
}

/** The package's `scenarios/` folder: two levels above this module in src/scenario/ and dist/scenario/ alike. */
export function packageScenariosDir(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
const toPath = (dir: string | URL) => (dir instanceof URL ? fileURLToPath(dir) : dir);
const hasSeparator = (s: string) => /[\\/]/.test(s);
const hasScenarioExtension = (s: string) => (SCENARIO_EXTENSIONS as readonly string[]).includes(extname(s).toLowerCase());
const looksLikePath = (s: string) => hasSeparator(s) || hasScenarioExtension(s);

/** Folders searched for a bare scenario name, in order. */
export function scenarioDirs(options: LoadOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  if (options.scenariosDir !== undefined) return [resolve(cwd, toPath(options.scenariosDir))];
  const local = join(cwd, 'scenarios');
  const own = resolve(packageScenariosDir());
  return isDir(local) && resolve(local) !== own ? [resolve(local), own] : [own];
}

/** Names of the scenario files in a folder (default: the package's), without `schema.json` and `_*` files. */
export function listScenarios(dir?: string | URL): string[] {
  return scenarioNamesIn(dir === undefined ? packageScenariosDir() : toPath(dir));
}

/**
 * `base` itself if it is a scenario file (.yaml, .yml, .json), else the first of
 * `base.yaml|.yml|.json` that exists. Never a file of another kind: a name from
 * a scenario file (`extends: /etc/passwd`) must not make us read, and then quote
 * in a message, some other file.
 */
function findWithExtensions(base: string): string | undefined {
  if (hasScenarioExtension(base) && isFile(base)) return base;
  return SCENARIO_EXTENSIONS.map((ext) => base + ext).find(isFile);
}

/** Absolute path of a scenario given as a file path or a bare name looked up in the scenario folders. */
export function resolveScenarioPath(nameOrPath: string, options: LoadOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const asPath = resolve(cwd, nameOrPath);
  const direct = looksLikePath(nameOrPath) || isFile(asPath) ? findWithExtensions(asPath) : undefined;
  if (direct) return direct;
  if (looksLikePath(nameOrPath) && isDir(asPath)) throw new UserError(messages.isDirectory(nameOrPath));
  const notScenario = isFile(asPath) ? new UserError(messages.notScenarioFile(), { file: nameOrPath }) : undefined;
  if (hasSeparator(nameOrPath)) throw notScenario ?? noSuchScenario(nameOrPath, [dirname(asPath)]);
  // A bare name, possibly with its extension: look in the scenario folders.
  const dirs = scenarioDirs(options);
  for (const dir of dirs) {
    const found = findWithExtensions(join(dir, nameOrPath));
    if (found) return found;
  }
  throw notScenario ?? noSuchScenario(nameOrPath, dirs);
}

/** A path as shown in messages: relative to the working directory when inside it. */
function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

interface ChainLink {
  source: ScenarioSource;
  /** Absolute path (identity for cycle detection), or the display name for in-memory text. */
  id: string;
  /** Folder its `extends` is resolved in; undefined when there is none (text without a folder). */
  dir: string | undefined;
}

function checkKeys(source: ScenarioSource): void {
  const bad = findUnsafeKey(source.value);
  if (bad) throw new UserError(messages.unsafeKey(String(bad[bad.length - 1])), { file: source.file, location: source.locate(bad), fieldPath: formatPath(bad) });
}

/** Follows `extends` from `first` to the root, reading parents from disk. */
function followExtends(first: ChainLink, cwd: string): ChainLink[] {
  checkKeys(first.source);
  const chain = [first];
  for (let child = first; child.source.value.extends !== undefined; child = chain[chain.length - 1]) {
    const name = child.source.value.extends;
    const at = { file: child.source.file, location: child.source.locate(['extends']), fieldPath: 'extends' };
    if (typeof name !== 'string' || name.trim() === '') throw new UserError(messages.extendsNotString(describeValue(name)), at);
    if (child.dir === undefined) throw new UserError(messages.extendsUnavailable(name), at);
    // A parent is looked up next to the child first; a bare name not found there may
    // name a shipped scenario (so an exported `extends: cooperate` runs from any folder).
    const bare = !hasSeparator(name);
    const parentPath = findWithExtensions(resolve(child.dir, name)) ?? (bare ? findWithExtensions(resolve(packageScenariosDir(), name)) : undefined);
    if (!parentPath) {
      if (isFile(resolve(child.dir, name))) throw new UserError(messages.extendsNotScenario(name), at);
      const dirs = bare ? [...new Set([child.dir, resolve(packageScenariosDir())])] : [dirname(resolve(child.dir, name))];
      throw noSuchScenario(name, dirs, { ...at, detail: messages.missingParent(name), withHidden: true });
    }
    const ids = [...chain.map((l) => l.id), parentPath];
    if (chain.some((l) => l.id === parentPath)) {
      const sameDir = ids.every((id) => dirname(id) === dirname(parentPath));
      throw new UserError(messages.extendsCycle(ids.map((id) => (sameDir ? basename(id) : displayPath(id, cwd)))), at);
    }
    const source = readScenarioFile(parentPath, displayPath(parentPath, cwd));
    checkKeys(source);
    chain.push({ source, id: parentPath, dir: dirname(parentPath) });
  }
  return chain;
}

// ---- zod issues -> readable, located reports -------------------------------------------------

interface ZodLike {
  _zod: { def: { type: string; [key: string]: unknown } };
}

/** The object schema (if any) describing the data at `path`, following unions by the data itself. */
function schemaAt(path: readonly PathSegment[], raw: unknown): ZodLike | undefined {
  const unwrap = (schema: ZodLike | undefined, data: unknown): ZodLike | undefined => {
    for (let s = schema; s; ) {
      const def = s._zod.def;
      if (def.innerType) s = def.innerType as ZodLike; // optional, nullable, default, prefault, ...
      else if (def.type === 'pipe') s = def.in as ZodLike;
      else if (def.type === 'union') {
        const options = (def.options as ZodLike[]).map((o) => unwrap(o, data)).filter((o): o is ZodLike => o !== undefined);
        const disc = def.discriminator as string | undefined;
        const objects = options.filter((o) => o._zod.def.type === 'object');
        const matchesDisc = (o: ZodLike) => {
          const literal = (o._zod.def.shape as Record<string, ZodLike>)[disc!]?._zod.def;
          return isPlainObject(data) && (literal?.values as unknown[] | undefined)?.includes(data[disc!]);
        };
        return disc ? objects.find(matchesDisc) : isPlainObject(data) ? objects[0] : undefined;
      } else return s;
    }
    return undefined;
  };
  let schema = unwrap(ScenarioSchema as unknown as ZodLike, raw);
  let data = raw;
  for (const seg of path) {
    const def = schema?._zod.def;
    data = getPath(data, [seg]);
    if (def?.type === 'object') schema = (def.shape as Record<string, ZodLike>)[seg];
    else if (def?.type === 'record') schema = def.valueType as ZodLike;
    else if (def?.type === 'array') schema = def.element as ZodLike;
    else return undefined;
    schema = unwrap(schema, data);
  }
  return schema;
}

function validKeysAt(path: readonly PathSegment[], raw: unknown): string[] {
  const def = schemaAt(path, raw)?._zod.def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

type Report = (path: readonly PathSegment[], message: string) => IssueReport;

function zodReports(issues: readonly z.core.$ZodIssue[], raw: unknown, report: Report, base: PathSegment[] = [], orElse?: string): IssueReport[] {
  const out: IssueReport[] = [];
  // `.int()` adds its own safe-integer bound; where the field's own range also fails, report only that.
  const rangeAt = new Set(issues.filter((i) => (i.code === 'too_big' || i.code === 'too_small') && i.origin !== 'int').map((i) => JSON.stringify(i.path.map(String))));
  issues = issues.filter((i) => !((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'int' && rangeAt.has(JSON.stringify(i.path.map(String)))));
  for (const issue of issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const got = getPath(raw, path);
    const root = issue.path.length === 0;
    switch (issue.code) {
      case 'invalid_type':
        out.push(report(path, got === undefined ? messages.missingField(issue.expected) : messages.wrongType([issue.expected], got)));
        break;
      case 'too_big':
      case 'too_small':
        out.push(report(path, messages.outOfRange(issue.message, got)));
        break;
      case 'invalid_format':
        out.push(report(path, messages.badFormat(issue.message, got)));
        break;
      case 'invalid_value':
        out.push(report(path, messages.invalidOption(got, issue.values, root ? orElse : undefined)));
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(report([...path, key], messages.unknownKey(key, validKeysAt(path, raw))));
        break;
      case 'invalid_union': {
        if (issue.discriminator !== undefined && issue.errors.length === 0 && 'options' in issue && issue.options) {
          out.push(report(path, messages.unknownDiscriminator(issue.discriminator, got, issue.options)));
          break;
        }
        // Pick the alternative meant by the data: one whose complaints are not about the value's own type.
        const wrongKind = (branch: readonly z.core.$ZodIssue[]) =>
          branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_value' && got !== null && typeof got === 'object')));
        const kinds = issue.errors.filter(wrongKind).flatMap((b) => b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => (i as { expected: string }).expected));
        const fitting = issue.errors.filter((b) => !wrongKind(b)).sort((a, b) => a.length - b.length)[0];
        if (fitting) out.push(...zodReports(fitting, raw, report, path, kinds.length ? [...new Set(kinds)].map(typeName).join(' or ') : undefined));
        else out.push(report(path, messages.wrongType([...new Set(kinds)], got)));
        break;
      }
      default:
        out.push(report(path, issue.message));
    }
  }
  return out;
}

// ---- the pipeline ------------------------------------------------------------------------------

function buildFromChain(chain: readonly ScenarioSource[]): Omit<LoadedScenario, 'file' | 'chain'> {
  const raw = mergeChain(chain.map((source) => source.value));
  // Locate each issue in the file whose value survived the merge at that path.
  const report: Report = (path, message) => {
    const owner = mergedOwner(chain, path);
    return { file: owner.file, location: owner.locate(path), fieldPath: formatPath(path), message };
  };
  const alsoAt = (path: readonly PathSegment[]) => {
    const owner = mergedOwner(chain, path);
    const where = owner.locate(path);
    return ` (also at ${owner.file}${where ? `:${where.line}:${where.column}` : ''}, ${formatPath(path)})`;
  };
  const built = buildScenario(raw);
  if ('schemaIssues' in built) throw new ScenarioValidationError(zodReports(built.schemaIssues, raw, report));
  if ('normalizeIssues' in built) throw new ScenarioValidationError(built.normalizeIssues.map((i) => report(i.path, i.other ? `${i.message}${alsoAt(i.other)}` : i.message)));
  return { scenario: built.scenario, config: built.config, raw };
}

/** Loads a scenario by name or path, following `extends`. Rejects with a UserError for any problem. */
export async function loadScenario(nameOrPath: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const cwd = options.cwd ?? process.cwd();
  const file = resolveScenarioPath(nameOrPath, options);
  const source = readScenarioFile(file, displayPath(file, cwd));
  const chain = followExtends({ source, id: file, dir: dirname(file) }, cwd);
  return { file, ...buildFromChain(chain.map((l) => l.source)), chain: chain.map((l) => l.id) };
}

/**
 * Loads a scenario from text. `file` names it in messages (default `<scenario>`);
 * `extends` is resolved in `scenariosDir`, else in the folder of `file` when it
 * is given; without either, a scenario with `extends` is an error.
 */
export function loadScenarioFromText(text: string, options: { file?: string; scenariosDir?: string | URL; cwd?: string } = {}): LoadedScenario {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? '<scenario>';
  const source = parseScenarioText(text, file);
  const dir = options.scenariosDir !== undefined ? resolve(cwd, toPath(options.scenariosDir)) : options.file !== undefined ? dirname(resolve(cwd, file)) : undefined;
  const id = options.file !== undefined ? resolve(cwd, file) : file;
  const chain = followExtends({ source, id, dir }, cwd);
  return { file, ...buildFromChain(chain.map((l) => l.source)), chain: chain.map((l) => l.id) };
}
