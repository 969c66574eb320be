/** Reading a JSON result file from disk against its format (file-format.ts, which this re-exports). */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { UserError } from '../scenario/errors.js';
import { parseJsonFile, type FileFormat } from './file-format.js';

export * from './file-format.js';

/**
 * Reads `name` in the results folder `dir` and checks it; a missing file says
 * the folder is not `what` (e.g. "a finished sweep folder").
 */
export async function readJsonFile<S extends z.ZodType>(dir: string, name: string, format: FileFormat<S>, what: string): Promise<z.output<S>> {
  const file = join(dir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${dir} is not ${what} (no ${basename(name)})` : `cannot read ${name} (${(error as Error).message})`, { file, cause: error });
  }
  return parseJsonFile(text, file, format);
}
