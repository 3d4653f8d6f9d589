// The build under the strict CSP course sites send (csp.ts): no violation while the page loads,
// trains, draws and opens a shipped dataset — which needs the engine's glue linked with
// -sDYNAMIC_EXECUTION=0 (wasm/CMakeLists.txt), as Embind otherwise builds its invokers with
// `new Function(…)` and the worker never starts.
import { expect, test, type Page } from '@playwright/test';
import { STRICT_CSP, expectNoViolations } from './csp.ts';
import { extraPort, startStaticServer, type StaticServer } from './static-server.ts';

test.use({ serviceWorkers: 'allow' });

let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer({
    port: extraPort(1),
    headers: { 'Content-Security-Policy': STRICT_CSP },
  });
});
test.afterAll(() => server.close());

test('the page runs under the strict CSP', async ({ page }) => {
  await expectNoViolations(page, server.url);
});

/** The example course page: two <nn-playground> elements (their shadow roots' constructable
 *  stylesheets, their workers) and an `&embed=1` iframe of the page, each loaded and trained. */
async function exerciseEmbeddings(page: Page, url: string): Promise<void> {
  await page.goto(url);
  for (const id of ['xor', 'circle']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const app = page.locator(`#${id} .app`);
    await expect(app).toHaveAttribute('data-engine', 'paused', { timeout: 30_000 });
    await page.locator(`#${id} #play`).click();
    await expect
      .poll(async () => Number(await page.locator(`#${id} #epoch`).textContent()), {
        timeout: 30_000,
      })
      .toBeGreaterThan(2);
    await page.locator(`#${id} #play`).click();
    await expect(app).toHaveAttribute('data-engine', 'paused');
  }
  const frame = page.frameLocator('iframe');
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await expect(frame.locator('body')).toHaveAttribute('data-engine', 'paused', { timeout: 30_000 });
  await frame.locator('#play').click();
  await expect
    .poll(async () => Number(await frame.locator('#epoch').textContent()), { timeout: 30_000 })
    .toBeGreaterThan(2);
}

test('the <nn-playground> elements and an &embed=1 iframe run under the strict CSP', async ({
  page,
}) => {
  await expectNoViolations(
    page,
    new URL('embed-example.html', server.url).href,
    exerciseEmbeddings,
  );
});

test('the policy is enforced: a test page breaking it reports a violation', async ({ page }) => {
  // The check itself can fail: an inline <style> added by a script is refused and reported.
  await page.goto(server.url);
  const reported = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
        const style = document.createElement('style');
        style.textContent = 'body { color: red }';
        document.head.append(style);
      }),
  );
  expect(reported).toBe('style-src-elem');
});
