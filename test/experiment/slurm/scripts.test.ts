/** The Slurm job scripts as text: directives from the settings, absolute paths, resuming shards, the dependent merge. */
import { describe, expect, it } from 'vitest';
import { arrayScript, arraySpec, compressRanges, defaultShardCount, jobNameFor, mergeScript, parseParsable, sbatchArguments, shardPointIndexes, submitCommands } from '../../../src/experiment/slurm/scripts.js';
import { shellQuote } from '../../../src/experiment/slurm/shell.js';
import type { SlurmSettings } from '../../../src/results/slurm-format.js';

const settings = (over: Partial<SlurmSettings> = {}): SlurmSettings => ({
  kind: 'chuanyu-slurm',
  experiment: 'sweep',
  dir: '/scratch/me/sweep-lev',
  shards: 8,
  points: 60,
  jobName: 'chuanyu-sweep-sweep-lev',
  node: '/opt/node/bin/node',
  cli: '/home/me/chuanyu/dist/cli/main.js',
  partition: null,
  account: null,
  time: null,
  mem: null,
  cpusPerTask: 4,
  throttle: null,
  sbatchLines: [],
  logDir: '/scratch/me/sweep-lev/slurm/logs',
  ...over,
});

describe('array.sbatch', () => {
  it('runs shard $SLURM_ARRAY_TASK_ID of n with --cpus-per-task workers, by absolute paths, under set -euo pipefail', () => {
    const text = arrayScript(settings());
    expect(text.startsWith('#!/bin/bash\n')).toBe(true);
    expect(text).toContain('#SBATCH --array=1-8\n');
    expect(text).toContain('#SBATCH --cpus-per-task=4\n');
    expect(text).toContain('#SBATCH --job-name=chuanyu-sweep-sweep-lev\n');
    expect(text).toContain('#SBATCH --output=/scratch/me/sweep-lev/slurm/logs/shard-%a-%A.out\n');
    expect(text).toContain('set -euo pipefail\n');
    expect(text).toContain('exec /opt/node/bin/node /home/me/chuanyu/dist/cli/main.js slurm shard /scratch/me/sweep-lev --shard "${SLURM_ARRAY_TASK_ID}/8" --workers 4\n');
    // No optional directive unless asked for; every #SBATCH line comes before the first command (sbatch stops reading there).
    expect(text).not.toMatch(/--partition|--account|--time|--mem/);
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l, i) => (l.startsWith('#SBATCH') ? i : -1)))).toBeLessThan(lines.indexOf('set -euo pipefail'));
  });

  it('adds partition, account, time, memory, throttle and extra lines to the array, and all but the throttle to the merge', () => {
    const s = settings({ partition: 'short', account: 'econ', time: '1:00:00', mem: '4G', throttle: 3, sbatchLines: ['--qos=low', '#SBATCH --mail-type=END'] });
    const array = arrayScript(s);
    for (const line of ['#SBATCH --array=1-8%3', '#SBATCH --partition=short', '#SBATCH --account=econ', '#SBATCH --time=1:00:00', '#SBATCH --mem=4G', '#SBATCH --qos=low', '#SBATCH --mail-type=END'])
      expect(array).toContain(line + '\n');
    const merge = mergeScript(s);
    for (const line of ['#SBATCH --partition=short', '#SBATCH --account=econ', '#SBATCH --time=1:00:00', '#SBATCH --qos=low']) expect(merge).toContain(line + '\n');
    expect(merge).not.toContain('--array');
    expect(merge).toContain('exec /opt/node/bin/node /home/me/chuanyu/dist/cli/main.js slurm merge /scratch/me/sweep-lev\n');
    expect(merge).toContain('#SBATCH --job-name=chuanyu-sweep-sweep-lev-merge\n');
  });

  it('quotes paths with spaces or shell characters', () => {
    const text = arrayScript(settings({ dir: "/scratch/my runs/it's", node: '/opt/node 20/node' }));
    expect(text).toContain(`exec '/opt/node 20/node' /home/me/chuanyu/dist/cli/main.js slurm shard '/scratch/my runs/it'\\''s'`);
    expect(shellQuote('a$b')).toBe(`'a$b'`);
    expect(shellQuote('/x/y-z_1.js')).toBe('/x/y-z_1.js');
  });
});

describe('submitting', () => {
  it('submits the array, then the merge after it (afterok), with the id sbatch --parsable printed', () => {
    expect(submitCommands(settings())).toEqual([
      'array=$(sbatch --parsable /scratch/me/sweep-lev/slurm/array.sbatch)',
      'sbatch --parsable --dependency=afterok:${array%%;*} /scratch/me/sweep-lev/slurm/merge.sbatch',
    ]);
    expect(submitCommands(settings({ throttle: 2 }), [3, 7], ['41'])).toEqual([
      'array=$(sbatch --parsable --array=3,7%2 /scratch/me/sweep-lev/slurm/array.sbatch)',
      'sbatch --parsable --dependency=afterok:${array%%;*},afterany:41 /scratch/me/sweep-lev/slurm/merge.sbatch',
    ]);
    expect(sbatchArguments(settings(), '42')).toEqual({
      array: ['--parsable', '/scratch/me/sweep-lev/slurm/array.sbatch'],
      merge: ['--parsable', '--dependency=afterok:42', '/scratch/me/sweep-lev/slurm/merge.sbatch'],
    });
  });

  it('reads the job id of sbatch --parsable, with or without a cluster name, and refuses anything else', () => {
    expect(parseParsable('1234\n')).toBe('1234');
    expect(parseParsable('1234;cluster2\n')).toBe('1234');
    expect(() => parseParsable('sbatch: error: Batch job submission failed')).toThrow(/not a job id/);
  });

  it('names jobs after the folder with safe characters', () => {
    expect(jobNameFor('sweep', 'my sweep$1')).toBe('chuanyu-sweep-my_sweep_1');
  });
});

describe('cutting the plan', () => {
  it('defaults to about 8 points a CPU a task, at least 1, at most 100 and never more than the points', () => {
    expect(defaultShardCount(60, 4)).toBe(2);
    expect(defaultShardCount(60, 1)).toBe(8);
    expect(defaultShardCount(3, 1)).toBe(1);
    expect(defaultShardCount(100_000, 1)).toBe(100);
    expect(defaultShardCount(0, 1)).toBe(1);
  });

  it('deals points round robin, as --shard i/n does, every point to exactly one shard', () => {
    const points = Array.from({ length: 10 }, (_, i) => i);
    const shards = [1, 2, 3].map((i) => shardPointIndexes(points, i, 3));
    expect(shards).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual(points);
  });

  it('writes task lists as ranges', () => {
    expect(compressRanges([7, 1, 2, 3, 5, 8, 3])).toBe('1-3,5,7-8');
    expect(arraySpec([1, 2, 3, 4], 2)).toBe('1-4%2');
    expect(arraySpec([4], null)).toBe('4');
  });
});
