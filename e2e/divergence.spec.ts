// Divergence in the page (issue 17): every scene of web/test/divergence-scenes.ts opened by link
// at lr 10 and played. A run that diverges shows "diverged at step N" with the hint (lower the
// learning rate, clip gradients), keeps its last finite state, and no NaN or Infinity appears in
// the page's text; then Reset, the scene's own lr, Play: it trains without an error. A scene that
// stays finite plays on with finite numbers. With NNP_DIVERGENCE_PAGE=<file> each scene's result
// is written there (scripts/divergence-matrix.sh, for docs/reliability.md's matrix); without it,
// the short run (MatrixScene.short).
import { appendFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { divergenceScenes, HUGE_LR, withLr } from '../web/test/divergence-scenes.ts';
import { choosePace, expectEngine, readNumber } from './helpers.ts';
import { sceneHash } from './links.ts';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

/** Steps a scene that stays finite plays before the test pauses it. */
const PLAYED_STEPS = 300;
const PLAY_MS = 45_000;
const REPORT = process.env.NNP_DIVERGENCE_PAGE;

/** Pauses a playing run; one early stopping has finished stays so. */
async function pause(page: Page): Promise<void> {
  if ((await page.locator('body').getAttribute('data-engine')) === 'training') {
    await page.locator('#play').click();
  }
  await expect(page.locator('body')).toHaveAttribute('data-engine', /^(paused|finished)$/);
}

async function expectNoNaNInText(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bNaN\b|Infinity/);
}

/** Every scene for the matrix (scripts/divergence-matrix.sh sets REPORT), else the short run. */
const SCENES = divergenceScenes().filter((entry) => REPORT !== undefined || entry.short);

for (const { id, scene } of SCENES) {
  test(`${id} at lr ${HUGE_LR}: the message and hint, no NaN shown, Reset and a lower lr train`, async ({
    page,
  }) => {
    await page.goto(`/${sceneHash(withLr(scene, HUGE_LR))}`);
    // A shipped dataset's files (Fashion-MNIST's are 9 MB) load first.
    await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', {
      timeout: 60_000,
    });
    await expect(page.locator('#tc-lr-preset')).toHaveValue(String(HUGE_LR));
    await choosePace(page, 'fast');
    await page.locator('#play').click();
    const error = page.locator('#error');
    const body = page.locator('body');
    // Until it diverges, early stopping finishes the run, it has played PLAYED_STEPS steps or
    // PLAY_MS have passed (Fashion-MNIST's steps are slow on a loaded machine).
    const ended = async () =>
      (await error.isVisible()) ||
      (await body.getAttribute('data-engine')) === 'finished' ||
      (await readNumber(page, '#step-count')) >= PLAYED_STEPS;
    for (const deadline = Date.now() + PLAY_MS; Date.now() < deadline && !(await ended());) {
      await page.waitForTimeout(250);
    }
    let result: string;
    if (await error.isVisible()) {
      await expect(error).toContainText(/diverged at step \d+/);
      await expect(error).toContainText('Lower the learning rate');
      await expect(error).toContainText('clip gradients');
      await expectEngine(page, 'paused');
      result = `stops: "${/diverged at step \d+/.exec((await error.textContent()) ?? '')![0]}" and the hint`;
    } else if ((await body.getAttribute('data-engine')) === 'finished') {
      await expect(page.locator('#train-loss')).toHaveText(/\d/);
      const step = await page.locator('#step-count').textContent();
      result = `early stopping ends it at step ${step}: train loss ${await page.locator('#train-loss').textContent()}`;
    } else {
      await pause(page);
      await expect(page.locator('#train-loss')).toHaveText(/\d/);
      result = `plays on: train loss ${await page.locator('#train-loss').textContent()}`;
    }
    await expectNoNaNInText(page);
    // Reset, the scene's own learning rate, Play: a run that trains.
    await page.locator('#reset').click();
    await page.locator('#tc-lr-preset').selectOption(String(scene.optimizer.lr));
    await expect(page.locator('#step-count')).toHaveText('0');
    await page.locator('#play').click();
    await expect
      .poll(() => readNumber(page, '#step-count'), { timeout: 60_000 })
      .toBeGreaterThan(10);
    await pause(page);
    await expect(error).toBeHidden();
    expect(Number.isFinite(await readNumber(page, '#train-loss'))).toBe(true);
    await expectNoNaNInText(page);
    if (REPORT)
      appendFileSync(REPORT, `${id}\t${result}; Reset at lr ${scene.optimizer.lr} trains\n`);
  });
}
