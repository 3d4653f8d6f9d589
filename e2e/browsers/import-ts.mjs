// Imports a TypeScript module under plain Node (20 strips no types): Vite's module runner
// compiles it, and what it imports, as it loads. The cross-browser suite's runner (run.mjs) and
// the engine benchmark (bench/bench-engines.mjs) load their TypeScript through this.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

/** The module at `url` (a file: URL, e.g. new URL('./run.ts', import.meta.url)). */
export async function importTs(url) {
  const { module } = await runnerImport(fileURLToPath(url), {
    configFile: false,
    logLevel: 'warn',
  });
  return module;
}
