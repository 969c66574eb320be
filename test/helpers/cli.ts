/** Runs the built `chuanyu` command as a child process (the way a user does). */
import { spawnSync } from 'node:child_process';
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
