// A start-up that cannot fail silently (issue 18): web/public/startup-check.js, the page's first
// script, says "The playground could not start in this browser: <reason>" for each way the page
// can fail to come up. Each test forces one: the page's module or its worker not served, the
// module throwing, WebAssembly or its SIMD missing. A page that starts shows nothing.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { STRICT_CSP } from './csp.ts';
import { expectEngine, openPaused } from './helpers.ts';
import { extraPort, startStaticServer } from './static-server.ts';

const FAILURE = '.startup-failure';
const SAYS = 'The playground could not start in this browser: ';
const BROWSERS = 'Chrome and Edge 91 or later, Firefox 89 or later and Safari 16.4 or later';

/** The page's entry chunk (index.html's module) and the worker's chunk in the hosted build. */
const MAIN_CHUNK = /\/assets\/index-[\w-]+\.js$/;
const WORKER_CHUNK = /\/assets\/worker-[\w-]+\.js$/;

async function expectFailure(page: Page, ...reasons: (string | RegExp)[]): Promise<void> {
  const box = page.locator(FAILURE);
  await expect(box).toBeVisible({ timeout: 30_000 });
  await expect(box).toHaveAttribute('role', 'alert');
  await expect(box).toContainText(SAYS);
  for (const reason of reasons) await expect(box).toContainText(reason);
  await expect(box).toHaveCount(1);
}

test('a page that starts shows no start-up message', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openPaused(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect(page.locator(FAILURE)).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset.started)).toBe('true');
  expect(problems).toEqual([]);
});

test("the page's module not served: its script is named", async ({ page }) => {
  await page.route(MAIN_CHUNK, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expectFailure(page, /its script http:\S+\/assets\/index-[\w-]+\.js did not load/);
});

test("the page's module throws as it loads: its error is shown", async ({ page }) => {
  // What an invalid locale did to uPlot in WebKit (e2e/locale.spec.ts): the module stops at once.
  await page.route(MAIN_CHUNK, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "throw new RangeError('invalid language tag: C');",
    }),
  );
  await page.goto('/');
  await expectFailure(page, 'its script failed: RangeError: invalid language tag: C');
  await expect(page.locator('#simd-arch')).toHaveText('loading…');
});

test("the engine's worker not served: the page gives up and says why", async ({ page }) => {
  await page.route(WORKER_CHUNK, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expectFailure(page, 'its engine did not start.', 'the training worker failed to start');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'stopped');
});

test('no WebAssembly: the message names it and the browsers that work', async ({ page }) => {
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('/');
  await expectFailure(page, 'it has no WebAssembly.', BROWSERS);
});

test('no WebAssembly SIMD: the message names it and the browsers that work', async ({ page }) => {
  // A browser without SIMD128 refuses the check's probe (a module holding one v128.const); the
  // engine's relaxed-SIMD probe is refused too, as it would be there.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate.bind(WebAssembly);
    WebAssembly.validate = (bytes) =>
      ArrayBuffer.isView(bytes) && bytes.byteLength < 200 ? false : validate(bytes);
  });
  await page.goto('/');
  await expectFailure(page, 'its WebAssembly has no SIMD (SIMD128)', BROWSERS);
  // The message stays when this Chromium's engine comes up anyway (it does have SIMD).
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', { timeout: 30_000 });
  await expect(page.locator(FAILURE)).toBeVisible();
});

test('the check runs under the strict CSP course sites send', async ({ page }) => {
  const server = await startStaticServer({
    port: extraPort(1),
    headers: { 'Content-Security-Policy': STRICT_CSP },
  });
  try {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (
          window as unknown as { reportViolation: (v: string) => Promise<void> }
        ).reportViolation(`${event.effectiveDirective} ${event.blockedURI}`);
      });
      delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
    });
    await page.goto(server.url);
    await expectFailure(page, 'it has no WebAssembly.', BROWSERS);
    expect(violations).toEqual([]);
  } finally {
    await server.close();
  }
});

test('a module still loading after 20 s is waited for, then the message goes', async ({ page }) => {
  await page.clock.install();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(MAIN_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  // The document parsed (the check has run and set its timer); the module is still held.
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe('interactive');
  await page.clock.runFor(21_000);
  await expectFailure(page, 'its script has not started after 20 s.');
  release();
  await expect(page.locator(FAILURE)).toHaveCount(0, { timeout: 30_000 });
  await page.clock.resume();
  await expect(page.locator('#simd-arch')).not.toHaveText('loading…', { timeout: 30_000 });
});

test('the single file carries the check inline and runs it from file://', async ({ page }) => {
  const file = pathToFileURL(
    fileURLToPath(new URL('../web/dist/nn-playground.html', import.meta.url)),
  );
  await page.goto(file.href);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', { timeout: 30_000 });
  await expect(page.locator(FAILURE)).toHaveCount(0);

  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto(file.href);
  await expectFailure(page, 'it has no WebAssembly.', BROWSERS);
});
