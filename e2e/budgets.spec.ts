// Issue 13's size budgets (bench/budgets.json) on the built files: each wasm module, and every
// file the default page fetches until the engine is ready, gzipped. Sizes are deterministic, so
// they are tested; the ready time is a bench figure (`npm run bench`: bench/bench-budgets.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { READY_MARK } from '../web/src/render/page-frame.ts';

interface Sizes {
  wasmGzipBytes: number;
  firstLoadGzipBytes: number;
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'web/dist');
const { gzipLevel, budgets, ceilings } = JSON.parse(
  readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'),
) as { gzipLevel: number; budgets: Sizes; ceilings: Sizes };

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: gzipLevel }).length;

/** Each built wasm module's gzipped size, by file name. */
function wasmSizes(): Record<string, number> {
  const assets = join(DIST, 'assets');
  const names = readdirSync(assets).filter((name) => name.endsWith('.wasm'));
  expect(names.length).toBeGreaterThanOrEqual(2); // core.wasm and core-fma.wasm
  return Object.fromEntries(names.map((name) => [name, gzipped(join(assets, name))]));
}

/** The gzipped bytes of every file of this server the default page asks for (the worker's
 *  requests included) until the engine's first frame is drawn: requests that start after it
 *  (what waits for it: uPlot, the service worker) are not counted. */
async function firstLoad(page: Page): Promise<{ bytes: number; paths: string[] }> {
  // Each request of this server's, and when it was made (ms since the epoch, the machine's clock).
  const requests: { url: URL; at: number }[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.host === new URL(page.url() || request.url()).host) {
      requests.push({ url, at: Date.now() });
    }
  });
  await page.goto('/');
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK);
  // The mark on the same clock.
  const markedAt = await page.evaluate(
    (mark) => performance.timeOrigin + performance.getEntriesByName(mark)[0]!.startTime,
    READY_MARK,
  );
  const before = requests.filter((request) => request.at <= markedAt);
  const paths = [...new Set(before.map((request) => request.url.pathname))];
  const files = paths.map((path) => join(DIST, path === '/' ? 'index.html' : path));
  return { bytes: files.reduce((sum, file) => sum + gzipped(file), 0), paths };
}

test('the first load fetches one engine module and the worker, within the ceilings', async ({
  page,
}) => {
  for (const [name, bytes] of Object.entries(wasmSizes())) {
    expect(bytes, `${name} gzipped`).toBeLessThanOrEqual(ceilings.wasmGzipBytes);
  }
  const load = await firstLoad(page);
  // The page, its script and style, the engine (one module, fetched once for the page and its
  // worker) and the worker's script.
  expect(load.paths.filter((path) => path.endsWith('.wasm'))).toHaveLength(1);
  expect(load.paths.some((path) => /worker-.*\.js$/.test(path))).toBe(true);
  expect(load.bytes).toBeLessThanOrEqual(ceilings.firstLoadGzipBytes);
});

test('the first load ≤ 300 KB gzipped (issue 13)', async ({ page }) => {
  expect((await firstLoad(page)).bytes).toBeLessThanOrEqual(budgets.firstLoadGzipBytes);
});

test('each wasm module ≤ 150 KB gzipped (issue 13)', () => {
  for (const [name, bytes] of Object.entries(wasmSizes())) {
    expect(bytes, `${name} gzipped`).toBeLessThanOrEqual(budgets.wasmGzipBytes);
  }
});
