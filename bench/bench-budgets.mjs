// Issue 13's budgets (bench/budgets.json): each wasm module gzipped, the default page's first
// load (every byte it fetches until the engine is ready, gzipped as the server sends them) and
// the time from navigation to the engine ready (the page's performance mark READY_MARK: the
// worker's first snapshot drawn with Play enabled), median of BENCH_BUDGET_LOADS cold loads in
// Debian's headless Chromium from a local server. Needs `vite build web` (BENCH_DIST: another build
// folder, for an A/B). Prints JSON.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const { budgets: BUDGETS, gzipLevel: GZIP_LEVEL } = JSON.parse(
  await readFile(join(root, 'bench/budgets.json'), 'utf8'),
);
const gzipSize = (bytes) => gzipSync(bytes, { level: GZIP_LEVEL }).length;
const dist = process.env.BENCH_DIST ?? join(root, 'web/dist');
const LOADS = Number(process.env.BENCH_BUDGET_LOADS ?? 7);
const READY_MARK = 'nnp:engine-ready'; // web/src/render/page-frame.ts

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.nnpd': 'application/octet-stream',
};

/** A static server for web/dist that gzips every response (as a typical host does for text and
 *  wasm) and logs what it sent: path and bytes on the wire (body only). */
function startServer() {
  const sent = [];
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = join(dist, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      if (!cache.has(file)) cache.set(file, gzipSync(await readFile(file), { level: GZIP_LEVEL }));
      const body = cache.get(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        // Hashed assets may be cached; a fresh browser context starts cold anyway.
        'cache-control': path.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
      sent.push({ path, bytes: body.length });
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, sent, port: server.address().port })),
  );
}

async function wasmSizes() {
  const assets = join(dist, 'assets');
  const names = (await readdir(assets)).filter((n) => n.endsWith('.wasm')).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(assets, name));
      return {
        file: name.replace(/-[\w-]{8}\.wasm$/, '.wasm'),
        raw: bytes.length,
        gzip: gzipSize(bytes),
      };
    }),
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const { server, sent, port } = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions);
const readyMs = [];
let firstLoad = null;
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    sent.length = 0;
    await page.goto(`http://127.0.0.1:${port}/`);
    const handle = await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime,
      READY_MARK,
      { timeout: 60_000, polling: 20 },
    );
    readyMs.push(await handle.jsonValue());
    if (i === 0) firstLoad = [...sent];
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const wasm = await wasmSizes();
const firstLoadBytes = firstLoad.reduce((sum, r) => sum + r.bytes, 0);
const readyMedian = median(readyMs);
const within = (value, limit) => (value <= limit ? 'within' : 'OVER');
console.log(
  JSON.stringify(
    {
      browser: `Chromium ${browser.version()}`,
      gzipLevel: GZIP_LEVEL,
      wasm: wasm.map((w) => ({
        ...w,
        limit: BUDGETS.wasmGzipBytes,
        verdict: within(w.gzip, BUDGETS.wasmGzipBytes),
      })),
      firstLoad: {
        bytes: firstLoadBytes,
        limit: BUDGETS.firstLoadGzipBytes,
        verdict: within(firstLoadBytes, BUDGETS.firstLoadGzipBytes),
        requests: firstLoad.map((r) => ({ ...r, path: r.path.replace(/-[\w-]{8}\./, '.') })),
      },
      ready: {
        loads: LOADS,
        msMedian: Math.round(readyMedian),
        msAll: readyMs.map(Math.round),
        limit: BUDGETS.readyMs,
        verdict: within(readyMedian, BUDGETS.readyMs),
      },
    },
    null,
    2,
  ),
);
