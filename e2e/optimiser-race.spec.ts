// The optimiser race lab (#lab=race, web/src/labs/race): operated through its controls, its numbers
// checked against the engine run headless (core-labs.wasm under node) and PyTorch's fixture
// (tests/fixtures/race/), divergence stopping one racer with its step named, a typed surface's
// syntax error pointing at its column, the keyboard moving the start; and the screenshot.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import createLabsCore from '../web/src/wasm/core-labs.mjs';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

const fixture = JSON.parse(
  readFileSync(new URL('../tests/fixtures/race/optimiser_race.json', import.meta.url), 'utf8'),
) as {
  tolerance: { atol: number; rtol: number };
  runs: { name: string; expression: string; start: [number, number]; trajectory: number[] }[];
};

async function open(page: Page, hash: string) {
  await page.goto(`/#lab=race${hash}`);
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20000 });
}

/** Only these racers ticked (by their checkboxes). */
async function only(page: Page, ids: string[]) {
  for (const box of await page.locator('.race-racer input[type=checkbox]').all()) {
    const id = (await box.getAttribute('id'))!.replace('race-on-', '');
    await box.setChecked(ids.includes(id));
  }
}

async function step(page: Page, steps: number) {
  await page.getByLabel('steps per Step').fill(String(steps));
  await page.getByLabel('steps per Step').press('Enter');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('main.lab')).toHaveAttribute('data-steps', String(steps));
}

function within(got: number[], expected: number[], what: string) {
  const { atol, rtol } = fixture.tolerance;
  expect(got.length, what).toBe(expected.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - expected[i]!), `${what}[${i}]`).toBeLessThanOrEqual(
      atol + rtol * Math.abs(expected[i]!),
    );
  });
}

test("Adam's path on Rosenbrock is the engine's headless run and PyTorch's", async ({ page }) => {
  await open(page, '&s=rosenbrock');
  await only(page, ['adam']);
  await expect(page.getByLabel('Adam lr')).toHaveValue('0.05');
  await step(page, 500);
  const row = page.locator('.race-readout tr[data-racer="adam"]');
  await expect(row).toHaveAttribute('data-steps', '500');
  const shown = (await row.getAttribute('data-trajectory'))!.split(',').map(Number);

  const reference = fixture.runs.find((r) => r.name === 'rosenbrock-Adam-500')!;
  within(shown, reference.trajectory, 'page vs PyTorch');

  const labs = await createLabsCore({
    wasmBinary: readFileSync(new URL('../web/src/wasm/core-labs.wasm', import.meta.url)),
  });
  const race = new labs.OptimiserRace({
    expression: reference.expression,
    start: reference.start,
    racers: [{ name: 'Adam', lr: 0.05, betas: [0.9, 0.999] }],
  });
  race.run(500);
  const headless = Array.from(race.trajectory(0));
  race.delete();
  expect(shown).toEqual(headless);

  // The PyTorch code beside it is this run's.
  await expect(page.locator('.race-code-text')).toContainText(
    'p = torch.tensor([-1.2, 1], requires_grad=True)',
  );
  await expect(page.locator('.race-code-text')).toContainText(
    'opt = torch.optim.Adam([p], lr=0.05, betas=(0.9, 0.999))',
  );
});

test('a learning rate too large on a steep bowl stops that racer at the step named', async ({
  page,
}) => {
  await open(page, '&s=bowl&k=100');
  await only(page, ['sgd', 'adam']);
  await page.getByLabel('SGD lr').fill('1');
  await page.getByLabel('SGD lr').press('Enter');
  await step(page, 200);
  const sgd = page.locator('.race-readout tr[data-racer="sgd"]');
  await expect(sgd).toHaveAttribute('data-diverged', 'true');
  const stopped = Number(await sgd.getAttribute('data-steps'));
  expect(stopped).toBeGreaterThan(3);
  await expect(sgd.locator('.race-state')).toContainText(`diverged at step ${stopped + 1}:`);
  // Adam, beside it, ran every step.
  await expect(page.locator('.race-readout tr[data-racer="adam"]')).toHaveAttribute(
    'data-steps',
    '200',
  );
});

test("a typed surface's syntax error shows its column; a good one races", async ({ page }) => {
  await open(page, '');
  await page.locator('.race-surface').selectOption('custom');
  const f = page.locator('.race-custom');
  await f.fill('x^2 + * y');
  await f.press('Enter');
  const error = page.locator('.race-custom-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('column 7');
  await expect(error).toContainText('\n      ^');
  await f.fill('x^2 + 3*y^2');
  await f.press('Enter');
  await expect(error).toBeHidden();
  await step(page, 10);
  expect(page.url()).toContain('f=x%5E2');
});

test('the keyboard moves the start and plays the race', async ({ page }) => {
  await open(page, '&s=himmelblau');
  await page.locator('.race-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toContain('x=-0.3');
  await page.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => Number(await page.locator('main.lab').getAttribute('data-steps')))
    .toBeGreaterThan(20);
  await page.keyboard.press('Enter'); // Pause
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await open(page, '&s=rosenbrock');
  await step(page, 300);
  await page.screenshot({ path: 'docs/screenshots/optimiser-race.png', fullPage: true });
});
