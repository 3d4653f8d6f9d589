// The perceptron lab (#lab=perceptron): operated through its buttons, the mistakes and verdicts
// read from the page (the engine's Perceptron in core-labs.wasm).
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

async function open(page: Page, data: string): Promise<void> {
  await page.goto(`/#lab=perceptron&data=${data}`);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20000 });
}

async function mistakes(page: Page): Promise<number[]> {
  return (await page.locator('.perc-mistakes-list li').allTextContents()).map(Number);
}

test('on XOR the mistakes never reach zero and the engine reports the cycle', async ({ page }) => {
  await open(page, 'xor');
  const verdict = page.locator('.perc-verdict');
  for (let i = 0; i < 200; ++i) {
    if ((await verdict.getAttribute('data-state')) !== 'running') break;
    await page.locator('.perc-step-epoch').click();
  }
  await expect(verdict).toHaveAttribute('data-state', 'cycling');
  await expect(verdict).toContainText(/a cycle of \d+ epoch/);
  const counts = await mistakes(page);
  expect(counts.length).toBeGreaterThan(1);
  for (const m of counts) expect(m).toBeGreaterThan(0);
});

test('separable data converges; a step shows one sample and its update', async ({ page }) => {
  await open(page, 'blobs');
  await page.locator('.perc-step-sample').click();
  await expect(page.locator('.perc-step')).toContainText(
    /Point \d+ \(class [01]\) → predicted [01]/,
  );
  await page.locator('.perc-play').click();
  await expect(page.locator('.perc-verdict')).toHaveAttribute('data-state', 'converged', {
    timeout: 30000,
  });
  const counts = await mistakes(page);
  expect(counts.at(-1)).toBe(0);
  expect(counts.slice(0, -1).every((m) => m > 0)).toBe(true);
  await expect(page.locator('.perc-play')).toHaveText('Play');
});

test('the network beside it trains on the same points; the data choice is in the link', async ({
  page,
}) => {
  await open(page, 'blobs');
  await page.locator('.perc-data').selectOption('xor');
  await expect(page).toHaveURL(/data=xor/);
  await expect(page.locator('.perc-net-status')).toHaveAttribute('data-steps', '800', {
    timeout: 30000,
  });
  // A click on the plane adds a point and starts again on "your points".
  await page.locator('.perc-plane').click({ position: { x: 30, y: 30 } });
  await expect(page.locator('.perc-data')).toHaveValue('custom');
  await expect(page.locator('.lab-banner')).toBeHidden();
});
