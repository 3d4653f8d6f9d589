/// <reference types="vitest/config" />
// Vite (page + worker build, dev and preview servers) and Vitest (unit tests under node).
// The root is this folder whichever way the config is reached: `vite build web`,
// `vitest run --root web`, or the repo-root vitest.config.ts that re-exports this file.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { offlineBuild } from './offline-build.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs only, so dist/ can be hosted under any sub-path.
  base: './',
  // dist/sw.js, the service worker, with this build's file list (offline-build.ts).
  plugins: [offlineBuild()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  // Build-time flags (src/env.d.ts); vite.single.config.ts turns SINGLE_FILE on.
  define: { 'import.meta.env.SINGLE_FILE': 'false' },
  // A classic (iife) worker also works from a blob: URL under file://, which the single-file
  // build will need; module workers from blob: fail there silently.
  worker: { format: 'iife' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The fuzz and training tests take seconds on a quiet 2-core machine; a busy one (a build
    // beside the tests) can triple that. A test that hangs still fails.
    testTimeout: 120_000,
  },
});
