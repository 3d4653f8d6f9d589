// Issue 17's soak (docs/reliability.md, "Soak"): the production page (web/dist) in Debian's
// headless Chromium with every view open trains W1 for 1,000,000 steps, then the page's
// Fashion-MNIST scene for 20 epochs, at full speed; before and after each (the "before" after a
// warm-up, when the engine's and the page's caches are filled) we read, after a garbage
// collection, the page's and the worker's JS heaps and the engine's wasm memory, allocator bytes
// in use and Embind handles (e2e/heaps.ts). Prints JSON. Needs the page build
// (scripts/build-page.sh). Run it niced on a shared machine:
//   nice -n 19 node bench/bench-soak.mjs > bench/results/soak.json
// SOAK_W1_STEPS, SOAK_FASHION_EPOCHS: the run's length; SOAK_MINUTES: the most each run may take
// (past it the run stops where it is and says so).
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { importTs } from '../e2e/browsers/import-ts.mjs';

const ts = (path) => importTs(new URL(path, import.meta.url));
const { EVERY_VIEW_VIEWPORT, W1_SCENE, openEveryView, trainUntil } =
  await ts('../e2e/every-view.ts');
const { HeapProbe, growth } = await ts('../e2e/heaps.ts');
const { openPaused, tile } = await ts('../e2e/helpers.ts');
const { sceneHash } = await ts('../e2e/links.ts');
const { startStaticServer } = await ts('../e2e/static-server.ts');

const W1_STEPS = Number(process.env.SOAK_W1_STEPS ?? 1_000_000);
const FASHION_EPOCHS = Number(process.env.SOAK_FASHION_EPOCHS ?? 20);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 12);
/** The warm-up before the "before" reading: W1 steps, Fashion-MNIST epochs. */
const W1_WARM_STEPS = 20_000;
const FASHION_WARM_EPOCHS = 1;

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/**
 * Trains `page` from its warm-up (`warm(shown)` true) to the end (`done(shown)` true, or
 * SOAK_MINUTES gone), measuring after each; the figures and how far it got.
 */
async function soak(page, probe, warm, done) {
  const from = await trainUntil(page, warm, MINUTES * 60_000);
  const before = await probe.measure();
  const start = Date.now();
  const deadline = start + MINUTES * 60_000;
  const end = await trainUntil(
    page,
    (shown) => done(shown) || Date.now() > deadline,
    MINUTES * 60_000 + 60_000,
  );
  const seconds = (Date.now() - start) / 1000;
  const after = await probe.measure();
  return {
    finished: done(end),
    warm: from,
    end,
    seconds,
    stepsPerSecond: (end.steps - from.steps) / seconds,
    before,
    after,
    growth: growth(before, after),
  };
}

const server = await startStaticServer({ base: '/', port: 0 });
const browser = await chromium.launch(chromiumLaunchOptions);
const startLoad = load();
try {
  const context = await browser.newContext({
    viewport: EVERY_VIEW_VIEWPORT,
    serviceWorkers: 'block', // as the e2e tests: the page's offline cache plays no part
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await openPaused(page, `${server.url}${sceneHash(W1_SCENE)}`);
  const probe = await HeapProbe.attach(page);
  await openEveryView(page);
  const w1 = await soak(
    page,
    probe,
    (shown) => shown.steps >= W1_WARM_STEPS,
    (shown) => shown.steps >= W1_STEPS,
  );

  await tile(page, 'real:fashion').click();
  await page.waitForFunction(() => document.body.dataset.engine === 'paused', null, {
    timeout: 120_000,
  });
  await openEveryView(page); // the confusion matrix and the test images apply now
  const fashion = await soak(
    page,
    probe,
    (shown) => shown.epochs >= FASHION_WARM_EPOCHS,
    (shown) => shown.epochs >= FASHION_EPOCHS,
  );
  const fashionEpochsPerSecond = (fashion.end.epochs - fashion.warm.epochs) / fashion.seconds;

  console.log(
    JSON.stringify(
      {
        browser: `Chromium ${browser.version()}`,
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
        loadAverage: { start: startLoad, end: load() },
        w1: {
          scene: 'W1 (circle data, 2-8-8-1 Tanh, MSELoss, SGD lr 0.03, batch 10)',
          target: { steps: W1_STEPS },
          ...w1,
        },
        fashion: {
          scene: 'Fashion-MNIST (the page\u2019s scene: 784-256-128-10 ReLU, Adam, batch 64)',
          target: { epochs: FASHION_EPOCHS },
          ...fashion,
          epochsPerSecond: fashionEpochsPerSecond,
          projectedSecondsForTarget: FASHION_EPOCHS / fashionEpochsPerSecond,
        },
        pageErrors: problems,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.close();
}
