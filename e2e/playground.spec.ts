// The walking skeleton end to end: the production build in Chromium, the wasm engine in a worker.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshots/skeleton.png', import.meta.url));

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The number an element shows: "97.2 %" → 97.2, "3.1×10⁻⁴" → 0.00031, "1,234" → 1234,
 *  "–" → NaN. */
async function readNumber(page: Page, selector: string): Promise<number> {
  const text = ((await page.locator(selector).textContent()) ?? '').replaceAll(',', '');
  const [mantissa = '', exponent] = text.split('×10');
  const power = Array.from(exponent ?? '0', (c) =>
    c === '⁻' ? '-' : String(SUPERSCRIPTS.indexOf(c) >= 0 ? SUPERSCRIPTS.indexOf(c) : c),
  ).join('');
  return Number.parseFloat(mantissa) * 10 ** Number.parseInt(power, 10);
}

/** Waits for the engine state the worker confirmed in its latest snapshot (<body data-engine>). */
async function expectEngine(page: Page, state: 'paused' | 'training'): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-engine', state);
}

let problems: string[] = [];

test.beforeEach(async ({ page }) => {
  problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto('/');
  await expect(page).toHaveTitle('nn-playground');
  await expect(page.locator('#simd-arch')).toHaveText('wasm/4', { timeout: 20_000 });
  await expectEngine(page, 'paused');
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

test('trains the circle past 95 % test accuracy, then pauses and steps', async ({
  page,
}, testInfo) => {
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect(page.locator('#epoch')).toHaveText('0');
  await expect(page.locator('#error')).toBeHidden();

  await page.locator('#play').click();
  await expect(page.locator('#play')).toHaveText('Pause');
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(95);
  expect(await readNumber(page, '#epoch')).toBeGreaterThan(0);
  expect(await readNumber(page, '#train-accuracy')).toBeGreaterThan(90);
  expect(await readNumber(page, '#train-loss')).toBeLessThan(0.5);

  // The heatmap shows both classes' colours (orange and blue regions), not a blank canvas.
  const pixels = await page.locator('#boundary').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
      data: new Uint8ClampedArray(),
    };
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const red = data[i] ?? 0;
      const bluePart = data[i + 2] ?? 0;
      if (red - bluePart > 60) orange += 1;
      else if (bluePart - red > 60) blue += 1;
    }
    return { orange, blue, total: data.length / 4 };
  });
  expect(pixels.total).toBeGreaterThan(0);
  expect(pixels.orange / pixels.total).toBeGreaterThan(0.05);
  expect(pixels.blue / pixels.total).toBeGreaterThan(0.05);

  await page.locator('#play').click();
  await expect(page.locator('#play')).toHaveText('Play');
  await expectEngine(page, 'paused');
  const steps = await readNumber(page, '#step-count');
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText((steps + 1).toLocaleString('en-US'));
  await expectEngine(page, 'paused');

  await page.mouse.move(0, 0); // No hover highlight in the picture.
  const shot = testInfo.outputPath('skeleton.png');
  await page.screenshot({ path: shot, fullPage: true });
  // docs/screenshots is refreshed on request only, so a test run leaves the work tree clean.
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await copyFile(shot, SCREENSHOT);
  }
});

test('keeps the page responsive while training', async ({ page }) => {
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  const before = await readNumber(page, '#step-count');

  const fps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const frame = (now: number): void => {
          frames += 1;
          if (now - start < 1000) requestAnimationFrame(frame);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(frame);
      }),
  );
  expect(fps).toBeGreaterThan(30);
  expect(await readNumber(page, '#step-count')).toBeGreaterThan(before);
});

test('Space toggles training and Reset starts over', async ({ page }) => {
  await page.locator('h1').click(); // Focus outside any button.
  await page.keyboard.press('Space');
  await expect(page.locator('#play')).toHaveText('Pause');
  await expectEngine(page, 'training');
  await expect.poll(() => readNumber(page, '#step-count')).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expectEngine(page, 'paused');

  await page.locator('#reset').click();
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect(page.locator('#epoch')).toHaveText('0');
  await expect(page.locator('#play')).toHaveText('Play');
});

test('describes the scene: its model, loss and optimizer', async ({ page }) => {
  const chain = page.locator('#architecture');
  await expect(chain).toHaveAttribute('aria-label', '2 → 4 Tanh → 4 Tanh → 1 Sigmoid');
  await expect(chain.locator('.chip')).toHaveText(['2 inputs', '4 Tanh', '4 Tanh', '1 Sigmoid']);
  const details = page.locator('#training-details');
  await expect(details.locator('dt')).toContainText(['Loss', 'Optimizer', 'Batch size']);
  await expect(details.locator('dd').first()).toHaveText('BCELoss');
  await expect(details.locator('dd').nth(1)).toHaveText('SGD, lr 0.1');
});
