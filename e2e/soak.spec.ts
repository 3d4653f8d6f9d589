// Issue 17's soak, short (docs/reliability.md, "Soak"; bench/bench-soak.mjs runs the long one):
// W1 with every view open trains at full speed from a warm "before" to 200,000 steps later, and
// nothing it keeps grows: the engine's allocator bytes in use, Embind's handles and the wasm
// memory, the page's and the worker's JS heaps after a garbage collection. Fixed step counts, no
// timing: a loaded machine only takes longer.
import { expect, test } from '@playwright/test';
import { failOnPageProblems } from './page-problems.ts';
import { openPaused } from './helpers.ts';
import { EVERY_VIEW_VIEWPORT, W1_SCENE, openEveryView, trainUntil } from './every-view.ts';
import { HeapProbe, growth } from './heaps.ts';
import { sceneHash } from './links.ts';

failOnPageProblems(test);
test.use({ viewport: EVERY_VIEW_VIEWPORT });

/** The warm-up: past the epochs whose records fill the engine's history (Trainer::
 *  kHistoryRecords, 8192; from there on it is thinned in place), and the page's copy of it. */
const WARM_EPOCHS = 10_000;
const SOAK_STEPS = 200_000;
/** Snapshots in the soak, at least (the worker sends at most 30 a second): a leak per snapshot
 *  adds up to this many times its size, however fast the machine trains. */
const SOAK_SNAPSHOTS = 300;
/** What may grow, in bytes. The page: what a collection leaves of the last frames' garbage, and
 *  its copy of the history, which between two of the engine's thinnings grows from 4,096 to 8,192
 *  records (a few hundred bytes each: up to about 3,000 more at the end than at the start). The
 *  worker, the typed arrays and the engine: nothing new. */
const MARGIN = { pageJs: 3_000_000, buffers: 1_000_000, workerJs: 200_000, heapInUse: 32_768 };

test('W1 with every view open: the heaps stay where the warm-up left them', async ({ page }) => {
  test.setTimeout(600_000);
  await openPaused(page, `/${sceneHash(W1_SCENE)}`);
  const probe = await HeapProbe.attach(page);
  await openEveryView(page);
  const warm = await trainUntil(page, (shown) => shown.epochs >= WARM_EPOCHS, 240_000);
  const before = await probe.measure();
  const snapshots = await probe.snapshots();
  await trainUntil(
    page,
    async (shown) =>
      shown.steps >= warm.steps + SOAK_STEPS &&
      (await probe.snapshots()) >= snapshots + SOAK_SNAPSHOTS,
    240_000,
  );
  const after = await probe.measure();
  const grown = growth(before, after);
  const figures = JSON.stringify({ before, after });
  await test.info().attach('heaps.json', { body: figures, contentType: 'application/json' });
  expect(grown.engine.heapInUse, figures).toBeLessThanOrEqual(MARGIN.heapInUse);
  expect(grown.engine.emvalHandles, figures).toBeLessThanOrEqual(0);
  expect(grown.engine.wasmBytes, figures).toBe(0);
  expect(grown.worker.js, figures).toBeLessThanOrEqual(MARGIN.workerJs);
  expect(grown.page.js, figures).toBeLessThanOrEqual(MARGIN.pageJs);
  // Typed arrays (each snapshot's grid, maps and parameters are transferred to the page).
  expect(grown.page.buffers, figures).toBeLessThanOrEqual(MARGIN.buffers);
  expect(grown.worker.buffers, figures).toBeLessThanOrEqual(MARGIN.buffers);
  // The views were live: the charts and the diagram's inspector kept up with the run.
  await expect(page.locator('#network-inspector .net-readout')).toContainText('gradient');
  await probe.detach();
});
