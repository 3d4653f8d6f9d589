// Issue 18's engine figures: the production page's time to ready and the engine benchmark's W1
// steps/s (bench/browser, as bench-browser.mjs runs it in Chromium) in each browser engine —
// Debian's Chromium, Firefox ESR and WebKitGTK — driven as the cross-browser suite drives them
// (e2e/browsers/). WebKit needs a display:
//   bash scripts/with-display.sh node bench/bench-engines.mjs > bench/results/engines.json
// Needs the page build (scripts/build-page.sh) and web/src/wasm/ (scripts/build-wasm.sh). Prints
// JSON on stdout and a summary on stderr. BENCH_ENGINES_OPENS: page opens timed per engine (5).
import { availableParallelism, loadavg } from 'node:os';
import { importTs } from '../e2e/browsers/import-ts.mjs';
import { startBenchServer } from './browser/server.mjs';

const { CHROMIUM, FIREFOX, webkit, wasmModule } = await importTs(
  new URL('../e2e/browsers/engines.ts', import.meta.url),
);
const { openReady } = await importTs(new URL('../e2e/browsers/smoke.ts', import.meta.url));
const { startStaticServer } = await importTs(new URL('../e2e/static-server.ts', import.meta.url));

const OPENS = Number(process.env.BENCH_ENGINES_OPENS ?? 5);
const BENCH_MS = 300_000;
const ENGINES = [CHROMIUM, FIREFOX, webkit('en_US.UTF-8', 'en-US')];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The page's time to ready, `OPENS` times (each a fresh load), in ms. */
async function readyTimes(session, engine, pageUrl) {
  const times = [];
  for (let i = 0; i < OPENS; i++)
    times.push((await openReady(session, pageUrl, engine.arch)).readyMs);
  return times;
}

/** bench/browser's W1–W3 (?only=workloads: the roofline's peak and kernel, then the workloads). */
async function workloads(session, benchUrl) {
  await session.goto(`${benchUrl}?only=workloads`);
  const deadline = Date.now() + BENCH_MS;
  for (;;) {
    const results = await session.evaluate(() => window.benchResults ?? null, null);
    if (results?.error) throw new Error(`the benchmark page: ${results.error}`);
    if (results) return results;
    if (Date.now() > deadline)
      throw new Error(`the benchmark page gave no results in ${BENCH_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const page = await startStaticServer({ port: 0 });
const bench = await startBenchServer();
const load = { before: loadavg(), cores: availableParallelism() };
const rows = [];
try {
  for (const engine of ENGINES) {
    const session = await engine.launch();
    try {
      const ready = await readyTimes(session, engine, page.url);
      const results = await workloads(session, bench.url);
      const w = Object.fromEntries(results.workloads.map((r) => [r.workload, r]));
      rows.push({
        engine: engine.name,
        browser: session.version,
        module: wasmModule(results.arch),
        arch: results.arch,
        readyMs: { median: Math.round(median(ready)), all: ready.map(Math.round) },
        stepsPerSecond: Object.fromEntries(
          Object.entries(w).map(([name, r]) => [name, Math.round(r.stepsPerSecond)]),
        ),
        W1: { median: w.W1.stepsPerSecond, min: w.W1.min, max: w.W1.max },
      });
      console.error(
        `${session.version}: ${wasmModule(results.arch)}, ready ${Math.round(median(ready))} ms ` +
          `(median of ${OPENS}), W1 ${Math.round(w.W1.stepsPerSecond)} steps/s`,
      );
    } finally {
      await session.close();
    }
  }
} finally {
  await page.close();
  bench.close();
}
load.after = loadavg();
console.log(JSON.stringify({ date: new Date().toISOString(), load, engines: rows }, null, 2));
