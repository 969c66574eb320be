/**
 * Errors a scenario author can fix, and every message text shown for them.
 *
 * A `UserError` is an expected failure caused by input (a missing file, a bad
 * value), not a bug: the CLI prints `formatUserError(e)` without a stack trace
 * and exits with `exitCode` (2). Messages read like compiler output,
 * `file:line:column: field.path: message`, so editors and terminals can jump to
 * the spot. The texts live in `messages` below, in one place, so their wording
 * stays consistent and can be reviewed (or translated) together.
 */
import { closest, distance } from 'fastest-levenshtein';

export interface Location {
  line: number;
  column: number;
}

export type PathSegment = string | number;

export interface UserErrorOptions {
  file?: string;
  location?: Location;
  /** Dotted path of the offending field, e.g. `governments.sichuan.taxRate`. */
  fieldPath?: string;
  hint?: string;
  cause?: unknown;
}

export class UserError extends Error {
  readonly exitCode = 2;
  readonly file?: string;
  readonly location?: Location;
  readonly fieldPath?: string;
  readonly hint?: string;
  /** The message without file, location and path. */
  readonly detail: string;

  constructor(detail: string, options: UserErrorOptions = {}) {
    // `message` is the full formatted text, so an error that escapes uncaught still reads well.
    super(formatIssueLine({ ...options, message: detail }) + (options.hint ? `\n  hint: ${options.hint}` : ''), { cause: options.cause });
    this.name = 'UserError';
    this.detail = detail;
    this.file = options.file;
    this.location = options.location;
    this.fieldPath = options.fieldPath;
    this.hint = options.hint;
  }
}

/** One problem found in a scenario, located in the file that defines the field. */
export interface IssueReport {
  file?: string;
  location?: Location;
  fieldPath?: string;
  message: string;
}

/** Issues printed for one scenario; the rest are counted. */
export const MAX_ISSUES_SHOWN = 50;

/** Several problems found at once (schema or model checks): one line each. */
export class ScenarioValidationError extends UserError {
  readonly issues: IssueReport[];

  constructor(issues: IssueReport[]) {
    // Reading order: files in order of first mention, then by position in the file.
    const files = [...new Set(issues.map((i) => i.file))];
    const key = (i: IssueReport) => [files.indexOf(i.file), i.location?.line ?? 0, i.location?.column ?? 0];
    issues = [...issues].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
    });
    const first = issues[0] ?? { message: 'invalid scenario' };
    super(first.message, { file: first.file, location: first.location, fieldPath: first.fieldPath });
    this.name = 'ScenarioValidationError';
    this.issues = issues;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map(formatIssueLine);
    if (issues.length > MAX_ISSUES_SHOWN) shown.push(`... and ${issues.length - MAX_ISSUES_SHOWN} more`);
    this.message = shown.join('\n');
  }
}

/** `a.b.0.c`; a key that itself contains dots or spaces is quoted: `set["fund.start"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'string' && !/^[\w$-]+$/.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out;
}

function formatIssueLine(issue: IssueReport): string {
  let where = issue.file ?? '';
  if (issue.location) where += `${where ? ':' : 'line '}${issue.location.line}:${issue.location.column}`;
  const parts = [where, issue.fieldPath, issue.message].filter((p) => p !== undefined && p !== '');
  return parts.join(': ');
}

/** The text to print for any error: located lines for user errors, the message otherwise. */
export function formatUserError(e: unknown): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The valid name closest to `name` when it is close enough to be a likely typo. */
export function closestName(name: string, valid: readonly string[]): string | undefined {
  if (valid.length === 0) return undefined;
  const lower = name.toLowerCase();
  const sameCase = valid.find((v) => v.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const near = closest(name, valid as string[]);
  return distance(name, near) <= Math.max(2, Math.floor(name.length / 3)) ? near : undefined;
}

/** ` (did you mean "x"?)` for a likely typo, else ''. */
export function didYouMean(name: string, valid: readonly string[]): string {
  const near = closestName(name, valid);
  return near ? ` (did you mean "${near}"?)` : '';
}

/** How a YAML/JSON value reads in a message: `"abc"`, `3`, `a list`, `a mapping`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  null: 'null',
};
export const typeName = (zodType: string): string => TYPE_NAMES[zodType] ?? zodType;

const list = (items: readonly unknown[]) => items.map((v) => String(v)).join(', ');
const MAX_LISTED = 30;
const listNames = (names: readonly string[]) =>
  names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(', ')}, ... (${names.length - MAX_LISTED} more)` : names.join(', ');

/** Every user-facing text about scenario files. */
export const messages = {
  // Finding and reading files.
  noSuchFile: (name: string) => `no such scenario file "${name}"`,
  /** Hint for a missing scenario: a likely intended name, then what exists. */
  available: (names: readonly string[], where: string, wanted?: string) => {
    const near = wanted === undefined ? undefined : closestName(wanted, names);
    const listing = names.length > 0 ? `available scenarios in ${where}: ${listNames(names)}` : `there are no scenario files (.yaml, .yml, .json) in ${where}`;
    return near ? `did you mean "${near}"? ${listing}` : listing;
  },
  notScenarioFile: () => 'not a scenario file (scenario files end in .yaml, .yml or .json)',
  isDirectory: (name: string) => `"${name}" is a folder, not a scenario file`,
  unreadable: (reason: string) => `cannot read the file (${reason})`,
  tooLarge: (bytes: number, limit: number) =>
    `the file is too large (${(bytes / 1048576).toFixed(1)} MB; scenario files are limited to ${limit / 1048576} MB)`,
  notText: (why: 'nul' | 'utf8' | 'utf16') =>
    why === 'nul'
      ? 'not a text file (it contains NUL bytes)'
      : `not a UTF-8 text file (it ${why === 'utf16' ? 'is encoded as UTF-16' : 'is not valid UTF-8'}); scenario files must be saved as UTF-8`,
  emptyFile: () => 'the file is empty (it has no scenario fields, only whitespace or comments)',
  notAMapping: (got: string) => `the top level must be a mapping of scenario fields (name: ..., sectors: ...), not ${got}`,
  // Parsing.
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  nestedTooDeeply: (limit: number) => `nested too deeply (more than ${limit} levels of lists or mappings)`,
  tooManyEntries: (limit: number) => `too many keys and list items (scenario files are limited to ${limit})`,
  duplicateKey: (key: string, first: Location | undefined) =>
    `YAML syntax error: Map keys must be unique; "${key}" is already a key of this mapping${first ? ` (line ${first.line}:${first.column})` : ''}`,
  complexKey: () => 'a key must be a plain name, not a list, mapping or alias',
  unsupportedTag: (tag: string) => `tag ${tag} is not supported in scenario files (only plain values, lists and mappings)`,
  tagMismatch: (tag: string) => `the value cannot be read as ${tag}`,
  selfReference: () => 'a YAML alias refers to a value that contains it (the value would be infinite)',
  aliasBomb: (limit: number) => `too many YAML alias expansions (more than ${limit}); refusing a possible "billion laughs" alias bomb`,
  unsafeKey: (key: string) => `the key "${key}" is not allowed (it could alter JavaScript object prototypes)`,
  badPathSegment: (segment: string, reason: string) => `cannot use "${segment}" in a parameter path: ${reason}`,
  // extends.
  extendsNotString: (got: string) => `"extends" must be a scenario name or a relative file path, not ${got}`,
  extendsNotScenario: (name: string) => `"${name}" is not a scenario file (a parent must be a .yaml, .yml or .json file, or a scenario name)`,
  missingParent: (name: string) => `no such parent scenario "${name}"`,
  extendsUnavailable: (name: string) => `cannot resolve extends "${name}" here: no scenarios folder is available to read the parent from`,
  extendsCycle: (chain: readonly string[]) => `extends cycle: ${chain.join(' -> ')}`,
  // Schema issues (zod) made readable.
  missingField: (expected: string) => `required field is missing (expected ${typeName(expected)})`,
  wrongType: (expected: readonly string[], got: unknown) => `expected ${expected.map(typeName).join(' or ')}, got ${describeValue(got)}`,
  outOfRange: (zodMessage: string, got: unknown) => `${zodMessage}${got === undefined ? '' : ` (got ${describeValue(got)})`}`,
  badFormat: (zodMessage: string, got: unknown) => `${zodMessage}${got === undefined ? '' : ` (got ${describeValue(got)})`}`,
  invalidOption: (got: unknown, options: readonly unknown[], orElse?: string) =>
    `invalid value ${describeValue(got)}${typeof got === 'string' ? didYouMean(got, options.map(String)) : ''}; expected one of: ${list(options)}${orElse ? `, or ${orElse}` : ''}`,
  unknownDiscriminator: (key: string, got: unknown, options: readonly unknown[]) =>
    `unknown ${key} ${describeValue(got)}${typeof got === 'string' ? didYouMean(got, options.map(String)) : ''}; valid ${key}s: ${list(options)}`,
  unknownKey: (key: string, valid: readonly string[]) =>
    `unknown key "${key}"${didYouMean(key, valid)}${valid.length > 0 ? `; valid keys here: ${listNames(valid)}` : ''}`,
};
