// The training controls end to end: each control group clicked or typed in the real page, and
// checked to have reached the engine — the scene in the URL holds it and the run shows it.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(ROOT, 'docs/screenshots/');

/** The fields of the URL's scene these tests read into; every value is asserted, not trusted. */
interface UrlScene {
  model: { layers: unknown[] };
  optimizer: { lr: number };
  training: Record<string, unknown>;
  [field: string]: unknown;
}

/** The scene the page's URL holds (#scene= + base64url of its JSON). */
async function urlScene(page: Page): Promise<UrlScene> {
  const hash = await page.evaluate(() => location.hash);
  const encoded = new URLSearchParams(hash.slice(1)).get('scene') ?? '';
  return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as UrlScene;
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
  // A representative set-up: Adam with a schedule, early stopping on, a refused value, and the
  // keyboard on lr showing its explanation.
  await page.locator('#tc-optimizer').selectOption('Adam');
  await page.locator('#tc-scheduler').selectOption('StepLR');
  await type(page, 'patience', '20');
  await type(page, 'batchSize', '0');
  await expect(page.locator('#tc-batchSize-error')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.locator('#tc-learningRate').focus();
  await expect(page.locator('#tc-learningRate-hint')).toBeVisible();
  const shot = testInfo.outputPath('controls.png');
  await page.locator('#training-controls').screenshot({ path: shot });
  await page.locator('section.train').screenshot({ path: testInfo.outputPath('run-controls.png') });
  await page.screenshot({ path: testInfo.outputPath('page.png'), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, 'controls.png'));
  }
});

/** Clicks Epoch `n` times, each time waiting for the epoch counter to move on by one. */
async function stepEpochs(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const epoch = await readCount(page, '#epoch');
    await page.locator('#step-epoch').click();
    await expect(page.locator('#epoch')).toHaveText((epoch + 1).toLocaleString('en-US'));
  }
}

/** Waits for a new run (after a change that restarts) to be loaded and shown. */
async function expectFreshRun(page: Page): Promise<void> {
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
}

const testLoss = (page: Page) => page.locator('#test-loss').textContent();

test('loss: the choices follow the task, and BCEWithLogitsLoss switches the output to Identity', async ({
  page,
}) => {
  await open(page);
  const loss = page.locator('#tc-loss');
  await expect(loss.locator('option')).toHaveText([
    'BCELoss',
    'BCEWithLogitsLoss',
    'CrossEntropyLoss',
    'NLLLoss',
    'MultiMarginLoss',
  ]);
  const bce = await testLoss(page);
  await loss.selectOption('BCEWithLogitsLoss');
  await expect(page.locator('#tc-status')).toContainText('Output layer changed to Identity');
  const scene = await urlScene(page);
  expect(scene.loss).toEqual({ name: 'BCEWithLogitsLoss' });
  expect(scene.model.layers.at(-1)).toEqual({ units: 1, activation: 'Identity' });
  // The same weights: sigmoid inside the loss gives BCELoss-on-Sigmoid's loss exactly.
  await expectFreshRun(page);
  expect(await testLoss(page)).toBe(bce);

  await loss.selectOption('CrossEntropyLoss');
  await expect(page.locator('#tc-status')).toContainText('2 units');
  expect((await urlScene(page)).model.layers.at(-1)).toEqual({ units: 2, activation: 'Identity' });
  await expect(page.locator('[data-control="labelSmoothing"]')).toBeVisible();
  await stepEpochs(page, 2);
  const plain = await testLoss(page);
  await type(page, 'labelSmoothing', '0.2');
  expect((await urlScene(page)).loss).toEqual({ name: 'CrossEntropyLoss', label_smoothing: 0.2 });
  await expectFreshRun(page);
  await stepEpochs(page, 2);
  expect(await testLoss(page)).not.toBe(plain);

  // A regression offers the regression losses only; HuberLoss shows its delta.
  await page.locator('#dataset-gallery [role="radio"][data-dataset="plane"]').click();
  await expect(loss.locator('option')).toHaveText(['MSELoss', 'L1Loss', 'HuberLoss']);
  await loss.selectOption('HuberLoss');
  await expect(page.locator('[data-control="delta"]')).toBeVisible();
  await type(page, 'delta', '0.5');
  expect((await urlScene(page)).loss).toEqual({ name: 'HuberLoss', delta: 0.5 });
  await expect(page.locator('#tc-loss-about')).toContainText('Squared below delta');
});

test('optimiser: switching SGD → Adam shows its hyper-parameters and changes the run', async ({
  page,
}) => {
  await open(page);
  await expect(page.locator('[data-control="momentum"]')).toBeVisible();
  await expect(page.locator('[data-control="beta1"]')).toBeHidden();
  await stepEpochs(page, 3);
  const sgd = await testLoss(page);
  await page.locator('#tc-optimizer').selectOption('Adam');
  expect((await urlScene(page)).optimizer).toEqual({ name: 'Adam', lr: 0.1 });
  await expectFreshRun(page);
  await expect(page.locator('[data-control="momentum"]')).toBeHidden();
  await expect(page.locator('[data-control="beta1"]')).toBeVisible();
  await expect(page.locator('[data-control="amsgrad"]')).toBeVisible();
  await expect(page.locator('#tc-decay-note')).toContainText('Adam’s weight_decay is L2');
  await stepEpochs(page, 3);
  const adam = await testLoss(page);
  expect(adam).not.toBe(sgd);

  await type(page, 'beta2', '0.99');
  expect((await urlScene(page)).optimizer).toEqual({ name: 'Adam', lr: 0.1, betas: [0.9, 0.99] });
  await page.locator('#tc-optimizer').selectOption('AdamW');
  await expect(page.locator('#tc-decay-note')).toContainText('decoupled');
  await expect(page.locator('#tc-weightDecay')).toHaveAttribute('placeholder', '0.01');
  await page.locator('#tc-optimizer').selectOption('RMSprop');
  await expect(page.locator('[data-control="centered"]')).toBeVisible();
  await page.locator('#tc-centered').check();
  expect((await urlScene(page)).optimizer).toEqual({ name: 'RMSprop', lr: 0.1, centered: true });
  await page.locator('#tc-optimizer').selectOption('Adagrad');
  await expect(page.locator('#tc-eps')).toHaveAttribute('placeholder', '1e-10');
  await type(page, 'lrDecay', '0.01');
  expect((await urlScene(page)).optimizer).toEqual({ name: 'Adagrad', lr: 0.1, lr_decay: 0.01 });
});

test('a bad value is refused with the validator’s message and the run goes on', async ({
  page,
}) => {
  await open(page);
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await type(page, 'learningRate', '-1');
  await expect(page.locator('#tc-learningRate-error')).toContainText(
    'scene.optimizer.lr: expected a number in [0.000001, 10], got -1',
  );
  await expect(page.locator('#tc-learningRate')).toHaveAttribute('aria-invalid', 'true');
  expect((await urlScene(page)).optimizer.lr).toBe(0.1);
  const steps = await readCount(page, '#step-count');
  await expect.poll(() => readCount(page, '#step-count')).toBeGreaterThan(steps);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');

  await type(page, 'batchSize', '251');
  await expect(page.locator('#tc-batchSize-error')).toContainText(
    'scene.training.batchSize: expected an integer in [1, 250]',
  );
  await type(page, 'momentum', 'fast');
  await expect(page.locator('#tc-momentum-error')).toContainText(
    'scene.optimizer.momentum: expected a number, got "fast"',
  );
  expect((await urlScene(page)).training.batchSize).toBe(10);
});

test('a huge learning rate diverges with the engine’s message', async ({ page }) => {
  await open(page);
  await page.locator('#dataset-gallery [role="radio"][data-dataset="plane"]').click();
  await expectFreshRun(page);
  await page.locator('#tc-lr-preset').selectOption('10');
  expect((await urlScene(page)).optimizer.lr).toBe(10);
  await page.locator('#play').click();
  await expect(page.locator('#error')).toContainText(/diverged at step \d+/);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
});

test('lr, l1 and weight_decay change the running network; others restart it', async ({ page }) => {
  await open(page);
  await stepEpochs(page, 2);
  await expect(page.locator('#step-count')).toHaveText('50');
  await page.locator('#tc-lr-preset').selectOption('0.03');
  await expect(page.locator('#tc-status')).toHaveText('lr changed in the running network.');
  expect((await urlScene(page)).optimizer.lr).toBe(0.03);
  await type(page, 'l1', '0.001');
  await type(page, 'weightDecay', '0.0001');
  const scene = await urlScene(page);
  expect(scene.l1).toBe(0.001);
  expect(scene.optimizer).toEqual({ name: 'SGD', lr: 0.03, weight_decay: 0.0001 });
  await expect(page.locator('#tc-status')).toContainText('running network');
  // The weights and counters carried on: one more epoch continues from step 50.
  await stepEpochs(page, 1);
  await expect(page.locator('#step-count')).toHaveText('75');
  const live = await testLoss(page);
  // The same settings from the start give another loss at epoch 3: the change was mid-run.
  await page.locator('#reset').click();
  await expectFreshRun(page);
  await stepEpochs(page, 3);
  expect(await testLoss(page)).not.toBe(live);

  await type(page, 'momentum', '0.9');
  await expect(page.locator('#tc-status')).toContainText('a new run from the seed, paused');
  await expectFreshRun(page);
});

test('Epoch trains exactly one epoch of ⌈train / batch⌉ steps', async ({ page }) => {
  await open(page);
  await stepEpochs(page, 1);
  await expect(page.locator('#step-count')).toHaveText('25'); // 250 training points, batch 10
  await expect(page.locator('#samples-seen')).toHaveText('250');
  await type(page, 'batchSize', '7');
  expect((await urlScene(page)).training.batchSize).toBe(7);
  await expectFreshRun(page);
  await expect(page.locator('#tc-batch-note')).toContainText('One epoch = 36 steps of 7');
  await stepEpochs(page, 2);
  await expect(page.locator('#step-count')).toHaveText('72'); // ⌈250 / 7⌉ = 36 per epoch
  await expect(page.locator('#samples-seen')).toHaveText('500');
  await page.locator('#tc-dropLast').check();
  expect((await urlScene(page)).training.dropLast).toBe(true);
  await expectFreshRun(page);
  await stepEpochs(page, 1);
  await expect(page.locator('#step-count')).toHaveText('35'); // ⌊250 / 7⌋ with drop_last
  await expect(page.locator('#samples-seen')).toHaveText('245');
});

test('Reseed draws a new seed (shown, reproducible); Reset keeps it', async ({ page }) => {
  await open(page);
  await expect(page.locator('#seed')).toHaveValue('1');
  const first = await testLoss(page);
  const firstPoints = await page.locator('#boundary').screenshot();
  await page.locator('#reseed').click();
  await expect(page.locator('#seed')).not.toHaveValue('1');
  const seed = Number(await page.locator('#seed').inputValue());
  expect((await urlScene(page)).seed).toBe(seed);
  await expectFreshRun(page);
  await expect.poll(() => testLoss(page)).not.toBe(first);
  const reseeded = await testLoss(page);
  expect(await page.locator('#boundary').screenshot()).not.toEqual(firstPoints);

  await stepEpochs(page, 2);
  await page.locator('#reset').click();
  await expectFreshRun(page);
  expect(await testLoss(page)).toBe(reseeded);
  expect((await urlScene(page)).seed).toBe(seed);

  // Typing the first seed back reproduces the first run.
  await page.locator('#seed').fill('1');
  await page.locator('#seed').press('Enter');
  await expect.poll(() => testLoss(page)).toBe(first);
  await page.locator('#seed').fill('-3');
  await page.locator('#seed').press('Enter');
  await expect(page.locator('#error')).toContainText('scene.seed: expected an integer');
  expect((await urlScene(page)).seed).toBe(1);
});

test('keyboard shortcuts: S, E, R, N and [ ] — not while typing in a field', async ({ page }) => {
  await open(page);
  await page.locator('h1').click();
  await page.keyboard.press('s');
  await expect(page.locator('#step-count')).toHaveText('1');
  await page.keyboard.press('e');
  await expect(page.locator('#step-count')).toHaveText('25'); // to the end of epoch 1
  await expect(page.locator('#epoch')).toHaveText('1');
  await page.keyboard.press('r');
  await expectFreshRun(page);
  await page.keyboard.press('n');
  await expect(page.locator('#seed')).not.toHaveValue('1');
  await expect(page.locator('#speed-value')).toHaveText('1 epoch / frame');
  await page.keyboard.press('[');
  await expect(page.locator('#speed-value')).toHaveText('20 epochs/s');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(page.locator('#speed-value')).toHaveText('as fast as it goes');

  await page.locator('#tc-learningRate').fill('0.05s');
  await page.locator('#tc-learningRate').press('s');
  await page.locator('#tc-learningRate').press('e');
  await expect(page.locator('#step-count')).toHaveText('0');
  await expect(page.locator('#epoch')).toHaveText('0');
});

// Behaviour, not a benchmark: the default pace shows training epoch by epoch (TensorFlow
// Playground's one per frame, 60 a second), where "as fast as it goes" would be past 1,000 epochs
// within the second; the band allows for a loaded machine and the clicks' own delay.
test('plays at a classroom pace by default: about one epoch per frame', async ({ page }) => {
  await open(page);
  await expect(page.locator('#speed-value')).toHaveText('1 epoch / frame');
  await expect(page.locator('#speed')).toHaveAttribute('aria-valuetext', '1 epoch / frame');
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await page.waitForTimeout(1000);
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
  const epochs = await readCount(page, '#epoch');
  expect(epochs).toBeGreaterThanOrEqual(20);
  expect(epochs).toBeLessThanOrEqual(120);
  // "As fast as it goes" is one notch up.
  await page.locator('h1').click();
  await page.keyboard.press(']');
  await expect(page.locator('#speed-value')).toHaveText('as fast as it goes');
});

test('a slow pace trains about one batch per second; the fastest runs free', async ({ page }) => {
  await open(page);
  await page.locator('h1').click();
  for (let i = 0; i < 8; i++) await page.keyboard.press('[');
  await expect(page.locator('#speed-value')).toHaveText('1 step/s');
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await page.waitForTimeout(3500);
  const steps = await readCount(page, '#step-count');
  // Loose bounds: the page's clock and the worker's are not in step.
  expect(steps).toBeGreaterThanOrEqual(2);
  expect(steps).toBeLessThanOrEqual(6);
  await page.locator('#speed').fill('7');
  await expect(page.locator('#speed-value')).toHaveText('as fast as it goes');
  await expect.poll(() => readCount(page, '#step-count')).toBeGreaterThan(1000);
});

test('schedule, initialisation, clipping, augmentation, early stopping, ensembles reach the run', async ({
  page,
}) => {
  await open(page);
  // zeros: every output is Sigmoid(0) = 0.5, so the loss is ln 2 whatever the point.
  await page.locator('#tc-init').selectOption('zeros');
  expect((await urlScene(page)).init).toEqual({ weight: 'zeros' });
  await expect(page.locator('#tc-init-note')).toContainText('Symmetry problem');
  await expectFreshRun(page);
  await expect(page.locator('#test-loss')).toHaveText('0.693');
  await page.locator('#tc-init').selectOption('xavier_uniform');
  await type(page, 'initBias', '0.1');
  expect((await urlScene(page)).init).toEqual({ weight: 'xavier_uniform', bias: 0.1 });
  await page.locator('#tc-init').selectOption('default');
  expect((await urlScene(page)).init).toBeUndefined();

  await page.locator('#tc-scheduler').selectOption('StepLR');
  await expect(page.locator('[data-control="stepSize"]')).toBeVisible();
  await type(page, 'gamma', '0');
  await expect(page.locator('#tc-gamma-error')).toContainText('scene.scheduler.gamma: expected');
  await type(page, 'gamma', '0.5');
  await type(page, 'stepSize', '10');
  expect((await urlScene(page)).scheduler).toEqual({ name: 'StepLR', step_size: 10, gamma: 0.5 });
  await page.locator('#tc-scheduler').selectOption('none');
  expect((await urlScene(page)).scheduler).toBeUndefined();

  await expectFreshRun(page);
  await stepEpochs(page, 1);
  const plain = await testLoss(page);
  await type(page, 'clipGradValue', '0.001');
  expect((await urlScene(page)).clip_grad_value).toBe(0.001);
  await expectFreshRun(page);
  await stepEpochs(page, 1);
  expect(await testLoss(page)).not.toBe(plain);
  await type(page, 'clipGradValue', '');
  await type(page, 'clipGradNorm', '0.5');
  await type(page, 'jitter', '0.3');
  await type(page, 'mixup', '0.2');
  let scene = await urlScene(page);
  expect(scene.clip_grad_value).toBeUndefined();
  expect(scene.clip_grad_norm).toBe(0.5);
  expect(scene.training.augmentation).toEqual({ jitter: 0.3, mixup: 0.2 });

  await type(page, 'members', '3');
  await page.locator('#tc-bootstrap').check();
  expect((await urlScene(page)).training.ensemble).toEqual({ members: 3, bootstrap: true });
  await type(page, 'members', '1');
  expect((await urlScene(page)).training.ensemble).toBeUndefined();

  // min_delta 1000: no evaluation ever improves enough, so patience 1 stops after epoch 2.
  await type(page, 'patience', '1');
  await type(page, 'minDelta', '1000');
  await page.locator('#tc-restoreBest').uncheck();
  scene = await urlScene(page);
  expect(scene.training.earlyStopping).toEqual({ patience: 1, minDelta: 1000, restoreBest: false });
  await expectFreshRun(page);
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'finished');
  await expect(page.locator('#status')).toHaveText('Early stopping ended the run');
  await expect(page.locator('#epoch')).toHaveText('2');
  await expect(page.locator('#play-label')).toHaveText('Play');
});

test('a scene built by clicking gives the losses npm run train gives', async ({ page }) => {
  await open(page);
  await page.locator('#tc-optimizer').selectOption('Adam');
  await page.locator('#tc-lr-preset').selectOption('0.03');
  await type(page, 'batchSize', '25');
  await type(page, 'l1', '0.001');
  await page.locator('#tc-init').selectOption('xavier_uniform');
  await page.locator('#tc-shuffle').uncheck();
  await page.locator('#tc-scheduler').selectOption('ExponentialLR');
  await page.locator('#tc-loss').selectOption('BCEWithLogitsLoss');
  await expectFreshRun(page);
  const epochs = 5;
  await stepEpochs(page, epochs);
  const shown = await testLoss(page);

  const scene = await urlScene(page);
  expect(scene.training).toEqual({ batchSize: 25, shuffle: false });
  const dir = await mkdtemp(join(tmpdir(), 'nnp-controls-'));
  const file = join(dir, 'scene.json');
  await writeFile(file, JSON.stringify(scene));
  const out = execFileSync(
    'npm',
    ['run', '--silent', 'train', '--', file, '--epochs', `${epochs}`],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await rm(dir, { recursive: true });
  const records = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { epoch?: number; test?: { loss: number } });
  const last = records.find((r) => r.epoch === epochs);
  expect(last?.test?.loss.toFixed(3)).toBe(shown);
});

test('the training and run controls pass axe-core’s WCAG AA checks', async ({ page }) => {
  await open(page);
  await page.locator('#tc-optimizer').selectOption('RMSprop');
  await type(page, 'patience', '5');
  await type(page, 'alpha', '7'); // an error message on show
  await expect(page.locator('#tc-alpha-error')).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('#training-controls')
    .include('section.train')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
});
