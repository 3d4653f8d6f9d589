// Serves the engine benchmark page (bench/browser/index.html, its worker, the wasm modules, the
// workloads) on 127.0.0.1, for the runners that open it in a browser (bench-browser.mjs in
// Chromium, bench-engines.mjs in each engine). Needs web/src/wasm/core-tools.{mjs,wasm} and
// core-tools-fma.wasm (scripts/build-wasm.sh: the page's modules plus the tools' bindings, served
// under the page's module names).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** What the engine's benchmark worker loads (bench-peers.mjs serves it beside the peers). */
export const ENGINE_FILES = {
  '/core.mjs': join(root, 'web/src/wasm/core-tools.mjs'),
  '/core.wasm': join(root, 'web/src/wasm/core-tools.wasm'),
  '/core-fma.wasm': join(root, 'web/src/wasm/core-tools-fma.wasm'),
  // The glue's own name for its module (a page that imports it without a locateFile).
  '/core-tools.wasm': join(root, 'web/src/wasm/core-tools.wasm'),
  '/relaxed-simd.mjs': join(root, 'web/src/engine/relaxed-simd.mjs'),
  '/workloads.json': join(root, 'bench/workloads/workloads.json'),
  '/real_data.js': join(root, 'bench/real_data.js'),
  '/batches.js': join(root, 'bench/batches.js'),
  '/circle.json': join(root, 'docs/scenes/circle.json'),
};
for (const file of ['digits.nnpd', 'fashion-train.nnpd', 'fashion-test.nnpd'])
  ENGINE_FILES[`/data/${file}`] = join(root, 'web/public/data', file);
const PAGE_FILES = {
  '/': join(root, 'bench/browser/index.html'),
  '/worker.js': join(root, 'bench/browser/worker.js'),
};
const types = {
  '.json': 'application/json',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
};

/**
 * Starts the server on `port` (0: any free one), serving the engine's files and `files` (URL path →
 * file; by default the engine benchmark page); `onServe` hears each path served.
 * @param {number} [port]
 * @param {Record<string, string>} [files]
 * @param {(pathname: string) => void} [onServe]
 * @returns {Promise<{ url: string, close: () => void }>} url: the page's address
 */
export async function startBenchServer(port = 0, files = PAGE_FILES, onServe = () => {}) {
  const served = { ...ENGINE_FILES, ...files };
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url, 'http://127.0.0.1').pathname;
    const path = served[pathname];
    if (!path) return res.writeHead(404).end();
    onServe(pathname);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(await readFile(path));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
