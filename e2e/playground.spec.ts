// The playground end to end: the production build in Chromium, the wasm engine in a worker.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { choosePace, ENGINE_ARCH, expectEngine, readNumber } from './helpers.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** A full-page picture in the test's output folder, and in docs/screenshots/ when
 *  UPDATE_SCREENSHOTS is set (only then, so a test run leaves the work tree clean). */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.mouse.move(0, 0); // No hover highlight in the picture.
  await page.locator('h1').click(); // Nor a focus ring.
  const shot = testInfo.outputPath(name);
  await page.screenshot({ path: shot, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, name));
  }
}

/** Counts the canvas's pixels of each kind of colour (the heatmap and the points). */
async function canvasColours(page: Page) {
  return page.locator('#boundary').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
      data: new Uint8ClampedArray(),
    };
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [red, bluePart] = [data[i] ?? 0, data[i + 2] ?? 0];
      if (red - bluePart > 60) orange += 1;
      else if (bluePart - red > 60) blue += 1;
    }
    return { orange, blue, total: data.length / 4 };
  });
}

/**
 * The distinct hues of the heatmap: its pale tinted pixels (the points are drawn in full colour,
 * so they are left out) in 10° bins; a hue counts if its bin holds at least `share` of the canvas
 * and no stronger bin within 30° was counted already.
 */
async function backgroundHues(page: Page, share = 0.03): Promise<number[]> {
  return page.locator('#boundary').evaluate((canvas: HTMLCanvasElement, least: number) => {
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
      data: new Uint8ClampedArray(),
    };
    const bins = new Array<number>(36).fill(0);
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (min < 80 || max - min < 30) continue; // a point's full colour, or grey/white
      let hue =
        max === r
          ? ((g - b) / (max - min)) % 6
          : max === g
            ? (b - r) / (max - min) + 2
            : (r - g) / (max - min) + 4;
      hue = (hue * 60 + 360) % 360;
      bins[Math.floor(hue / 10)]! += 1;
    }
    const total = data.length / 4;
    const hues: number[] = [];
    const order = bins.map((count, bin) => ({ count, bin })).sort((a, b) => b.count - a.count);
    for (const { count, bin } of order) {
      if (count < least * total) break;
      const hue = bin * 10 + 5;
      const near = hues.some((h) => Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue)) < 30);
      if (!near) hues.push(hue);
    }
    return hues;
  }, share);
}

/** The network's curve on a 1-D plot (the only orange there): how many pixels it covers, the
 *  share of the canvas height it spans, and its mean row (0 top … 1 bottom) in the column
 *  `at` of the way across. */
async function curvePixels(page: Page, at: number[]) {
  return page.locator('#boundary').evaluate((canvas: HTMLCanvasElement, columns: number[]) => {
    const { width, height } = canvas;
    const { data } = canvas.getContext('2d')?.getImageData(0, 0, width, height) ?? {
      data: new Uint8ClampedArray(),
    };
    const orange = (x: number, y: number): boolean => {
      const i = (y * width + x) * 4;
      return (data[i] ?? 0) - (data[i + 2] ?? 0) > 100 && (data[i + 1] ?? 0) > 100;
    };
    let count = 0;
    let top = height;
    let bottom = -1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!orange(x, y)) continue;
        count += 1;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
    const rows = columns.map((fraction) => {
      const x = Math.round(fraction * width);
      const ys = Array.from({ length: height }, (_, y) => y).filter((y) => orange(x, y));
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length / height : Number.NaN;
    });
    return { count, span: bottom >= top ? (bottom - top) / height : 0, rows };
  }, at);
}

/** Picks a dataset in the Data panel and waits for the worker to load its run. */
async function pickDataset(page: Page, name: string, classes?: number): Promise<void> {
  await page.locator(`#dataset-gallery [role="radio"][data-dataset="${name}"]`).click();
  if (classes !== undefined) {
    await page.locator('#classes').fill(String(classes));
    await page.locator('#classes').press('Enter');
  }
  await expect(page.locator('#step-count')).toHaveText('0');
  await expectEngine(page, 'paused');
}

failOnPageProblems(test);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('nn-playground');
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expectEngine(page, 'paused');
});

test('trains the circle past 95 % test accuracy, then pauses and steps', async ({
  page,
}, testInfo) => {
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect(page.locator('#epoch')).toHaveText('0');
  await expect(page.locator('#error')).toBeHidden();

  await choosePace(page);
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
  const pixels = await canvasColours(page);
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

  await screenshot(page, testInfo, 'skeleton.png');
});

// Not a speed test (the frame rate is measured by `npm run bench`, bench/bench-page.mjs): it
// checks the main thread keeps drawing while the worker trains flat out. A page that trained on
// the main thread would draw a frame or two a second; on a loaded 2-core machine this one draws
// 20 to 60.
test('keeps the page responsive while training', async ({ page }) => {
  await choosePace(page);
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
          if (now - start < 2000) requestAnimationFrame(frame);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(frame);
      }),
  );
  expect(fps).toBeGreaterThan(10);
  expect(await readNumber(page, '#step-count')).toBeGreaterThan(before);
  // And it answers at once: Pause stops the worker's loop.
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
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

test('learns three spirals past 80 % test accuracy, picked in the dataset menu', async ({
  page,
}, testInfo) => {
  await expect(page.locator('#classes-field')).toBeHidden();
  await page.locator('#dataset-gallery [data-dataset="spirals"]').click();
  await expect(page.locator('#classes-field')).toBeVisible();
  await expect(page.locator('#classes')).toHaveAttribute('max', '5');
  await pickDataset(page, 'spirals', 9); // More than spirals takes: clamped.
  await expect(page.locator('#classes')).toHaveValue('5');
  await expect(page.locator('#architecture .chip').last()).toHaveText('5 Identity');
  await pickDataset(page, 'spirals', 3);
  await expect(page.locator('#dataset-description')).toContainText('interleaved spiral arms');
  await expect(page.locator('#architecture')).toHaveAttribute(
    'aria-label',
    '2 → 16 Tanh → 16 Tanh → 16 Tanh → 3 Identity',
  );
  await expect(page.locator('#training-details dd').first()).toHaveText('CrossEntropyLoss');
  await expect(page.locator('#legend-points li')).toHaveText([
    'class 0',
    'class 1',
    'class 2',
    'training point',
    'test point',
  ]);
  await expect(page.locator('#validation-loss')).toBeHidden();

  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(80);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  expect(await readNumber(page, '#train-accuracy')).toBeGreaterThan(80);

  // The background shows each of the three classes' regions in its own hue (orange, bluish
  // green, blue), not one class's probability.
  const hues = await backgroundHues(page);
  expect(hues.length, `background hues ${hues.join(', ')}`).toBeGreaterThanOrEqual(3);
  await expect(page.locator('#legend-gradient > span')).toHaveCount(3);
  await expect(page.locator('#legend-min')).toHaveText('½');
  await expect(page.locator('#plot-note')).toContainText('most likely');
  await screenshot(page, testInfo, 'spirals-3.png');
});

test('fits the sine curve: the test loss falls', async ({ page }, testInfo) => {
  await pickDataset(page, 'sine');
  await expect(page.locator('#classes-field')).toBeHidden();
  await expect(page.locator('#plot-title')).toHaveText('Curve to fit');
  await expect(page.locator('#plot-note')).toBeVisible();
  await expect(page.locator('#plot-note')).not.toContainText('not drawn');
  await expect(page.locator('#legend-points li').last()).toHaveText("network's prediction");
  // The untrained network's curve is drawn, nearly flat.
  const untrained = await curvePixels(page, []);
  expect(untrained.count).toBeGreaterThan(200);
  await expect(page.locator('#architecture .chip')).toHaveText([
    '1 input',
    '16 Tanh',
    '16 Tanh',
    '1 Identity',
  ]);
  await expect(page.locator('#training-details dd').first()).toHaveText('MSELoss');
  // A regression has no accuracy to show.
  await expect(page.locator('#test-accuracy')).toBeHidden();
  await expect(page.locator('#train-accuracy')).toBeHidden();
  await expect(page.locator('#test-loss')).not.toHaveText('–');
  const before = await readNumber(page, '#test-loss');
  expect(before).toBeGreaterThan(0.05);

  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-loss'), { timeout: 60_000, intervals: [250] })
    .toBeLessThan(before / 10);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  expect(await readNumber(page, '#epoch')).toBeGreaterThan(0);
  // The fitted curve follows the sine: it spans most of the height, low near x = −2 (a third of
  // the way across the plot) and high near x = 1.3 (five eighths).
  const fitted = await curvePixels(page, [0.375, 0.625]);
  expect(fitted.span).toBeGreaterThan(0.5);
  expect(fitted.span).toBeGreaterThan(untrained.span + 0.3);
  const [low = Number.NaN, high = Number.NaN] = fitted.rows;
  expect(low).toBeGreaterThan(0.7);
  expect(high).toBeLessThan(0.3);
  await screenshot(page, testInfo, 'sine.png');

  // Back to a classification: the accuracies return.
  await pickDataset(page, 'moons');
  await expect(page.locator('#test-accuracy')).toBeVisible();
  await expect(page.locator('#plot-title')).toHaveText('Decision boundary');
});

test('holds out a validation set and sets the noise from the keyboard', async ({ page }) => {
  await page.locator('#validation-percent').fill('20');
  await expect(page.locator('#validation-loss')).toBeVisible();
  await expect(page.locator('#validation-accuracy')).toBeVisible();
  await expect(page.locator('#training-details')).toContainText(
    '50 % train, 20 % validation, 30 % test',
  );
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  await expect(page.locator('#validation-loss')).not.toHaveText('–');
  expect(await readNumber(page, '#validation-accuracy')).toBeGreaterThanOrEqual(0);

  await page.locator('#noise').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#noise-value')).toHaveText('10 %');
  await expect(page.locator('#training-details')).toContainText('circle, 500 points, noise 0.1');
  await expect(page.locator('#step-count')).toHaveText('0'); // A new run.
  await page.locator('#validation-percent').focus();
  await page.keyboard.press('Home'); // 0 %: no validation set.
  await expect(page.locator('#validation-value')).toHaveText('0 %');
  await expect(page.locator('#validation-loss')).toBeHidden();
  await expect(page.locator('#noise-value')).toHaveText('10 %');
});

test('loads the digits when picked and trains them past 90 % test accuracy', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/data/')) fetched.push(new URL(request.url()).pathname);
  });
  expect(fetched).toEqual([]); // Nothing is fetched before the choice.
  await page.locator('#dataset-gallery [role="radio"]', { hasText: 'Digits' }).click();
  await expect(page.locator('#dataset-panel')).toBeVisible();
  await expect(page.locator('#boundary')).toBeHidden();
  await expect(page.locator('#class-names li')).toHaveCount(10);
  await expect(page.locator('#step-count')).toHaveText('0');
  await expectEngine(page, 'paused');
  expect(fetched).toEqual(['/data/digits.nnpd']);
  await expect(page.locator('#noise')).toBeHidden();

  // The scene travels in the URL: it names the shipped set.
  const hash = new URL(page.url()).hash;
  const scene = JSON.parse(
    Buffer.from(hash.slice('#scene='.length), 'base64url').toString('utf8'),
  ) as { data: Record<string, unknown> };
  expect(scene.data).toMatchObject({ name: 'supplied', dataset: 'digits' });

  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(90);
  expect(await readNumber(page, '#dataset-test-accuracy')).toBeGreaterThan(85);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');

  // Back to generated data: the decision boundary returns.
  await pickDataset(page, 'circle');
  await expect(page.locator('#boundary')).toBeVisible();
  await expect(page.locator('#dataset-panel')).toBeHidden();
});
