/** Shared by the results-format tests: a scratch folder per file, and the UserError a read rejects with. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { UserError } from '../../src/scenario/errors.js';

/** A scratch folder made before the file's tests and removed after them; read `.path` inside a test. */
export function scratchFolder(prefix: string): { path: string } {
  const folder = { path: '' };
  beforeAll(async () => {
    folder.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(folder.path, { recursive: true, force: true });
  });
  return folder;
}

/** The UserError a promise rejects with (fails the test when it resolves or throws something else). */
export async function userError(p: Promise<unknown>): Promise<UserError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}
