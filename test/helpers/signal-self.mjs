/**
 * Preloaded into a `chuanyu` process by tests (`node --import <this file>`): the
 * process sends itself a signal at a known moment, so a test can crash (SIGKILL),
 * interrupt (SIGINT) or stop (SIGTERM) a command there without racing it from
 * outside with a poll and a clock. Set in the environment:
 *
 *   CHUANYU_TEST_SIGNAL       the signal's name (SIGKILL, SIGINT, SIGTERM)
 *   CHUANYU_TEST_SIGNAL_WHEN  `points:N`: right after the Nth point file of a sweep is saved
 *                             `staging`: right after a results staging folder is created
 *
 * It watches the two file operations those are made of (src/experiment/sweep-store.ts
 * renames each point file into place; src/results/output-folder.ts makes the staging
 * folder `.NAME.tmp-PID-TIME`), both from fs/promises. If that changes, the signal
 * never comes and the tests that use this fail, saying so.
 */
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const signal = process.env.CHUANYU_TEST_SIGNAL;
const when = /^(points):(\d+)$|^(staging)$/.exec(process.env.CHUANYU_TEST_SIGNAL_WHEN ?? '');

// Worker threads load this too (they inherit --import); only the main thread counts and signals.
if (isMainThread && signal && when) {
  const wantPoints = when[1] ? Number(when[2]) : 0;
  let points = 0;
  let sent = false;
  const fire = () => {
    if (sent) return;
    sent = true;
    process.kill(process.pid, signal);
  };
  const { rename, mkdir } = fsp;
  fsp.rename = async (from, to) => {
    await rename(from, to);
    if (wantPoints > 0 && /^point-\d{6}\.json$/.test(basename(String(to))) && ++points === wantPoints) fire();
  };
  fsp.mkdir = async (path, options) => {
    const made = await mkdir(path, options);
    if (when[3] && /^\..+\.tmp-\d+-\d+$/.test(basename(String(path)))) fire();
    return made;
  };
  // Named imports (`import { rename } from 'node:fs/promises'`) see the replacements too.
  syncBuiltinESMExports();
}
