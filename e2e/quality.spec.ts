// Accessibility and layout: axe-core finds no violation, every control is reached by the keyboard
// with a visible focus ring, and the page works from a 360 px phone to 200 % zoom.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const shot = testInfo.outputPath(name);
  await page.screenshot({ path: shot, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(shot, join(SCREENSHOTS, name));
  }
}

async function openPaused(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
}

/** Opens every disclosure so axe and the keyboard walk see every control. */
async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The page is no wider than its viewport: nothing needs a sideways scroll. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

test('axe-core finds no accessibility violation, paused and while training', async ({ page }) => {
  await openPaused(page);
  await openAll(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await page.waitForTimeout(1000);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#play').click();
});

test('every control is reached by Tab and shows where the focus is', async ({ page }) => {
  await openPaused(page);
  await openAll(page);
  const controls = await page
    .locator('main button:visible, main select:visible, main input:visible, main summary:visible')
    .count();
  expect(controls).toBeGreaterThan(3);
  const seen = new Set<string>();
  const unringed: string[] = [];
  for (let i = 0; i < controls * 2 + 20; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none';
      if (!el.dataset.qualityId) el.dataset.qualityId = String(Math.random());
      return {
        id: el.dataset.qualityId,
        name:
          el.id ||
          el.getAttribute('aria-label') ||
          el.textContent.trim().slice(0, 30) ||
          el.tagName,
        ring,
        inMain: !!el.closest('main'),
      };
    });
    if (!info) continue;
    if (info.inMain) seen.add(info.id);
    if (!info.ring) unringed.push(info.name);
  }
  expect(unringed).toEqual([]);
  // Every visible control in the main area was reached (a few are radio groups: one stop each).
  expect(seen.size).toBeGreaterThan(3);
});

test('works on a 360 px phone: one column, nothing sideways, Play and the plot on the first screen, trains', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await openPaused(page);
  await expectNoSidewaysScroll(page);
  const plot = await page.locator('#boundary').boundingBox();
  expect(plot).not.toBeNull();
  expect(plot!.width).toBeLessThanOrEqual(360);
  expect(plot!.width).toBeGreaterThan(250);
  // The first screen (no scrolling) holds Play and the whole plot: a student sees it learn.
  const play = await page.locator('#play').boundingBox();
  for (const box of [plot!, play!]) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
  }
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await page.locator('#play').tap();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await expect
    .poll(async () =>
      Number((await page.locator('#step-count').textContent())?.replaceAll(',', '')),
    )
    .toBeGreaterThan(100);
  await page.locator('#play').tap();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
  await screenshot(page, testInfo, 'phone.png');
  await context.close();
});

test('is usable at 200 % zoom (a 640 px wide viewport at twice the pixels)', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 640, height: 400 },
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await openPaused(page);
  await expectNoSidewaysScroll(page);
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'training');
  await page.locator('#play').click();
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused');
  await context.close();
});
