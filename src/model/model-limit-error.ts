/**
 * A run that outgrew what the model can hold or compute: too many firms for the
 * firm arrays, or a recorded number that is no longer finite (an overflow from
 * absurdly large inputs). It is the scenario's fault, not a bug: the CLI maps it
 * to exit code 2 like a `UserError`, and its message says where (step, year,
 * metric, region or sector) and which inputs to reduce.
 *
 * Plain data fields only, so the error can cross a worker-thread boundary and be
 * rebuilt on the other side (`toModelLimitData` / `fromModelLimitData`).
 */

export const MODEL_LIMIT_KINDS = ['firm-limit', 'non-finite'] as const;
export type ModelLimitKind = (typeof MODEL_LIMIT_KINDS)[number];
export function isModelLimitKind(value: unknown): value is ModelLimitKind {
  return typeof value === 'string' && (MODEL_LIMIT_KINDS as readonly string[]).includes(value);
}

export interface ModelLimitFields {
  kind: ModelLimitKind;
  /** Step at which the limit was reached; null for the initial world (before step 0). */
  step: number | null;
  /** Calendar year of that step (the start year for the initial world). */
  year: number;
  /** firm-limit: the firms the run needed, and the most it may hold. */
  firms?: number;
  limit?: number;
  /** non-finite: the metric (as in metrics.csv or sectors.csv), its value and where. */
  metric?: string;
  value?: number;
  region?: string;
  sector?: string;
  /** Scenario inputs that are likely too large (dotted paths as in the scenario file). */
  suspects?: string[];
}

const count = (n: number) => (Number.isFinite(n) && Math.abs(n) < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2));
const when = (f: ModelLimitFields) => (f.step === null ? `in the initial world (year ${f.year})` : `at step ${f.step} (year ${f.year})`);

function messageOf(f: ModelLimitFields): string {
  if (f.kind === 'firm-limit') {
    // Absurd inputs (e.g. transfers of 1e308) make entry explode in one step: name them rather than the run's length.
    const reduce = f.suspects && f.suspects.length > 0
      ? `the scenario's inputs are likely too large (check ${f.suspects.join(', ')})`
      : `reduce ${f.step === null ? 'initial.firms' : 'time.steps, demand growth or the entry rates (firms.entryRate, firms.entryFloor)'}`;
    return `the run reached ${count(f.firms ?? Number.NaN)} firms ${when(f)}, more than the ${count(f.limit ?? Number.NaN)} a run can hold; ${reduce}`;
  }
  const where = [f.region && `region ${f.region}`, f.sector && `sector ${f.sector}`].filter(Boolean).join(', ');
  const inputs = f.suspects && f.suspects.length > 0 ? f.suspects.join(', ') : 'money amounts, growth rates or time.steps';
  return `${f.metric} ${where ? `(${where}) ` : ''}is ${f.value} ${when(f)}: the numbers overflowed; the scenario's inputs are likely too large (check ${inputs})`;
}

export class ModelLimitError extends Error {
  readonly exitCode = 2;
  readonly kind: ModelLimitKind;
  readonly step: number | null;
  readonly year: number;
  readonly firms?: number;
  readonly limit?: number;
  readonly metric?: string;
  readonly value?: number;
  readonly region?: string;
  readonly sector?: string;
  readonly suspects?: string[];

  constructor(fields: ModelLimitFields, message = messageOf(fields)) {
    super(message);
    this.name = 'ModelLimitError';
    this.kind = fields.kind;
    this.step = fields.step;
    this.year = fields.year;
    this.firms = fields.firms;
    this.limit = fields.limit;
    this.metric = fields.metric;
    this.value = fields.value;
    this.region = fields.region;
    this.sector = fields.sector;
    this.suspects = fields.suspects;
  }

  /** The fields and message as structured-clonable data (for postMessage). */
  toData(): ModelLimitData {
    const { kind, step, year, firms, limit, metric, value, region, sector, suspects } = this;
    return { name: 'ModelLimitError', message: this.message, fields: { kind, step, year, firms, limit, metric, value, region, sector, suspects } };
  }
}

/** A ModelLimitError as plain data. */
export interface ModelLimitData {
  name: 'ModelLimitError';
  message: string;
  fields: ModelLimitFields;
}

export function isModelLimitData(value: unknown): value is ModelLimitData {
  const v = value as ModelLimitData | null;
  return typeof v === 'object' && v !== null && v.name === 'ModelLimitError' && typeof v.message === 'string' && isModelLimitKind(v.fields?.kind);
}

/** The same error again, message included. */
export function fromModelLimitData(data: ModelLimitData): ModelLimitError {
  return new ModelLimitError(data.fields, data.message);
}
