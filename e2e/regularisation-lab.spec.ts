// The regularisation lab (web/src/labs/regularisation): nine variants trained at once by the
// variants worker; its table's numbers are the engine's — the same scenes trained headless give
// the same bits (variants-headless.ts says why they must) — and its controls work by keyboard
// and land in the link.
import { expect, test } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { regularisationVariants } from '../web/src/labs/regularisation/scenes.ts';
import { ranCoreWasm, tableValues, trainHeadless, useCoreWasm } from './variants-headless.ts';

failOnPageProblems(test);

const settings = { noise: 0.3, units: 32, epochs: 60 };

test('the table holds the engine\u2019s numbers for every variant', async ({ page }) => {
  const fetched = await useCoreWasm(page);
  await page.goto(`/#lab=regularisation&noise=0.3&units=32&epochs=60`);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 90_000,
  });
  expect(ranCoreWasm(fetched), fetched.join(', ')).toBe(true);
  const variants = regularisationVariants(settings);
  await expect(page.locator('.reg-panel')).toHaveCount(variants.length);
  await expect(page.locator('.reg-table tbody tr')).toHaveCount(variants.length);
  const shown = await tableValues(page, '.reg-table', 'variant');
  for (const variant of variants) {
    const { evaluation: e, epoch } = await trainHeadless(variant.scene, settings.epochs);
    const gap = e.validation.loss - e.train.loss;
    expect(shown[variant.id], variant.id).toEqual([
      e.train.loss,
      e.validation.loss,
      gap,
      e.test.accuracy,
      epoch,
    ]);
  }
  // The variants differ: no regulariser leaves the table as the baseline's.
  const baseline = shown.none!;
  for (const variant of variants.slice(1)) expect(shown[variant.id]).not.toEqual(baseline);
  // Early stopping stopped early; the others ran every epoch.
  expect(shown.early![4]).toBeLessThan(settings.epochs);
  expect(shown.none![4]).toBe(settings.epochs);
});

test('the settings work by keyboard, go into the link and restart the runs', async ({ page }) => {
  await page.goto('/#lab=regularisation&epochs=30&units=8');
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  const noise = page.getByLabel('Noise');
  await noise.focus();
  await noise.fill('0.1');
  await noise.press('Enter');
  await expect(page).toHaveURL(/noise=0\.1/);
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  await page.getByLabel('Units per hidden layer (3 layers)').selectOption('32');
  await expect(page).toHaveURL(/units=32/);
  // Restart is a real button the keyboard reaches.
  await page.getByRole('button', { name: 'Restart' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  await expect(page.locator('.reg-panel[data-variant="none"] .reg-status')).toHaveText(
    'Done: 30 epochs',
  );
  // Each PyTorch snippet opens.
  const snippet = page.locator('.reg-panel[data-variant="smoothing"] .variants-pytorch');
  await snippet.locator('summary').click();
  await expect(snippet.locator('code')).toContainText('label_smoothing=0.2');
});

test('a bad setting in the link is named and replaced by the default', async ({ page }) => {
  await page.goto('/#lab=regularisation&units=7&epochs=30');
  await expect(page.locator('.lab-banner[role="alert"]')).toContainText(
    "The link's units=7 must be one of 8, 32, 64, 128; using 64.",
  );
  await expect(page.getByLabel('Units per hidden layer (3 layers)')).toHaveValue('64');
});
