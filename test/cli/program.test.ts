/**
 * The CLI as a library: importing it does nothing, and a command line parses
 * and runs in the test's own process with the exit code and messages the
 * `chuanyu` process gives (test/cli/bad-input.test.ts and others compare both).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli, runCliInProcess } from '../helpers/cli.js';

describe('src/cli/program.ts', () => {
  it('does nothing when imported: no command runs, no signal or exit handler is installed', async () => {
    const before = ['SIGINT', 'SIGTERM', 'exit'].map((e) => process.listenerCount(e));
    const program = await import('../../src/cli/program.js');
    expect(typeof program.executeCli).toBe('function');
    expect(['SIGINT', 'SIGTERM', 'exit'].map((e) => process.listenerCount(e))).toEqual(before);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('prints --help in-process without ending the process, listing every command', async () => {
    const help = await runCliInProcess(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['run', 'sweep', 'merge', 'compare', 'report', 'game', 'study', 'match', 'replicator', 'calibrate', 'history', 'sensitivity', 'discover', 'slurm', 'params', 'validate', 'scenarios', 'schema'])
      expect(help.stdout).toMatch(new RegExp(`\\bchuanyu ${command}\\b`));
    expect(help.stderr).toBe('');
  });

  it('gives the same exit code, stdout and stderr in-process as the process does', async () => {
    for (const args of [['run', 'baseline', '--replications', '0'], ['nonsense'], ['--version'], ['match', '--payoffs', '3,0,5,1', '--turns', '3', '--players', 'grim,grim', '--json']]) {
      const process_ = runCli(args);
      const inProcess = await runCliInProcess(args);
      expect(inProcess, args.join(' ')).toEqual(process_);
    }
  });
});

describe('the chuanyu process as a Unix filter', () => {
  it('ends quietly with status 141 when the reader of its output goes away (`chuanyu schema | head`)', () => {
    // The JSON Schema is about 70 kB, more than a pipe holds, so head closing the pipe makes the next write fail with EPIPE.
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" schema | head -c 10 >/dev/null`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(141);
  });
});
