// Issue 13's budgets (bench/budgets.json): each wasm module gzipped, the default page's first
// load (every byte it fetches until the engine is ready, gzipped as the server sends them) and
// the time from navigation to the engine ready (the page's performance mark: the worker's first
// snapshot drawn with Play enabled; ready-mark.mjs), median of BENCH_BUDGET_LOADS cold loads in
// Debian's headless Chromium from a local server. Needs `vite build web` (BENCH_DIST: another build
// folder, for an A/B). Prints JSON.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startGzipServer } from './gzip-server.mjs';
import { readyTime } from './ready-mark.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { budgets: BUDGETS, gzipLevel: GZIP_LEVEL } = JSON.parse(
  await readFile(join(root, 'bench/budgets.json'), 'utf8'),
);
const gzipSize = (bytes) => gzipSync(bytes, { level: GZIP_LEVEL }).length;
const dist = process.env.BENCH_DIST ?? join(root, 'web/dist');
const LOADS = Number(process.env.BENCH_BUDGET_LOADS ?? 7);

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

const { server, sent, port } = await startGzipServer(dist, GZIP_LEVEL);
const browser = await chromium.launch(chromiumLaunchOptions);
const readyMs = [];
let firstLoad = null;
try {
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    sent.length = 0;
    const ready = await readyTime(page);
    await page.goto(`http://127.0.0.1:${port}/`);
    const { ms, at } = await ready();
    readyMs.push(ms);
    // What the page asked for before the mark; what it asks for after (the charts' library, the
    // service worker) is not the first load's.
    if (i === 0) firstLoad = sent.filter((r) => r.asked <= at);
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
        requests: firstLoad.map(({ path, bytes }) => ({
          path: path.replace(/-[\w-]{8}\./, '.'),
          bytes,
        })),
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
