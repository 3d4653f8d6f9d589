// The network builder and live diagram, clicked in the real page: the scene in the URL and the
// engine's run follow every change.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { choosePace, ENGINE_ARCH } from './helpers.ts';
import { sceneHash } from './links.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface UrlScene {
  data: { name: string; features?: string[] };
  model: { inputs: number; layers: { units: number; activation: string; dropout?: number }[] };
  loss: { name: string };
}

/** The scene the URL holds now. */
async function urlScene(page: Page): Promise<UrlScene> {
  const hash = await page.evaluate(() => location.hash);
  const encoded = /scene=([^&]+)/.exec(hash)?.[1] ?? '';
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as UrlScene;
}

async function number(page: Page, selector: string): Promise<number> {
  const text = ((await page.locator(selector).textContent()) ?? '').replaceAll(',', '');
  return Number.parseFloat(text);
}

async function expectPaused(page: Page): Promise<void> {
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
}

async function open(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expectPaused(page);
}

/** Trains for `epochs` epochs at least, then pauses; returns the test accuracy (%). */
async function trainFor(page: Page, epochs: number): Promise<number> {
  await choosePace(page);
  await page.locator('#play').click();
  await expect
    .poll(() => number(page, '#epoch'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThanOrEqual(epochs);
  await page.locator('#play').click();
  await expectPaused(page);
  return number(page, '#test-accuracy');
}

const XOR = {
  format: 'nn-playground/scene@1',
  seed: 1,
  data: { name: 'xor', samples: 500, noise: 0, trainFraction: 0.5 },
  model: { inputs: 2, layers: [{ units: 1, activation: 'Sigmoid' }] },
  loss: { name: 'BCELoss' },
  optimizer: { name: 'SGD', lr: 0.1 },
  training: { batchSize: 10 },
};

failOnPageProblems(test);

test('a 0-hidden-layer network cannot learn XOR; built up to 2×8 Tanh by clicking, it can', async ({
  page,
}) => {
  await open(page, sceneHash(XOR));
  await expect(page.locator('#net-hidden-count')).toHaveText('0 hidden layers');
  expect(await trainFor(page, 40)).toBeLessThan(75);

  await page.getByRole('button', { name: 'Add a hidden layer' }).click();
  await page.getByRole('button', { name: 'Add a hidden layer' }).click();
  await expect(page.locator('#net-hidden-count')).toHaveText('2 hidden layers');
  for (const layer of [1, 2]) {
    const add = page.getByRole('button', { name: `Add a neuron to hidden layer ${layer}` });
    for (let i = 0; i < 4; i++) await add.click();
  }
  const scene = await urlScene(page);
  expect(scene.model.layers.map((l) => [l.units, l.activation])).toEqual([
    [8, 'Tanh'],
    [8, 'Tanh'],
    [1, 'Sigmoid'],
  ]);
  await expect(page.locator('#step-count')).toHaveText('0'); // a structural change restarts
  await expect(page.locator('.net-node[data-layer="2"]')).toHaveCount(8);
  await choosePace(page);
  await page.locator('#play').click();
  await expect
    .poll(() => number(page, '#test-accuracy'), { timeout: 60_000, intervals: [250] })
    .toBeGreaterThan(90);
  await page.locator('#play').click();
});

test('toggles a feature and changes an activation: the URL and the run follow', async ({
  page,
}) => {
  await open(page);
  const feature = page.locator('.net-input[data-feature="x1*x2"]');
  await expect(feature).toHaveAttribute('aria-pressed', 'false');
  await feature.click();
  await expect(feature).toHaveAttribute('aria-pressed', 'true');
  let scene = await urlScene(page);
  expect(scene.data.features).toEqual(['x1', 'x2', 'x1*x2']);
  expect(scene.model.inputs).toBe(3);
  await expect(page.locator('#architecture')).toContainText('3 inputs');
  // The last feature cannot be switched off.
  await page.locator('.net-input[data-feature="x1"]').click();
  await page.locator('.net-input[data-feature="x2"]').click();
  await page.locator('.net-input[data-feature="x1*x2"]').click();
  await expect(page.locator('.net-input[data-feature="x1*x2"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect((await urlScene(page)).data.features).toEqual(['x1*x2']);

  await page.getByRole('combobox', { name: 'Activation of hidden layer 1' }).selectOption('ReLU');
  scene = await urlScene(page);
  expect(scene.model.layers[0]?.activation).toBe('ReLU');
  await expect(page.locator('#architecture')).toContainText('ReLU');
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  await expect(page.locator('#error')).toBeHidden();
});

test('hovers an edge, reads its weight, edits it and the engine uses it', async ({ page }) => {
  await open(page);
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  const edge = page.locator('.net-edge-hit[data-param="4.weight"][data-index="2"]');
  await edge.hover({ force: true });
  const tip = page.locator('#network-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/Weight from hidden 2 · neuron 3 to the output: -?\d/);
  await expect(tip).toContainText('gradient');

  // Keyboard: focus the output neuron, open it, choose the same weight from its incoming list.
  const output = page.locator('.net-node.net-output');
  await output.focus();
  await expect(tip).toContainText('Bias of the output');
  await output.press('Enter');
  const weight = page.locator('.net-weight[data-param="4.weight"][data-index="2"]');
  await weight.press('Enter');
  const input = page.getByRole('spinbutton', { name: /New value for weight from hidden 2/ });
  await expect(input).toBeFocused();
  const lossBefore = await number(page, '#train-loss');
  await input.fill('4.5');
  await input.press('Enter');
  await expect(page.locator('.net-readout')).toContainText(': 4.5 · gradient');
  await expect.poll(() => number(page, '#train-loss')).not.toBe(lossBefore);
  // After a step the weight has moved on from 4.5 by −lr·gradient: the engine trains with it.
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('2');
  // Clicking Step scrolled the diagram away, and snapshots carry its data only while it is on
  // screen: back in view, it asks for them again.
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await expect(page.locator('.net-readout')).toContainText(/: 4\.\d+ · gradient/);
  await expect(page.locator('.net-readout')).not.toContainText(': 4.5 ·');
});

test('warns about a double softmax, explains a refused BCELoss on logits, dropout is live', async ({
  page,
}) => {
  await open(page, '#');
  await page.locator('#dataset-gallery [role="radio"][data-dataset="blobs"]').click();
  await expectPaused(page);
  await expect(page.locator('#network-advice')).toBeHidden();
  await page.getByLabel('Expert: choose the output activation').check();
  await page.getByRole('combobox', { name: 'Output activation' }).selectOption('Softmax');
  await expect(page.locator('#network-advice')).toContainText('double softmax');
  expect((await urlScene(page)).model.layers.at(-1)?.activation).toBe('Softmax');
  await expect(page.locator('#error')).toBeHidden(); // accepted, only warned about

  await page.locator('#dataset-gallery [role="radio"][data-dataset="circle"]').click();
  await expectPaused(page);
  await page.getByLabel('Expert: choose the output activation').check();
  await page.getByRole('combobox', { name: 'Output activation' }).selectOption('Identity');
  await expect(page.locator('#error')).toContainText('BCELoss');
  await expect(page.locator('#network-advice')).toContainText('BCEWithLogitsLoss');
  expect((await urlScene(page)).model.layers.at(-1)?.activation).toBe('Sigmoid'); // refused
  await expect(page.getByRole('combobox', { name: 'Output activation' })).toHaveValue('Sigmoid');

  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  const dropout = page.getByRole('spinbutton', { name: 'Dropout p after hidden layer 1' });
  await dropout.fill('0.3');
  await dropout.press('Enter');
  await expect.poll(async () => (await urlScene(page)).model.layers[0]?.dropout).toBe(0.3);
  await expect(page.locator('#step-count')).toHaveText('1'); // live: the run goes on
});

/** XOR on x1, x2, x1·x2 through 6 Tanh, then `units` of `activation`, then 1 Sigmoid. */
function xorWithSecondLayer(units: number, activation: string) {
  return {
    ...XOR,
    data: { ...XOR.data, features: ['x1', 'x2', 'x1*x2'] },
    model: {
      inputs: 3,
      layers: [
        { units: 6, activation: 'Tanh' },
        { units, activation },
        { units: 1, activation: 'Sigmoid' },
      ],
    },
  };
}

test('draws 16 of 128 neurons and summarises the rest; a screenshot while training', async ({
  page,
}, testInfo) => {
  await open(page, sceneHash(xorWithSecondLayer(128, 'ReLU')));
  await expect(page.locator('.net-node[data-layer="2"]')).toHaveCount(16);
  await expect(page.locator('.net-more')).toHaveText('+112 more');
  await page.getByRole('button', { name: 'Remove a neuron from hidden layer 2' }).click();
  await expect(page.locator('.net-more')).toHaveText('+111 more');
  await open(page, sceneHash(xorWithSecondLayer(4, 'Tanh')));
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await page.locator('#play').click();
  await expect.poll(() => number(page, '#epoch'), { timeout: 60_000 }).toBeGreaterThan(30);
  // The thumbnails hold the maps: both signs' colours appear in the hidden units' canvases.
  const colours = await page.locator('.net-node[data-layer="1"] canvas').evaluateAll((canvases) =>
    canvases.map((c) => {
      const { data } = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 20, 20);
      let orange = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i] ?? 0) - (data[i + 2] ?? 0) > 40) orange++;
        if ((data[i + 2] ?? 0) - (data[i] ?? 0) > 40) blue++;
      }
      return { orange, blue };
    }),
  );
  expect(colours.some((c) => c.orange > 20 && c.blue > 20)).toBe(true);
  await page.locator('.net-node.net-output').click();
  await expect(page.locator('.net-weight')).toHaveCount(4);
  await page.locator('.net-edge-hit[data-param="2.weight"][data-index="0"]').hover({ force: true });
  const shot = testInfo.outputPath('network.png');
  await page.locator('.panel.network').screenshot({ path: shot });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, 'network.png'));
  }
  await page.locator('#play').click();
});

test('draws data without a plane without maps but with its weights: a curve and digits', async ({
  page,
}) => {
  await open(page);
  await page.locator('#dataset-gallery [role="radio"][data-dataset="sine"]').click();
  await expectPaused(page);
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await expect(page.locator('.net-input')).toHaveCount(1);
  await expect(page.locator('.net-node.net-nomap').first()).toBeVisible();
  await page.locator('.net-edge-hit[data-param="0.weight"][data-index="0"]').hover({ force: true });
  await expect(page.locator('#network-tip')).toContainText(
    /Weight from x to hidden 1 · neuron \d+: -?\d/,
  );

  await page.locator('#dataset-gallery [role="radio"][data-dataset="real:digits"]').click();
  await expectPaused(page);
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await expect(page.locator('.net-input')).toHaveCount(16);
  await expect(page.locator('.net-more').first()).toHaveText('+48 more');
  await expect(page.locator('.net-node.net-output')).toHaveCount(10);
  await page.locator('.net-node.net-output').first().hover();
  await expect(page.locator('#network-tip')).toContainText(/Bias of output 1: -?\d/);
});

test('the network panel has no axe violations, with the inspector and advice open', async ({
  page,
}) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await open(page);
  await page.getByLabel('Expert: choose the output activation').check();
  await page.getByRole('combobox', { name: 'Output activation' }).selectOption('Identity');
  await expect(page.locator('#network-advice')).toBeVisible();
  await page.locator('#step').click();
  await page.locator('#network-diagram').scrollIntoViewIfNeeded();
  await page.locator('.net-node.net-output').click();
  await expect(page.locator('.net-weight').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.panel.network').analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
});

test('hovering a neuron shows its map large in the main plot', async ({ page }) => {
  await open(page);
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  const plot = () =>
    page.locator('#boundary').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += (data[i] ?? 0) - (data[i + 2] ?? 0);
      return sum; // orange minus blue over the canvas
    });
  const before = await plot();
  await page.locator('.net-input[data-feature="x1"]').hover();
  // x1 grows to the right: the plot turns orange on the left and blue on the right.
  await expect.poll(plot).not.toBe(before);
  const halves = await page.locator('#boundary').evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    const side = (x0: number, x1: number) => {
      let blue = 0;
      for (let y = 0; y < c.height; y += 4)
        for (let x = x0; x < x1; x += 4) {
          const i = (y * c.width + x) * 4;
          blue += (data[i + 2] ?? 0) - (data[i] ?? 0);
        }
      return blue;
    };
    return { left: side(60, c.width / 2), right: side(c.width / 2, c.width - 20) };
  });
  expect(halves.right).toBeGreaterThan(halves.left);
  await page.locator('h1').hover();
  await expect.poll(plot).toBe(before);
});
