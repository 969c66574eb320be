/**
 * Results folders are filled out of sight and renamed into place, under their
 * final name; only a folder the tool wrote, of the same kind, is ever replaced,
 * and only when asked; file-system failures leave nothing behind.
 */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDirectoryAtomically } from '../../src/results/atomic-dir.js';
import { checkOutputTarget, recordFiles, removeStaleStaging } from '../../src/results/output-folder.js';
import { UserError } from '../../src/scenario/errors.js';

const RUN = { kind: 'run' } as const;
const fresh = () => mkdtemp(join(tmpdir(), 'chuanyu-atomic-'));
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { kind: string; files: string[] };

describe('writeDirectoryAtomically', () => {
  it('fills the folder under its final name, renames it into place and lists its files in the manifest', async () => {
    const root = await fresh();
    const target = join(root, 'my-run');
    await writeDirectoryAtomically(target, RUN, async (dir) => {
      expect(basename(dir)).toBe('my-run'); // what a report footer records
      expect(existsSync(target)).toBe(false);
      await writeFile(join(dir, 'a.txt'), 'one');
      await mkdir(join(dir, 'charts'));
      await writeFile(join(dir, 'charts', 'b.svg'), '<svg/>');
    });
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('one');
    // Every folder also gets its metric dictionary (metrics.json).
    expect(manifestOf(target)).toEqual({ kind: 'chuanyu-run', files: ['a.txt', 'charts/b.svg', 'manifest.json', 'metrics.json'] });
    expect(await readdir(root)).toEqual(['my-run']);
  });

  it('keeps the manifest a command wrote, adding its kind and file list', async () => {
    const target = join(await fresh(), 'out');
    await writeDirectoryAtomically(target, RUN, (dir) => writeFile(join(dir, 'manifest.json'), JSON.stringify({ seed: 7 })));
    expect(manifestOf(target)).toEqual({ kind: 'chuanyu-run', seed: 7, files: ['manifest.json', 'metrics.json'] });
  });

  it('keeps the earlier folder and cleans up when filling fails', async () => {
    const root = await fresh();
    const target = join(root, 'my-run');
    await writeDirectoryAtomically(target, RUN, (dir) => writeFile(join(dir, 'a.txt'), 'first'));
    await expect(
      writeDirectoryAtomically(target, { kind: 'run', force: true }, async (dir) => {
        await writeFile(join(dir, 'a.txt'), 'second');
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('first');
    expect(await readdir(root)).toEqual(['my-run']);
  });

  it('turns a full disk into a user error naming the file, and leaves no truncated file or staging folder', async () => {
    const root = await fresh();
    const target = join(root, 'out');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: join(target, 'metrics.csv') });
    const error = await writeDirectoryAtomically(target, RUN, async (dir) => {
      await writeFile(join(dir, 'metrics.csv'), 'year,val');
      throw full;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/metrics\.csv: no space left on the device \(ENOSPC\)/);
    expect(await readdir(root)).toEqual([]);
  });

  it('replaces an earlier folder of the same kind only with force, and removes only the files it listed', async () => {
    const root = await fresh();
    const target = join(root, 'out');
    await writeDirectoryAtomically(target, RUN, (dir) => writeFile(join(dir, 'a.txt'), 'first'));
    await expect(writeDirectoryAtomically(target, RUN, (dir) => writeFile(join(dir, 'a.txt'), 'second'))).rejects.toThrow(/add --force/);
    await writeDirectoryAtomically(target, { kind: 'run', force: true }, (dir) => writeFile(join(dir, 'a.txt'), 'second'));
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('second');
    expect(await readdir(root)).toEqual(['out']);
  });
});

describe('checkOutputTarget', () => {
  it('accepts a new path (creating nothing) and an empty folder', async () => {
    const root = await fresh();
    expect(await checkOutputTarget(join(root, 'a', 'b'), RUN)).toBeNull();
    expect(await readdir(root)).toEqual([]); // probed, not made: a run refused later leaves no empty folders
    await mkdir(join(root, 'empty'));
    expect(await checkOutputTarget(join(root, 'empty'), RUN)).toBeNull();
  });

  it('refuses a file, a user folder, another kind, a folder with a file added, and says what to do', async () => {
    const root = await fresh();
    await writeFile(join(root, 'notes.txt'), 'mine');
    await expect(checkOutputTarget(join(root, 'notes.txt'), RUN)).rejects.toThrow(/is a file, not a results folder/);
    await expect(checkOutputTarget(join(root, 'notes.txt', 'sub'), RUN)).rejects.toThrow(/notes\.txt is a file, not a folder/);
    await expect(checkOutputTarget(root, { kind: 'run', force: true })).rejects.toThrow(/did not write; it holds notes\.txt/);
    const game = join(root, 'game');
    await writeDirectoryAtomically(game, { kind: 'game' }, (dir) => writeFile(join(dir, 'game.json'), '{}'));
    await expect(checkOutputTarget(game, { kind: 'run', force: true })).rejects.toThrow(/holds results of `chuanyu game`, not of `chuanyu run`/);
    await writeFile(join(game, 'my-notes.md'), 'mine');
    await expect(checkOutputTarget(game, { kind: 'game', force: true })).rejects.toThrow(/files chuanyu did not write \(my-notes\.md\)/);
  });

  it('adopts re-rendered charts into the file list, but not a file the user added', async () => {
    const target = join(await fresh(), 'out');
    await writeDirectoryAtomically(target, RUN, (dir) => writeFile(join(dir, 'a.txt'), 'x'));
    await mkdir(join(target, 'charts'));
    await writeFile(join(target, 'charts', 'new.pdf'), '%PDF');
    await writeFile(join(target, 'todo.txt'), 'mine');
    await recordFiles(target);
    expect(manifestOf(target).files).toEqual(['a.txt', 'charts/new.pdf', 'manifest.json', 'metrics.json']);
  });
});

describe('removeStaleStaging', () => {
  it('removes the staging folders of processes that are gone, not those of live ones nor other names', async () => {
    const root = await fresh();
    const target = join(root, 'out');
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    for (const name of [`.out.tmp-${dead}-1`, `.out.tmp-${process.pid}-2`, `.other.tmp-${dead}-3`]) await mkdir(join(root, name));
    await writeFile(join(root, `.out.tmp-${dead}-9`), 'a file, not a staging folder');
    expect(await removeStaleStaging(target)).toEqual([join(root, `.out.tmp-${dead}-1`)]);
    expect((await readdir(root)).sort()).toEqual([`.other.tmp-${dead}-3`, `.out.tmp-${dead}-9`, `.out.tmp-${process.pid}-2`].sort());
  });
});

describe('provenance in a folder written atomically', () => {
  it('is in manifest.json while the folder is filled (so its report shows it) and after, beside the command\'s own fields', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'chuanyu-prov-')), 'out');
    const provenance = { scenarios: [{ name: 's', sha256: 'b'.repeat(64) }], commandLine: 'chuanyu run s', design: { sampler: 'single', sampleSize: 1, seed: 1, replications: 1 }, packageVersion: '0.0.0' };
    let during: unknown;
    await writeDirectoryAtomically(target, { ...RUN, provenance }, async (dir) => {
      during = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).provenance;
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ seed: 7 }));
    });
    expect(during).toEqual(provenance);
    expect(manifestOf(target)).toEqual({ kind: 'chuanyu-run', seed: 7, provenance, files: ['manifest.json', 'metrics.json'] });
  });
});
