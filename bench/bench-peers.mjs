// Issue 6's peer comparison: runs bench/peers (TensorFlow.js 4.22 with its wasm and cpu backends,
// brain.js, ConvNetJS on the workloads of bench/workloads/workloads.json) in Debian's Chromium
// (headless, via Playwright) against a static server on 127.0.0.1, prints one JSON result and
// writes it to bench/results/peers.json. The peers are devDependencies and are served from
// node_modules (the TF.js .wasm binaries ship in @tensorflow/tfjs-backend-wasm); nothing is
// downloaded. Needs web/src/wasm/core.{mjs,wasm} (scripts/build-wasm.sh) for the initial parameters.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { startBenchServer } from './browser/server.mjs';
import { writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nm = (p) => join(root, 'node_modules', p);
const files = {
  '/': join(root, 'bench/peers/index.html'),
  '/worker.js': join(root, 'bench/peers/worker.js'),
  // Our engine in the same run: bench/browser's worker (the engine's files come with the server).
  '/ours-worker.js': join(root, 'bench/browser/worker.js'),
};
for (const p of [
  '@tensorflow/tfjs/dist/tf.min.js',
  '@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js',
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
  '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm',
  'brain.js/browser.min.js',
  'convnetjs/build/convnet-min.js',
])
  files[`/nm/${p}`] = nm(p);

const served = [];
const server = await startBenchServer(0, files, (pathname) => {
  if (pathname.endsWith('.wasm')) served.push(pathname);
});
const url = server.url;

const require = createRequire(import.meta.url);
const version = (pkg) => require(nm(`${pkg}/package.json`)).version;
const cpu = (() => {
  try {
    const text = execFileSync('lscpu', { encoding: 'utf8' });
    const field = (k) => text.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1];
    return { model: field('Model name'), cpus: field('CPU\\(s\\)'), flags: undefined };
  } catch {
    return { model: 'unknown' };
  }
})();

// Issue 6's ratios, ours ÷ peer, from this one run (medians; W1 against brain.js in samples/s,
// since brain.js updates per sample).
function ratios({ engine, training, gemm }) {
  if (!engine || engine.error) return { error: 'our engine did not run' };
  const ours = Object.fromEntries(engine.workloads.map((w) => [w.workload, w]));
  const peer = (system, w) => training.find((r) => r.system === system && r.workload === w);
  const r = {};
  const put = (key, a, b) => {
    if (a && b) r[key] = a / b;
  };
  for (const w of ['W1', 'W2', 'W3']) {
    put(
      `${w} steps/s vs TF.js-wasm`,
      ours[w]?.stepsPerSecond,
      peer('TF.js-wasm', w)?.stepsPerSecond,
    );
    put(`${w} steps/s vs TF.js-cpu`, ours[w]?.stepsPerSecond, peer('TF.js-cpu', w)?.stepsPerSecond);
  }
  put(
    'W1 samples/s vs brain.js',
    ours.W1?.samplesPerSecond,
    peer('brain.js', 'W1')?.samplesPerSecond,
  );
  put(
    'W1 samples/s vs ConvNetJS',
    ours.W1?.samplesPerSecond,
    peer('ConvNetJS', 'W1')?.samplesPerSecond,
  );
  for (const g of gemm) {
    if (g.form.includes('via')) continue;
    const o = engine.gemm.find(
      (x) => x.m === g.m && x.n === g.n && x.k === g.k && x.form === g.form,
    );
    put(`GEMM ${g.m}³ ${g.form} vs TF.js-wasm`, o?.gflops, g.gflops);
  }
  return r;
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.benchResults !== undefined, null, {
    timeout: 900_000,
    polling: 1000,
  });
  const results = await page.evaluate(() => window.benchResults);
  const out = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    machine: { cpu: cpu.model, cpus: cpu.cpus },
    versions: {
      '@tensorflow/tfjs': version('@tensorflow/tfjs'),
      '@tensorflow/tfjs-backend-wasm': version('@tensorflow/tfjs-backend-wasm'),
      'brain.js': version('brain.js'),
      convnetjs: version('convnetjs'),
    },
    wasmFilesServed: served,
    ...results,
  };
  out.ratios = ratios(out);
  const json = JSON.stringify(out, null, 2);
  console.log(json);
  await mkdir(join(root, 'bench/results'), { recursive: true });
  await writeFile(join(root, 'bench/results/peers.json'), `${json}\n`);
  if (
    results.error ||
    results.engine?.error ||
    Object.values(results.libraries ?? {}).some((l) => l.error)
  )
    process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
