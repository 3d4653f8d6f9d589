// The gradient-flow lab (#lab=gradient-flow): operated through its presets and buttons, its
// figures read from the page, each computed by the engine (core-labs.wasm's GradientFlow).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

async function open(page: Page, preset: string): Promise<void> {
  await page.goto(`/#lab=gradient-flow&preset=${preset}`);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20000 });
  await expect(page.locator(`.flow-preset[data-preset="${preset}"]`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

const side = (page: Page, kind: Kind) => page.locator(`.flow-side[data-side="${kind}"]`);

async function stepsOf(s: Locator): Promise<number> {
  return Number(await s.getAttribute('data-steps'));
}

/** Pauses once the sides (both by default) have trained at least `steps` steps. */
type Kind = 'failure' | 'cure';
async function trainTo(page: Page, steps: number, kinds: readonly Kind[] = ['failure', 'cure']) {
  const least = async () =>
    Math.min(...(await Promise.all(kinds.map((k) => stepsOf(side(page, k))))));
  await expect.poll(least, { timeout: 60000 }).toBeGreaterThanOrEqual(steps);
  const play = page.locator('.flow-play');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  await expect(play).toHaveText('Play');
}

/** The second layer's dead or saturated share, in percent, as the side's table shows it. */
async function share(page: Page, kind: Kind, column: 'dead' | 'saturated'): Promise<number> {
  const cell = side(page, kind).locator(`tr[data-layer="1"] .flow-${column}`);
  return parseFloat((await cell.textContent()) ?? '');
}

async function gradNorm(s: Locator, layer: number): Promise<number> {
  return Number(
    await s.locator(`tr[data-layer="${layer}"] .flow-grad-norm`).getAttribute('data-value'),
  );
}

test('zero init: every unit of a layer stays identical to the last bit, random init breaks the symmetry', async ({
  page,
}) => {
  await open(page, 'symmetry');
  await trainTo(page, 200);
  const failure = side(page, 'failure');
  await expect(failure.locator('.flow-weights')).toHaveAttribute('open', '');
  // The engine's weights of the first layer, as the page shows them (shortest round-trip decimals).
  const rows = await failure
    .locator('.flow-weight-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('.flow-w'), (td) => td.textContent)),
    );
  expect(rows).toHaveLength(8);
  // They moved away from zero (this is learning), and every row equals the first, bit for bit.
  expect(rows[0]!.some((v) => Number(v) !== 0)).toBe(true);
  for (const row of rows) expect(row).toEqual(rows[0]);
  await expect(failure.locator('tr[data-layer="0"] .flow-distinct')).toHaveText('1');
  await expect(failure.locator('tr[data-layer="1"] .flow-distinct')).toHaveText('1');
  const cure = side(page, 'cure');
  await expect(cure.locator('tr[data-layer="0"] .flow-distinct')).toHaveText('8');
  const cureRows = await cure
    .locator('.flow-weight-table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.querySelector('.flow-w')?.textContent));
  expect(new Set(cureRows).size).toBe(8);
});

test('vanishing gradients: the deep sigmoid’s first layer gets orders less gradient than ReLU with He', async ({
  page,
}) => {
  await open(page, 'vanishing');
  await trainTo(page, 100);
  const sigmoid = await gradNorm(side(page, 'failure'), 0);
  const relu = await gradNorm(side(page, 'cure'), 0);
  expect(sigmoid).toBeGreaterThan(0);
  expect(sigmoid).toBeLessThan(relu / 100);
  // Down the sigmoid network the gradient shrinks layer by layer.
  expect(sigmoid).toBeLessThan((await gradNorm(side(page, 'failure'), 5)) / 100);
});

test('the presets switch by keyboard; exploding diverges, clipping trains; a large rate kills ReLUs', async ({
  page,
}) => {
  await open(page, 'vanishing');
  await page.locator('.flow-preset[data-preset="exploding"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/preset=exploding/);
  await expect(side(page, 'failure').locator('.flow-status')).toContainText('Diverged', {
    timeout: 20000,
  });
  await trainTo(page, 300, ['cure']);
  await expect(side(page, 'cure').locator('.flow-status')).toContainText('Step');
  await page.locator('.flow-preset[data-preset="dying-relu"]').click();
  await trainTo(page, 200);
  expect(await share(page, 'failure', 'dead')).toBeGreaterThan(50);
  expect(await share(page, 'cure', 'dead')).toBeLessThan(20);
  await page.locator('.flow-preset[data-preset="saturation"]').click();
  await trainTo(page, 50);
  expect(await share(page, 'failure', 'saturated')).toBeGreaterThan(40);
  expect(await share(page, 'cure', 'saturated')).toBeLessThan(20);
  // Step trains 50 more steps while paused.
  await page.locator('.flow-reset').click();
  await page.locator('.flow-play').click();
  await expect(page.locator('.flow-play')).toHaveText('Play');
  const before = await stepsOf(side(page, 'cure'));
  expect(before).toBeLessThan(1000);
  await page.locator('.flow-step').click();
  await expect.poll(() => stepsOf(side(page, 'cure'))).toBe(before + 50);
});
