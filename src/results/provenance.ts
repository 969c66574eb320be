/**
 * Provenance on disk (the format is provenance-format.ts): the scenario hash,
 * reading a folder's provenance back for its report, and the manifest of a
 * sweep or sensitivity folder (which have a plan file, not a manifest).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import { stableJson } from './json-file.js';
import { MANIFEST_FILE } from './output-folder.js';
import { canonicalJson, provenanceOf, type Provenance } from './provenance-format.js';

/** sha256 (hex) of the resolved scenario in canonical form (keys sorted). */
export function scenarioSha256(resolved: unknown): string {
  return createHash('sha256').update(canonicalJson(resolved)).digest('hex');
}

/** The provenance in `dir`'s manifest.json; null when there is no manifest or it records none (older folders). */
export async function readFolderProvenance(dir: string): Promise<Provenance | null> {
  try {
    return provenanceOf(JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/**
 * manifest.json of a finished sweep or sensitivity folder: the command and its
 * provenance (the command line is the one that finished the folder: a resumed
 * sweep or a merge names itself). Written to a temporary name and renamed.
 */
export async function writePlanFolderManifest(dir: string, command: 'sweep' | 'merge' | 'sensitivity', provenance: Provenance): Promise<void> {
  await writeFileAtomically(join(dir, MANIFEST_FILE), stableJson({ command, provenance }));
}
