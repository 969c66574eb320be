/**
 * Rules for the tests themselves, checked on their source: a test is never
 * skipped silently (a conditional skip goes through test/helpers/skip.ts, which
 * prints why), none is focused or left as a todo, and none asserts on a clock
 * (a busy machine makes any duration; assert on behaviour instead).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TEST = fileURLToPath(new URL('./', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

const sources = (readdirSync(TEST, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => /\.(ts|mjs)$/.test(f) && !f.split(/[\\/]/).includes('fixtures'))
  .map((f) => join(TEST, f))
  .filter((f) => f !== SELF);

/** Lines of the test sources that match `pattern`, as `file:line: text`. */
function offending(pattern: RegExp): string[] {
  return sources.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative(TEST, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('test hygiene', () => {
  it('finds the test sources it checks', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('skips only with a printed reason (skipIf/runIf through skipBecause), never with .skip, .todo or .only', () => {
    expect(offending(/\b(it|test|describe)\.(skip|todo|only)\b|\.(skipIf|runIf)\((?!skipBecause\()/)).toEqual([]);
  });

  it('reads no clock (no assertion on elapsed time)', () => {
    expect(offending(/\b(performance\.now|Date\.now|process\.hrtime)\b/)).toEqual([]);
  });
});
