// Embedding (issue 13): a course page with six <nn-playground> elements, all in view and all
// playing at a classroom pace (the pace attribute), in Debian's headless Chromium. We record the
// host page's frame times (requestAnimationFrame intervals) for ~10 s and each element's epochs
// (each trains in its own worker). Target: a median of at least 55 fps.
// Needs `vite build web` (dist/nn-playground.js). Prints JSON; writes nothing.
// BENCH_EMBED_PACE: each element's pace attribute ("classroom", the default: one epoch per frame;
// "fast"; or epochs per second).
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES } from './gzip-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web/dist');
const SECONDS = Number(process.env.BENCH_EMBED_SECONDS ?? 10);
const PACE = process.env.BENCH_EMBED_PACE ?? 'classroom';
const ELEMENTS = Number(process.env.BENCH_EMBED_ELEMENTS ?? 6);

/** Six scenes from docs/scenes (each element its own), cycled. */
const names = ['circle', 'xor-features', 'spirals-3', 'blobs-5-ensemble', 'sine-early-stopping'];
const scenes = await Promise.all(
  names.map((name) => readFile(join(root, `docs/scenes/${name}.json`), 'utf8')),
);
const elements = Array.from(
  { length: ELEMENTS },
  (_, i) =>
    `<nn-playground id="p${i}" pace="${PACE}" autoplay compact height="480">` +
    `<script type="application/json">${scenes[i % scenes.length]}</script></nn-playground>`,
).join('\n');
const page6 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>six</title>
<link rel="stylesheet" href="./six.css"><script type="module" src="./nn-playground.js"></script>
</head><body>${elements}</body></html>`;
const css = `body { margin: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }`;

const types = CONTENT_TYPES;
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  try {
    if (path === '/six.html')
      return res.writeHead(200, { 'content-type': types['.html'] }).end(page6);
    if (path === '/six.css') return res.writeHead(200, { 'content-type': types['.css'] }).end(css);
    const file = join(dist, normalize(path));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
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

/** Each element's epoch readout (inside its shadow root). */
const epochs = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('nn-playground')].map((el) =>
      Number(el.shadowRoot?.getElementById('epoch')?.textContent?.replace(/[^0-9]/g, '') ?? NaN),
    ),
  );

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${base}/six.html`);
  // Every element's engine answered and its autoplay started.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('nn-playground')].every(
        (el) => el.shadowRoot?.querySelector('.app')?.dataset.engine === 'training',
      ),
    null,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(3000); // warm-up: V8 tiers up, the workers' pacing settles
  const before = await epochs(page);
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
  const after = await epochs(page);
  const workers = page.workers().length;
  const sorted = [...frames].sort((a, b) => a - b);
  const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = quantile(0.5);
  console.log(
    JSON.stringify(
      {
        browser: `Chromium ${browser.version()}`,
        // The machine's load (1-minute average) after the run: other processes on its cores
        // take frames from the page, so read the fps against it.
        loadAverage: loadavg()[0],
        elements: ELEMENTS,
        pace: PACE,
        workers,
        seconds: SECONDS,
        frames: frames.length,
        fpsMedian: 1000 / median,
        frameMsMedian: median,
        frameMsP95: quantile(0.95),
        frameMsMax: sorted[sorted.length - 1],
        epochsTrained: after.map((n, i) => n - before[i]),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  server.close();
}
