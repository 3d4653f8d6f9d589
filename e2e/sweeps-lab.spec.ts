// The learning-rate and batch-size lab (web/src/labs/sweeps): the sweep's final losses, the range
// test's rates and losses and the batch runs' counts are the engine's — the same scenes trained
// headless give the same bits (variants-headless.ts says why they must) — and its controls work
// by keyboard and land in the link.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import {
  batchRuns,
  DEFAULT_SWEEP,
  RANGE_GAMMA,
  RANGE_TEST,
  rangeScene,
  rateScenes,
  SWEEP_RATES,
} from '../web/src/labs/sweeps/scenes.ts';
import { RANGE_BLOWUP } from '../web/src/labs/variants/protocol.ts';
import {
  epochsHeadless,
  rangeHeadless,
  ranCoreWasm,
  tableValues,
  trainHeadless,
  useCoreWasm,
} from './variants-headless.ts';

failOnPageProblems(test);

const EPOCHS = 12;

test('the sweep, the range test and the batch runs show the engine\u2019s numbers', async ({
  page,
}) => {
  const fetched = await useCoreWasm(page);
  await page.goto(`/#lab=sweeps&epochs=${EPOCHS}`);
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 90_000,
  });
  expect(ranCoreWasm(fetched), fetched.join(', ')).toBe(true);

  // (a) Each rate's final training loss, test accuracy and epochs, as a headless run gives them.
  const sweep = await tableValues(page, '.sweeps-rate-table', 'rate');
  // (Object keys put the integer-like "10" first.)
  expect(
    Object.keys(sweep)
      .map(Number)
      .sort((a, b) => a - b),
  ).toEqual(SWEEP_RATES);
  const finals: number[] = [];
  for (const scene of rateScenes()) {
    const { evaluation, epoch } = await trainHeadless(scene, EPOCHS);
    expect(sweep[String(scene.optimizer.lr)], `lr ${scene.optimizer.lr}`).toEqual([
      evaluation.train.loss,
      evaluation.test.accuracy,
      epoch,
    ]);
    finals.push(evaluation.train.loss);
  }
  // The U: the ends are worse than the best rate in between.
  const best = Math.min(...finals);
  expect(finals[0]).toBeGreaterThan(best);
  expect(finals.at(-1)).toBeGreaterThan(best);

  // (b) The range test's rate and loss at every step, as the engine's scheduler gives them.
  await page.locator('.sweeps-numbers summary').click();
  const rows = page.locator('.sweeps-range-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const range = await page
    .locator('.sweeps-range-table tbody tr')
    .evaluateAll((all) =>
      all.map((row) =>
        Array.from(row.querySelectorAll('td[data-value]'), (td) =>
          Number((td as HTMLElement).dataset.value),
        ),
      ),
    );
  const headless = await rangeHeadless(rangeScene(), range.length);
  expect(range.map(([lr]) => lr)).toEqual(headless.rates);
  expect(range.map(([, loss]) => loss)).toEqual(headless.losses);
  // ExponentialLR: the first step at the start rate, each next one RANGE_GAMMA times the last.
  expect(headless.rates[0]).toBe(RANGE_TEST.start);
  for (let i = 1; i < headless.rates.length; i++)
    expect(headless.rates[i]! / headless.rates[i - 1]!).toBeCloseTo(RANGE_GAMMA, 9);
  // It ran to its last step, or stopped at the first loss past RANGE_BLOWUP × the first one.
  const last = headless.losses.at(-1)!;
  const blewUp = !Number.isFinite(last) || last > RANGE_BLOWUP * headless.losses[0]!;
  expect(blewUp || range.length === RANGE_TEST.steps).toBe(true);
  for (const loss of headless.losses.slice(0, -1))
    expect(loss).toBeLessThanOrEqual(RANGE_BLOWUP * headless.losses[0]!);

  // (c) Each batch run's vocabulary: the engine's steps per epoch, steps and samples.
  for (const run of batchRuns(DEFAULT_SWEEP)) {
    const { steps, progress } = await epochsHeadless(run.scene, EPOCHS);
    const s = (n: number, word: string) =>
      `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
    await expect(page.locator(`.sweeps-vocabulary [data-run="${run.id}"]`)).toHaveText(
      `${run.title}: one epoch = ${s(steps, 'step')} of ${s(run.batchSize, 'sample')}. ` +
        `Epoch ${EPOCHS} = ${progress.step.toLocaleString('en-US')} steps, ` +
        `${progress.samples.toLocaleString('en-US')} samples seen.`,
    );
  }
});

test('the settings work by keyboard and go into the link', async ({ page }) => {
  await page.goto('/#lab=sweeps&epochs=5');
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  const batch = page.getByLabel('Mini-batch size');
  await batch.focus();
  await batch.selectOption('10');
  await expect(page).toHaveURL(/batch=10/);
  await expect(page.locator('.sweeps-vocabulary [data-run="mini"]')).toContainText(
    'Mini-batch of 10: one epoch = 10 steps of 10 samples.',
  );
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Restart' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  await expect(page.locator('.sweeps-rate-table tbody tr')).toHaveCount(SWEEP_RATES.length);
  await expect(page.locator('.sweeps-vocabulary [data-run="full"]')).toContainText(
    'Epoch 5 = 5 steps, 500 samples seen.',
  );
});

test('the lab trains in the single file, opened from file://', async ({ page }) => {
  // Its worker is inlined there (labs/variants/variants-worker-factory.single.ts).
  const file = pathToFileURL(
    fileURLToPath(new URL('../web/dist/nn-playground.html', import.meta.url)),
  );
  await page.goto(`${file.href}#lab=sweeps&epochs=5`);
  await expect(page.locator('main.lab')).toHaveAttribute('data-state', 'finished', {
    timeout: 60_000,
  });
  await expect(page.locator('.sweeps-vocabulary [data-run="full"]')).toHaveText(
    'Full batch: one epoch = 1 step of 100 samples. Epoch 5 = 5 steps, 500 samples seen.',
  );
});
