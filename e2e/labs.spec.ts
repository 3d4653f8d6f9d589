// The labs' page (web/src/labs/lab-page.ts): `#lab=` shows every lab of the registry, each link
// opens its lab (its engine up: <body data-engine="ready">), an unknown id says so and lists
// them, the embedded form has no header, and the playground's link brings the playground back.
// Each lab's own behaviour is tested in its own spec.
import { expect, test } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { defaultScene } from '../web/src/scene/index.ts';

failOnPageProblems(test);

test('the labs index links every lab, and each one opens', async ({ page }) => {
  await page.goto('/#lab=');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready');
  const links = page.locator('.lab-index .lab-link');
  const titles = await links.allTextContents();
  const hrefs = await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).hash));
  expect(titles.length).toBe(hrefs.length);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const [i, hash] of hrefs.entries()) {
    await page.goto(`/${hash}`);
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20000 });
    await expect(page.locator('.lab-nav [aria-current="page"]')).toHaveText(titles[i]!);
    await expect(page.locator('main.lab')).not.toBeEmpty();
  }
});

test('an unknown lab is named, with the labs to pick from; the header leads back', async ({
  page,
}) => {
  await page.goto('/#lab=no-such-lab');
  await expect(page.locator('.lab-banner')).toHaveText(
    'There is no lab called "no-such-lab". Pick one of these instead.',
  );
  await expect(page).toHaveTitle('Labs · nn-playground');
  await page.locator('.lab-home').click();
  // The playground's link loads the playground.
  await expect(page.locator('#play')).toBeVisible();
});

test('an embedded lab has no page header', async ({ page }) => {
  await page.goto('/#lab=&embed=1');
  await expect(page.locator('main.lab')).toBeVisible();
  await expect(page.locator('.lab-header')).toHaveCount(0);
});

test('the playground links to the labs; back in history returns to the playground', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('body')).not.toHaveAttribute('data-engine', 'loading');
  await page.locator('.tagline .labs-link').click();
  await expect(page.locator('.lab-index .lab-link').first()).toBeVisible();
  await expect(page.locator('#error')).toBeHidden();
  await page.goBack();
  await expect(page.locator('#play')).toBeVisible();
});

test('an embedded playground has no link to the labs', async ({ page }) => {
  const scene = Buffer.from(JSON.stringify(defaultScene())).toString('base64url');
  await page.goto(`/#scene=${scene}&embed=1`);
  await expect(page.locator('#play')).toBeVisible();
  await expect(page.locator('.labs-link')).toHaveCount(0);
});
