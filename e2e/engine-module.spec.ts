// Which wasm module the page runs: core-fma.wasm where relaxed SIMD runs (Chromium), core.wasm
// where core-fma.wasm cannot be had — here a host that lacks the file.
import { expect, test } from '@playwright/test';
import { expectEngine, readNumber } from './helpers.ts';

test('falls back to core.wasm when core-fma.wasm cannot be loaded, and trains', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  let refused = 0;
  await page.route(/core-fma[^/]*\.wasm$/, (route) => {
    refused++;
    return route.fulfill({ status: 404, body: 'not here' });
  });
  await page.goto('/');
  await expect(page.locator('#simd-arch')).toHaveText('wasm/4', { timeout: 20_000 });
  expect(refused).toBeGreaterThan(0);
  await expectEngine(page, 'paused');
  await page.locator('#play').click();
  await expect
    .poll(() => readNumber(page, '#step-count'), { timeout: 20_000 })
    .toBeGreaterThan(100);
  await page.locator('#play').click();
  await expect(page.locator('#error')).toBeHidden();
  expect(problems).toEqual([]);
});
