/**
 * Results are written into a hidden staging folder and renamed into place when
 * complete, so an interrupted run never leaves a half-written folder where
 * results are expected. What may be replaced is decided by output-folder.ts:
 * only an earlier results folder of the same kind, when the user asked (--force),
 * and of it only the files its manifest lists.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { stableJson } from './file-format.js';
import { writeMetricDictionary } from './metric-dictionary-file.js';
import { basename, dirname, join, resolve } from 'node:path';
import {
  asIoUserError,
  checkOutputTarget,
  createStaging,
  releaseStaging,
  removeListedFiles,
  removeStaleStaging,
  writeInventory,
  MANIFEST_FILE,
  type OutputFolderOptions,
} from './output-folder.js';

/**
 * Fills a new folder and renames it to `target`. Checks the target again (it
 * may have changed while the results were computed), writes the manifest's
 * kind and file list, and turns file-system failures into user errors naming
 * the path; on any failure the staging folder is removed, so a full disk leaves
 * no truncated table or chart behind.
 */
export async function writeDirectoryAtomically(target: string, options: OutputFolderOptions, fill: (dir: string) => Promise<void>): Promise<void> {
  target = resolve(target);
  const earlier = await checkOutputTarget(target, options);
  await removeStaleStaging(target);
  let staging: string | undefined;
  try {
    staging = await createStaging(target);
    // The folder is filled under its own name inside the staging folder, so
    // anything that records the folder's name while filling it (report footers) records the final one.
    const dir = join(staging, basename(target));
    await mkdir(dir);
    if (options.provenance) await writeFile(join(dir, MANIFEST_FILE), stableJson({ provenance: options.provenance }));
    await fill(dir);
    await writeMetricDictionary(dir);
    await writeInventory(dir, options.kind, options.provenance);
    if (earlier) {
      // Replace the earlier result: move it aside first, so the target is never missing a complete folder for long.
      const aside = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Date.now()}`);
      await rename(target, aside);
      await rename(dir, target);
      const left = await removeListedFiles(aside, earlier);
      if (left) process.stderr.write(`warning: ${left} (the earlier results) still holds files chuanyu did not write; they were kept\n`);
    } else {
      // rename(2) replaces an empty folder, so an empty --out folder is filled in place.
      await rename(dir, target);
    }
  } catch (error) {
    throw asIoUserError(error) ?? error;
  } finally {
    if (staging) await releaseStaging(staging);
  }
}
