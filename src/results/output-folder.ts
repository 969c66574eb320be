/**
 * Where a command may write its results folder, and what it may replace there.
 *
 * The rule that protects a user's files: `--out` may name a new path, an empty
 * folder, or (only with `--force`) a results folder this tool wrote earlier for
 * the same kind of command, recognised by its manifest.json (`kind`), and only
 * if every file in it is one the manifest lists as written by the tool. Anything
 * else (a file, a project folder, another command's results, a folder the user
 * added notes to) is refused before any computing starts, with a message saying
 * what is there and what to do. Nothing the tool did not create is ever removed.
 *
 * Folders are filled under a hidden staging folder beside the target
 * (`.NAME.tmp-PID-TIME`); the ones of live processes are tracked so a signal
 * handler can remove them, and the ones a dead process left are removed on the
 * next write to the same place.
 */
import { existsSync, rmSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../scenario/errors.js';
import { processIsAlive } from './processes.js';
import type { Provenance } from './provenance-format.js';

/** The kinds of results folder written in one piece (sweeps and sensitivity analyses are plan folders, see sweep-store). */
export const RESULTS_KINDS = ['run', 'compare', 'game', 'calibration', 'calibration-study', 'study', 'history', 'discover'] as const;
export type ResultsKind = (typeof RESULTS_KINDS)[number];

export const MANIFEST_FILE = 'manifest.json';
export const kindTag = (kind: ResultsKind): string => `chuanyu-${kind}`;

export interface OutputFolderOptions {
  kind: ResultsKind;
  /** Replace an earlier results folder of the same kind (the user said --force). */
  force?: boolean;
  /** How the results were made: in manifest.json before the folder is filled (so its report shows it) and kept there at the end. */
  provenance?: Provenance;
}

/** What a manifest records about the folder it sits in. */
export interface FolderInventory {
  kind: string;
  /** Every file the tool wrote, relative to the folder, `/`-separated, sorted. */
  files: string[];
}

const MAX_LISTED = 5;
const listSome = (names: string[]) => names.slice(0, MAX_LISTED).join(', ') + (names.length > MAX_LISTED ? `, ... (${names.length} in all)` : '');

/** Every file under `dir`, relative and `/`-separated, sorted; folders are not listed, only what they hold. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (sub: string) => {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else out.push(rel);
    }
  };
  await walk('');
  return out.sort();
}

/** The manifest's kind and file list, or null when there is no readable manifest with both. */
export async function readInventory(dir: string): Promise<FolderInventory | null> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Partial<FolderInventory>;
    if (typeof manifest?.kind !== 'string' || !Array.isArray(manifest.files) || !manifest.files.every((f) => typeof f === 'string')) return null;
    return { kind: manifest.kind, files: manifest.files };
  } catch {
    return null;
  }
}

const describeKind = (tag: string) => (tag.startsWith('chuanyu-') ? `\`chuanyu ${tag.slice('chuanyu-'.length)}\`` : `"${tag}"`);

/**
 * Refuses, with a UserError saying what is there and what to do, a target this
 * command may not write to. Returns the earlier folder's inventory when it will
 * be replaced (--force on a folder of the same kind), otherwise null.
 */
export async function checkOutputTarget(target: string, options: OutputFolderOptions): Promise<FolderInventory | null> {
  const shown = target;
  const stat = await lstat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
    throw ioUserError(e, target);
  });
  if (stat === null) {
    await checkCanCreate(target);
    return null;
  }
  if (stat.isSymbolicLink()) throw new UserError(`--out ${shown} is a symbolic link; results are written only to a new folder or one this tool wrote. Choose another --out (nothing was written)`);
  if (!stat.isDirectory()) throw new UserError(`--out ${shown} is a file, not a results folder; chuanyu will not replace it. Choose a new folder name for --out (nothing was written)`);
  const entries = await readdir(target).catch((e: NodeJS.ErrnoException) => {
    throw ioUserError(e, target);
  });
  if (entries.length === 0) return null;
  const inventory = await readInventory(target);
  const wanted = kindTag(options.kind);
  if (!inventory) {
    const legacy = entries.includes(MANIFEST_FILE) ? ' (its manifest.json is not one this version of chuanyu wrote, so it cannot tell which files are its own)' : '';
    throw new UserError(
      `--out ${shown} is a folder that chuanyu did not write${legacy}; it holds ${listSome(entries.sort())}. chuanyu never removes files it did not write: give --out a new or empty folder (nothing was written)`,
    );
  }
  if (inventory.kind !== wanted)
    throw new UserError(`--out ${shown} holds results of ${describeKind(inventory.kind)}, not of \`chuanyu ${options.kind}\`; choose another --out folder (nothing was written)`);
  if (!options.force)
    throw new UserError(`--out ${shown} already holds results of an earlier \`chuanyu ${options.kind}\`; add --force to replace them, or choose another --out folder (nothing was written)`);
  const listed = new Set(inventory.files);
  const extra = (await listFiles(target)).filter((f) => !listed.has(f));
  if (extra.length > 0)
    throw new UserError(
      `--out ${shown} holds results of an earlier \`chuanyu ${options.kind}\` and also files chuanyu did not write (${listSome(extra)}); --force replaces only a folder of chuanyu's own files. Move those files out, or choose another --out folder (nothing was written)`,
    );
  return inventory;
}

/**
 * The target does not exist: its nearest existing ancestor must be a folder we
 * can create things in. Probed there (a folder made and removed at once), so a
 * run refused later leaves no empty parent folders behind.
 */
async function checkCanCreate(target: string): Promise<void> {
  let ancestor = dirname(resolve(target));
  for (;;) {
    const stat = await lstat(ancestor).catch(() => null);
    if (stat) {
      if (!stat.isDirectory() && !(stat.isSymbolicLink() && existsSync(join(ancestor, '.')))) throw new UserError(`cannot write results to ${target}: ${ancestor} is a file, not a folder (nothing was written)`);
      break;
    }
    const up = dirname(ancestor);
    if (up === ancestor) break;
    ancestor = up;
  }
  // Proves the place is writable (permissions, read-only file systems) before any computing.
  const probe = join(ancestor, `.${basename(target)}.tmp-${process.pid}-probe`);
  try {
    await mkdir(probe);
    await rmdir(probe);
  } catch (e) {
    throw ioUserError(e as NodeJS.ErrnoException, dirname(resolve(target)));
  }
}

// ---- staging folders -------------------------------------------------------------------------------

const liveStaging = new Set<string>();

/** Removes this process's staging folders now (for a signal or exit handler: synchronous). */
export function removeLiveStagingSync(): void {
  for (const dir of liveStaging) rmSync(dir, { recursive: true, force: true });
  liveStaging.clear();
}

const STAGING = /^\.(.+)\.(tmp|old)-(\d+)-(\d+|probe)$/;

/** Removes staging folders for `target` that a process no longer running left behind (killed, power cut). */
export async function removeStaleStaging(target: string): Promise<string[]> {
  const parent = dirname(target);
  const removed: string[] = [];
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const m = STAGING.exec(name);
    if (!m || m[1] !== basename(target) || processIsAlive(Number(m[3]))) continue;
    const path = join(parent, name);
    if (!(await lstat(path)).isDirectory()) continue;
    if (m[2] === 'tmp') await rm(path, { recursive: true, force: true });
    else {
      // An earlier result moved aside: remove only what its manifest lists (it may hold a file that appeared meanwhile).
      const inventory = await readInventory(path);
      if (!inventory || (await removeListedFiles(path, inventory))) continue;
    }
    removed.push(path);
  }
  return removed;
}

/** A new staging folder for `target`, tracked until `release`. */
export async function createStaging(target: string): Promise<string> {
  const staging = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  liveStaging.add(staging);
  return staging;
}

export async function releaseStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  liveStaging.delete(staging);
}

/** Marks a filled folder as this kind's results and lists every file in it, in manifest.json (merged into the one the fill wrote, if any). */
export async function writeInventory(dir: string, kind: ResultsKind, provenance?: Provenance): Promise<void> {
  const file = join(dir, MANIFEST_FILE);
  const own = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  const { kind: _kind, files: _files, ...rest } = own;
  const files = [...new Set([...(await listFiles(dir)), MANIFEST_FILE])].sort();
  await writeFile(file, JSON.stringify({ kind: kindTag(kind), ...rest, ...(provenance ? { provenance } : {}), files }, null, 2) + '\n');
}

/** Adds files a later command wrote into a results folder (e.g. `chuanyu report` re-rendering charts) to its manifest's list. */
export async function recordFiles(dir: string): Promise<void> {
  const inventory = await readInventory(dir);
  if (!inventory) return;
  const file = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const present = new Set(await listFiles(dir));
  // Files the report command wrote are charts and report pages beside the listed ones; a file the user added is not adopted.
  const adopted = [...present].filter((f) => !inventory.files.includes(f) && /(^|\/)(charts\/|report\.html$|[^/]+\.(vl\.json|svg|png|pdf)$)/.test(f));
  const files = [...new Set([...inventory.files.filter((f) => present.has(f)), ...adopted])].sort();
  if (files.join('\n') === inventory.files.join('\n')) return;
  await writeFile(file, JSON.stringify({ ...manifest, files }, null, 2) + '\n');
}

/**
 * Removes an earlier results folder that was moved aside: only the files its
 * manifest listed, then the folders left empty. Whatever else is found there
 * (a file that appeared meanwhile) stays, and the folder's path is returned.
 */
export async function removeListedFiles(dir: string, inventory: FolderInventory): Promise<string | null> {
  for (const rel of inventory.files) {
    const path = resolve(dir, rel);
    if (!path.startsWith(resolve(dir) + sep)) continue; // a manifest never sends removal outside its folder
    await rm(path, { force: true });
  }
  const folders = new Set<string>();
  for (const rel of inventory.files) for (let d = dirname(rel); d !== '.' && d !== ''; d = dirname(d)) folders.add(d);
  for (const d of [...folders].sort((a, b) => b.length - a.length)) await rmdir(join(dir, d)).catch(() => undefined);
  return rmdir(dir).then(
    () => null,
    () => dir,
  );
}

// ---- I/O errors as user errors ---------------------------------------------------------------------

const IO_CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'something is already there',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENOENT: 'no such file or folder',
  ENOTEMPTY: 'the folder is not empty',
  EBUSY: 'it is busy',
  EIO: 'an input/output error of the device',
};

/** An errno error from the file system, as a user error naming the path and the cause; null for anything else. */
export function asIoUserError(error: unknown): UserError | null {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !(e.code in IO_CAUSES) || typeof e.path !== 'string') return null;
  return ioUserError(e, e.path);
}

const VERBS: Record<string, string> = { mkdir: 'create', mkdtemp: 'create', rmdir: 'remove', unlink: 'remove', rm: 'remove', scandir: 'read', read: 'read', stat: 'read', lstat: 'read', access: 'use' };

function ioUserError(e: NodeJS.ErrnoException, path: string): UserError {
  const cause = IO_CAUSES[e.code ?? ''] ?? e.message;
  const rel = relative(process.cwd(), path);
  const shown = rel && !rel.startsWith('..') ? rel : path;
  return new UserError(`cannot ${VERBS[e.syscall ?? ''] ?? 'write'} ${shown}: ${cause}${e.code ? ` (${e.code})` : ''}`, { cause: e });
}

/**
 * A single file a command writes (e.g. `validate --write`): a new file, or one
 * this command wrote before (`isOwn` recognises its text); anything else is refused.
 */
export async function checkReplaceableFile(path: string, isOwn: (text: string) => boolean, what: string): Promise<void> {
  const stat = await lstat(path).catch(() => null);
  if (!stat) return checkCanCreate(path);
  if (!stat.isFile()) throw new UserError(`${path} is not a file; give a file name to write ${what} to (nothing was written)`);
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw ioUserError(e, path);
  });
  if (!isOwn(text)) throw new UserError(`${path} exists and is not ${what} chuanyu wrote; chuanyu will not overwrite it. Choose another file name (nothing was written)`);
}

/** A default results folder (named by time and seed) that does not exist yet: `-2`, `-3`... when two commands start in the same second. */
export function unusedFolder(path: string): string {
  if (!existsSync(path)) return path;
  for (let i = 2; ; i++) if (!existsSync(`${path}-${i}`)) return `${path}-${i}`;
}
