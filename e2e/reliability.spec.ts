// Issue 17 in the page (docs/reliability.md): scenes past the engine's limits or its memory budget
// refused before anything is allocated, with the page still working; crafted links that cannot
// make the page request anything outside its origin nor run script; a trapped worker replaced
// with the scene restored; a reload and two tabs that lose no scene.
import { expect, test, type Page, type Request } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { ENGINE_ARCH, expectEngine, tile } from './helpers.ts';
import { sceneHash } from './links.ts';
import { LIMITS, datasetScene, defaultScene, type Scene } from '../web/src/scene/index.ts';

failOnPageProblems(test);

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expectEngine(page, 'paused');
}

const checked = (page: Page) => page.locator('#dataset-gallery [aria-checked="true"]');
const chain = (page: Page) => page.locator('#architecture');

/** The largest network, batch, ensemble and data each field's own limit allows: together far
 *  past the memory budget. */
function largestScene(): Scene {
  const scene: Scene = datasetScene({ name: 'circle', seed: 1 });
  const hidden = Array.from({ length: LIMITS.layers.max - 1 }, () => ({
    units: LIMITS.units.max,
    activation: 'ReLU' as const,
  }));
  scene.model.layers = [...hidden, { units: 1, activation: 'Sigmoid' }];
  scene.training = {
    ...scene.training,
    batchSize: LIMITS.batchSize.max,
    ensemble: { members: LIMITS.members.max },
  };
  if (scene.data.name !== 'supplied') scene.data = { ...scene.data, samples: LIMITS.samples.max };
  return scene;
}

/** The page keeps working after a refusal: another dataset loads and trains. */
async function stillWorks(page: Page): Promise<void> {
  await tile(page, 'xor').click();
  await expect(checked(page)).toHaveAttribute('data-dataset', 'xor');
  await expectEngine(page, 'paused');
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
}

test('shows each size control beside its engine limit', async ({ page }) => {
  await open(page, '/');
  await expect(page.locator('#samples')).toHaveAttribute('max', String(LIMITS.samples.max));
  await expect(page.locator('#samples-field .limit-note')).toHaveText('max 10,000');
  await expect(page.locator('.net-count .limit-note')).toHaveText(
    `max ${LIMITS.layers.max - 1} · ${LIMITS.units.max} neurons each`,
  );
  await expect(page.locator('[data-control="batchSize"] .limit-note')).toHaveText('max 10,000');
  await expect(page.locator('[data-control="members"] .limit-note')).toHaveText(
    `max ${LIMITS.members.max}`,
  );
  await expect(page.locator('#csv-limits')).toContainText('100,000 rows');
});

test('a link past the memory budget is refused with the estimate; the page keeps working', async ({
  page,
}) => {
  await open(page, '/');
  await page.evaluate((hash) => (location.hash = hash), sceneHash(largestScene()));
  const error = page.locator('#error .error-text');
  await expect(error).toBeVisible();
  await expect(error).toContainText('scene.training.batchSize');
  await expect(error).toContainText('parameters');
  await expect(error).toContainText('of memory');
  await expect(error).toContainText('budget of 1.0 GB');
  await expect(checked(page)).toHaveAttribute('data-dataset', 'circle');
  await stillWorks(page);
});

test('links with huge sizes are refused by their field; opened directly too', async ({ page }) => {
  const huge: [string, (s: Scene) => void, RegExp][] = [
    ['units', (s) => (s.model.layers[0]!.units = 1e9), /scene\.model\.layers\[0\]\.units/],
    ['batch', (s) => (s.training.batchSize = 1e12), /scene\.training\.batchSize/],
    ['members', (s) => (s.training.ensemble = { members: 1e6 }), /training\.ensemble\.members/],
    [
      'samples',
      (s) => s.data.name !== 'supplied' && (s.data.samples = 2 ** 40),
      /scene\.data\.samples/,
    ],
    [
      'layers',
      (s) => (s.model.layers = Array.from({ length: 5000 }, () => ({ units: 1 }) as never)),
      /scene\.model\.layers/,
    ],
  ];
  for (const [name, change, path] of huge) {
    const scene: Scene = defaultScene();
    change(scene);
    await page.goto('about:blank');
    await page.goto(`/${sceneHash(scene)}`);
    await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
    await expect(page.locator('#error .error-text'), name).toHaveText(path);
  }
  await expectEngine(page, 'paused');
  await stillWorks(page);
});

// Every string a scene or a link carries, set to a foreign address or markup.
const FOREIGN = [
  'http://evil.example/x',
  '//evil.example/y',
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '<img src="http://evil.example/img" onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
];

function rowsScene(text: string): Scene {
  const scene = defaultScene() as unknown as Scene;
  scene.data = {
    name: 'supplied',
    trainFraction: 0.5,
    rows: {
      features: 2,
      classes: 2,
      x: [0, 0, 1, 1, 0, 1, 1, 0, 0.5, 0.5, 0.2, 0.8],
      y: [0, 0, 1, 1, 0, 1],
      source: text,
      classNames: [text, `${text}2`],
    },
  };
  return scene;
}

/** Scenes and hashes that put `text` in every string field a link carries. */
function craftedHashes(text: string): string[] {
  const enc = encodeURIComponent(text);
  const named = (change: (s: Record<string, unknown>) => void) => {
    const scene = structuredClone(defaultScene()) as unknown as Record<string, unknown>;
    change(scene);
    return sceneHash(scene);
  };
  const data = (s: Record<string, unknown>) => s.data as Record<string, unknown>;
  return [
    sceneHash(rowsScene(text)),
    named((s) => (s.data = { name: 'supplied', dataset: text, trainFraction: 0.5 })),
    named((s) => (data(s).name = text)),
    named((s) => (data(s).features = [text])),
    named((s) => (s.format = text)),
    named((s) => (s.loss = { name: text })),
    named((s) => (s.optimizer = { name: text, lr: 0.1 })),
    named((s) => (s.scheduler = { name: text })),
    named((s) => (s.init = { weight: text })),
    named((s) => ((s.model as { layers: { activation: unknown }[] }).layers[0]!.activation = text)),
    named((s) => (s[text] = text)),
    `${sceneHash(defaultScene())}&hide=${enc}&lock=${enc}&origins=${enc}&embed=${enc}`,
    `${sceneHash(defaultScene())}&origins=http://evil.example,${enc}`,
    `#dataset=${enc}&activation=${enc}&networkShape=${enc}&regDataset=${enc}&problem=${enc}`,
    `#${enc}`,
  ];
}

test('crafted links request nothing outside the origin and run no script', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  let inside = 0;
  const watch = (request: Request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) inside++;
    if (url.startsWith('blob:')) return; // the page's own workers and downloads
    if (!url.startsWith(`${origin}/`) || url.includes('evil.example')) outside.push(url);
  };
  page.on('request', watch);
  page.on('dialog', (dialog) => {
    outside.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await open(page, '/');
  for (const text of FOREIGN) {
    for (const hash of craftedHashes(text)) {
      await page.evaluate((h) => (location.hash = h), hash);
      // The page has taken the hash: a scene, a refusal or a note shows.
      await expect(page.locator('body')).toHaveAttribute('data-engine', /paused|loading|fetching/);
    }
    // Opened as the page's first link too (another code path: LinkSync.initial).
    await page.goto('about:blank');
    await page.goto(`/${craftedHashes(text)[0]}`);
    await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
    // The scene with its own rows is taken, and the crafted text shows as text, never as markup.
    await expect(page.locator('#error')).toBeHidden();
    await expectEngine(page, 'paused');
    await expect(page.locator('#data-panel')).toContainText(text);
    expect(await page.locator('img[src*="evil"], script:not([src]):not([type])').count()).toBe(0);
  }
  await expectEngine(page, 'paused');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(outside).toEqual([]);
  expect(inside).toBeGreaterThan(10); // the watch sees the page's own requests
});

// A tiny wasm module whose one function is `unreachable`: calling it traps, as the engine would.
const TRAP_MODULE = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02,
  0x01, 0x00, 0x07, 0x08, 0x01, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03,
  0x00, 0x00, 0x0b,
];

test('a worker that traps is replaced, the scene restored, with a message', async ({ page }) => {
  const spirals = datasetScene({ name: 'spirals', classes: 4, noise: 0.1, seed: 5 });
  await open(page, `/${sceneHash(spirals)}`);
  await page.locator('#play').click();
  await expectEngine(page, 'training');
  const [first] = page.workers();
  expect(first).toBeDefined();
  const replaced = page.waitForEvent('worker');
  // An uncaught trap in the training worker's thread (a wasm `unreachable`).
  await first!.evaluate((bytes) => {
    setTimeout(() => {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
      (instance.exports.trap as () => void)();
    });
  }, TRAP_MODULE);
  const second = await replaced;
  expect(second).not.toBe(first);
  await expect(page.locator('#error .error-text')).toContainText('The engine crashed');
  await expect(page.locator('#error .error-text')).toContainText('unreachable');
  await expect(page.locator('#error .error-text')).toContainText(
    'Restarting it with the same scene',
  );
  await expectEngine(page, 'paused');
  await expect(checked(page)).toHaveAttribute('data-dataset', 'spirals');
  await expect(page.locator('#classes')).toHaveValue('4');
  await expect(chain(page)).toHaveAttribute(
    'aria-label',
    '2 → 16 Tanh → 16 Tanh → 16 Tanh → 4 Identity',
  );
  // The new worker trains.
  await page.locator('#play').click();
  await expectEngine(page, 'training');
});

test('a reload loses nothing: the scene and hidden controls come back', async ({ page }) => {
  await open(page, '/');
  await tile(page, 'xor').click();
  await page.locator('.net-count button[aria-label="Add a hidden layer"]').click();
  const shape = await chain(page).getAttribute('aria-label');
  await page.reload();
  await expect(page.locator('#simd-arch')).toHaveText(ENGINE_ARCH, { timeout: 20_000 });
  await expect(checked(page)).toHaveAttribute('data-dataset', 'xor');
  await expect(chain(page)).toHaveAttribute('aria-label', shape!);
  // Without its hash (a bookmark of the bare page) the tab's last scene comes back too.
  await open(page, '/');
  await expect(chain(page)).toHaveAttribute('aria-label', shape!);
});

test('two tabs keep their own last scene; a new tab opens the last one changed', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a, '/');
  await tile(a, 'xor').click();
  await expect(checked(a)).toHaveAttribute('data-dataset', 'xor');
  await open(b, '/');
  await tile(b, 'sine').click();
  await expect(checked(b)).toHaveAttribute('data-dataset', 'sine');
  // Each tab, opened again without a hash, gets its own scene back, not the other's.
  await open(a, '/');
  await expect(checked(a)).toHaveAttribute('data-dataset', 'xor');
  await open(b, '/');
  await expect(checked(b)).toHaveAttribute('data-dataset', 'sine');
  // A new tab starts from the scene changed last (b's).
  const c = await context.newPage();
  await open(c, '/');
  await expect(checked(c)).toHaveAttribute('data-dataset', 'sine');
});
