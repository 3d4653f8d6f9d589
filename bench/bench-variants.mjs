// The variant labs' cost to the page (issue 16: "running many variants at once keeps the page
// responsive"): the production build (web/dist) opens each lab at its default settings in
// Debian's headless Chromium, and we record the main thread's frame times
// (requestAnimationFrame intervals) from the first training update until every variant has
// finished, and how long the training took. The variants train in one worker
// (web/src/labs/variants/variants-worker.ts); the page only draws their updates.
// Needs `bash scripts/build-page.sh` first. Prints JSON; writes nothing.
// `BENCH_VARIANTS_RUNS=3 node bench/bench-variants.mjs` repeats each lab (median of the runs).
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web/dist');
const RUNS = Number(process.env.BENCH_VARIANTS_RUNS ?? 1);
const LABS = [
  {
    id: 'regularisation',
    settings: '',
    what: '9 variants (one an ensemble of 5), 2-64-64-64-2 ReLU, 300 epochs (the default)',
  },
  {
    // Its default (40 epochs) trains in a fraction of a second: the most epochs it allows.
    id: 'sweeps',
    settings: '&epochs=500',
    what: '12 runs: 8 learning rates, a range test, 3 batch sizes; 500 epochs',
  },
];

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  const file = join(dist, normalize(path === '/' ? '/index.html' : path));
  if (!file.startsWith(dist)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

/** Frame intervals from the lab's first drawn update until it has finished training. */
async function measure(page, { id, settings }) {
  await page.goto('about:blank'); // a hash change on the same page would only swap the lab
  await page.goto(`${base}/#lab=${id}${settings}`);
  await page.waitForFunction(() => document.body.dataset.engine === 'ready', null, {
    timeout: 60_000,
  });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const intervals = [];
        const start = performance.now();
        let last = start;
        const lab = document.querySelector('main.lab');
        // Main-thread tasks over 50 ms (the page's own work, as against a busy machine's
        // scheduling, which stretches frames without any long task).
        const longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        }).observe({ type: 'longtask' });
        const tick = (now) => {
          intervals.push(now - last);
          last = now;
          if (lab.dataset.state === 'training') requestAnimationFrame(tick);
          else
            resolve({
              intervals,
              longTasks,
              seconds: (now - start) / 1000,
              state: lab.dataset.state,
            });
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch(chromiumLaunchOptions);
const results = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const lab of LABS) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const { intervals, longTasks, seconds, state } = await measure(page, lab);
      if (state !== 'finished') throw new Error(`${lab.id}: the lab ended "${state}"`);
      const sorted = [...intervals].sort((a, b) => a - b);
      const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      runs.push({
        trainingSeconds: seconds,
        frames: intervals.length,
        frameMsMedian: quantile(0.5),
        frameMsP95: quantile(0.95),
        frameMsMax: sorted.at(-1),
        framesOver50ms: intervals.filter((ms) => ms > 50).length,
        longTasks: longTasks.length,
        longTaskMsMax: Math.max(0, ...longTasks),
      });
    }
    const pick = (key) => median(runs.map((r) => r[key]));
    results.push({
      lab: lab.id,
      what: lab.what,
      runs: RUNS,
      trainingSeconds: pick('trainingSeconds'),
      frames: pick('frames'),
      fpsMedian: 1000 / pick('frameMsMedian'),
      frameMsMedian: pick('frameMsMedian'),
      frameMsP95: pick('frameMsP95'),
      frameMsMax: pick('frameMsMax'),
      framesOver50ms: pick('framesOver50ms'),
      longTasks: pick('longTasks'),
      longTaskMsMax: pick('longTaskMsMax'),
    });
  }
  console.log(JSON.stringify({ browser: `Chromium ${browser.version()}`, labs: results }, null, 2));
} finally {
  await browser.close();
  server.close();
}
