// The scene in the URL: opening a link, back and forward, local storage, TF Playground links.
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { ENGINE_ARCH } from './helpers.ts';
import { sceneHash, TFP_LINK } from './links.ts';
import { datasetScene } from '../web/src/scene/index.ts';

const SPIRALS = datasetScene({ name: 'spirals', classes: 4, noise: 0.1, seed: 5 });

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
}

const chain = (page: Page) => page.locator('#architecture');

failOnPageProblems(test);

test('opens the scene a link holds', async ({ page }) => {
  await open(page, `/${sceneHash(SPIRALS)}`);
  await expect(page.locator('#dataset-gallery [data-dataset="spirals"]')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.locator('#classes')).toHaveValue('4');
  await expect(page.locator('#noise-value')).toHaveText('10 %');
  await expect(chain(page)).toHaveAttribute(
    'aria-label',
    '2 → 16 Tanh → 16 Tanh → 16 Tanh → 4 Identity',
  );
  await expect(page.locator('#training-details')).toContainText('Seed5');
  await expect(page.locator('#error')).toBeHidden();
});

test('back and forward return to the previous scenes; reload keeps the last', async ({ page }) => {
  await open(page, '/');
  const first = await page.evaluate(() => location.hash);
  expect(first).toMatch(/^#scene=/);
  await page.locator('#dataset-gallery [data-dataset="xor"]').click();
  await expect(page).not.toHaveURL(new RegExp(first.slice(1)));
  const second = await page.evaluate(() => location.hash);
  await page.locator('#dataset-gallery [data-dataset="sine"]').click();
  await expect(chain(page)).toHaveAttribute('aria-label', '1 → 16 Tanh → 16 Tanh → 1 Identity');

  await page.goBack();
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'xor',
  );
  expect(await page.evaluate(() => location.hash)).toBe(second);
  await page.goBack();
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'circle',
  );
  await expect(chain(page)).toHaveAttribute('aria-label', '2 → 4 Tanh → 4 Tanh → 1 Sigmoid');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
  await page.goForward();
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'xor',
  );

  // The last scene is kept in local storage and comes back without a hash.
  await open(page, '/');
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'xor',
  );
  expect(await page.evaluate(() => location.hash)).toBe(second);
});

test('a bad hash shows the validation error and keeps the scene', async ({ page }) => {
  await open(page, '/');
  const bad = sceneHash({ ...SPIRALS, optimizer: { name: 'SGD', lr: 0 } });
  await page.evaluate((hash) => (location.hash = hash), bad);
  await expect(page.locator('#error')).toBeVisible();
  await expect(page.locator('#error .error-text')).toHaveText(
    'scene.optimizer.lr: expected a number in [0.000001, 10], got 0',
  );
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'circle',
  );
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');

  // A corrupt stored scene is ignored (with a warning) on the next visit: the tab's own and the
  // last of any tab.
  await page.evaluate(() => {
    localStorage.setItem('nn-playground:last-scene', '{oops');
    sessionStorage.setItem('nn-playground:last-scene', '{oops');
  });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto('about:blank');
  await open(page, '/');
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'circle',
  );
  expect(warnings.join('\n')).toContain('Ignoring the scene kept from the last visit');
});

test('opens a TensorFlow Playground link as the same scene, with a note', async ({
  page,
}, testInfo) => {
  await open(page, `/${TFP_LINK}`);
  const note = page.locator('#note');
  await expect(note).toBeVisible();
  await expect(note.locator('.note-title')).toHaveText(/TensorFlow Playground link/);
  await expect(note).toContainText('learning rate is halved (0.03 → 0.015)');
  await expect(page.locator('#dataset-gallery [aria-checked="true"]')).toHaveAttribute(
    'data-dataset',
    'circle',
  );
  await expect(chain(page).locator('.chip')).toHaveText(['2 inputs', '4 Tanh', '2 Tanh', '1 Tanh']);
  await expect(page.locator('#training-details dd').first()).toHaveText('MSELoss');
  await expect(page.locator('#training-details')).toContainText('uniform U(-0.5, 0.5), bias 0.1');
  await expect(page.locator('#training-details')).toContainText('same order every epoch');
  // The link is rewritten to this page's form.
  expect(await page.evaluate(() => location.hash)).toMatch(/^#scene=/);

  // It trains.
  await page.locator('#play').click();
  await expect
    .poll(
      async () => Number(((await page.locator('#epoch').textContent()) ?? '0').replace(/,/g, '')),
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(30);
  await page.locator('#play').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('tfp-import.png'), fullPage: true });

  await note.locator('.note-dismiss').click();
  await expect(note).toBeHidden();
});

test('a link hides the controls it names (TF Playground _hide keys and hideText)', async ({
  page,
}) => {
  await open(page, `/${TFP_LINK}&noise_hide=true&stepButton_hide=true&hideText=true`);
  await expect(page.locator('#noise')).toBeHidden();
  await expect(page.locator('#step')).toBeHidden();
  await expect(page.locator('.masthead')).toBeHidden();
  await expect(page.locator('#play')).toBeVisible();
  await expect(page.locator('#dataset-gallery')).toBeVisible();
  // The hidden ids travel in our own link too, and a link without them shows everything again.
  expect(await page.evaluate(() => location.hash)).toMatch(/&hide=noise,stepButton,text$/);
  await page.evaluate(() => {
    location.hash = location.hash.replace(/&hide=.*$/, '');
  });
  await expect(page.locator('#noise')).toBeVisible();
  await expect(page.locator('#step')).toBeVisible();
  await expect(page.locator('.masthead')).toBeVisible();
});
