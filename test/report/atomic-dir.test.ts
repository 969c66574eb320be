/** Results folders are filled out of sight and renamed into place, under their final name. */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDirectoryAtomically } from '../../src/report/atomic-dir.js';

describe('writeDirectoryAtomically', () => {
  it('fills the folder under its final name, renames it into place and leaves nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chuanyu-atomic-'));
    const target = join(root, 'my-run');
    await writeDirectoryAtomically(target, async (dir) => {
      expect(basename(dir)).toBe('my-run'); // what a report footer records
      expect(existsSync(target)).toBe(false);
      await writeFile(join(dir, 'a.txt'), 'one');
    });
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('one');
    expect(await readdir(root)).toEqual(['my-run']);
  });

  it('keeps the earlier folder and cleans up when filling fails', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chuanyu-atomic-'));
    const target = join(root, 'my-run');
    await writeDirectoryAtomically(target, (dir) => writeFile(join(dir, 'a.txt'), 'first'));
    await expect(
      writeDirectoryAtomically(target, async (dir) => {
        await writeFile(join(dir, 'a.txt'), 'second');
        throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('first');
    expect(await readdir(root)).toEqual(['my-run']);
  });
});
