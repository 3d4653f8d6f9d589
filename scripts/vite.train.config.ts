// Bundles scripts/train.ts (and the page's web/src/scene/ it imports) into build/train/train.mjs
// for Node: `vite build --config scripts/vite.train.config.ts`. The wasm module stays outside the
// bundle; train.mjs loads web/src/wasm/core.{mjs,wasm} at run time, so a rebuilt engine needs no
// rebuilt bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreModule = fileURLToPath(new URL('../web/src/wasm/core.mjs', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'scripts/train.ts',
    outDir: 'build/train',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external: [coreModule],
      output: {
        entryFileNames: 'train.mjs',
        format: 'es',
        // From build/train/train.mjs to web/src/wasm/core.mjs.
        paths: { [coreModule]: '../../web/src/wasm/core.mjs' },
      },
    },
  },
});
