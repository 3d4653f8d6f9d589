// The Data panel end to end: thumbnails (mouse and keyboard), the split and its sizes as the
// engine cut them, the seed, CSV upload (file input and drop, refused files), added points and
// the discretized background.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { choosePace, expectEngine, readNumber, tile } from './helpers.ts';

const FIXTURES = fileURLToPath(new URL('../web/test/fixtures/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface LinkedScene {
  seed: number;
  data: {
    name: string;
    trainFraction: number;
    validationFraction?: number;
    samples?: number;
    rows?: { features: number; classes: number; x: number[]; y: number[]; source?: string };
  };
}

/** The scene the URL holds. */
function linkedScene(page: Page): LinkedScene {
  const hash = new URL(page.url()).hash;
  expect(hash.startsWith('#scene=')).toBe(true);
  const encoded = hash.slice('#scene='.length).split('&')[0]!;
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as LinkedScene;
}

const counts = (page: Page) => page.locator('#split-counts');

/** Waits until the split's sizes are the engine's (from the run's points) and equal `text`. */
async function expectCounts(page: Page, text: string): Promise<void> {
  await expect(counts(page)).toHaveAttribute('data-source', 'engine');
  await expect(counts(page)).toHaveText(text);
}

/** A digest of the plot's pixels: changes when the points (or the background) do. */
async function plotDigest(page: Page): Promise<string> {
  return page.locator('#boundary').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      hash = (Math.imul(hash, 31) + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) | 0;
    }
    return String(hash);
  });
}

/** The plot square's most common colours: the share of its pixels the two most common cover,
 *  those two colours, and how many colours are common. */
async function topColours(page: Page) {
  return page.locator('#boundary').evaluate((canvas: HTMLCanvasElement) => {
    const scale = canvas.width / canvas.clientWidth;
    // The plot square inside the tick margins (boundary.ts: 34 left, 10 right/top).
    const x0 = Math.ceil(36 * scale);
    const y0 = Math.ceil(12 * scale);
    const size = Math.floor((canvas.clientWidth - 48) * scale);
    const { data } = canvas.getContext('2d')!.getImageData(x0, y0, size, size);
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const order = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const total = data.length / 4;
    const top = order.slice(0, 2);
    return {
      share: top.reduce((sum, [, count]) => sum + count, 0) / total,
      /** Colours covering at least 0.1 % of the square (a smooth background has many). */
      common: order.filter(([, count]) => count >= total / 1000).length,
      colours: top.map(([key]) => key.split(',').map(Number)),
    };
  });
}

async function screenshotPanel(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const shot = testInfo.outputPath(name);
  await page.locator('#data-panel').screenshot({ path: shot });
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.locator('#data-panel').screenshot({ path: `${SCREENSHOTS}${name}` });
  }
}

failOnPageProblems(test);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expectEngine(page, 'paused');
});

test('picks datasets by thumbnail with the mouse and the keyboard', async ({ page }, testInfo) => {
  // The worker's points are drawn in the thumbnails: each has orange and blue pixels.
  await expect
    .poll(() =>
      tile(page, 'xor')
        .locator('canvas')
        .evaluate((canvas: HTMLCanvasElement) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let orange = 0;
          let blue = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i]! - data[i + 2]! > 100) orange++;
            if (data[i + 2]! - data[i]! > 100) blue++;
          }
          return Math.min(orange, blue);
        }),
    )
    .toBeGreaterThan(50);
  await expect(page.locator('#dataset-gallery .gallery-heading')).toHaveText([
    'Classification',
    'Regression',
    'Curves (1-D)',
    'Real datasets',
  ]);
  await expect(tile(page, 'circle')).toHaveAttribute('aria-checked', 'true');
  const circle = await plotDigest(page);

  await tile(page, 'xor').click();
  await expect(tile(page, 'xor')).toHaveAttribute('aria-checked', 'true');
  await expect(tile(page, 'circle')).toHaveAttribute('aria-checked', 'false');
  await expectEngine(page, 'paused');
  expect(linkedScene(page).data.name).toBe('xor');
  await expect.poll(() => plotDigest(page)).not.toBe(circle);
  await expect(page.locator('#dataset-description')).toContainText('x₁·x₂');

  // Keyboard: Tab lands on the checked tile only; the arrows choose as they move.
  await page.locator('#data-title').click();
  await page.keyboard.press('Tab');
  await expect(tile(page, 'xor')).toBeFocused();
  const xor = await plotDigest(page);
  await page.keyboard.press('ArrowRight');
  await expect(tile(page, 'gauss')).toBeFocused();
  await expect(tile(page, 'gauss')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => linkedScene(page).data.name).toBe('gauss');
  await expectEngine(page, 'paused');
  await expect.poll(() => plotDigest(page)).not.toBe(xor);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(tile(page, 'circle')).toBeFocused();
  await expect.poll(() => linkedScene(page).data.name).toBe('circle');
  await expect(tile(page, 'circle')).toHaveAttribute('tabindex', '0');
  await expect(tile(page, 'gauss')).toHaveAttribute('tabindex', '-1');

  // The groups: a 1-D curve and a class count.
  await tile(page, 'sine').click();
  await expect(page.locator('#plot-title')).toHaveText('Curve to fit');
  await tile(page, 'spirals').click();
  await expect(page.locator('#classes-field')).toBeVisible();
  expect(linkedScene(page).data).toMatchObject({ name: 'spirals', classes: 3 });
  await tile(page, 'circle').click();
  await expectEngine(page, 'paused');
  await screenshotPanel(page, testInfo, 'data.png');
});

test('the split sliders set the sets the engine cuts, always adding up to 100 %', async ({
  page,
}) => {
  await expectCounts(page, '250 training · 250 test points');
  await page.locator('#train-percent').fill('70');
  await expectCounts(page, '350 training · 150 test points');
  await expect(page.locator('#test-value')).toHaveText('30 %');
  expect(linkedScene(page).data.trainFraction).toBe(0.7);

  await page.locator('#validation-percent').fill('20');
  await expectCounts(page, '350 training · 100 validation · 50 test points');
  await expect(page.locator('#validation-loss')).toBeVisible();
  await expect(page.locator('#training-details')).toContainText(
    '70 % train, 20 % validation, 10 % test',
  );

  // More training than the rest allows: validation gives way, the test set keeps 5 %.
  await page.locator('#train-percent').fill('90');
  await expect(page.locator('#validation-value')).toHaveText('5 %');
  await expect(page.locator('#test-value')).toHaveText('5 %');
  await expectCounts(page, '450 training · 25 validation · 25 test points');
  expect(linkedScene(page).data).toMatchObject({ trainFraction: 0.9, validationFraction: 0.05 });

  // From the keyboard, and with fewer points.
  await page.locator('#validation-percent').focus();
  await page.keyboard.press('Home');
  await expectCounts(page, '450 training · 50 test points');
  await page.locator('#samples').fill('200');
  await page.locator('#samples').press('Enter');
  await expectCounts(page, '180 training · 20 test points');
  expect(linkedScene(page).data.samples).toBe(200);
});

test('Regenerate draws new points from a new seed; a bad seed is refused', async ({ page }) => {
  await expect(page.locator('#seed-hint')).toContainText('restarts training');
  const before = linkedScene(page).seed;
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  const points = await plotDigest(page);
  await page.locator('#regenerate').click();
  await expect(page.locator('#step-count')).toHaveText('0'); // A new run.
  await expectEngine(page, 'paused');
  const after = linkedScene(page).seed;
  expect(after).not.toBe(before);
  await expect(page.locator('#seed')).toHaveValue(String(after));
  await expect.poll(() => plotDigest(page)).not.toBe(points);

  await page.locator('#seed').fill('-3');
  await page.locator('#seed').press('Enter');
  await expect(page.locator('#error')).toContainText('scene.seed: expected an integer in [0, ');
  expect(linkedScene(page).seed).toBe(after);
  await expect(page.locator('#seed')).toHaveValue(String(after));
  await page.locator('#seed').fill('42');
  await page.locator('#seed').press('Enter');
  await expect.poll(() => linkedScene(page).seed).toBe(42);
});

test('trains an uploaded CSV file past 90 % test accuracy, its rows in the link', async ({
  page,
}) => {
  await page.locator('#csv-file').setInputFiles(`${FIXTURES}blobs.csv`);
  await expect(page.locator('#csv-status')).toContainText(
    'Loaded blobs.csv: 180 rows, 4 inputs, 3 classes (amber, blue, coral).',
  );
  await expect(page.locator('#csv-status')).toContainText('The link carries its rows.');
  await expect(page.locator('#csv-errors')).toBeHidden();
  await expectEngine(page, 'paused');
  // Four inputs: no plane to draw, the classes instead.
  await expect(page.locator('#dataset-panel')).toBeVisible();
  await expect(page.locator('#class-names li')).toHaveText(['amber', 'blue', 'coral']);
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveCount(0);
  await expect(counts(page)).toHaveText('126 training · 18 validation · 36 test points');
  const scene = linkedScene(page);
  expect(scene.data).toMatchObject({ name: 'supplied', trainFraction: 0.7 });
  expect(scene.data.rows).toMatchObject({ features: 4, classes: 3, source: 'blobs.csv' });
  expect(scene.data.rows?.y).toHaveLength(180);

  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(90);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');

  // The link alone reproduces it.
  await page.reload();
  await expectEngine(page, 'paused');
  await expect(page.locator('#class-names li')).toHaveText(['amber', 'blue', 'coral']);
  await expect(page.locator('#csv-status')).toContainText('Training on blobs.csv.');
});

test('refuses a CSV file with a bad row, naming its line, and keeps training', async ({
  page,
}, testInfo) => {
  const lines = (await readFile(`${FIXTURES}blobs.csv`, 'utf8')).split('\n');
  lines[6] = '0.5,abc,1.2,0.3,amber'; // line 7 of the file
  const sceneBefore = linkedScene(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');

  await page.locator('#csv-file').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await expect(page.locator('#csv-errors')).toBeVisible();
  await expect(page.locator('#csv-errors-title')).toHaveText(
    'broken.csv was not loaded (1 problem); the current data keeps training.',
  );
  await expect(page.locator('#csv-errors-list li')).toHaveCount(1);
  await expect(page.locator('#csv-errors-list li')).toContainText('line 7, column "width"');
  // The old run goes on.
  await expectEngine(page, 'training');
  const steps = await readNumber(page, '#step-count');
  await expect.poll(() => readNumber(page, '#step-count')).toBeGreaterThan(steps);
  expect(linkedScene(page)).toEqual(sceneBefore);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  await screenshotPanel(page, testInfo, 'data-csv-error.png');
});

test('says a large file is too large for a link, and the link says to upload it again', async ({
  page,
}) => {
  // 3,000 rows of two inputs and a class: 9,000 numbers, more than a link carries.
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const x = ((i * 37) % 1000) / 100 - 5;
    const y = ((i * 91) % 1000) / 100 - 5;
    return `${x},${y},${x * y > 0 ? 'same' : 'opposite'}`;
  });
  await page.locator('#csv-file').setInputFiles({
    name: 'large.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['x1,x2,sign', ...rows].join('\n')),
  });
  await expect(page.locator('#csv-status')).toContainText('Loaded large.csv: 3,000 rows');
  await expect(page.locator('#csv-status')).toContainText(
    'Too large for a link (9,000 numbers; a link carries up to 6,000)',
  );
  await expectEngine(page, 'paused');
  await expectCounts(page, '2,100 training · 300 validation · 600 test points');
  const scene = linkedScene(page);
  expect(scene.data.name).toBe('supplied');
  expect(scene.data.rows).toBeUndefined();
  // Opening that link explains itself and keeps a working scene.
  await page.reload();
  await expect(page.locator('#error')).toContainText('scene.data.rows: missing');
  await expect(page.locator('#error')).toContainText('upload the file again');
  await expectEngine(page, 'paused');
});

test('takes a CSV file dropped on the panel', async ({ page }) => {
  const text = await readFile(`${FIXTURES}linear.csv`, 'utf8');
  const transfer = await page.evaluateHandle((body) => {
    const data = new DataTransfer();
    data.items.add(new File([body], 'linear.csv', { type: 'text/csv' }));
    return data;
  }, text);
  await page.locator('#data-panel').dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.locator('#data-panel')).toHaveClass(/dropping/);
  await page.locator('#data-panel').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.locator('#data-panel')).not.toHaveClass(/dropping/);
  await expect(page.locator('#csv-status')).toContainText(
    'Loaded linear.csv: 200 rows, 2 inputs, a number to predict (y).',
  );
  await expectEngine(page, 'paused');
  // Two inputs: a regression drawn on the plane.
  await expect(page.locator('#boundary')).toBeVisible();
  await expect(page.locator('#training-details dd').first()).toHaveText('MSELoss');
  expect(linkedScene(page).data.rows).toMatchObject({ features: 2, classes: 0 });
  await expectCounts(page, '140 training · 20 validation · 40 test points');
});

test('adds points of a chosen class by clicking the plot', async ({ page }) => {
  await expectCounts(page, '250 training · 250 test points');
  await page.locator('#add-mode').check();
  await page.locator('#add-class').selectOption('1');
  const box = (await page.locator('#boundary').boundingBox())!;
  await page.locator('#boundary').click({ position: { x: box.width / 2, y: box.height / 3 } });
  await expectCounts(page, '251 training · 250 test points');
  let scene = linkedScene(page);
  expect(scene.data.name).toBe('supplied');
  expect(scene.data.rows?.y).toHaveLength(251);
  expect(scene.data.rows?.y.at(-1)).toBe(1);
  await page.locator('#boundary').click({ position: { x: box.width / 3, y: box.height / 2 } });
  await expectCounts(page, '252 training · 250 test points');

  // Without the mouse: a typed position.
  await page.locator('#add-class').selectOption('0');
  await page.locator('#add-x').fill('4.5');
  await page.locator('#add-y').fill('-4.5');
  await page.locator('#add-point').press('Enter');
  await expectCounts(page, '253 training · 250 test points');
  scene = linkedScene(page);
  expect(scene.data.rows?.x.slice(-2)).toEqual([4.5, -4.5]);
  expect(scene.data.rows?.y.at(-1)).toBe(0);
  // The scene with its points comes back from the link.
  await page.reload();
  await expectEngine(page, 'paused');
  await expectCounts(page, '253 training · 250 test points');
});

test('discretize turns the background into two colours; test points can be hidden', async ({
  page,
}) => {
  await choosePace(page);
  await page.locator('#play').click();
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(90);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  // A trained network's background: saturated far from the boundary, graded near it.
  expect((await topColours(page)).common).toBeGreaterThan(10);

  await page.locator('#discretize').check();
  await expect.poll(async () => (await topColours(page)).share).toBeGreaterThan(0.8);
  const discrete = await topColours(page);
  // Two background colours; the few others are the points' fills and outlines.
  expect(discrete.common).toBeLessThanOrEqual(6);
  const [first, second] = discrete.colours;
  const orange = (c: number[]) => c[0]! > c[2]! + 60;
  const blue = (c: number[]) => c[2]! > c[0]! + 60;
  expect(
    (orange(first!) && blue(second!)) || (blue(first!) && orange(second!)),
    JSON.stringify([first, second]),
  ).toBe(true);

  const withTest = await plotDigest(page);
  await page.locator('#show-test').uncheck();
  await expect.poll(() => plotDigest(page)).not.toBe(withTest);
  await page.locator('#show-test').check();
  await expect.poll(() => plotDigest(page)).toBe(withTest);
});
