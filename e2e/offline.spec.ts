// The service worker (web/src/offline/), with the build under a sub-path: after one visit the
// page loads and trains with no network; a dataset used before is there too; "Make available
// offline" saves every shipped dataset (and says so, or says what failed); a new version waits
// for the next visit and says so. "Offline" is checked twice: the browser is set offline, and the
// server's log must not grow.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { OfflineManifest } from '../web/src/offline/protocol.ts';
import { trainFor } from './csp.ts';
import { ENGINE_ARCH, expectEngine, openPaused, tile } from './helpers.ts';
import { extraPort, startStaticServer, DIST, type StaticServer } from './static-server.ts';

test.use({ serviceWorkers: 'allow' });

/** What reached the server since `from`, less the browser's own check for a new sw.js (which
 *  the browser's offline emulation does not cover, and which fails harmlessly when offline). */
const servedSince = (from: number) =>
  server.requests.slice(from).filter((path) => !path.endsWith('/sw.js'));

let server: StaticServer;

test.beforeEach(async () => {
  server = await startStaticServer({ port: extraPort(0) });
});
test.afterEach(() => server.close());

/** Opens the page and waits until the service worker is active (the shell precached) and
 *  controls the page (so that the datasets it fetches are cached). */
async function openControlled(page: Page): Promise<void> {
  await openPaused(page, server.url);
  await expect(page.locator('#offline')).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

/** Picks a shipped dataset's tile and waits for the engine to have loaded it. */
async function openDataset(page: Page, name: string): Promise<void> {
  await tile(page, `real:${name}`).click();
  await expect(page.locator('#dataset-panel')).toBeVisible({ timeout: 30_000 });
  await expectEngine(page, 'paused');
  await expect(page.locator('#error')).toBeHidden();
}

test('after one visit the page loads and trains offline, with a dataset used before', async ({
  page,
  context,
}) => {
  await openControlled(page);
  await openDataset(page, 'iris');
  await tile(page, 'circle').click();
  await expectEngine(page, 'paused');

  const served = server.requests.length;
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expectEngine(page, 'paused');
  await trainFor(page, 3);
  await openDataset(page, 'iris');
  await trainFor(page, 1);
  // Never used, never saved: the page says so rather than hanging.
  await tile(page, 'real:digits').click();
  await expect(page.locator('#error')).toHaveText(
    /Could not load Handwritten digits \(8×8\): the browser is offline and this dataset was not saved for offline use/,
    { timeout: 30_000 },
  );
  expect(servedSince(served)).toEqual([]);
});

test('"Make available offline" saves every shipped dataset, reporting progress', async ({
  page,
  context,
}) => {
  await openControlled(page);
  const status = page.locator('#offline-status');
  await expect(status).toContainText('Works offline');
  // Every text the status shows, to see the progress reported.
  await page.evaluate(() => {
    const shown: string[] = [];
    const element = document.getElementById('offline-status')!;
    new MutationObserver(() => shown.push(element.textContent)).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    (window as unknown as { shown: string[] }).shown = shown;
  });
  await page.locator('#offline-save').click();
  await expect(status).toHaveText('Available offline, with all 4 dataset files (9.5 MB).', {
    timeout: 60_000,
  });
  const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
  expect(shown.some((text) => /MB of 9\.5 MB \(\d+ %\)/.test(text))).toBe(true);

  const served = server.requests.length;
  await context.setOffline(true);
  await page.reload();
  await expectEngine(page, 'paused');
  // Fashion-MNIST first: an epoch of it takes long on a busy machine; iris, last, trains fast.
  for (const name of ['fashion', 'digits', 'iris']) await openDataset(page, name);
  await trainFor(page, 1);
  // The next visit knows: the status says all is saved.
  await expect(status).toHaveText('Available offline, with all 4 dataset files (9.5 MB).');
  expect(servedSince(served)).toEqual([]);
});

test('a dataset that cannot be saved is named in a readable message', async ({ page }) => {
  await openControlled(page);
  server.refuse('data/fashion-test.nnpd', 404);
  await page.locator('#offline-save').click();
  await expect(page.locator('#offline-status')).toHaveText(
    'Could not save data/fashion-test.nnpd for offline use (HTTP 404). Check the connection, then try again.',
    { timeout: 60_000 },
  );
  await expect(page.locator('#offline-save')).toBeEnabled();
});

test('a new version waits for the next visit and says so', async ({ page, context }) => {
  await openControlled(page);
  await expect(page.locator('#update-notice')).toBeHidden();
  const shellCaches = () =>
    page.evaluate(async () => (await caches.keys()).filter((name) => name.includes(' shell ')));
  const [first] = await shellCaches();
  expect(first).toMatch(/^nn-playground \/course\/week-3\/playground\/ shell [0-9a-f]{16}$/);

  // The next release: the same files under a new version (what a changed build writes).
  const current = await readFile(join(DIST, 'sw.js'), 'utf8');
  const next = current.replace(/"version":"[0-9a-f]{16}"/, '"version":"next-release"');
  expect(next).not.toBe(current);
  server.replace('sw.js', next);

  // The next visit finds it: it installs and waits, this page keeps the version it started with
  // (and trains on), and the notice says when the new one will be used.
  await page.reload();
  await expectEngine(page, 'paused');
  await expect(page.locator('#update-notice')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#update-notice')).toHaveText(
    'A new version is ready; it will be used the next time you open the playground.',
  );
  await trainFor(page, 2);
  expect(await shellCaches()).toContain(first);

  // Once every page of the old version is closed, the next one gets the new version (and the
  // old version's cache is gone), with no notice.
  await page.close();
  const again = await context.newPage();
  await openPaused(again, server.url);
  await expect
    .poll(() =>
      again.evaluate(async () => (await caches.keys()).filter((name) => name.includes(' shell '))),
    )
    .toEqual(['nn-playground /course/week-3/playground/ shell next-release']);
  await expect(again.locator('#update-notice')).toBeHidden();
});

test('sw.js lists every file of the build: the shell, and the datasets to cache on use', async () => {
  // A file the build adds to dist/ outside Vite's bundle (another build step) would be missing
  // offline: it must be in the list, or named here as not needed offline.
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const manifest = JSON.parse(/^const MANIFEST = (.*);$/m.exec(sw)![1]!) as OfflineManifest;
  const listed = [
    ...manifest.shell.map((f) => (f.path === './' ? 'index.html' : f.path)),
    ...manifest.data.files.map((f) => f.path),
  ];
  // The worker itself, and the single-file page (a separate build; offline by itself).
  const notCached = ['sw.js', 'nn-playground.html'];
  const files = (await readdir(DIST, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST, join(entry.parentPath, entry.name)))
    .filter((file) => !notCached.includes(file));
  expect(listed.sort()).toEqual(files.sort());
  expect(manifest.shell.map((f) => f.path)).toEqual(
    expect.arrayContaining([
      './',
      expect.stringMatching(/^assets\/core-[\w-]+\.wasm$/),
      expect.stringMatching(/^assets\/core-fma-[\w-]+\.wasm$/),
      expect.stringMatching(/^assets\/worker-[\w-]+\.js$/),
    ]),
  );
});
