/**
 * `chuanyu slurm` without a Slurm (in this process, but for the unsharded reference runs): the folder and scripts it plans, the clear
 * refusal of --submit where sbatch is missing, the array tasks run by hand
 * (`chuanyu slurm shard`), the merge refusing an unfinished folder with the
 * missing points, and the merged tables equal to an unsharded sweep.
 * (Against a running Slurm: slurm-integration.test.ts.)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../helpers/cli.js';

const SCENARIO = join(__dirname, '..', 'fixtures', 'scenarios', 'small-cooperate.yaml');
const PARAMS = ['-p', 'fund.leverage=0:1:0.5', '-p', 'policy.fundShare=0.2,0.4', '-r', '1'];
const root = mkdtempSync(join(tmpdir(), 'chuanyu-slurm-'));

describe('chuanyu slurm without a cluster', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('refuses --submit with a clear message when sbatch is not on PATH, writing nothing', async () => {
    process.env.PATH = '/nonexistent';
    const out = join(root, 'no-sbatch');
    const result = await runCliInProcess(['slurm', 'sweep', SCENARIO, ...PARAMS, '--out', out, '--submit']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sbatch is not on PATH.*run without --submit/);
    expect(existsSync(out)).toBe(false);
  });

  it('plans the folder, prints the sbatch commands, runs shards by hand, refuses a partial merge and merges to the unsharded table', async () => {
    const dir = join(root, 'planned');
    const planned = await runCliInProcess(['slurm', 'sweep', SCENARIO, ...PARAMS, '--shards', '3', '--cpus-per-task', '1', '--time', '0:05:00', '--out', dir]);
    expect(planned.status, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(`array=$(sbatch --parsable ${dir}/slurm/array.sbatch)`);
    expect(planned.stdout).toContain(`sbatch --parsable --dependency=afterok:\${array%%;*} ${dir}/slurm/merge.sbatch`);
    expect(readdirSync(join(dir, 'shards'))).toEqual(['shard-0001', 'shard-0002', 'shard-0003']);
    expect(statSync(join(dir, 'slurm', 'array.sbatch')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir, 'slurm', 'array.sbatch'), 'utf8')).toContain('#SBATCH --time=0:05:00');
    // A second plan into the same folder is refused (the plan is written once).
    expect((await runCliInProcess(['slurm', 'sweep', SCENARIO, ...PARAMS, '--out', dir])).status).toBe(2);

    // Before any task ran, status says every shard is missing and how to submit them.
    const before = await runCliInProcess(['slurm', 'status', dir]);
    expect(before.stdout).toContain('done 0, running 0, failed 0, missing 3');
    expect(before.stdout).toContain(`sbatch --parsable --array=1-3 ${dir}/slurm/array.sbatch`);

    for (const i of [1, 3]) expect((await runCliInProcess(['slurm', 'shard', dir, '--shard', `${i}/3`, '--workers', '1'])).status).toBe(0);
    const partial = (await runCliInProcess(['slurm', 'merge', dir]));
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/cannot merge: 2 of 6 points are missing \(points 1, 4\), from shard 2/);
    const status = await runCliInProcess(['slurm', 'status', dir, '--json']);
    expect(JSON.parse(status.stdout).resubmit).toEqual([2]);

    expect((await runCliInProcess(['slurm', 'shard', dir, '--shard', '2/3', '--workers', '1'])).status).toBe(0);
    // Running a finished shard again runs nothing and keeps its points.
    expect((await runCliInProcess(['slurm', 'shard', dir, '--shard', '2/3', '--workers', '1'])).status).toBe(0);
    const merged = (await runCliInProcess(['slurm', 'merge', dir]));
    expect(merged.status, merged.stderr).toBe(0);
    const one = join(root, 'one');
    expect(runCli(['sweep', SCENARIO, ...PARAMS, '--out', one, '--quiet', '--workers', '1']).status).toBe(0);
    for (const file of ['sweep.csv', 'outcomes.csv', 'summary.json']) expect(readFileSync(join(dir, file)).equals(readFileSync(join(one, file))), file).toBe(true);
    expect((await runCliInProcess(['slurm', 'status', dir])).stdout).toContain('done 3, running 0, failed 0, missing 0; merged');
  });

  it('does the same for a sensitivity analysis: shards by hand, merged to the unsharded tables', async () => {
    const dir = join(root, 'sensitivity');
    const args = [SCENARIO, '-p', 'fund.leverage=0:2', '-p', 'policy.fundShare=0.1:0.5', '--method', 'morris', '--samples', '2', '-r', '1', '--bootstrap', '20'];
    expect((await runCliInProcess(['slurm', 'sensitivity', ...args, '--shards', '2', '--out', dir])).status).toBe(0);
    for (const i of [1, 2]) expect((await runCliInProcess(['slurm', 'shard', dir, '--shard', `${i}/2`, '--workers', '1'])).status).toBe(0);
    const merged = (await runCliInProcess(['slurm', 'merge', dir]));
    expect(merged.status, merged.stderr).toBe(0);
    const one = join(root, 'sensitivity-one');
    expect(runCli(['sensitivity', ...args, '--out', one, '--quiet', '--workers', '1']).status).toBe(0);
    for (const file of ['sensitivity.csv', 'points.csv', 'summary.json']) expect(readFileSync(join(dir, file)).equals(readFileSync(join(one, file))), file).toBe(true);
  });

  it('refuses a shard of a different cut and a folder that is not a slurm folder', async () => {
    const wrong = await runCliInProcess(['slurm', 'shard', join(root, 'planned'), '--shard', '1/4']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/cut into 3 shards, not 4/);
    const foreign = await runCliInProcess(['slurm', 'status', root]);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/is not a folder of chuanyu slurm/);
  });
});
