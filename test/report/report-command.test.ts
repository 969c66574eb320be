/** `chuanyu report <results-dir> [--format ...]` through its yargs command module and action. */
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAction } from '../../src/cli/actions/report-action.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { UserError } from '../../src/scenario/errors.js';
import { makeResultsFolder } from './fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await makeResultsFolder({ plain: true });
});
afterAll(async () => {
  await rm(dirname(dir), { recursive: true, force: true });
});

/** Parses argv with only the report command; returns the failure (message or error) if any. */
async function parse(argv: string[]): Promise<unknown> {
  let failure: unknown = null;
  try {
    await yargs(argv)
      .command(reportCommand)
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        failure = error ?? message;
        throw error ?? new Error(message);
      })
      .parseAsync();
  } catch (error) {
    failure ??= error;
  }
  return failure;
}

describe('chuanyu report', () => {
  it('renders the chosen formats into <results-dir>/charts', async () => {
    const failure = await parse(['report', dir, '--format', 'svg,vl', '--quiet']);
    expect(failure).toBeNull();
    const files = await readdir(join(dir, 'charts'));
    expect(files).toContain('report.html');
    expect(files).toContain('similarity.svg');
    expect(files).toContain('similarity.vl.json');
    expect(files.some((f) => f.endsWith('.png'))).toBe(false);
  });

  it('rejects an unknown format with a clear error', async () => {
    const failure = await parse(['report', dir, '--format', 'svg,jpg']);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toBe('unknown chart format "jpg"; valid formats: vl, svg, png, pdf');
  });

  it('needs a results folder', async () => {
    expect(String(await parse(['report']))).toMatch(/Not enough non-option arguments/);
    const failure = await parse(['report', join(dir, 'missing')]);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toContain('no such results folder');
  });

  it('prints where the report is', async () => {
    const lines: string[] = [];
    const result = await reportAction({ resultsDir: dir, formats: ['vl'], log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^Rendered 7 charts: similarity, /);
    expect(lines).toContain('Skipped (nothing to show in this run): guidance-fund');
    expect(lines[lines.length - 1]).toMatch(/^Report: .*charts[\\/]report\.html$/);
    expect(result.report).toBe(join(dir, 'charts', 'report.html'));
  });
});
