/**
 * Results are written into a temporary sibling folder and renamed into place
 * when complete, so an interrupted run never leaves a half-written folder where
 * results are expected.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeDirectoryAtomically(target: string, fill: (tmpDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  // The folder is filled under its own name inside a hidden staging folder, so
  // anything that records the folder's name while filling it (report footers)
  // records the final one.
  const staging = join(parent, `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  const tmp = join(staging, basename(target));
  await mkdir(tmp, { recursive: true });
  try {
    await fill(tmp);
    const exists = await stat(target).then(() => true, () => false);
    if (exists) {
      // Replace an earlier result: move it aside first, so the target is never missing a complete folder for long.
      const old = join(parent, `.${basename(target)}.old-${process.pid}-${Date.now()}`);
      await rename(target, old);
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
