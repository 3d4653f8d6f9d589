// The <nn-playground> element (issue 13): dist/nn-playground.js on a course page. Playwright's
// CSS locators pierce open shadow roots, so `#xor #play` is the Play button inside #xor.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readNumber } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

/** Serves `body` as a course page beside nn-playground.js (and the example page's hostile CSS). */
async function coursePage(page: Page, body: string): Promise<void> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>course page</title>' +
    '<link rel="stylesheet" href="./embed-example.css">' +
    '<script type="module" src="./nn-playground.js"></script></head>' +
    `<body>${body}</body></html>`;
  await page.route('**/course-page.html', (route) =>
    route.fulfill({ body: html, contentType: 'text/html' }),
  );
  await page.goto('/course-page.html');
}

/** Waits for the state the element's own worker confirmed (data-engine on its .app). */
async function expectEngine(page: Page, id: string, state: string, timeout = 20_000) {
  await expect(page.locator(`#${id} .app`)).toHaveAttribute('data-engine', state, { timeout });
}

const epoch = (page: Page, id: string) => readNumber(page, `#${id} #epoch`);

test('two elements on one page train independently, one worker each', async ({ page }) => {
  await page.goto('/embed-example.html');
  await expectEngine(page, 'xor', 'paused');
  await page.locator('#circle').scrollIntoViewIfNeeded();
  await expectEngine(page, 'circle', 'paused');
  // One worker per element (the iframe's page has its own, in its frame).
  expect(page.workers().length).toBeGreaterThanOrEqual(2);

  await page.locator('#xor #play').click();
  await expectEngine(page, 'xor', 'training');
  await expect.poll(() => epoch(page, 'xor'), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.locator('#xor #play').click();
  await expectEngine(page, 'xor', 'paused');
  expect(await epoch(page, 'circle')).toBe(0);

  // A key acts for the playground that has focus only: S steps the circle, not the XOR.
  const xorSteps = await readNumber(page, '#xor #step-count');
  await page.locator('#circle .app').focus(); // (the compact view shows no panel titles)
  await page.keyboard.press('s');
  await expect(page.locator('#circle #step-count')).toHaveText('1');
  expect(await readNumber(page, '#xor #step-count')).toBe(xorSteps);

  await page.locator('#circle #play').click();
  await expect.poll(() => epoch(page, 'circle'), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.locator('#circle #play').click();
  await expectEngine(page, 'circle', 'paused');
  // Different scenes, different runs: each shows its own loss.
  const xorLoss = await readNumber(page, '#xor #train-loss');
  const circleLoss = await readNumber(page, '#circle #train-loss');
  expect(Number.isFinite(xorLoss) && Number.isFinite(circleLoss)).toBe(true);
  expect(xorLoss).not.toBe(circleLoss);
});

test('hidden controls are absent and locked ones visible but not editable', async ({ page }) => {
  await page.goto('/embed-example.html');
  await expectEngine(page, 'xor', 'paused');
  // hide="dataset,upload,addPoints,text"
  for (const id of ['dataset', 'upload', 'addPoints', 'text']) {
    await expect(page.locator(`#xor [data-control="${id}"]`).first()).toBeHidden();
  }
  // …but only in that element (the other, compact, hides its data panel by its layout alone).
  await expect(page.locator('#circle [data-control="dataset"]')).not.toHaveClass(/hidden-by-link/);

  // lock="learningRate,optimizer": shown, takes no input.
  const lr = page.locator('#xor #tc-learningRate');
  await expect(lr).toBeVisible();
  const before = await lr.inputValue();
  await lr.focus();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(lr).toHaveValue(before);
  await expect(lr).not.toBeFocused();
  await expect(lr).toBeDisabled();
  await expect(page.locator('#xor #tc-optimizer')).toBeVisible();
  await expect(page.locator('#xor #tc-optimizer')).toBeDisabled();
  // An unlocked field of the same element still takes input.
  const batch = page.locator('#xor #tc-batchSize');
  await batch.fill('20');
  await batch.press('Enter');
  await expect(batch).toHaveValue('20');
});

test('the course page’s CSS does not reach inside, and ours does not leak out', async ({
  page,
}) => {
  await page.goto('/embed-example.html');
  await expectEngine(page, 'xor', 'paused');
  // embed-example.css: * { color: red !important; font-family: serif !important; … },
  // canvas { display: none !important }, button { all: unset; border: 3px dashed red }.
  const inside = await page.locator('#xor #play-label').evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, font: style.fontFamily, transform: style.textTransform };
  });
  expect(inside.color).not.toBe('rgb(255, 0, 0)');
  expect(inside.font).not.toContain('serif,');
  expect(inside.font).toContain('system-ui');
  expect(inside.transform).toBe('none');
  await expect(page.locator('#xor #boundary')).toBeVisible();
  const button = await page
    .locator('#xor #play')
    .evaluate((el) => getComputedStyle(el).borderTopStyle);
  expect(button).not.toBe('dashed');

  // The page keeps its own look; our classes do nothing outside the shadow roots.
  const outside = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'panel layout';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    return {
      radius: style.borderTopLeftRadius,
      display: style.display,
      sheets: [...document.styleSheets].map((s) => s.href ?? 'inline'),
    };
  });
  expect(outside.radius).toBe('0px');
  expect(outside.display).toBe('block');
  expect(outside.sheets).toEqual([expect.stringContaining('embed-example.css')]);
});

test('offscreen="pause" pauses training out of view and resumes it when back', async ({ page }) => {
  const scene = 'autoplay height="500"';
  await coursePage(
    page,
    `<nn-playground id="paused" offscreen="pause" ${scene}></nn-playground>` +
      `<nn-playground id="drawn" ${scene}></nn-playground>` +
      '<div style="height: 4000px"></div><p id="end">end</p>',
  );
  await page.setViewportSize({ width: 1280, height: 1100 });
  await expectEngine(page, 'paused', 'training');
  await expectEngine(page, 'drawn', 'training');
  await expect.poll(() => epoch(page, 'paused'), { timeout: 20_000 }).toBeGreaterThan(1);
  const start = { paused: await epoch(page, 'paused'), drawn: await epoch(page, 'drawn') };

  await page.locator('#end').scrollIntoViewIfNeeded();
  // 100 steps/s, 25 steps an epoch: ~20 epochs in 5 s for the one that trains on.
  await page.waitForTimeout(5000);
  await page.evaluate(() => scrollTo(0, 0));
  // Two frames: both draw their latest snapshot (the paused one's from before it resumes).
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const drawnGain = (await epoch(page, 'drawn')) - start.drawn;
  const gained = (await epoch(page, 'paused')) - start.paused;
  expect(drawnGain).toBeGreaterThan(10);
  // Had it trained on, it would have gained as much (the margin is for a busy machine).
  expect(gained).toBeLessThan(drawnGain / 2);
  // Back in view: it plays again.
  await expectEngine(page, 'paused', 'training');
  await expect.poll(() => epoch(page, 'paused')).toBeGreaterThan(start.paused + gained + 1);
});

test('bad configuration shows what to change and falls back to the default scene', async ({
  page,
}) => {
  await coursePage(
    page,
    '<nn-playground id="bad" pace="warp" offscreen="stop" hide="no-such!">' +
      '<script type="application/json">{ "format": "nn-playground/scene@1", </script>' +
      '</nn-playground>' +
      '<nn-playground id="missing" src="./no-such-scene.json"></nn-playground>' +
      '<nn-playground id="wrong" link="#scene=not-base64!"></nn-playground>',
  );
  await expectEngine(page, 'bad', 'paused');
  const message = page.locator('#bad #error .error-text');
  await expect(message).toBeVisible();
  await expect(message).toContainText('inline JSON scene');
  await expect(message).toContainText('Showing the default scene instead');
  await expect(message).toContainText('pace="warp"');
  await expect(message).toContainText('offscreen="stop"');
  await expect(message).toContainText('"no-such!" is not a control id');
  // The default scene (circle) runs.
  await expect(page.locator('#bad #dataset-gallery [data-dataset="circle"]')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.locator('#missing #error .error-text')).toContainText(
    // vite preview answers a missing file with the page (a 404 would be "HTTP 404").
    'no-such-scene.json is not JSON',
  );
  await expect(page.locator('#wrong #error .error-text')).toContainText('link=');
  await page.locator('#wrong').scrollIntoViewIfNeeded(); // Off screen it does not draw.
  await expectEngine(page, 'wrong', 'paused');
});

test('a scene from a link or a scene file, shipped datasets beside the script', async ({
  page,
}) => {
  const scene = {
    format: 'nn-playground/scene@1',
    seed: 1,
    data: { name: 'supplied', dataset: 'iris', trainFraction: 0.8 },
    model: { inputs: 4, layers: [{ units: 3, activation: 'Identity' }] },
    loss: { name: 'CrossEntropyLoss' },
    optimizer: { name: 'SGD', lr: 0.1 },
    training: { batchSize: 10 },
  };
  await page.route('**/scenes/iris.json', (route) => route.fulfill({ json: scene }));
  const spirals = Buffer.from(readFileSync('docs/scenes/spirals-3.json')).toString('base64url');
  await coursePage(
    page,
    '<nn-playground id="file" src="./scenes/iris.json"></nn-playground>' +
      `<nn-playground id="link" link="https://example.org/playground/#scene=${spirals}&hide=seed">` +
      '</nn-playground>',
  );
  await expectEngine(page, 'file', 'paused');
  await expect(page.locator('#file #dataset-panel')).toBeVisible();
  await expect(page.locator('#file #error')).toBeHidden();
  await page.locator('#link').scrollIntoViewIfNeeded();
  await expectEngine(page, 'link', 'paused');
  await expect(page.locator('#link #dataset-gallery [data-dataset="spirals"]')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.locator('#link [data-control="seed"]').first()).toBeHidden();
});

test('the element offers the message API as methods and events', async ({ page }) => {
  await coursePage(page, '<nn-playground id="api"></nn-playground>');
  await expectEngine(page, 'api', 'paused');
  const heard = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const element = document.querySelector('nn-playground')!;
        element.addEventListener(
          'nnp-epoch-end',
          (event) => {
            element.controller!.pause();
            resolve((event as CustomEvent<{ metrics: { epoch: number } }>).detail.metrics.epoch);
          },
          { once: true },
        );
        element.controller!.play();
      }),
  );
  expect(heard).toBeGreaterThan(0);
  await expectEngine(page, 'api', 'paused');
  const epoch = await page.evaluate(
    () => document.querySelector('nn-playground')!.controller!.metrics().epoch,
  );
  expect(epoch).toBeGreaterThanOrEqual(heard);
  // A bad value is refused with the scene's own message, and the run keeps its settings.
  const refused = await page.evaluate(() => {
    try {
      document.querySelector('nn-playground')!.controller!.setHyperparameters({ lr: -1 });
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(refused).toMatch(/lr/);
});

test.describe('the share row', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link gives the full page beside the script with the element’s scene', async ({
    page,
  }) => {
    await coursePage(page, '<nn-playground id="shared" hide="seed"></nn-playground>');
    await expectEngine(page, 'shared', 'paused');
    // Copy embed code describes the standalone page; the rest of the row serves a course page.
    await expect(page.locator('#shared #embed-code')).toBeHidden();
    for (const id of ['save-model', 'save-scene', 'open-file', 'copy-link', 'qr-code']) {
      await expect(page.locator(`#shared #${id}`)).toBeVisible();
    }
    await page.locator('#shared #copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const full = new URL('index.html', page.url()).href;
    expect(link.startsWith(`${full}#scene=`)).toBe(true);
    expect(link).toContain('&hide=seed');
    const scene = await page.evaluate(() =>
      document.querySelector('nn-playground')!.controller!.scene(),
    );
    const encoded = /scene=([^&]+)/.exec(link)![1]!;
    expect(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))).toEqual(scene);
  });
});
