// A Vite plugin (build only) that lists the page's own chunks — src/page.ts, which main.ts imports
// only after it has started the engine's compile and the worker, and every chunk page.ts imports
// statically — as <link rel="modulepreload"> in index.html. Without them the browser discovers
// those chunks only when main.ts's dynamic import runs, after the entry's chunks have loaded and
// run: their download then starts some 200 ms into the page's load instead of at its start
// (issue 13's ready budget). Preloading fetches and parses; the order main.ts evaluates in holds.
import type { Plugin, Rollup } from 'vite';

/** The module whose chunks are preloaded: the standalone page's code (main.ts imports it). */
const PAGE_MODULE = '/src/page.ts';

export function preloadPage(): Plugin {
  return {
    name: 'nn-playground:preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter(
          (item): item is Rollup.OutputChunk => item.type === 'chunk',
        );
        const page = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(PAGE_MODULE));
        if (!page) throw new Error(`preload-page: no chunk for ${PAGE_MODULE} in the bundle`);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(page.fileName);
        // Relative (the build's base is './'); those the entry already preloads are left as they are.
        return [...files]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
