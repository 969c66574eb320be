/**
 * Provenance: what every results folder's manifest records so a result can be
 * traced to its inputs (issue 18): the sha256 of each resolved scenario in a
 * canonical form (keys sorted at every level, so the same scenario always
 * hashes the same whatever the order of its file), the full command line, the
 * design (sampler, sample size, seed, replications) and the package version.
 * One schema for every kind of folder; it sits in manifest.json under
 * `provenance` (sweep and sensitivity folders: manifest.json beside their plan).
 *
 * No Node APIs here (hashing and reading are provenance.ts).
 */
import { z } from 'zod';
import { fileFormat } from './file-format.js';

export const scenarioHashSchema = z.object({
  /** The scenario's name. */
  name: z.string(),
  /** sha256 (hex) of canonicalJson(the resolved scenario, every default filled in). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const designSchema = z.object({
  /** How the points were chosen: `single` (one scenario or a list of scenarios), `grid`, `lhs`, `morris`, `sobol`, `cma-es`, ... */
  sampler: z.string(),
  /** Points (parameter settings) run; null when the design has no sample size of its own. */
  sampleSize: z.number().int().nonnegative().nullable(),
  /** The run seed every random stream is derived from (by replication and stream name). */
  seed: z.number(),
  /** Replications at each point (replication r uses streams from the seed and r). */
  replications: z.number().int().nonnegative(),
});

export const provenanceSchema = z.object({
  scenarios: z.array(scenarioHashSchema),
  /** `chuanyu` and its arguments as given (process.argv after node and the script), each quoted for a POSIX shell where needed. */
  commandLine: z.string(),
  design: designSchema,
  packageVersion: z.string(),
});
export type Provenance = z.output<typeof provenanceSchema>;
export type Design = z.output<typeof designSchema>;

export const PROVENANCE = fileFormat('a provenance record', provenanceSchema);

/** JSON with the keys of every object sorted: the canonical text a scenario is hashed in. Undefined fields are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

/** One argument as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function quoteArgument(arg: string): string {
  return /^[\w@%+=:,./~-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line of `chuanyu` with these arguments, quoted. */
export function commandLineOf(args: readonly string[]): string {
  return ['chuanyu', ...args].map(quoteArgument).join(' ');
}

/** The provenance in a manifest, or null when it has none (folders written before provenance was recorded) or it is not one. */
export function provenanceOf(manifest: unknown): Provenance | null {
  if (manifest === null || typeof manifest !== 'object') return null;
  const parsed = provenanceSchema.safeParse((manifest as { provenance?: unknown }).provenance);
  return parsed.success ? parsed.data : null;
}
