/** The comparison's summary.json: written by results/compare-format.ts and read back against its schema. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../helpers/results.js';
import { readComparisonSummary, writeComparisonTables, type ComparisonRowFile } from '../../src/results/compare-format.js';
import { UserError } from '../../src/scenario/errors.js';

const scratch = scratchFolder('chuanyu-compare-format-');

const row: ComparisonRowFile = { scenario: 'b', reference: 'a', region: 'zone', metric: 'similarity', statistic: 'final', n: 2, meanA: 0.5, meanB: 0.6, difference: 0.1, ciLow: Number.NaN, ciHigh: 0.2, t: Infinity, p: 0 };
const replication = (r: number, value: number) => ({ replication: r, outcome: 'win-win', cells: [['zone', 'similarity', 'final', value]] });

describe('comparison files', () => {
  it('reads back what it writes (non-finite numbers as null)', async () => {
    const results = [{ replications: [replication(0, 0.5), replication(1, 0.5)] }, { replications: [replication(0, 0.6), replication(1, 0.6)] }];
    await writeComparisonTables(scratch.path, { scenarios: ['a', 'b'], seed: 7, replications: 2, rows: [row], results: results as never });
    const summary = await readComparisonSummary(scratch.path);
    expect(summary.scenarios).toEqual(['a', 'b']);
    expect(summary.outcomes[1].outcomes).toEqual(['win-win', 'win-win']);
    expect(summary.differences[0].ciLow).toBeNull();
    expect(summary.differences[0].t).toBeNull();
    expect(await readFile(join(scratch.path, 'replications.csv'), 'utf8')).toContain('b,1,zone,similarity,final,0.6');
  });

  it('names the file and the field of a damaged summary', async () => {
    const text = await readFile(join(scratch.path, 'summary.json'), 'utf8');
    await writeFile(join(scratch.path, 'summary.json'), text.replace('"seed": 7', '"seed": "seven"'));
    const error = await readComparisonSummary(scratch.path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/summary\.json/);
    expect((error as UserError).message).toMatch(/seed/);
  });
});
