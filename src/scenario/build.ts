/**
 * The part of scenario loading that needs no file system, shared by the CLI
 * loader (load.ts) and the browser explorer: merge an `extends` chain, then
 * validate (schema) and normalize. Each caller reports the issues its own way
 * (the CLI with file, line and column; the browser as one sentence).
 */
import type { z } from 'zod';
import type { ModelConfig } from '../model/config.js';
import { deepMerge } from './merge.js';
import { NormalizeError, normalizeScenario, type ScenarioIssue } from './normalize.js';
import { ScenarioSchema, type Scenario } from './schema.js';

/** Merges an `extends` chain, child first and root last, into one raw scenario without `extends`. */
export function mergeChain(values: readonly Record<string, unknown>[]): Record<string, unknown> {
  return values.reduceRight<Record<string, unknown>>((acc, value) => {
    const { extends: _parent, ...fields } = value;
    return deepMerge(acc, fields) as Record<string, unknown>;
  }, {});
}

export type BuiltScenario =
  | { ok: true; raw: Record<string, unknown>; scenario: Scenario; config: ModelConfig }
  | { ok: false; schemaIssues: z.core.$ZodIssue[] }
  | { ok: false; normalizeIssues: ScenarioIssue[] };

/** Validates and normalizes a merged raw scenario, returning the issues instead of throwing them. */
export function buildScenario(raw: Record<string, unknown>): BuiltScenario {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, schemaIssues: parsed.error.issues };
  try {
    return { ok: true, raw, scenario: parsed.data, config: normalizeScenario(parsed.data) };
  } catch (e) {
    if (e instanceof NormalizeError) return { ok: false, normalizeIssues: e.issues };
    throw e;
  }
}
