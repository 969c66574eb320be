/**
 * Generated blocks inside a hand-written file (the README): the text between
 * `<!-- NAME:start -->` and `<!-- NAME:end -->` belongs to the command that
 * writes it, so figures a reader sees there are measured, never typed in, and
 * the prose around them is never touched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { UserError } from '../../scenario/errors.js';

const markers = (name: string) => ({ start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` });

/** The text with the named block's contents replaced; a missing or broken block is a UserError naming the file. */
export function withMarkedBlock(text: string, name: string, body: string, file: string): string {
  const { start, end } = markers(name);
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a || text.indexOf(start, a + 1) >= 0)
    throw new UserError(`${file}: expected exactly one block "${start}" ... "${end}" to write the generated text into; nothing was written`);
  return `${text.slice(0, a + start.length)}\n${body.trimEnd()}\n${text.slice(b)}`;
}

/** Checks, before any computing, that the file has the block (so a long command does not fail at its end). */
export async function checkMarkedBlock(file: string, name: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UserError(`${file}: cannot read it (${e.code ?? e.message}); nothing was written`);
  });
  withMarkedBlock(text, name, '', file);
}

export async function writeMarkedBlock(file: string, name: string, body: string): Promise<void> {
  await writeFile(file, withMarkedBlock(await readFile(file, 'utf8'), name, body, file));
}
