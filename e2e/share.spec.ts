// Share (issue 14): Copy link puts the page's link on the clipboard, and the QR code dialog draws
// a code that decodes (jsQR, in the test) to that link; a link too long for any QR code is said
// to be, with the limit. The dialog works from the keyboard.
import jsQR from 'jsqr';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { axeViolations, expectEngine, openPaused, screenshot, tile } from './helpers.ts';

const FIXTURES = fileURLToPath(new URL('../web/test/fixtures/', import.meta.url));

failOnPageProblems(test);
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The text the QR code on the page's canvas decodes to (null: none found). */
async function decodedQr(page: Page): Promise<string | null> {
  // The canvas's pixels, one byte each (the code is black on white: red says it all), as base64:
  // a string crosses to the test far faster than an array of a few million numbers.
  const image = await page.locator('#qr-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, width, height);
    let binary = '';
    for (let i = 0; i < data.length; i += 4) binary += String.fromCharCode(data[i]!);
    return { red: btoa(binary), width, height };
  });
  const red = Buffer.from(image.red, 'base64');
  const rgba = new Uint8ClampedArray(red.length * 4).fill(255);
  red.forEach((value, i) => rgba.fill(value, 4 * i, 4 * i + 3));
  return jsQR(rgba, image.width, image.height)?.data ?? null;
}

test('Copy link puts the page’s link on the clipboard, and follows the scene', async ({ page }) => {
  await openPaused(page);
  await page.locator('#copy-link').click();
  await expect(page.locator('#share-status')).toHaveText('Link copied.');
  const copied = () => page.evaluate(() => navigator.clipboard.readText());
  const first = page.url();
  expect(await copied()).toBe(first);
  expect(first).toContain('#scene=');

  await tile(page, 'xor').click();
  await expectEngine(page, 'paused');
  await page.locator('#copy-link').click();
  expect(page.url()).not.toBe(first);
  expect(await copied()).toBe(page.url());
});

test('the QR code decodes to the page’s link; the dialog works from the keyboard', async ({
  page,
}, testInfo) => {
  await openPaused(page);
  await screenshot(page.locator('.panel.train'), testInfo, 'share-row.png');
  const button = page.locator('#qr-code');
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Open this scene on a phone' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('#qr-too-long')).toBeHidden();
  await expect(page.locator('#qr-local')).toBeHidden();
  expect(await decodedQr(page)).toBe(page.url());
  await expect(page.locator('#qr-link')).toHaveValue(page.url());
  // Large enough for a projector: most of the window's height.
  const box = await page.locator('#qr-canvas').boundingBox();
  expect(box!.height).toBeGreaterThan(0.6 * 800);
  await screenshot(page, testInfo, 'qr-code.png');
  expect(await axeViolations(page, '.qr-dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // Another scene: the next code is its link.
  await tile(page, 'spirals').click();
  await expectEngine(page, 'paused');
  await button.click();
  expect(await decodedQr(page)).toBe(page.url());
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a link too long for a QR code is said to be, with the limit', async ({ page }) => {
  await openPaused(page);
  // A data file's rows travel in the link (up to 6,000 numbers): far more than a code holds.
  await page.locator('#csv-file').setInputFiles(`${FIXTURES}blobs.csv`);
  // The engine was paused before the file too: wait for the link to carry the rows.
  await expect.poll(() => page.url().length).toBeGreaterThan(2953);
  await expectEngine(page, 'paused');
  const length = page.url().length;
  await page.locator('#qr-code').click();
  const tooLong = page.locator('#qr-too-long');
  await expect(tooLong).toBeVisible();
  await expect(tooLong).toContainText(
    `This link is too long for a QR code: ${length.toLocaleString('en')} characters, and a QR ` +
      'code holds at most 2,953.',
  );
  await expect(page.locator('#qr-canvas')).toBeHidden();
  await expect(page.locator('#qr-link')).toHaveValue(page.url());
});
