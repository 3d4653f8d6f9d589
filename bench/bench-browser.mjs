// Runs bench/browser in Debian's Chromium (headless, via Playwright) against a static server on
// 127.0.0.1 and prints the results as JSON. Needs web/src/wasm/core-tools.{mjs,wasm} and
// core-tools-fma.wasm (scripts/build-wasm.sh: the page's modules plus the tools' bindings, served
// under the page's module names).
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = {
  '/': join(root, 'bench/browser/index.html'),
  '/worker.js': join(root, 'bench/browser/worker.js'),
  '/core.mjs': join(root, 'web/src/wasm/core-tools.mjs'),
  '/core.wasm': join(root, 'web/src/wasm/core-tools.wasm'),
  '/core-fma.wasm': join(root, 'web/src/wasm/core-tools-fma.wasm'),
  '/relaxed-simd.mjs': join(root, 'web/src/engine/relaxed-simd.mjs'),
  '/workloads.json': join(root, 'bench/workloads/workloads.json'),
  '/real_data.js': join(root, 'bench/real_data.js'),
  '/batches.js': join(root, 'bench/batches.js'),
  '/circle.json': join(root, 'docs/scenes/circle.json'),
};
for (const file of ['digits.nnpd', 'fashion-train.nnpd', 'fashion-test.nnpd'])
  files[`/data/${file}`] = join(root, 'web/public/data', file);
const types = {
  '.json': 'application/json',
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
};

const server = createServer(async (req, res) => {
  const path = files[new URL(req.url, 'http://127.0.0.1').pathname];
  if (!path) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  res.end(await readFile(path));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
// BENCH_ONLY=workloads measures W1–W3 alone (the tape-free A/B without the GEMM and real-data runs);
// BENCH_MODULE=simd128 measures core.wasm where the page would load core-fma.wasm.
const params = new URLSearchParams();
if (process.env.BENCH_ONLY) params.set('only', process.env.BENCH_ONLY);
if (process.env.BENCH_MODULE) params.set('module', process.env.BENCH_MODULE);
const query = params.size ? `?${params}` : '';
const url = `http://127.0.0.1:${server.address().port}/${query}`;

// A summary on stderr (stdout is the JSON that npm run bench saves as bench/results/browser.json).
function printRoofline({ roofline, gemm }) {
  if (!roofline) return;
  const f = (x) => x.toFixed(1);
  const pct = (x) => `${(100 * x).toFixed(0)} %`;
  const lines = [
    `wasm SIMD128 multiply-add peak: ${f(roofline.peak.gflops)} GFLOP/s (${f(roofline.peak.min)}–${f(roofline.peak.max)})`,
    `GEMM micro-kernel alone (L1): ${f(roofline.kernel.gflops)} GFLOP/s, ${pct(roofline.kernel.fractionOfPeak)} of peak`,
    ...gemm.map(
      (g) =>
        `GEMM ${g.m}×${g.n}×${g.k} ${g.form.padEnd(4)}: ${f(g.gflops).padStart(5)} GFLOP/s, ${pct(g.fractionOfPeak)} of peak`,
    ),
  ];
  console.error(lines.join('\n'));
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.benchResults !== undefined, null, { timeout: 300_000 });
  const results = await page.evaluate(() => window.benchResults);
  results.browser = `Chromium ${browser.version()}`;
  console.log(JSON.stringify(results, null, 2));
  printRoofline(results);
  if (results.error) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
