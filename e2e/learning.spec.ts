// The playground teaches by learning: picked by clicking, each classic task is learnt in the
// browser past the accuracy a student expects (issue 5's "done when").
import { expect, test, type Page } from '@playwright/test';
import { choosePace, expectEngine, openPaused, readNumber, tile } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

/** Plays until the test accuracy passes `percent` (or the time runs out), then pauses. */
async function trainPast(page: Page, percent: number, timeout = 90_000): Promise<void> {
  await choosePace(page);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(() => readNumber(page, '#test-accuracy'), { timeout, intervals: [500] })
    .toBeGreaterThan(percent);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
}

test('learns the two-arm spiral past 90 % test accuracy', async ({ page }) => {
  await openPaused(page);
  await tile(page, 'spiral').click();
  await expect(tile(page, 'spiral')).toHaveAttribute('aria-checked', 'true');
  await expectEngine(page, 'paused');
  await trainPast(page, 90);
});

test('learns four blobs past 95 % test accuracy', async ({ page }) => {
  await openPaused(page);
  await tile(page, 'blobs').click();
  await expectEngine(page, 'paused');
  await page.locator('#classes').fill('4');
  await page.locator('#classes').press('Enter');
  await expect
    .poll(() => {
      const hash = new URL(page.url()).hash.slice('#scene='.length).split('&')[0]!;
      const scene = JSON.parse(Buffer.from(hash, 'base64url').toString('utf8')) as {
        data: { classes: unknown };
      };
      return scene.data.classes;
    })
    .toBe(4);
  await expectEngine(page, 'paused');
  await trainPast(page, 95);
  // Four classes: the confusion matrix is 4 × 4.
  await page.locator('#confusion-view summary').click();
  await expect(page.locator('#confusion-view tbody tr')).toHaveCount(4);
});
