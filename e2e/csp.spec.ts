// The build under the strict CSP course sites send (csp.ts): no violation while the page loads,
// trains, draws and opens a shipped dataset — which needs the engine's glue linked with
// -sDYNAMIC_EXECUTION=0 (wasm/CMakeLists.txt), as Embind otherwise builds its invokers with
// `new Function(…)` and the worker never starts.
import { expect, test } from '@playwright/test';
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
