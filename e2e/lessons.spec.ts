// The Lessons lab (web/src/labs/lessons): the gallery lists a lesson for every concept of the
// course (the list below is the issue's, written out independently of the page's own), every
// lesson opens with its playground running, prompts are ticked off by operating the playground
// (the lr field, the loss, momentum, Play), and a lecturer's custom lesson survives its link.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

const SCREENSHOTS = join(fileURLToPath(new URL('..', import.meta.url)), 'docs/screenshots/');

/** Issue 16's concepts, each a lesson must cover (ids as the page names them). */
const CONCEPTS = [
  'mse',
  'huber',
  'ce-indices',
  'ce-probabilities',
  'bce-probabilities',
  'bce-logits',
  'nll',
  'metrics-vs-losses',
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adam',
  'adamw',
  'lr-too-large',
  'lr-too-small',
  'local-minima',
  'step-batch-epoch',
  'l1',
  'l2',
  'weight-decay',
  'dropout',
  'label-smoothing',
  'init-zero',
  'init-uniform',
  'init-glorot',
  'init-he',
  'clip-value',
  'clip-norm',
  'sigmoid',
  'tanh',
  'relu',
  'leaky-relu',
  'gelu',
  'silu',
  'output-none',
  'output-sigmoid',
  'output-softmax',
  'splits',
  'early-stopping',
  'ensembles',
  'augmentation',
  'perceptron',
  'hidden-layers',
  'autograd',
];

/** The lesson's playground has answered (its engine is up and the run paused or training). */
async function playgroundReady(page: Page): Promise<void> {
  await expect(page.locator('.lesson-playground .app')).toHaveAttribute(
    'data-engine',
    /paused|training/,
    { timeout: 20000 },
  );
}

const prompt = (page: Page, n: number) => page.locator('.lesson-prompt').nth(n);

async function openLesson(page: Page, id: string): Promise<void> {
  await page.goto(`/#lab=lessons&lesson=${id}`);
  await playgroundReady(page);
}

test('the gallery covers every concept, and every lesson opens with its playground', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#lab=lessons');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready');
  const cards = page.locator('.lessons-card');
  const lessons = await cards.evaluateAll((all) =>
    all.map((card) => ({
      id: (card as HTMLElement).dataset.lesson!,
      concepts: (card as HTMLElement).dataset.concepts!.split(' '),
      title: card.querySelector('a')!.textContent,
    })),
  );
  const covered = new Set(lessons.flatMap((lesson) => lesson.concepts));
  expect(CONCEPTS.filter((concept) => !covered.has(concept))).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'lessons.png'), fullPage: true });

  for (const lesson of lessons) {
    await page.locator(`.lessons-card[data-lesson="${lesson.id}"] a`).click();
    await expect(page.locator('h1.lesson-title')).toHaveText(lesson.title);
    await playgroundReady(page);
    // Its prompts start undone and its PyTorch code is there.
    const prompts = page.locator('.lesson-prompt');
    expect(await prompts.count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.lesson-prompt[data-done="true"]'), lesson.id).toHaveCount(0);
    await expect(page.locator('.lesson-snippet')).toContainText(/torch|nn\./);
    await page.getByRole('link', { name: 'All lessons' }).click();
    await expect(cards.first()).toBeVisible();
  }
});

test('too large a learning rate: the oscillation is seen, and lowering lr in its field settles it', async ({
  page,
}) => {
  await openLesson(page, 'lr-too-large');
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'false');
  await page.locator('#play').click();
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'true', { timeout: 30000 });
  // Still oscillating at lr 8: the second prompt is not met by waiting.
  await expect(prompt(page, 1)).toHaveAttribute('data-done', 'false');
  const lr = page.locator('#tc-learningRate');
  await lr.fill('0.5');
  await lr.press('Enter');
  await expect(prompt(page, 1)).toHaveAttribute('data-done', 'true', { timeout: 30000 });
  await expect(prompt(page, 1).locator('.lesson-prompt-state')).toHaveText('✓ done');
  await page.locator('#play').click();
  // The picture shows the loss chart (the oscillation, then the settled descent).
  await page.locator('.lesson-playground').evaluate((host) => host.scrollTo(0, 520));
  await page.screenshot({ path: join(SCREENSHOTS, 'lesson.png') });
});

test('switching the loss and setting momentum tick their prompts', async ({ page }) => {
  await openLesson(page, 'bce');
  await expect(prompt(page, 1)).toHaveAttribute('data-done', 'false');
  await page.locator('#tc-loss').selectOption('BCEWithLogitsLoss');
  await expect(prompt(page, 1)).toHaveAttribute('data-done', 'true');
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'false');

  await openLesson(page, 'momentum');
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'false');
  const momentum = page.locator('#tc-momentum');
  await momentum.fill('0.5');
  await momentum.press('Enter');
  // 0.5 is not the 0.9 asked for.
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'false');
  await momentum.fill('0.9');
  await momentum.press('Enter');
  await expect(prompt(page, 0)).toHaveAttribute('data-done', 'true');
});

test('a lecturer’s lesson round-trips through its link; bad links say what is wrong', async ({
  page,
}) => {
  await openLesson(page, 'mse');
  const lr = page.locator('#tc-learningRate');
  await lr.fill('0.003');
  await lr.press('Enter');
  await page.locator('.lesson-maker-summary').click();
  await page.getByLabel('Title').fill('Slow Adam on a sine');
  await page.getByLabel(/Text for students/).fill('First paragraph.\n\nSecond paragraph.');
  await page.getByRole('button', { name: 'Make the link' }).click();
  const link = await page.getByLabel('The lesson’s link').inputValue();
  expect(link).toContain('#lab=lessons&custom=');

  await page.goto(link);
  await playgroundReady(page);
  await expect(page.locator('h1.lesson-title')).toHaveText('Slow Adam on a sine');
  await expect(page.locator('.lesson-text')).toHaveText(['First paragraph.', 'Second paragraph.']);
  await expect(page.locator('#tc-learningRate')).toHaveValue('0.003');
  await expect(page.locator('#tc-optimizer')).toHaveValue('Adam');

  await page.goto('/#lab=lessons&custom=not*base64');
  await expect(page.locator('.lab-banner')).toContainText(
    'This custom lesson cannot be opened: the link is damaged',
  );
  await expect(page.locator('.lessons-card').first()).toBeVisible();
  await page.goto(`/#lab=lessons&custom=${'A'.repeat(60001)}`);
  await expect(page.locator('.lab-banner')).toContainText('more than the 60000');
  await page.goto('/#lab=lessons&lesson=no-such-lesson');
  await expect(page.locator('.lab-banner')).toHaveText(
    'There is no lesson called "no-such-lesson". Pick one of these instead.',
  );
});
