// The training controls end to end: each control group clicked or typed in the real page, and
// checked to have reached the engine — the scene in the URL holds it and the run shows it.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'docs/screenshots/');

/** The scene the page's URL holds (#scene= + base64url of its JSON). */
async function urlScene(page: Page): Promise<Record<string, any>> {
  const hash = await page.evaluate(() => location.hash);
  const encoded = new URLSearchParams(hash.slice(1)).get('scene') ?? '';
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
}

/** A readout's number ("1,234" → 1234; "–" → NaN). */
async function readCount(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).textContent()) ?? '';
  return Number(text.replaceAll(',', ''));
}

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
}

/** Types `value` into a training field and commits it with Enter. */
async function type(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#tc-${id}`);
  await input.fill(value);
  await input.press('Enter');
}

test('the training controls panel (screenshot)', async ({ page }, testInfo: TestInfo) => {
  await open(page);
  await page.mouse.move(0, 0);
  const shot = testInfo.outputPath('controls.png');
  await page.locator('#training-controls').screenshot({ path: shot });
  await page.locator('section.train').screenshot({ path: testInfo.outputPath('run-controls.png') });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, 'controls.png'));
  }
});
