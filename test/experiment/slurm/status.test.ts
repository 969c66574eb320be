/** What status makes of shard folders, squeue and sacct (outputs as Slurm 22.05 prints them) and logs. */
import { describe, expect, it } from 'vitest';
import { folderStatus, formatStatus, parseSacct, parseSqueue, parseTaskField, type ShardFacts } from '../../../src/experiment/slurm/status.js';
import type { SlurmSettings } from '../../../src/results/slurm-format.js';

const settings: SlurmSettings = {
  kind: 'chuanyu-slurm',
  experiment: 'sweep',
  dir: '/scratch/lev',
  shards: 4,
  points: 40,
  jobName: 'chuanyu-sweep-lev',
  node: '/usr/bin/node',
  cli: '/opt/chuanyu/dist/cli/main.js',
  partition: null,
  account: null,
  time: null,
  mem: null,
  cpusPerTask: 2,
  throttle: null,
  sbatchLines: [],
  logDir: '/scratch/lev/slurm/logs',
};

const facts = (finished: number[], logs: (string | null)[]): ShardFacts[] => finished.map((f, i) => ({ index: i + 1, points: 10, finished: f, log: logs[i] }));

describe('parsing Slurm', () => {
  it('reads squeue -h -r -o "%F|%K|%T|%j": one array task a line, a merge job with N/A', () => {
    const out = ['41|1|RUNNING|chuanyu-sweep-lev', '41|3|PENDING|chuanyu-sweep-lev', '42|N/A|PENDING|chuanyu-sweep-lev-merge', ''].join('\n');
    expect(parseSqueue(out)).toEqual([
      { job: '41', task: 1, state: 'RUNNING', name: 'chuanyu-sweep-lev' },
      { job: '41', task: 3, state: 'PENDING', name: 'chuanyu-sweep-lev' },
      { job: '42', task: null, state: 'PENDING', name: 'chuanyu-sweep-lev-merge' },
    ]);
  });

  it('expands pending ranges as squeue without -r and sacct print them', () => {
    expect(parseTaskField('[5-7%2]')).toEqual([5, 6, 7]);
    expect(parseTaskField('2,4-5')).toEqual([2, 4, 5]);
    expect(parseTaskField('N/A')).toBeNull();
    expect(parseSqueue('41|[2-3%1]|PENDING|x').map((e) => e.task)).toEqual([2, 3]);
  });

  it('reads sacct -n -P -X -o JobID,State,JobName, including "CANCELLED by 0"', () => {
    const out = ['41_1|COMPLETED|chuanyu-sweep-lev', '41_2|CANCELLED by 0|chuanyu-sweep-lev', '41_[3-4]|PENDING|chuanyu-sweep-lev', '42|PENDING|chuanyu-sweep-lev-merge'].join('\n');
    expect(parseSacct(out)).toEqual([
      { job: '41', task: 1, state: 'COMPLETED', name: 'chuanyu-sweep-lev' },
      { job: '41', task: 2, state: 'CANCELLED by 0', name: 'chuanyu-sweep-lev' },
      { job: '41', task: 3, state: 'PENDING', name: 'chuanyu-sweep-lev' },
      { job: '41', task: 4, state: 'PENDING', name: 'chuanyu-sweep-lev' },
      { job: '42', task: null, state: 'PENDING', name: 'chuanyu-sweep-lev-merge' },
    ]);
    expect(parseSacct('Slurm accounting storage is disabled')).toEqual([]);
  });
});

describe('folder status', () => {
  it('tells done, running, failed (with its log) and missing, and resubmits only failed and missing, after the running array', () => {
    const queue = parseSqueue(['41|2|RUNNING|chuanyu-sweep-lev', '42|N/A|PENDING|chuanyu-sweep-lev-merge'].join('\n'));
    const status = folderStatus({
      settings,
      shards: facts([10, 4, 3, 0], ['/l/shard-1-41.out', '/l/shard-2-41.out', '/l/shard-3-41.out', null]),
      queue,
      accounting: null,
      arrayJobs: ['41'],
      merged: false,
    });
    expect(status.shards.map((s) => s.state)).toEqual(['done', 'running', 'failed', 'missing']);
    expect(status.resubmit).toEqual([3, 4]);
    expect(status.queuedMerges).toEqual(['42']);
    expect(status.runningArrays).toEqual(['41']);
    expect(status.commands).toEqual([
      'scancel 42',
      'array=$(sbatch --parsable --array=3-4 /scratch/lev/slurm/array.sbatch)',
      'sbatch --parsable --dependency=afterok:${array%%;*},afterany:41 /scratch/lev/slurm/merge.sbatch',
    ]);
    const text = formatStatus(settings, status).join('\n');
    expect(text).toContain('done 1, running 1, failed 1, missing 1');
    expect(text).toContain('shard 3: failed, 3 of 10 points, log /l/shard-3-41.out');
    expect(text).toContain('shard 4: missing, 0 of 10 points');
    expect(text).toContain('Resubmit only shards 3-4');
  });

  it('takes sacct\'s failure when squeue no longer knows the task, and works without squeue or sacct from folders and logs alone', () => {
    const withSacct = folderStatus({ settings, shards: facts([10, 10, 0, 10], [null, null, null, null]), queue: [], accounting: parseSacct('41_3|TIMEOUT|chuanyu-sweep-lev'), arrayJobs: ['41'], merged: false });
    expect(withSacct.shards[2]).toMatchObject({ state: 'failed', slurmState: 'TIMEOUT' });
    const blind = folderStatus({ settings, shards: facts([10, 2, 0, 0], [null, null, '/l/shard-3-9.out', null]), queue: null, accounting: null, arrayJobs: [], merged: false });
    expect(blind.shards.map((s) => s.state)).toEqual(['done', 'failed', 'failed', 'missing']);
    expect(formatStatus(settings, blind).join('\n')).toContain('squeue did not answer');
  });

  it('a newer submission of a task wins over an older cancelled one; a task of another folder is ignored', () => {
    const queue = parseSqueue(['50|3|PENDING|chuanyu-sweep-lev', '60|3|RUNNING|chuanyu-sweep-other'].join('\n'));
    const accounting = parseSacct('41_3|CANCELLED by 0|chuanyu-sweep-lev');
    const status = folderStatus({ settings, shards: facts([10, 10, 1, 10], [null, null, '/l/shard-3-41.out', null]), queue, accounting, arrayJobs: ['41'], merged: false });
    expect(status.shards[2]).toMatchObject({ state: 'running', slurmState: 'PENDING', job: '50' });
    expect(status.resubmit).toEqual([]);
    expect(status.commands).toEqual([]);
  });

  it('when every shard is done but nothing merged and no merge is queued, prints the merge', () => {
    const status = folderStatus({ settings, shards: facts([10, 10, 10, 10], [null, null, null, null]), queue: [], accounting: null, arrayJobs: [], merged: false });
    expect(status.commands).toEqual(['sbatch /scratch/lev/slurm/merge.sbatch']);
    expect(formatStatus(settings, status).join('\n')).toContain('Every shard is done; merge with:');
    const merged = folderStatus({ settings, shards: facts([10, 10, 10, 10], [null, null, null, null]), queue: [], accounting: null, arrayJobs: [], merged: true });
    expect(merged.commands).toEqual([]);
    expect(merged.merged).toBe(true);
  });
});
