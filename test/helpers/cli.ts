/**
 * The `chuanyu` command in tests: as a child process (the way a user runs it:
 * exit codes, signals, what reaches stdout and stderr through pipes), or in this
 * process (argument parsing and error messages, without starting Node again).
 */
import { spawn, spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: options.timeout ?? 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface SignalledResult extends CliResult {
  /** The signal that ended the process, if it did not exit by itself. */
  signal: NodeJS.Signals | null;
}

const SIGNAL_SELF = new URL('./signal-self.mjs', import.meta.url);

/**
 * Runs the command as a process that sends itself `signal` at a known moment
 * (test/helpers/signal-self.mjs): `points:N` right after saving its Nth sweep
 * point, `staging` right after creating a results staging folder. No poll, no clock.
 */
export function runCliSignalled(args: string[], stop: { signal: 'SIGKILL' | 'SIGINT' | 'SIGTERM'; when: `points:${number}` | 'staging' }, options: { cwd?: string } = {}): Promise<SignalledResult> {
  const env = { ...process.env, CHUANYU_TEST_SIGNAL: stop.signal, CHUANYU_TEST_SIGNAL_WHEN: stop.when };
  const child = spawn(process.execPath, ['--import', SIGNAL_SELF.href, CLI, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

type Write = typeof process.stdout.write;

/**
 * Parses and runs a command line in this process (src/cli/program.ts), with the
 * same result a process gives: the exit code, everything printed to stdout
 * (console.log included) and to stderr, the failure message last. Relative
 * paths and the default results folder are relative to the test's working
 * directory (the project), so tests that could write there pass `--out`.
 */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
  const { executeCli } = await import('../../src/cli/program.js');
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }) as Write;
  const saved = { out: process.stdout.write, err: process.stderr.write, log: console.log, error: console.error, warn: console.warn, exitCode: process.exitCode };
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  console.log = (...a: unknown[]) => void (stdout += format(...a) + '\n');
  console.error = console.warn = (...a: unknown[]) => void (stderr += format(...a) + '\n');
  process.exitCode = undefined;
  try {
    const outcome = await executeCli(args);
    // A command that stops early (an interrupted sweep) sets process.exitCode itself, as in the process.
    const set = process.exitCode;
    return { status: outcome.exitCode !== 0 ? outcome.exitCode : typeof set === 'number' ? set : 0, stdout, stderr: stderr + outcome.message };
  } finally {
    Object.assign(process.stdout, { write: saved.out });
    Object.assign(process.stderr, { write: saved.err });
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.exitCode = saved.exitCode;
  }
}
