/**
 * Vite config of the browser explorer (src/web): `npm run build:web` writes a
 * static folder (dist-web/, relative asset paths) that opens from any static
 * host; `npm run explore` builds it and serves it on 127.0.0.1.
 * (Vitest reads vitest.config.ts, not this file.)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
  preview: { host: '127.0.0.1', port: 4173 },
  plugins: [
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
