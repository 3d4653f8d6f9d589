// The page with every view live, as the page benchmark (bench/bench-page.mjs), the soak benchmark
// (bench/bench-soak.mjs) and the soak's short test (e2e/soak.spec.ts) drive it: W1 as a scene,
// every view open, training at full speed until a step or epoch count.
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { choosePace, expectEngine, readNumber } from './helpers.ts';

/** Tall enough that every panel, the network diagram's included, is on screen at once: the
 *  worker computes the diagram's data only while it is (app/mount.ts). */
export const EVERY_VIEW_VIEWPORT = { width: 1440, height: 2200 };

const workloads = JSON.parse(
  readFileSync(new URL('../bench/workloads/workloads.json', import.meta.url), 'utf8'),
) as { W1: { batch: number; spec: object } };

/** W1 (bench/workloads/workloads.json, the workload every benchmark shares) as a page scene on
 *  the circle data. */
export const W1_SCENE = {
  format: 'nn-playground/scene@1',
  seed: 1,
  data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 },
  ...workloads.W1.spec,
  training: { batchSize: workloads.W1.batch },
};

/** Opens every view the page has for the loaded scene: each disclosure (the confusion matrix,
 *  the test images, the download menus), and a hidden neuron in the parameter inspector (its
 *  weights, gradients and large map). The charts and the network diagram are always live. */
export async function openEveryView(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  await page.locator('.net-node[data-layer="1"][data-unit="0"]').click();
  await expect(page.locator('#network-inspector .net-readout')).toContainText('gradient');
}

/** The optimiser steps and epochs the page shows. */
export async function progress(page: Page): Promise<{ steps: number; epochs: number }> {
  return { steps: await readNumber(page, '#step-count'), epochs: await readNumber(page, '#epoch') };
}

/** Trains at full speed ("as fast as it goes") until `done(progress)` holds, then pauses. */
export async function trainUntil(
  page: Page,
  done: (shown: { steps: number; epochs: number }) => boolean | Promise<boolean>,
  timeout: number,
): Promise<{ steps: number; epochs: number }> {
  await choosePace(page, 'fast');
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect
    .poll(async () => done(await progress(page)), { timeout, intervals: [500] })
    .toBe(true);
  await page.locator('#play').click();
  // A loaded machine may take seconds to answer the pause (a large scene's views come with it).
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', { timeout: 60_000 });
  return progress(page);
}
