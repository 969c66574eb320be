/**
 * `chuanyu slurm` against a real single-node Slurm on localhost (Debian's
 * slurm-wlm and munge, started by .ci/slurm.sh): a sweep submitted as a job
 * array with a dependent merge gives the unsharded table byte for byte; an
 * array task cancelled mid-way (scancel) is reported by `chuanyu slurm status`,
 * resubmitted with the commands status prints, keeps the points it had
 * finished, and the merge again gives the same bytes. Skipped, saying why, where
 * Slurm is not installed or does not start. The daemons this file started are
 * stopped by PID at the end (.ci/slurm.sh stop).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { skipBecause } from '../helpers/skip.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
// 18 points in 3 shards of 6: a task lasts a few seconds, long enough to be cancelled mid-way.
const PARAMS = ['-p', 'fund.leverage=0:1.7:0.1', '-r', '2'];
const SLURM_DIR = process.env.CHUANYU_SLURM_DIR ?? '/tmp/chuanyu-slurm';
const root = mkdtempSync(join(tmpdir(), 'chuanyu-slurm-it-'));

const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const notInstalled = ['slurmctld', 'slurmd', 'sbatch', 'munged'].find((t) => !onPath(t));

const slurmScript = (action: 'start' | 'stop') =>
  spawnSync('bash', [join(ROOT, '.ci', 'slurm.sh'), action], { encoding: 'utf8', env: { ...process.env, CHUANYU_SLURM_DIR: SLURM_DIR }, timeout: 120_000 });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until none of the jobs is in the queue any more (finished, failed or cancelled). */
async function waitForJobs(jobs: string[], what: string, seconds = 150): Promise<void> {
  // Polls once a second, a bounded number of times (no clock is read: see test/hygiene.test.ts).
  for (let poll = 0; poll < seconds; poll++, await sleep(1000)) {
    const q = spawnSync('squeue', ['-h', '-r', '-j', jobs.join(','), '-o', '%i %T'], { encoding: 'utf8' });
    // squeue exits 1 ("Invalid job id") once every job is purged from its memory.
    if (q.status !== 0 || q.stdout.trim() === '') return;
  }
  throw new Error(`${what} (jobs ${jobs.join(', ')}) still queued after ${seconds} polls a second apart: ${spawnSync('squeue', [], { encoding: 'utf8' }).stdout}`);
}

const jobsOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'slurm', 'jobs.json'), 'utf8')).submissions as { array: string; merge: string; tasks: string }[];
const logOf = (dir: string) => readdirSync(join(dir, 'slurm', 'logs')).map((f) => `--- ${f}\n${readFileSync(join(dir, 'slurm', 'logs', f), 'utf8')}`).join('\n');

describe.skipIf(skipBecause(notInstalled ? `${notInstalled} is not installed (bash .ci/install-slurm.sh installs slurm-wlm and munge)` : null, 'chuanyu slurm against a running Slurm'))('chuanyu slurm against a running Slurm', () => {
  let startProblem: string | null = null;
  let started = false;
  let reference = '';

  beforeAll(() => {
    const start = slurmScript('start');
    if (start.status !== 0) {
      startProblem = `.ci/slurm.sh start failed (exit ${start.status}): ${(start.stderr || start.stdout).trim().slice(-600)}`;
      console.warn(`skipped the Slurm tests: ${startProblem}`);
      return;
    }
    // A cluster this file did not start (already running) is left running at the end.
    started = !start.stdout.includes('already running');
    process.env.SLURM_CONF = join(SLURM_DIR, 'slurm.conf');
    const one = join(root, 'unsharded');
    const r = runCli(['sweep', SCENARIO, ...PARAMS, '--out', one, '--quiet', '--workers', '2']);
    expect(r.status, r.stderr).toBe(0);
    reference = readFileSync(join(one, 'sweep.csv'), 'utf8');
  });

  afterAll(() => {
    if (started) {
      const stop = slurmScript('stop');
      expect(stop.status, stop.stderr).toBe(0);
      for (const line of existsSync(join(SLURM_DIR, 'pids')) ? readFileSync(join(SLURM_DIR, 'pids'), 'utf8').split('\n') : []) expect(line, 'a daemon was left running').toBe('');
    }
    delete process.env.SLURM_CONF;
  });

  it('submits a sweep as an array and a dependent merge, which give the unsharded sweep.csv byte for byte', async (ctx) => {
    if (startProblem) return ctx.skip();
    const dir = join(root, 'submitted');
    const submitted = runCli(['slurm', 'sweep', SCENARIO, ...PARAMS, '--shards', '3', '--cpus-per-task', '1', '--time', '0:10:00', '--out', dir, '--submit']);
    expect(submitted.status, submitted.stderr).toBe(0);
    const [{ array, merge }] = jobsOf(dir);
    expect(submitted.stdout).toContain(`Submitted array job ${array} (3 tasks) and merge job ${merge}`);
    await waitForJobs([array, merge], 'the array and the merge');
    expect(existsSync(join(dir, 'sweep.csv')), logOf(dir)).toBe(true);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8') === reference, 'merged sweep.csv differs from the unsharded one').toBe(true);
    const status = runCli(['slurm', 'status', dir]);
    expect(status.stdout).toContain('done 3, running 0, failed 0, missing 0; merged');
  });

  it('reports an array task cancelled mid-way, resubmits only it as status says, keeps its finished points, and merges to the same bytes', async (ctx) => {
    if (startProblem) return ctx.skip();
    const dir = join(root, 'cancelled');
    // --throttle 1: one task at a time, so task 1 runs alone and is cancelled while it works.
    const submitted = runCli(['slurm', 'sweep', SCENARIO, ...PARAMS, '--shards', '3', '--throttle', '1', '--out', dir, '--submit', '--quiet']);
    expect(submitted.status, submitted.stderr).toBe(0);
    const [{ array, merge }] = jobsOf(dir);
    const points = join(dir, 'shards', 'shard-0001', 'points');
    const finished = () => readdirSync(points).filter((f) => /^point-\d{6}\.json$/.test(f));
    for (let poll = 0; finished().length === 0; poll++, await sleep(100)) if (poll > 1200) throw new Error(`task 1 saved no point in 1200 polls 0.1 s apart\n${logOf(dir)}`);
    expect(spawnSync('scancel', [`${array}_1`]).status).toBe(0);
    await waitForJobs([array], 'the rest of the array');
    const kept = new Map(finished().map((f) => [f, statSync(join(points, f)).mtimeMs]));
    expect(kept.size, 'task 1 finished before it was cancelled; the test needs longer tasks').toBeLessThan(6);

    const status = runCli(['slurm', 'status', dir, '--json']);
    expect(status.status, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.shards.map((s: { state: string }) => s.state)).toEqual(['failed', 'done', 'done']);
    expect(report.shards[0].log).toBe(join(dir, 'slurm', 'logs', `shard-1-${array}.out`));
    expect(report.resubmit).toEqual([1]);
    expect(report.queuedMerges).toEqual([merge]);
    expect(report.commands[0]).toBe(`scancel ${merge}`);
    expect(report.commands[1]).toContain('--array=1%1');
    expect(runCli(['slurm', 'status', dir]).stdout).toMatch(/shard 1: failed.*log .*shard-1-/);

    // Exactly what status printed, run by a shell.
    const resubmitted = spawnSync('bash', ['-euo', 'pipefail', '-c', report.commands.join('\n')], { encoding: 'utf8' });
    expect(resubmitted.status, resubmitted.stderr).toBe(0);
    const newMerge = resubmitted.stdout.trim().split('\n').pop()!.split(';')[0];
    await waitForJobs([newMerge], 'the resubmitted shard and its merge');
    expect(existsSync(join(dir, 'sweep.csv')), logOf(dir)).toBe(true);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8') === reference, 'merged sweep.csv differs from the unsharded one').toBe(true);
    // The points task 1 had finished were kept, not run again.
    for (const [file, mtime] of kept) expect(statSync(join(points, file)).mtimeMs, file).toBe(mtime);
    expect(runCli(['slurm', 'status', dir]).stdout).toContain('done 3, running 0, failed 0, missing 0; merged');
  });

  it('status --resubmit submits only the shards a folder lacks (one ran by hand), with a merge after them, and records the jobs', async (ctx) => {
    if (startProblem) return ctx.skip();
    const dir = join(root, 'planned');
    expect(runCli(['slurm', 'sweep', SCENARIO, ...PARAMS, '--shards', '3', '--out', dir, '--quiet']).status).toBe(0);
    expect(runCli(['slurm', 'shard', dir, '--shard', '2/3', '--workers', '2']).status).toBe(0);
    const resubmitted = runCli(['slurm', 'status', dir, '--resubmit']);
    expect(resubmitted.status, resubmitted.stderr).toBe(0);
    expect(resubmitted.stdout).toContain('done 1, running 0, failed 0, missing 2');
    const [{ array, merge, tasks }] = jobsOf(dir);
    expect(tasks).toBe('1,3');
    expect(resubmitted.stdout).toContain(`Resubmitted shards 1,3 as array job ${array}, and merge job ${merge} after it.`);
    await waitForJobs([array, merge], 'the resubmitted shards and the merge');
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8') === reference, `merged sweep.csv differs from the unsharded one\n${logOf(dir)}`).toBe(true);
    expect(runCli(['slurm', 'status', dir, '--resubmit']).stdout).toContain('Nothing to resubmit.');
  });
});
