// The single self-contained file (issue 13): web/dist/nn-playground.html opened from file:// as a
// double click would — no server — trains, opens the inlined datasets, takes Fashion-MNIST from
// files the user picks, keeps its links in the same file, and asks nothing of any network.
// Needs the single build (scripts/build-page.sh); the Playwright config's server is not used.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectEngine, readNumber, tile } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';

failOnPageProblems(test);

const FILE = pathToFileURL(
  fileURLToPath(new URL('../web/dist/nn-playground.html', import.meta.url)),
);
const DATA = fileURLToPath(new URL('../web/public/data/', import.meta.url));

/** The single file inlines core.wasm only (web/src/engine/wasm.single.ts): plain SIMD128. */
const SINGLE_FILE_ARCH = 'wasm/4';

/** Every URL the page and its worker ask for; the test ends by checking them. */
let requested: string[] = [];

test.beforeEach(({ context }) => {
  requested = [];
  context.on('request', (request) => requested.push(request.url()));
});

test.afterEach(() => {
  // Only the file itself, and the data: and blob: URLs it makes from what it holds.
  const foreign = requested.filter(
    (url) => !/^(data|blob):/.test(url) && url.split('#')[0] !== FILE.href,
  );
  expect(foreign).toEqual([]);
});

/** Opens the file (with `hash`) and waits for the engine and a paused run. */
async function openFile(page: Page, hash = ''): Promise<void> {
  await page.goto(FILE.href + hash);
  await expect(page.locator('#simd-arch')).toHaveText(SINGLE_FILE_ARCH, { timeout: 30_000 });
  await expectEngine(page, 'paused');
}

test('opens from file://, trains, and its links open in the same file', async ({ page }) => {
  await openFile(page);
  const before = await readNumber(page, '#train-loss');
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await expect.poll(() => readNumber(page, '#epoch'), { timeout: 30_000 }).toBeGreaterThan(3);
  await expect
    .poll(() => readNumber(page, '#train-loss'), { timeout: 30_000 })
    .toBeLessThan(before * 0.8);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');

  // A change is a link to this very file: #scene=… after the file's own path.
  await tile(page, 'xor').click();
  await expectEngine(page, 'paused');
  const link = page.url();
  expect(link.startsWith(`${FILE.href}#scene=`)).toBe(true);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.locator('#simd-arch')).toHaveText(SINGLE_FILE_ARCH, { timeout: 30_000 });
  await expect(tile(other, 'xor')).toHaveAttribute('aria-checked', 'true');
  await expectEngine(other, 'paused');
  await other.close();

  // Its QR code would send a phone to this computer's file: the dialog says so.
  await page.locator('#qr-code').click();
  await expect(page.locator('#qr-link')).toHaveValue(link);
  await expect(page.locator('#qr-local')).toContainText('a phone cannot open its link');
});

test('opens the inlined digits and iris from the gallery', async ({ page }) => {
  await openFile(page);
  await tile(page, 'real:digits').click();
  await expect(page.locator('#class-names li')).toHaveCount(10);
  await expectEngine(page, 'paused');
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');

  await tile(page, 'real:iris').click();
  await expect(page.locator('#class-names li')).toHaveCount(3);
  await expect(page.locator('#class-names')).toContainText('setosa');
  await expectEngine(page, 'paused');
  await expect(page.locator('#error')).toBeHidden();
});

test('asks for the Fashion-MNIST files and loads the ones picked', async ({ page }) => {
  await openFile(page);
  const pick = page.locator('.file-pick[data-dataset="real:fashion"]');
  await expect(pick).toContainText('fashion-train.nnpd and fashion-test.nnpd');
  const input = page.locator('#file-pick-fashion');

  // Chosen before its files are here, the dataset says where they are to be picked.
  await tile(page, 'real:fashion').click();
  await expect(page.locator('#error')).toContainText('pick it below the dataset tiles');

  // A file of another dataset is refused by name; one of the two is kept until the other comes.
  await input.setInputFiles(`${DATA}iris.nnpd`);
  await expect(pick.getByRole('status')).toHaveText(
    'iris.nnpd is not a file of Fashion-MNIST (10k subset): pick fashion-train.nnpd and fashion-test.nnpd.',
  );
  await input.setInputFiles(`${DATA}fashion-train.nnpd`);
  await expect(pick.getByRole('status')).toHaveText('Still missing: fashion-test.nnpd.');
  await input.setInputFiles(`${DATA}fashion-test.nnpd`);
  await expect(pick.getByRole('status')).toHaveText(
    'Picked fashion-train.nnpd and fashion-test.nnpd.',
  );

  await expect(page.locator('#class-names li')).toHaveCount(10);
  await expect(page.locator('#class-names')).toContainText('Ankle boot');
  await expect(tile(page, 'real:fashion')).toHaveAttribute('aria-checked', 'true');
  await expectEngine(page, 'paused');
  await expect(page.locator('#error')).toBeHidden();
  await page.locator('#step').click();
  await expect(page.locator('#step-count')).toHaveText('1');
  await expect(page.locator('#dataset-test-accuracy')).not.toHaveText('–');
});
