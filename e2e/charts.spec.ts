// How training goes, end to end: the curves (uPlot), early stopping's mark, earlier runs, the
// confusion matrix and the digits' test images, checked against the engine's own numbers.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { defaultScene, type Scene } from '../web/src/scene/index.ts';
import type { HolderElement } from '../web/src/render/uplot-chart.ts';
import { choosePace } from './helpers.ts';
import { sceneHash } from './links.ts';
import { failOnPageProblems } from './page-problems.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** The default scene (circle) with one mini-batch per epoch (250 training points), so every
 *  step ends an epoch and the readouts show the same evaluation as the last history record. */
function fullBatchScene(training: Partial<Scene['training']> = {}): Scene {
  const scene = defaultScene();
  return { ...scene, training: { ...scene.training, batchSize: 250, ...training } };
}

async function open(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', { timeout: 20_000 });
}

async function expectEngine(page: Page, state: 'paused' | 'training'): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-engine', state);
}

/** The number a readout shows ("97.2 %" → 97.2, "1,234" → 1234, "–" → NaN). */
async function readNumber(page: Page, selector: string): Promise<number> {
  const text = ((await page.locator(selector).textContent()) ?? '').replaceAll(',', '');
  return Number.parseFloat(text);
}

/** Plays until `selector` passes `least`, then pauses. */
async function trainUntil(page: Page, selector: string, least: number): Promise<void> {
  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, selector), { timeout: 60_000, intervals: [100] })
    .toBeGreaterThan(least);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
}

interface ChartState {
  labels: string[];
  widths: number[];
  strokes: string[];
  data: (number | null)[][];
  distr: number;
  /** The value at the plot's vertical middle, and the y scale's ends. */
  middle: number;
  min: number;
  max: number;
  /** Dark pixels in the plot's column at x = `at` (the early-stopping line), and in a column
   *  a quarter of the plot away. */
  darkAt: number;
  darkElsewhere: number;
}

/** What the uPlot instance in `#id` holds and draws (uplot-chart.ts keeps it on its holder). */
async function chart(page: Page, id: string, at = NaN): Promise<ChartState> {
  // Charts draw only on screen (off screen the latest data waits): bring it into view first.
  const holder = page.locator(`#${id}`);
  await holder.scrollIntoViewIfNeeded();
  await expect(holder).not.toHaveAttribute('data-pending', 'true');
  return holder.evaluate((holder, at) => {
    interface Series {
      label: string;
      width: number;
      stroke: (u: unknown, i: number) => string;
    }
    const u = (holder as HolderElement).uplot!;
    const series = u.series as unknown as Series[];
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox as {
      left: number;
      top: number;
      width: number;
      height: number;
    };
    const dark = (px: number): number => {
      if (!Number.isFinite(px)) return 0;
      const column = ctx.getImageData(Math.round(px) - 1, top, 2, height).data;
      let n = 0;
      for (let i = 0; i < column.length; i += 4) {
        const opaque = column[i + 3]! > 200;
        if (opaque && column[i]! < 70 && column[i + 1]! < 70 && column[i + 2]! < 80) n++;
      }
      return n;
    };
    const px = Number.isFinite(at) ? u.valToPos(at, 'x', true) : NaN;
    const elsewhere = px - left > width / 2 ? px - width / 4 : px + width / 4;
    return {
      labels: series.map((s) => s.label),
      widths: series.map((s) => s.width),
      strokes: series.map((s, i) => (i === 0 ? '' : s.stroke(u, i))),
      data: (u.data as ArrayLike<number | null>[]).map((c) => Array.from(c)),
      distr: u.scales.y?.distr ?? 0,
      middle: u.posToVal(height / devicePixelRatio / 2, 'y'),
      min: u.scales.y?.min ?? NaN,
      max: u.scales.y?.max ?? NaN,
      darkAt: dark(px),
      darkElsewhere: dark(elsewhere),
    };
  }, at);
}

/** The series labelled `label` as x → value (gaps left out). */
function seriesByX(state: ChartState, label: string): Map<number, number> {
  const i = state.labels.indexOf(label);
  expect(i, `series "${label}" in ${state.labels.join(', ')}`).toBeGreaterThan(0);
  const points = new Map<number, number>();
  state.data[0]!.forEach((x, j) => {
    const v = state.data[i]![j];
    if (x !== null && v !== null && v !== undefined) points.set(x, v);
  });
  return points;
}

/** The x column: every evaluation's epoch 1 … last, or for a long run (more than the 1,500
 *  points a chart draws) an evenly thinned sample of them that keeps the first and the last. */
function expectEpochs(xs: (number | null)[], last: number): void {
  if (last <= 1500) {
    expect(xs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    return;
  }
  expect(xs[0]).toBe(1);
  expect(xs.at(-1)).toBe(last);
  expect(xs.length).toBeLessThanOrEqual(1501);
}

/** The values of the series labelled `label` (gaps left out). */
function seriesValues(state: ChartState, label: string): number[] {
  const i = state.labels.indexOf(label);
  expect(i, `series "${label}" in ${state.labels.join(', ')}`).toBeGreaterThan(0);
  return state.data[i]!.filter((v): v is number => v !== null);
}

async function shot(locator: Locator, testInfo: TestInfo, name: string): Promise<void> {
  await locator.page().mouse.move(0, 0);
  await locator.page().locator('h1').click();
  const path = testInfo.outputPath(name);
  await locator.screenshot({ path });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(path, join(SCREENSHOTS, name));
  }
}

failOnPageProblems(test);

test('the curves hold the engine numbers, and the log toggle changes the axis', async ({
  page,
}) => {
  await open(page, `/${sceneHash(fullBatchScene())}`);
  await trainUntil(page, '#epoch', 40);

  const epoch = await readNumber(page, '#epoch');
  const loss = await chart(page, 'loss-chart');
  expect(loss.labels).toEqual(['epoch', 'train', 'test']);
  // One point per epoch (evaluateEvery 1), the last at the epoch the readout shows.
  expectEpochs(loss.data[0]!, epoch);
  const train = seriesValues(loss, 'train');
  const test = seriesValues(loss, 'test');
  expect(train.at(-1)!.toFixed(3)).toBe(await page.locator('#train-loss').textContent());
  expect(test.at(-1)!.toFixed(3)).toBe(await page.locator('#test-loss').textContent());
  expect(train.at(-1)!).toBeLessThan(train[0]!);

  const accuracy = await chart(page, 'accuracy-chart');
  const testAccuracy = seriesValues(accuracy, 'test').at(-1)!;
  expect(`${(testAccuracy * 100).toFixed(1)} %`).toBe(
    await page.locator('#test-accuracy').textContent(),
  );

  // The learning rate and the gradient norm of each evaluation.
  const rates = await chart(page, 'rates-chart');
  expect(rates.labels).toEqual(['epoch', 'learning rate', 'gradient norm']);
  expect(new Set(rates.data[1])).toEqual(new Set([0.1]));
  expect(rates.data[2]!.every((g) => g !== null && g > 0)).toBe(true);

  // Linear: the middle of the axis is the mean of its ends; log: their geometric mean.
  expect(loss.distr).toBe(1);
  expect(loss.middle).toBeCloseTo((loss.min + loss.max) / 2, 6);
  await page.locator('#chart-log').check();
  const log = await chart(page, 'loss-chart');
  expect(log.distr).toBe(3);
  expect(log.middle / Math.sqrt(log.min * log.max)).toBeCloseTo(1, 6);
  expect(seriesValues(log, 'train')).toEqual(train);
  // Against optimiser steps: one step per epoch here.
  await page.locator('#chart-x').selectOption('step');
  expect((await chart(page, 'loss-chart')).data[0]).toEqual(loss.data[0]);
});

test('marks the epoch early stopping reports', async ({ page }, testInfo) => {
  // Few noisy points and a wide network: it overfits, the validation loss turns up, and early
  // stopping ends the run `patience` evaluations after its lowest point.
  const [patience, minDelta] = [30, 0];
  const base = fullBatchScene({ batchSize: 60, earlyStopping: { patience } });
  const wide = base.model.layers.map((layer, i, all) =>
    i < all.length - 1 ? { ...layer, units: 32 } : layer,
  );
  const overfitting: Scene = {
    ...base,
    data: { name: 'circle', samples: 200, noise: 0.4, trainFraction: 0.3, validationFraction: 0.3 },
    model: { ...base.model, layers: wide },
    optimizer: { name: 'Adam', lr: 0.01 },
  };
  await open(page, `/${sceneHash(overfitting)}`);
  await expect(page.locator('#early-stop-note')).toContainText('patience 30');
  await choosePace(page);
  await page.locator('#play').click();
  await expect(page.locator('#early-stop-note')).toContainText('training stopped at epoch', {
    timeout: 60_000,
  });
  // Early stopping ends the run: the loop stops by itself and the status says so.
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'finished');

  const best = Number(await page.locator('#early-stop-note').getAttribute('data-best-epoch'));
  const loss = await chart(page, 'loss-chart', best);
  expect(loss.labels).toEqual(['epoch', 'train', 'validation', 'test']);
  // Replay the rule on the plotted validation losses: the best is the last one that beat the
  // best so far by more than minDelta, and the run stopped `patience` evaluations later.
  const epochs = loss.data[0] as number[];
  const validation = seriesValues(loss, 'validation');
  let expected = -1;
  let bestLoss = Infinity;
  validation.forEach((v, i) => {
    if (expected < 0 || v < bestLoss - minDelta) [expected, bestLoss] = [epochs[i]!, v];
  });
  expect(best).toBe(expected);
  expect(epochs.at(-1)).toBe(best + patience);
  await expect(page.locator('#early-stop-note')).toContainText(
    `stopped at epoch ${best + patience}; best epoch ${best}`,
  );
  // It stopped because the validation loss rose again.
  expect(validation.at(-1)!).toBeGreaterThan(bestLoss);
  // The dashed line stands at that epoch.
  expect(loss.darkAt).toBeGreaterThan(loss.darkElsewhere + 20);
  await shot(page.locator('.panel.charts'), testInfo, 'early-stopping.png');
});

test('a reset keeps the earlier run faint, until cleared', async ({ page }, testInfo) => {
  await open(page, `/${sceneHash(fullBatchScene())}`);
  await trainUntil(page, '#epoch', 30);
  const firstChart = await chart(page, 'loss-chart');
  const first = seriesValues(firstChart, 'train');
  const firstByEpoch = seriesByX(firstChart, 'train');
  await expect(page.locator('#chart-clear')).toBeDisabled();

  await page.locator('#reset').click();
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect
    .poll(async () => (await chart(page, 'loss-chart')).labels)
    .toEqual(['epoch', 'train', 'test', 'run 1 · train', 'run 1 · test']);
  await trainUntil(page, '#epoch', 10);
  const after = await chart(page, 'loss-chart');
  // The old run's numbers, drawn thinner and faint; the new run's its own.
  expect(seriesValues(after, 'run 1 · train')).toEqual(first);
  expect(after.strokes[3]).toMatch(/\/ 0\.3\)$/);
  expect(after.widths[3]).toBeLessThan(after.widths[1]!);
  expect(after.strokes[1]).toMatch(/\/ 1\)$/);
  expectEpochs(
    after.data[0]!.filter((_, j) => after.data[1]![j] !== null),
    await readNumber(page, '#epoch'),
  );
  // Same scene, same seed: the same curve again, epoch for epoch.
  const second = seriesByX(after, 'train');
  let common = 0;
  for (const [epoch, value] of second) {
    if (!firstByEpoch.has(epoch)) continue;
    expect(value, `epoch ${epoch}`).toBe(firstByEpoch.get(epoch));
    common++;
  }
  expect(common).toBeGreaterThan(5);
  await expect(page.locator('#earlier-runs-note')).toContainText('run 1');

  // A new scene: the current run joins the earlier ones too.
  await page.locator('#dataset-gallery [role="radio"][data-dataset="xor"]').click();
  await expect
    .poll(async () => (await chart(page, 'loss-chart')).labels.filter((l) => l.endsWith('train')))
    .toEqual(['train', 'run 2 · train', 'run 1 · train']);
  await trainUntil(page, '#epoch', 20);
  await shot(page.locator('.panel.charts'), testInfo, 'charts.png');

  await page.locator('#chart-clear').click();
  expect((await chart(page, 'loss-chart')).labels).toEqual(['epoch', 'train', 'test']);
  await expect(page.locator('#chart-clear')).toBeDisabled();
});

test('the confusion matrix counts the test set and matches the accuracy', async ({ page }) => {
  await open(page);
  await page.locator('#dataset-gallery [role="radio"][data-dataset="blobs"]').click();
  await page.locator('#classes').fill('4');
  await page.locator('#classes').press('Enter');
  await expect(page.locator('#step-count')).toHaveText('0');
  await expectEngine(page, 'paused');
  await trainUntil(page, '#epoch', 5);

  const view = page.locator('#confusion-view');
  await expect(view).toBeVisible();
  await view.locator('summary').click();
  const cells = view.locator('td[data-count]');
  await expect(cells).toHaveCount(16);
  const counts = await cells.evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(250); // 500 points, half for testing
  const diagonal = [0, 5, 10, 15].reduce((sum, i) => sum + counts[i]!, 0);
  expect(`${((diagonal / 250) * 100).toFixed(1)} %`).toBe(
    await page.locator('#test-accuracy').textContent(),
  );
  await expect(view.locator('thead th')).toHaveText([
    'actual \\ predicted',
    'class 0',
    'class 1',
    'class 2',
    'class 3',
    'correct',
  ]);
  // Shaded by the row's share: a row's diagonal holds most of it, so it is darkest.
  const shade = await view
    .locator('td.diagonal')
    .first()
    .evaluate((td) => getComputedStyle(td).backgroundColor);
  expect(shade).not.toBe('rgb(255, 255, 255)');
  // Training on: the matrix follows (computed while the view is open).
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  const later = await cells.evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
  const laterDiagonal = [0, 5, 10, 15].reduce((sum, i) => sum + later[i]!, 0);
  expect(`${((laterDiagonal / 250) * 100).toFixed(1)} %`).toBe(
    await page.locator('#test-accuracy').textContent(),
  );
});

test('the digits test images show the mistakes first', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await open(page);
  await page.locator('#dataset-gallery [role="radio"][data-dataset="real:digits"]').click();
  await expectEngine(page, 'paused');
  await expect(page.locator('#images-view')).toBeVisible({ timeout: 30_000 });
  await trainUntil(page, '#dataset-test-accuracy', 90);

  await page.locator('#images-view summary').click();
  await page.locator('#confusion-view summary').click();
  const figures = page.locator('#image-grid figure');
  await expect(figures).toHaveCount(48);
  // 1,797 images less 70 % for training and 10 % for validation.
  await expect(page.locator('#confusion-summary')).toHaveAttribute('data-total', '361');
  const mistakes = Number(await page.locator('#images-summary').getAttribute('data-mistakes'));
  const total = Number(await page.locator('#confusion-summary').getAttribute('data-total'));
  const correct = Number(await page.locator('#confusion-summary').getAttribute('data-correct'));
  expect(mistakes).toBe(total - correct);
  expect(mistakes).toBeGreaterThan(0);
  const shown = await figures.evaluateAll((list) =>
    list.map((f) => ({
      wrong: f.classList.contains('wrong'),
      predicted: Number((f as HTMLElement).dataset.predicted),
      actual: Number((f as HTMLElement).dataset.actual),
      caption: f.querySelector('figcaption')?.textContent ?? '',
    })),
  );
  const wrongFirst = Math.min(mistakes, 48);
  expect(shown.map((s) => s.wrong)).toEqual(Array.from({ length: 48 }, (_, i) => i < wrongFirst));
  for (const s of shown) {
    expect(s.wrong).toBe(s.predicted !== s.actual);
    expect(s.caption).toContain(String(s.predicted)); // digits are named "0" … "9"
    if (s.wrong) expect(s.caption).toContain(`true ${s.actual}`);
  }
  // Each image is 8×8 pixels, drawn as ink.
  const size = await figures
    .first()
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(size).toEqual([8, 8]);
  await shot(page.locator('#images-view'), testInfo, 'images.png');
  await shot(page.locator('#confusion-view'), testInfo, 'confusion.png');
});
