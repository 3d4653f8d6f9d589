// A browser whose navigator.language is not a valid locale tag: WebKit under LANG=C.UTF-8 (the
// default of minimal Linux images) reports "C", and uPlot builds
// `new Intl.NumberFormat(navigator.language)` when its module loads — a RangeError that used to
// stop the page at "loading…". Here Chromium is made to say the same before the page loads: the
// page must start (render/uplot-chart.ts loadCharts), train, and draw its charts in its own locale
// (src/locale.ts).
import { expect, test, type Page } from '@playwright/test';
import type { HolderElement } from '../web/src/render/uplot-chart.ts';
import { choosePace, expectEngine, openPaused, readNumber } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

/** Makes the browser's own getters (on Navigator.prototype, where browsers keep them) say `tag`
 *  before any of the page's scripts runs. */
async function reportLanguage(page: Page, tag: string): Promise<void> {
  await page.addInitScript((tag) => {
    Object.defineProperty(Navigator.prototype, 'language', { configurable: true, get: () => tag });
    Object.defineProperty(Navigator.prototype, 'languages', {
      configurable: true,
      get: () => [tag],
    });
  }, tag);
}

/** The tick labels and the x legend value uPlot shows in chart `#id`, and its points drawn. */
async function chartText(page: Page, id: string) {
  const holder = page.locator(`#${id}`);
  await holder.scrollIntoViewIfNeeded();
  await expect(holder).not.toHaveAttribute('data-pending', 'true');
  await expect(holder.locator('canvas')).toBeVisible();
  return holder.evaluate((holder) => {
    const u = (holder as HolderElement).uplot!;
    const axes = u.axes as unknown as { _values: (string | null)[] | null }[];
    return {
      points: u.data[0].length,
      ticks: axes.flatMap((axis) => axis._values ?? []).filter((v): v is string => !!v),
    };
  });
}

for (const tag of ['C', 'en_US.UTF-8']) {
  test(`navigator.language "${tag}": the page starts, trains and draws its charts`, async ({
    page,
  }) => {
    await reportLanguage(page, tag);
    // The failure it guards against, shown to be real in this browser.
    expect(
      await page.evaluate((tag) => {
        try {
          new Intl.NumberFormat(tag);
          return 'accepted';
        } catch (error) {
          return String(error);
        }
      }, tag),
    ).toMatch(/RangeError/);

    await openPaused(page);
    // The guard gave uPlot a valid tag; the page's numbers stay in its own locale.
    expect(await page.evaluate(() => navigator.language)).not.toBe(tag);
    await expect(page.locator('.startup-failure')).toHaveCount(0);

    await choosePace(page);
    await page.locator('#play').click();
    await expectEngine(page, 'training');
    await expect.poll(() => readNumber(page, '#epoch'), { timeout: 30_000 }).toBeGreaterThan(20);
    await page.locator('#play').click();
    await expectEngine(page, 'paused');
    await expect(page.locator('#epoch')).toHaveText(/^\d{1,3}(,\d{3})*$/);

    for (const id of ['loss-chart', 'accuracy-chart', 'rates-chart']) {
      const { points, ticks } = await chartText(page, id);
      expect(points, id).toBeGreaterThan(20);
      expect(ticks.length, id).toBeGreaterThan(3);
    }
    // The accuracy axis in per cent, the epochs as plain numbers in English.
    const accuracy = await chartText(page, 'accuracy-chart');
    expect(accuracy.ticks.some((t) => t.endsWith('%'))).toBe(true);
    expect(accuracy.ticks.every((t) => /^[\d.,]+( ?%)?$/.test(t))).toBe(true);
  });
}

test('navigator.language "C": the <nn-playground> elements start too', async ({ page }) => {
  // The element's script shares the charts' chunk with the page, the guard before uPlot in it.
  await reportLanguage(page, 'C');
  await page.goto('/embed-example.html');
  for (const id of ['xor', 'circle']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${id} .app`)).toHaveAttribute('data-engine', 'paused', {
      timeout: 30_000,
    });
  }
});
