/// <reference types="vitest/config" />
// Vite (page + worker build, dev and preview servers) and Vitest (unit tests under node).
// The root is this folder whichever way the config is reached: `vite build web`,
// `vitest run --root web`, or the repo-root vitest.config.ts that re-exports this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { offlineBuild } from './offline-build.ts';
import { preloadPage } from './preload-page.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The playground's markup is written once, in src/app/markup.html: the <nn-playground> element
 *  imports it (`?raw`), and this puts it into index.html in place of its marker comment, so the
 *  standalone page arrives with its panels in the HTML. */
export function playgroundMarkup(): Plugin {
  const marker = /<!-- playground-markup:.*?-->/;
  return {
    name: 'playground-markup',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!marker.test(html)) return html;
        const markup = readFileSync(`${root}src/app/markup.html`, 'utf8');
        return html.replace(marker, () => markup);
      },
    },
  };
}

export default defineConfig({
  root,
  // The markup put into index.html; the page's own chunks preloaded from it (preload-page.ts);
  // dist/sw.js, the service worker, with this build's file list (offline-build.ts).
  plugins: [playgroundMarkup(), preloadPage(), offlineBuild()],
  // Relative URLs only, so dist/ can be hosted under any sub-path.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // The page, and the <nn-playground> element as one script at dist/nn-playground.js (no
      // hash: course pages name it) that finds its chunks, worker and wasm from its own URL.
      input: {
        index: `${root}index.html`,
        'nn-playground': `${root}src/element/nn-playground.ts`,
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'nn-playground' ? '[name].js' : 'assets/[name]-[hash].js',
      },
    },
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
