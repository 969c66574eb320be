/**
 * JSON result files: how they are written (two-space indent, a final newline)
 * and how they are read back against the zod schema of their kind, so that a
 * damaged or foreign file is a `UserError` naming the file and the field
 * (`summary.json: metrics.zone: expected a mapping`), never a crash deep in a
 * chart.
 *
 * A reader returns the file's own value once it is valid (not zod's rebuilt
 * copy): key order and fields the schema does not name pass through as
 * written, so what is drawn from a file does not depend on the schema's order.
 * JSON has no NaN: a number a writer held as NaN is stored as null, and
 * `jsonNumber` accepts it (the value read back holds that null).
 *
 * No Node APIs here (the formats are shared with the browser explorer);
 * reading from disk is json-file.ts.
 */
import { z } from 'zod';
import { UserError, formatPath, typeName } from '../scenario/errors.js';

/** What one kind of JSON file holds, and how it is named in messages. */
export interface FileFormat<S extends z.ZodType> {
  schema: S;
  /** As in "is not a run summary". */
  name: string;
}

export const fileFormat = <S extends z.ZodType>(name: string, schema: S): FileFormat<S> => ({ schema, name });

/** A number of a result; null in the file stands for a NaN (not a number: no replications, an undefined ratio). */
export const jsonNumber = z.number().or(z.null().transform(() => Number.NaN));

/**
 * A scenario's note on illustrative numbers (its `illustrative` field, as
 * written), recorded in the summary of a folder that holds no resolved
 * scenario (calibration, history) so its report can show it. Optional: absent
 * when the scenario makes none, and in folders written before it was recorded.
 */
export const illustrativeNoteSchema = z.string().optional();

/** `{ illustrative }` when the scenario makes a note, else nothing (so a summary without one keeps its bytes). */
export const illustrativeField = (text: unknown): { illustrative?: string } => (typeof text === 'string' && text.trim() !== '' ? { illustrative: text } : {});

export const stableJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** The first problem zod found, as a UserError naming the file and the field. */
export function formatError(error: z.ZodError, file: string, format: FileFormat<z.ZodType>): UserError {
  const issue = error.issues[0];
  const fieldPath = formatPath(issue.path.filter((s): s is string | number => typeof s !== 'symbol'));
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return new UserError(`not ${format.name}: ${issueText(issue)}${more}`, { file, fieldPath: fieldPath || undefined });
}

function issueText(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const found = input === undefined ? 'nothing' : describeJson(input);
  if (issue.code === 'invalid_type') return `expected ${typeName(issue.expected)}, found ${found}`;
  if (issue.code === 'invalid_union') {
    // A union of types (a number, or null for a NaN): name every type it takes.
    const expected = issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => typeName((i as { expected: string }).expected)));
    if (expected.length === issue.errors.length) return `expected ${[...new Set(expected)].join(' or ')}, found ${found}`;
  }
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Checks parsed JSON against a format; returns the value itself, typed. */
export function checkJson<S extends z.ZodType>(value: unknown, file: string, format: FileFormat<S>): z.output<S> {
  const result = format.schema.safeParse(value, { reportInput: true });
  if (!result.success) throw formatError(result.error, file, format);
  return value as z.output<S>;
}

/** Parses a file's text and checks it against its format. */
export function parseJsonFile<S extends z.ZodType>(text: string, file: string, format: FileFormat<S>): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`not valid JSON (${(error as Error).message}); expected ${format.name}`, { file, cause: error });
  }
  return checkJson(value, file, format);
}
