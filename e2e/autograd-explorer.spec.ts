// The autograd explorer (#lab=autograd), operated as a student would: the gradients it shows for
// several expressions equal PyTorch's (tests/fixtures/autograd/expressions.json, to the shown six
// significant digits) and the shown finite differences within 1e-3; stepping reaches Backward's
// gradients; a second Backward without zero_grad doubles a parameter's .grad; a bad expression
// shows its column; the settings travel in the link.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

interface FixtureLeaf {
  name: string;
  value: number;
  requiresGrad: boolean;
  grad: number | null;
}
interface FixtureCase {
  name: string;
  expression: string;
  leaves: FixtureLeaf[];
  value: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('../tests/fixtures/autograd/expressions.json', import.meta.url), 'utf8'),
) as { expressions: FixtureCase[] };
const byName = (name: string) => fixture.expressions.find((e) => e.name === name)!;

/** A shown number equals `expected` to its six significant digits. */
function expectShown(shown: string, expected: number, what: string) {
  const v = Number(shown);
  expect(Number.isFinite(v), `${what}: "${shown}"`).toBe(true);
  expect(Math.abs(v - expected), `${what}: ${shown} vs ${expected}`).toBeLessThanOrEqual(
    Math.abs(expected) * 5e-6 + 1e-12 + 5e-7,
  );
}

async function open(page: Page) {
  await page.goto('/#lab=autograd');
  await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready', { timeout: 20000 });
}

/** Types the expression, then each leaf's value and requires_grad, through the controls. */
async function enter(page: Page, c: FixtureCase) {
  await page.getByLabel('Expression', { exact: true }).fill(c.expression);
  await expect(page.locator('#ag-error')).toBeHidden();
  for (const leaf of c.leaves) {
    const value = page.getByLabel(`value of ${leaf.name}`, { exact: true });
    await value.fill(String(leaf.value));
    await value.press('Enter');
    await value.blur();
    const rg = page.getByLabel(`${leaf.name} requires grad`, { exact: true });
    if ((await rg.isChecked()) !== leaf.requiresGrad) await rg.click();
  }
}

async function leafCell(page: Page, leaf: string, cell: string) {
  return (await page.locator(`tr[data-leaf="${leaf}"] .${cell}`).textContent()) ?? '';
}

test.describe('the autograd explorer', () => {
  for (const name of [
    'square',
    'tanh-neuron',
    'sigmoid-neuron-bce',
    'two-layer-net-mse',
    'gelu',
    'max',
  ]) {
    test(`${name}: the gradients equal PyTorch's and the finite differences`, async ({ page }) => {
      const c = byName(name);
      await open(page);
      await enter(page, c);
      await expect(page.locator('.ag-output')).toHaveText(/^out = /);
      expectShown((await page.locator('.ag-output').textContent())!.slice(6), c.value, 'out');
      await page.getByRole('button', { name: 'Backward', exact: true }).click();
      for (const leaf of c.leaves) {
        if (leaf.grad === null) {
          await expect(page.locator(`tr[data-leaf="${leaf.name}"] .ag-leaf-grad`)).toHaveText(
            'None (constant)',
          );
          continue;
        }
        const shown = await leafCell(page, leaf.name, 'ag-leaf-grad');
        expectShown(shown, leaf.grad, `${name}: ${leaf.name}.grad`);
        const fd = Number(await leafCell(page, leaf.name, 'ag-leaf-fd'));
        expect(Math.abs(Number(shown) - fd)).toBeLessThanOrEqual(1e-3);
      }
    });
  }

  test('Step backward reaches the gradients of Backward, and shows the chain rule', async ({
    page,
  }) => {
    const c = byName('sigmoid-neuron-bce');
    await open(page);
    await enter(page, c);
    const step = page.getByRole('button', { name: 'Step backward' });
    await step.click();
    // The first step is the loss node: upstream 1.
    await expect(page.locator('.ag-chain-node')).toContainText('∂out/∂node = 1.');
    await expect(page.locator('.ag-node.ag-current')).toHaveCount(1);
    for (
      let i = 0;
      i < 20 && !(await page.locator('#ag-chain').textContent())!.includes('pass is complete');
      i++
    )
      await step.click();
    await expect(page.locator('#ag-chain')).toContainText('this backward pass is complete');
    for (const leaf of c.leaves.filter((l) => l.grad !== null))
      expectShown(
        await leafCell(page, leaf.name, 'ag-leaf-grad'),
        leaf.grad!,
        `stepped ${leaf.name}.grad`,
      );
    // Each product written out is upstream × local.
    for (const line of await page.locator('.ag-chain-input').allTextContents()) {
      const m = /local = (\S+) × (\S+) = (\S+)/.exec(line);
      if (m) expect(Number(m[3])).toBeCloseTo(Number(m[1]) * Number(m[2]), 4);
    }
  });

  test('a second Backward without zero_grad doubles .grad; zero_grad clears it', async ({
    page,
  }) => {
    await open(page);
    await enter(page, byName('square'));
    const backward = page.getByRole('button', { name: 'Backward', exact: true });
    await backward.click();
    await expect(page.locator('tr[data-leaf="x"] .ag-leaf-grad')).toHaveText('12');
    await backward.click();
    await expect(page.locator('tr[data-leaf="x"] .ag-leaf-grad')).toHaveText('24');
    await expect(page.locator('.ag-accumulate')).toContainText('2 backward passes since zero_grad');
    await expect(page.locator('#ag-pytorch')).toContainText('x.grad');
    await page.getByRole('button', { name: 'zero_grad' }).click();
    await expect(page.locator('tr[data-leaf="x"] .ag-leaf-grad')).toHaveText('0');
    await expect(page.locator('#ag-pytorch')).toContainText('x.grad.zero_()');
  });

  test('a bad expression shows its column, and the link keeps the settings', async ({ page }) => {
    await open(page);
    const field = page.getByLabel('Expression', { exact: true });
    await field.fill('tanh(w*x + b');
    await expect(page.locator('#ag-error')).toHaveText(
      "column 13: expected ',' or ')' to close the '(' of tanh at column 5",
    );
    await expect(page.locator('.ag-caret')).toHaveText(`${' '.repeat(12)}^`);
    await expect(page.getByRole('button', { name: 'Backward', exact: true })).toBeDisabled();
    await field.fill('tanh(w*x + b)');
    await expect(page.locator('#ag-error')).toBeHidden();
    await page.getByLabel('value of w', { exact: true }).fill('0.25');
    await page.getByLabel('value of w', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/expr=tanh/);
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-engine', 'ready');
    await expect(field).toHaveValue('tanh(w*x + b)');
    await expect(page.getByLabel('value of w', { exact: true })).toHaveValue('0.25');
  });

  test('is operable by keyboard: an example picked and Backward pressed without a mouse', async ({
    page,
  }) => {
    await open(page);
    await page.getByLabel('Examples').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Expression', { exact: true })).toHaveValue('tanh(w*x + b)');
    await page.getByRole('button', { name: 'Backward', exact: true }).focus();
    await page.keyboard.press('Enter');
    expectShown(
      await leafCell(page, 'w', 'ag-leaf-grad'),
      byName('tanh-neuron').leaves[0]!.grad!,
      'w.grad',
    );
  });
});
