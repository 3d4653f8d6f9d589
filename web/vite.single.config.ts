// The single-file build (issue 13): dist/nn-playground.html, the whole page in one file that opens
// from file:// with a double click and asks no network for anything. It is the normal page
// (vite.config.ts: the same markup, the same main.ts) with a few modules swapped for their
// `.single.ts` twins — how the worker starts, where the wasm comes from, where the shipped
// datasets come from — and import.meta.env.SINGLE_FILE true. It runs after the normal build, into
// the same dist/, which it must not empty (scripts/build-page.sh).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import hosted, { playgroundMarkup } from './vite.config.ts';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** The modules each bundle replaces, and their twins. */
const PAGE_TWINS = {
  'engine/worker-factory.ts': 'engine/worker-factory.single.ts',
  'engine/wasm.ts': 'engine/wasm.single.ts',
  'engine/shipped-source.ts': 'engine/shipped-source.single.ts',
  'labs/variants/variants-worker-factory.ts': 'labs/variants/variants-worker-factory.single.ts',
};

/** Emscripten's glue names its .wasm beside itself when no locateFile is given; Vite would inline
 *  that too, a copy nobody loads (the twins always hand the glue its bytes). */
const GLUE = src('wasm/core.mjs');
const GLUE_WASM = 'new URL("core.wasm",import.meta.url).toString()';

function singleFile(twins: Record<string, string>): Plugin {
  const swap = new Map(Object.entries(twins).map(([from, to]) => [src(from), src(to)]));
  return {
    name: 'nnp:single-file',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return (resolved && swap.get(resolved.id)) ?? null;
    },
    transform(code, id) {
      if (id !== GLUE) return null;
      // A new Emscripten that words it differently fails the build here, not the file's size.
      if (!code.includes(GLUE_WASM)) this.error(`${GLUE_WASM} not found in core.mjs`);
      return code.replace(GLUE_WASM, '"core.wasm"');
    },
  };
}

/** The page's icon is a file beside it (public/favicon.svg, which this build does not copy):
 *  the file carries it inline instead of asking file:///favicon.svg for it. */
function inlineIcon(): Plugin {
  const svg = readFileSync(fileURLToPath(new URL('./public/favicon.svg', import.meta.url)));
  const href = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  return {
    name: 'nnp:inline-icon',
    transformIndexHtml: (html) => html.replace(/(<link rel="icon" href=")[^"]*"/, `$1${href}"`),
  };
}

/** The page's first script (public/startup-check.js, a file beside the hosted page so that a
 *  strict CSP lets it run) goes into the file inline, where it still runs before the module. */
function inlineStartupCheck(): Plugin {
  const tag = '<script src="/startup-check.js"></script>';
  const script = readFileSync(
    fileURLToPath(new URL('./public/startup-check.js', import.meta.url)),
    'utf8',
  );
  return {
    name: 'nnp:inline-startup-check',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(tag)) throw new Error(`${tag} not found in index.html`);
        return html.replace(tag, () => `<script>\n${script}</script>`);
      },
    },
  };
}

// What the file shares with the hosted page: its root (index.html, main.ts), relative base,
// target, classic worker and flags. Not the hosted build's plugins, which may write files beside
// the page that must describe the hosted build (a service worker's list of its files), nor its
// entries and output names beyond index.html. A plugin the page itself needs (one that writes
// its markup into index.html) goes into `plugins` below too.
const {
  plugins: _hostedPlugins,
  build: { rolldownOptions: _hostedEntries, ...build } = {},
  ...shared
} = hosted;

export default mergeConfig(
  { ...shared, build },
  defineConfig({
    define: { 'import.meta.env.SINGLE_FILE': 'true' },
    // The datasets this file needs are inlined (engine/shipped-source.single.ts); the normal
    // build has already copied public/ into dist/.
    publicDir: false,
    build: { emptyOutDir: false },
    plugins: [
      playgroundMarkup(),
      inlineIcon(),
      inlineStartupCheck(),
      singleFile(PAGE_TWINS),
      viteSingleFile({ outputFileName: 'nn-playground.html' }),
    ],
    // The worker swaps nothing (its engine comes from the page: engine/worker-engine.ts), but its
    // glue's own reference to core.wasm must go too.
    worker: { plugins: () => [singleFile({})] },
  }),
);
