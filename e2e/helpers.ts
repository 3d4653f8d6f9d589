// What the end-to-end specs share: reading the page's numbers, waiting for the engine's state,
// picking a dataset tile, opening the page paused, choosing the pace, screenshots, axe-core's
// verdict on a part of the page.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { PACES, paceLabel, samePace, type Pace } from '../web/src/engine/pace.ts';
import { parseShownNumber } from './shown-number.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** The number an element shows (parseShownNumber: "97.2 %" → 97.2, "–" → NaN). */
export async function readNumber(page: Page, selector: string): Promise<number> {
  return parseShownNumber((await page.locator(selector).textContent()) ?? '');
}

/** Waits for the engine state the worker confirmed in its latest snapshot (<body data-engine>). */
export async function expectEngine(page: Page, state: 'paused' | 'training'): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-engine', state);
}

/** A dataset's thumbnail in the Data panel's picker. */
export const tile = (page: Page, name: string) =>
  page.locator(`#dataset-gallery [role="radio"][data-dataset="${name}"]`);

/** The engine's SIMD as the footer shows it: Chromium runs relaxed SIMD, so the page loads
 *  core-fma.wasm (fused multiply-add in the products). */
export const ENGINE_ARCH = 'wasm/4+madd';

/** Opens `path` with the engine loaded and the run paused. */
export async function openPaused(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expectEngine(page, 'paused');
}

/** Sets the pace control to `pace` through the page, as a user would. The default is a teaching
 *  pace (one epoch per frame): a test that trains towards a goal asks for 'fast'. */
export async function choosePace(page: Page, pace: Pace = 'fast'): Promise<void> {
  const notch = PACES.findIndex((choice) => samePace(choice, pace));
  if (notch < 0) throw new Error(`choosePace: ${paceLabel(pace)} is not a notch of the control`);
  await page.locator('#speed').fill(String(notch));
  await expect(page.locator('#speed-value')).toHaveText(paceLabel(pace));
}

/** Saves a screenshot of `target` with the test's results, and into docs/screenshots/ when
 *  UPDATE_SCREENSHOTS is set. */
export async function screenshot(
  target: Page | Locator,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  const shot = testInfo.outputPath(name);
  await target.screenshot({ path: shot });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, name));
  }
}

/** axe-core's WCAG AA violations within `selector`. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}
