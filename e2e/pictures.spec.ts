// Pictures and data for reports (issue 14): every Download menu's files, checked as the files a
// lecturer would open — SVGs parsed, PNGs decoded at their size and compared with the page's own
// drawing, CSVs with the documented columns and the numbers the page shows.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { defaultScene, type Scene } from '../web/src/scene/index.ts';
import type { HolderElement } from '../web/src/render/uplot-chart.ts';
import { historyColumns } from '../web/src/export/csv/history-csv.ts';
import { SPLITS } from '../web/src/render/history.ts';
import { CONFUSION_CORNER } from '../web/src/export/csv/confusion-csv.ts';
import { openPaused, readNumber } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';

function sceneHash(scene: unknown): string {
  return `/#scene=${Buffer.from(JSON.stringify(scene)).toString('base64url')}`;
}

/** Opens `menu` (its summary), clicks the button for `file`, and returns the download's name
 *  and bytes. */
async function download(page: Page, menu: string, file: string) {
  const details = page.locator(`#${menu}`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').click();
  }
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    details.locator(`[data-file="${file}"]`).click(),
  ]);
  const bytes = await readFile(await saved.path());
  await expect(details.locator('.download-status')).toHaveText(`Saved ${file}.`);
  await details.locator('summary').click(); // closes it again
  return { name: saved.suggestedFilename(), bytes };
}

/** The rows of a CSV without quoted cells (what these files hold), the header first. */
function csvRows(text: string): string[][] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => line.split(','));
}

/** Counts of elements per selector in an SVG parsed by the page, and its root's name and size
 *  (null if it does not parse). */
async function parseSvg(page: Page, text: string, selectors: string[]) {
  return page.evaluate(
    ({ text, selectors }) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      if (doc.querySelector('parsererror')) return null;
      return {
        root: root.localName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        counts: selectors.map((s) => root.querySelectorAll(s).length),
      };
    },
    { text, selectors },
  );
}

/** A PNG decoded by the page: its size, and (with `compare`) the mean difference per channel
 *  (0 … 255) between it, scaled down to the element's CSS size, and that canvas's pixels. */
async function decodePng(page: Page, bytes: Buffer, compare?: string) {
  return page.evaluate(
    async ({ base64, compare }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const size = { width: img.naturalWidth, height: img.naturalHeight, difference: NaN };
      if (!compare) return size;
      const source = document.querySelector<HTMLCanvasElement>(compare)!;
      const { width, height } = source;
      const scratch = document.createElement('canvas');
      scratch.width = width;
      scratch.height = height;
      const ctx = scratch.getContext('2d')!;
      ctx.fillStyle = '#ffffff'; // the page's panel under the canvas
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(source, 0, 0);
      const page = ctx.getImageData(0, 0, width, height).data;
      ctx.drawImage(img, 0, 0, width, height);
      const picture = ctx.getImageData(0, 0, width, height).data;
      let sum = 0;
      for (let i = 0; i < page.length; i++) sum += Math.abs(page[i]! - picture[i]!);
      return { ...size, difference: sum / page.length };
    },
    { base64: bytes.toString('base64'), compare },
  );
}

/** The default scene (circle: 250 training and 250 test points, one Sigmoid output), trained
 *  for a few full-batch epochs. */
const scene: Scene = (() => {
  const base = defaultScene();
  return { ...base, training: { ...base.training, batchSize: 250 } };
})();

/** A generated dataset's size and split (the scenes here all have one). */
function split(s: Scene): { samples: number; train: number; test: number } {
  const data = s.data as { samples: number; trainFraction: number; validationFraction?: number };
  const train = data.samples * data.trainFraction;
  const test = data.samples * (1 - data.trainFraction - (data.validationFraction ?? 0));
  return { samples: data.samples, train, test };
}

async function trained(page: Page, epochs = 8): Promise<void> {
  await openPaused(page, sceneHash(scene));
  for (let i = 0; i < epochs; i++) await page.locator('#step-epoch').click();
  await expect(page.locator('#epoch')).toHaveText(String(epochs));
}

failOnPageProblems(test);

test('the plot downloads as SVG (a circle per point) and PNG (the page at twice its pixels)', async ({
  page,
}) => {
  await trained(page);
  const svg = await download(page, 'plot-download', 'decision-boundary.svg');
  expect(svg.name).toBe('nn-playground-decision-boundary.svg');
  const side = await page.locator('#boundary').evaluate((c) => c.clientWidth);
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'), [
    'g.train-points circle',
    'g.test-points circle',
    'image',
    'text',
  ]);
  expect(parsed).not.toBeNull();
  const [train, test, images, texts] = parsed!.counts;
  expect(parsed!.root).toBe('svg');
  expect([parsed!.width, parsed!.height]).toEqual([side, side]);
  // The circle scene: samples × trainFraction points train, the rest test.
  expect(train).toBe(split(scene).train);
  expect(train! + test!).toBe(split(scene).samples);
  expect(images).toBe(1); // the heatmap, embedded
  expect(texts).toBe(14); // the tick labels −6 … 6 on both axes

  const png = await download(page, 'plot-download', 'decision-boundary.png');
  expect(png.name).toBe('nn-playground-decision-boundary.png');
  const decoded = await decodePng(page, png.bytes, '#boundary');
  expect([decoded.width, decoded.height]).toEqual([2 * side, 2 * side]);
  // The same drawing as the page's canvas (scaled back down): anti-aliasing differs a little.
  expect(decoded.difference).toBeLessThan(4);
});

test('the test-set predictions CSV has the documented columns and the page’s accuracy', async ({
  page,
}) => {
  await trained(page);
  const csv = await download(page, 'plot-download', 'test-predictions.csv');
  const [header, ...rows] = csvRows(csv.bytes.toString('utf8'));
  expect(header).toEqual(['x1', 'x2', 'label', 'prediction', 'probability']);
  expect(rows).toHaveLength(split(scene).test);
  for (const row of rows) {
    const [x1, x2, label, prediction, probability] = row.map(Number);
    expect(Math.abs(x1!) <= 6 && Math.abs(x2!) <= 6).toBe(true);
    expect([0, 1]).toContain(label);
    expect([0, 1]).toContain(prediction);
    expect(probability).toBeGreaterThanOrEqual(0.5);
    expect(probability).toBeLessThanOrEqual(1);
  }
  const correct = rows.filter((r) => r[2] === r[3]).length;
  const shown = await readNumber(page, '#test-accuracy');
  expect((100 * correct) / rows.length).toBeCloseTo(shown, 1);

  // The confusion matrix the page shows is the tally of these predictions.
  await page.locator('#confusion-view > summary').click();
  await expect(page.locator('#confusion-summary')).toHaveAttribute(
    'data-total',
    String(rows.length),
  );
  const confusion = await download(page, 'charts-download', 'confusion-matrix.csv');
  const [head, ...matrix] = csvRows(confusion.bytes.toString('utf8'));
  expect(head).toEqual([CONFUSION_CORNER, 'class 0', 'class 1']);
  const cells = await page.locator('#confusion-table td[data-count]').allTextContents();
  expect(matrix.map((r) => r.slice(1)).flat()).toEqual(cells);
  matrix.forEach((r, actual) => {
    expect(r[0]).toBe(`class ${actual}`);
    r.slice(1).forEach((count, predicted) => {
      const tally = rows.filter((p) => p[2] === String(actual) && p[3] === String(predicted));
      expect(Number(count)).toBe(tally.length);
    });
  });
});

test('the network diagram downloads as SVG (its edges and maps) and PNG', async ({ page }) => {
  await trained(page, 2);
  // The worker sends the neurons' maps while the diagram is on screen.
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      page
        .locator('#network-diagram .net-node:not(.net-nomap) canvas')
        .evaluateAll(
          (all) => all.length > 0 && all.every((c) => (c as HTMLCanvasElement).width > 1),
        ),
    )
    .toBe(true);
  const edges = await page.locator('#network-diagram .net-edge').count();
  const maps = await page.locator('#network-diagram .net-node:not(.net-nomap)').count();
  const size = await page
    .locator('.net-surface')
    .evaluate((s) => [(s as HTMLElement).offsetWidth, (s as HTMLElement).offsetHeight]);
  const svg = await download(page, 'network-download', 'network.svg');
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'), [
    'g.edges path',
    'g.neurons image',
  ]);
  expect(parsed).not.toBeNull();
  expect(parsed!.counts).toEqual([edges, maps]);
  expect([parsed!.width, parsed!.height]).toEqual(size);
  const png = await download(page, 'network-download', 'network.png');
  const decoded = await decodePng(page, png.bytes);
  expect([decoded.width, decoded.height]).toEqual(size.map((n) => 2 * n));
});

test('each chart downloads as SVG and PNG, and the history as CSV with the charted numbers', async ({
  page,
}) => {
  const epochs = 6;
  await trained(page, epochs);
  const charts = [
    ['loss', '#loss-chart'],
    ['accuracy', '#accuracy-chart'],
    ['rates', '#rates-chart'],
  ] as const;
  for (const [name, holder] of charts) {
    await page.locator(holder).scrollIntoViewIfNeeded();
    // uPlot loads after the engine's first frame (issue 13's first load): wait for the chart.
    await page.waitForFunction(
      (selector) => document.querySelector<HolderElement>(selector)?.uplot !== undefined,
      holder,
    );
    const chart = await page.locator(holder).evaluate((h: HolderElement) => ({
      width: h.uplot!.width,
      height: h.uplot!.height,
      series: h.uplot!.series.filter((s, i) => i > 0 && s.show !== false).length,
    }));
    const svg = await download(page, 'charts-download', `${name}-chart.svg`);
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'), ['g.series path', 'text']);
    expect(parsed, name).not.toBeNull();
    expect(parsed!.counts[0], name).toBe(chart.series);
    expect(parsed!.counts[1], name).toBeGreaterThan(5); // title, tick labels, axis labels, legend
    expect(parsed!.width).toBe(chart.width);
    const png = await download(page, 'charts-download', `${name}-chart.png`);
    const decoded = await decodePng(page, png.bytes);
    expect([decoded.width, decoded.height]).toEqual([2 * parsed!.width, 2 * parsed!.height]);
  }

  const csv = await download(page, 'charts-download', 'metrics-history.csv');
  const [header = [], ...rows] = csvRows(csv.bytes.toString('utf8'));
  expect(header).toEqual(historyColumns(SPLITS));
  expect(rows).toHaveLength(epochs);
  const drawn = await page
    .locator('#loss-chart')
    .evaluate((h: HolderElement) => h.uplot!.data.map((column) => [...column]));
  const column = (name: string) => rows.map((r) => r[header.indexOf(name)]!);
  expect(column('epoch').map(Number)).toEqual(drawn[0]);
  // Every bit of the float32 the chart draws: train then test loss (no validation set).
  expect(column('train_loss').map((v) => Math.fround(Number(v)))).toEqual(
    drawn[1]!.map((v) => Math.fround(v!)),
  );
  expect(column('test_loss').map((v) => Math.fround(Number(v)))).toEqual(
    drawn[2]!.map((v) => Math.fround(v!)),
  );
  expect(column('validation_loss').every((v) => v === '')).toBe(true);
  const lastTestAccuracy = Number(column('test_accuracy').at(-1));
  expect(100 * lastTestAccuracy).toBeCloseTo(await readNumber(page, '#test-accuracy'), 1);
});

test('a regression’s predictions have no probability column', async ({ page }) => {
  const sine = JSON.parse(
    await readFile(new URL('../docs/scenes/sine-early-stopping.json', import.meta.url), 'utf8'),
  ) as Scene;
  await openPaused(page, sceneHash(sine));
  await page.locator('#step-epoch').click();
  const csv = await download(page, 'plot-download', 'test-predictions.csv');
  const [header, ...rows] = csvRows(csv.bytes.toString('utf8'));
  expect(header).toEqual(['x1', 'label', 'prediction']);
  const { test } = split(sine);
  expect(rows).toHaveLength(test);
  // The 1-D plot's points are drawn as circles too: its SVG has every split's.
  const svg = await download(page, 'plot-download', 'decision-boundary.svg');
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'), ['g.test-points circle', 'path']);
  expect(parsed!.counts[0]).toBe(test);
  expect(parsed!.counts[1]).toBeGreaterThan(0); // the curve, the validation squares
});

test('the menus work from the keyboard and a link can hide them', async ({ page }) => {
  await trained(page, 1);
  const summary = page.locator('#plot-download summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#plot-download')).toHaveAttribute('open', '');
  // The menu's contents load as it first opens.
  await expect(page.locator('#plot-download [data-file]')).toHaveCount(3);
  await page.keyboard.press('Tab');
  await expect(page.locator('#plot-download [data-file="decision-boundary.png"]')).toBeFocused();
  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(saved.suggestedFilename()).toBe('nn-playground-decision-boundary.png');
  await page.keyboard.press('Escape');
  await expect(page.locator('#plot-download')).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();

  await openPaused(page, `${sceneHash(scene)}&hide=download`);
  for (const menu of ['plot-download', 'network-download', 'charts-download']) {
    await expect(page.locator(`#${menu}`)).toBeHidden();
  }
});
