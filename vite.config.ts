/**
 * Vite config of the browser explorer (src/web): `npm run build:web` writes a
 * static folder (dist-web/, relative asset paths) that opens from any static
 * host; `npm run explore` builds it and serves it on 127.0.0.1:4173, printing
 * the URL (Vite's own output is quiet: logLevel 'warn'). A busy port is an
 * error that says so, never a silent move to another port; choose one with
 * `npm run explore -- --port 5000`.
 * (Vitest reads vitest.config.ts, not this file.)
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const PREVIEW_HOST = '127.0.0.1';
const PREVIEW_PORT = 4173;

/** Whether something already listens on host:port (a trial bind, closed at once). */
function portInUse(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRINUSE'));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

/** `vite preview`: refuse a busy port with a clear message, and print the URL once listening. */
function previewUrl(): Plugin {
  return {
    name: 'chuanyu-preview-url',
    async configurePreviewServer(server) {
      const host = typeof server.config.preview.host === 'string' ? server.config.preview.host : PREVIEW_HOST;
      const port = server.config.preview.port ?? PREVIEW_PORT;
      if (port !== 0 && (await portInUse(host, port))) {
        process.stderr.write(
          `chuanyu explorer: port ${port} on ${host} is already in use (another explorer or server is running there).\n` +
            `Stop that server, or choose another port: npm run explore -- --port ${port + 1}\n`,
        );
        process.exit(1);
      }
      server.httpServer.once('listening', () => {
        const address = server.httpServer.address() as AddressInfo;
        process.stdout.write(`chuanyu explorer: http://${host}:${address.port}/ (Ctrl+C to stop)\n`);
      });
    },
  };
}

const outDir = fileURLToPath(new URL('./dist-web', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
  // strictPort: a busy port fails (see previewUrl) instead of moving silently to the next one.
  preview: { host: PREVIEW_HOST, port: PREVIEW_PORT, strictPort: true },
  plugins: [
    previewUrl(),
    {
      name: 'chuanyu-ignore-build-output',
      apply: 'build',
      closeBundle() {
        // The build output is generated: keep it out of git without editing the project's .gitignore.
        writeFileSync(`${outDir}/.gitignore`, '*\n');
      },
    },
  ],
});
