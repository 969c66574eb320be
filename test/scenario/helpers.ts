/** Shared helpers for the scenario tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { UserError } from '../../src/scenario/errors.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));
export const SHIPPED = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** The project root: messages show fixture paths relative to it (`test/fixtures/scenarios/...`). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The UserError thrown (or rejected) by `f`; fails the test on success or on any other error. */
export async function userError(f: () => unknown): Promise<UserError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chuanyu-scenario-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
