/**
 * One file written to a temporary name and renamed into place, so a crash or a
 * full disk never leaves a partial file where a result is expected.
 */
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    // A full disk must not leave a truncated file behind, not even under the temporary name.
    await rm(tmp, { force: true });
    throw error;
  }
}
