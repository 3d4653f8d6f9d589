// The page's own cost (issue 6): the production page (web/dist) trains W1 at full speed in
// Debian's headless Chromium while every view is live, and we record the main thread's frame
// times (requestAnimationFrame intervals) and the steps/s the page's worker achieves, against
// the same scene trained by the engine alone in a bare worker in the same browser.
// Needs `vite build web` (scripts/bench.sh builds it). Prints JSON; writes nothing.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { importTs } from '../e2e/browsers/import-ts.mjs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web/dist');
const SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 10);

const {
  W1_SCENE: scene,
  openEveryView,
  progress,
} = await importTs(new URL('../e2e/every-view.ts', import.meta.url));
const { choosePace } = await importTs(new URL('../e2e/helpers.ts', import.meta.url));
const hash = Buffer.from(JSON.stringify(scene)).toString('base64url');

/** The engine alone: the same scene's Trainer in a bare module worker, run(steps) in chunks. */
const engineWorker = `
import createCore from '/core.mjs';
import { engineWasm } from '/relaxed-simd.mjs';
const wasm = engineWasm(); // as the page chooses
const core = await createCore({ locateFile: (path, dir) => dir + (path.endsWith('.wasm') ? wasm : path) });
const { format, ...config } = ${JSON.stringify(scene)};
const trainer = new core.Trainer(config);
trainer.run(20000); // warm-up: lets V8 tier the module up
let steps = 0;
const start = performance.now();
while (performance.now() - start < ${SECONDS * 1000}) { trainer.run(2000); steps += 2000; }
postMessage(steps / ((performance.now() - start) / 1000));
`;
const engineHtml = `<!doctype html><script type="module">
const w = new Worker('/engine-worker.js', { type: 'module' });
w.onmessage = (e) => { window.engineStepsPerSecond = e.data; };
w.onerror = (e) => { window.engineStepsPerSecond = 'error: ' + e.message; };
</script>`;

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  try {
    if (path === '/engine-worker.js')
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(engineWorker);
    if (path === '/engine.html')
      return res.writeHead(200, { 'content-type': 'text/html' }).end(engineHtml);
    const file =
      path === '/core.mjs' || path === '/core.wasm' || path === '/core-fma.wasm'
        ? join(root, 'web/src/wasm', path.slice(1))
        : path === '/relaxed-simd.mjs'
          ? join(root, 'web/src/engine/relaxed-simd.mjs')
          : join(dist, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    const body = await readFile(file);
    res
      .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      .end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${base}/#scene=${hash}`);
  await page.waitForFunction(() => document.body.dataset.engine === 'paused', null, {
    timeout: 60_000,
  });
  await openEveryView(page);
  const readSteps = async () => (await progress(page)).steps;
  // Full speed, "as fast as it goes" (the default is a teaching pace, one epoch per frame).
  await choosePace(page, 'fast');
  await page.locator('#play').click();
  await page.waitForTimeout(3000); // warm-up: the worker's chunk sizer settles, V8 tiers up
  const steps0 = await readSteps();
  const t0 = Date.now();
  const frames = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const intervals = [];
        let last = performance.now();
        const end = last + ms;
        const tick = (now) => {
          intervals.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(intervals);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    SECONDS * 1000,
  );
  const pageSteps = ((await readSteps()) - steps0) / ((Date.now() - t0) / 1000);
  await page.locator('#play').click();
  const sorted = [...frames].sort((a, b) => a - b);
  const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = quantile(0.5);

  const engine = await browser.newPage();
  await engine.goto(`${base}/engine.html`);
  await engine.waitForFunction(() => window.engineStepsPerSecond !== undefined, null, {
    timeout: 120_000,
  });
  const engineSteps = await engine.evaluate(() => window.engineStepsPerSecond);

  console.log(
    JSON.stringify(
      {
        browser: `Chromium ${browser.version()}`,
        scene: 'W1 (circle data, 2-8-8-1 Tanh, MSELoss, SGD lr 0.03, batch 10)',
        seconds: SECONDS,
        frames: frames.length,
        fpsMedian: 1000 / median,
        frameMsMedian: median,
        frameMsP95: quantile(0.95),
        frameMsMax: sorted[sorted.length - 1],
        pageStepsPerSecond: pageSteps,
        engineStepsPerSecond: engineSteps,
        pageOverEngine: pageSteps / engineSteps,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  server.close();
}
