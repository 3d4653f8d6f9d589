// The strict Content-Security-Policy that course sites and learning-management systems send, and
// a check that a page runs under it: expectNoViolations(page, url) opens the page, drives it
// (trains, draws, opens a shipped dataset) and fails on any violation report or console error,
// from the page or any of its workers. Another way in (the <nn-playground> element's page, an
// `&embed=1` iframe) only needs its URL and, where it lacks the full page's controls, its own
// `exercise`.
import { expect, type Page } from '@playwright/test';
import { expectEngine, openPaused, readNumber, tile } from './helpers.ts';

/** No 'unsafe-inline', no 'unsafe-eval': wasm compiles ('wasm-unsafe-eval'), workers come from
 *  the page's origin or a blob: URL, and images, fonts and connections default to 'self'. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self' blob:";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Plays until the epoch counter passes `epochs`, then pauses. */
export async function trainFor(page: Page, epochs: number): Promise<void> {
  await page.locator('#play').click();
  await expect.poll(() => readNumber(page, '#epoch'), { timeout: 30_000 }).toBeGreaterThan(epochs);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
}

/** What the full page does in every test of hosting: loads, trains (the plot, the charts and
 *  the diagram draw), then opens a shipped dataset (fetched from ./data/) and trains on it. */
export async function exercisePage(page: Page, url: string): Promise<void> {
  await openPaused(page, url);
  await trainFor(page, 3);
  await tile(page, 'real:iris').click();
  await expect(page.locator('#dataset-panel')).toBeVisible({ timeout: 30_000 });
  await expectEngine(page, 'paused');
  await trainFor(page, 1);
}

/**
 * Opens `url` (served with STRICT_CSP by the caller's server), runs `exercise` and expects no
 * `securitypolicyviolation` event in the page and no console error or uncaught exception in the
 * page or its workers (a worker's blocked eval or script shows there, and as a failed engine).
 */
export async function expectNoViolations(
  page: Page,
  url: string,
  exercise: (page: Page, url: string) => Promise<void> = exercisePage,
): Promise<void> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (message.type() === 'error') problems.push(`worker console error: ${message.text()}`);
    }),
  );
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations!.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  // Every frame's reports (an `&embed=1` iframe has its own document; init scripts run in each).
  const reported = async () =>
    (
      await Promise.all(
        page.frames().map((frame) => frame.evaluate(() => window.cspViolations ?? [])),
      )
    ).flat();
  try {
    await exercise(page, url);
    // The error banner is where a worker that failed to start ends up: the page's, or each
    // <nn-playground>'s in its shadow root (CSS locators pierce it).
    for (const banner of await page.locator('#error').all()) await expect(banner).toBeHidden();
  } catch (error) {
    // A page the policy broke fails somewhere in `exercise` (the engine never loads): show why.
    expect({ violations: await reported(), problems }).toEqual({ violations: [], problems: [] });
    throw error;
  }
  expect({ violations: await reported(), problems }).toEqual({ violations: [], problems: [] });
}
