/**
 * `npm run explore` (vite build, then vite preview with vite.config.ts): it
 * prints the explorer's URL, and a busy port is an error that says so, never a
 * silent move to another port. The preview server is spawned directly (the
 * build is the e2e test's business), on 127.0.0.1 only, each run bounded in
 * time and stopped by its PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');
const HOST = '127.0.0.1';
const children: ChildProcess[] = [];
const servers: Server[] = [];

/** A TCP server holding `port` (0: any free one) on 127.0.0.1, or null when the port is taken already. */
function hold(port: number): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end());
    server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(null) : reject(e)));
    server.listen(port, HOST, () => {
      servers.push(server);
      resolve(server);
    });
  });
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise<void>((ok) => server.close(() => ok()));

/** Starts `vite preview` with `args`; resolves when it exits, or once stdout matches `until` (left running). */
function preview(args: string[], until: RegExp | null, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [VITE, 'preview', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite preview did not ${until ? 'print its URL' : 'exit'} in ${timeoutMs} ms:\n${stdout}\n${stderr}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d;
      if (until?.test(stdout)) {
        clearTimeout(timer);
        resolve({ code: null, stdout, stderr, child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, child });
    });
  });
}

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
  for (const server of servers.splice(0)) if (server.listening) await close(server);
});

describe('npm run explore', () => {
  it('builds, then serves with the config (127.0.0.1:4173, strict port)', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.explore).toBe('vite build && vite preview');
    const config = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    expect(config).toMatch(/preview: \{ host: PREVIEW_HOST, port: PREVIEW_PORT, strictPort: true \}/);
    expect(config).toMatch(/const PREVIEW_PORT = 4173;/);
  });

  it('prints the URL it serves on', async () => {
    const free = (await hold(0))!;
    const port = portOf(free);
    await close(free);
    const run = await preview(['--port', String(port)], /chuanyu explorer: http:\/\/\S+/);
    expect(run.stdout).toContain(`chuanyu explorer: http://${HOST}:${port}/`);
    const response = await fetch(`http://${HOST}:${port}/`);
    expect(response.status).toBeLessThan(500); // 200, or 404 before the first build
    process.kill(run.child.pid!, 'SIGTERM');
  }, 90_000);

  it('fails with a clear message when the port is taken, instead of moving to another', async () => {
    const busy = (await hold(0))!;
    const port = portOf(busy);
    const run = await preview(['--port', String(port)], null);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port ${port} on ${HOST} is already in use`);
    expect(run.stderr).toContain(`npm run explore -- --port ${port + 1}`);
    expect(run.stdout).not.toMatch(/http:\/\//);
    expect(busy.listening).toBe(true);
  }, 90_000);

  it('does the same on its default port 4173', async () => {
    // Held here, or already taken by someone else's explorer: either way it is busy.
    await hold(4173);
    const run = await preview([], null);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`port 4173 on ${HOST} is already in use`);
  }, 90_000);
});
