/**
 * Skips that say why. vitest's default reporter shows a skipped group only as a
 * count, so the reason is printed when the file is collected (it appears under
 * the file's name in the output): a test is never skipped silently.
 */
import { existsSync } from 'node:fs';

/** True (skip) when `reason` is given, after printing what is skipped and why. Use as `describe.skipIf(skipBecause(reason, name))(name, ...)`. */
export function skipBecause(reason: string | null, what: string): boolean {
  if (reason === null) return false;
  console.warn(`skipped "${what}": ${reason}`);
  return true;
}

/** The browser the headless tests drive (Debian's chromium package). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the headless-browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (install it with .ci/install-chromium.sh, or apt-get install chromium)`;
}
