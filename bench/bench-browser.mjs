// Runs bench/browser in Debian's Chromium (headless, via Playwright) against its static server
// (bench/browser/server.mjs) and prints the results as JSON. Needs the tools modules
// (web/src/wasm/core-tools*, scripts/build-wasm.sh).
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startBenchServer } from './browser/server.mjs';

const server = await startBenchServer();
// BENCH_ONLY=workloads measures W1–W3 alone (the tape-free A/B without the GEMM and real-data runs);
// BENCH_MODULE=simd128 measures core.wasm where the page would load core-fma.wasm.
const params = new URLSearchParams();
if (process.env.BENCH_ONLY) params.set('only', process.env.BENCH_ONLY);
if (process.env.BENCH_MODULE) params.set('module', process.env.BENCH_MODULE);
const query = params.size ? `?${params}` : '';
const url = `${server.url}${query}`;

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
