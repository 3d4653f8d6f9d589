// Issue 18's engine figures: the production page's time to ready and the engine benchmark's W1
// steps/s (bench/browser, the page and worker bench-browser.mjs runs in Chromium, with ?only=W1)
// in each browser engine — Debian's Chromium, Firefox ESR and WebKitGTK — driven as the
// cross-browser suite drives them (e2e/browsers/). The three browsers stay open and the rounds
// alternate between them, so that a busy machine slows each alike. WebKit needs a display:
//   bash scripts/with-display.sh node bench/bench-engines.mjs > bench/results/engines.json
// Needs the page build (scripts/build-page.sh) and web/src/wasm/ (scripts/build-wasm.sh). Prints
// JSON on stdout and a summary on stderr. BENCH_ENGINES_ROUNDS: rounds of each (default 5 page
// opens, 3 W1 runs).
import { availableParallelism, loadavg } from 'node:os';
import { importTs } from '../e2e/browsers/import-ts.mjs';
import { startBenchServer } from './browser/server.mjs';

const { CHROMIUM, FIREFOX, webkit, wasmModule } = await importTs(
  new URL('../e2e/browsers/engines.ts', import.meta.url),
);
const { openReady } = await importTs(new URL('../e2e/browsers/smoke.ts', import.meta.url));
const { startStaticServer } = await importTs(new URL('../e2e/static-server.ts', import.meta.url));

const OPENS = Number(process.env.BENCH_ENGINES_ROUNDS ?? 5);
const W1_ROUNDS = Number(process.env.BENCH_ENGINES_ROUNDS ?? 3);
const BENCH_MS = 300_000;
const ENGINES = [CHROMIUM, FIREFOX, webkit('en_US.UTF-8', 'en-US')];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One run of bench/browser's W1 (after the roofline's peak and kernel, as in every run). */
async function w1(session, benchUrl) {
  await session.goto(`${benchUrl}?only=W1`);
  const deadline = Date.now() + BENCH_MS;
  for (;;) {
    const results = await session.evaluate(() => window.benchResults ?? null, null);
    if (results?.error) throw new Error(`the benchmark page: ${results.error}`);
    if (results) return { arch: results.arch, ...results.workloads[0] };
    if (Date.now() > deadline) {
      throw new Error(`the benchmark page gave no results in ${BENCH_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const page = await startStaticServer({ port: 0 }); // any free port
const bench = await startBenchServer();
const load = { before: loadavg(), cores: availableParallelism() };
const runs = [];
try {
  for (const engine of ENGINES) {
    runs.push({ engine, session: await engine.launch(), readyMs: [], w1: [] });
  }
  for (let round = 0; round < OPENS; round++) {
    for (const run of runs) {
      const { readyMs } = await openReady(run.session, page.url, run.engine.arch);
      run.readyMs.push(Math.round(readyMs));
    }
  }
  for (let round = 0; round < W1_ROUNDS; round++) {
    for (const run of runs) run.w1.push(await w1(run.session, bench.url));
  }
} finally {
  await Promise.allSettled(runs.map((run) => run.session.close()));
  await page.close();
  bench.close();
}
load.after = loadavg();

const engines = runs.map(({ engine, session, readyMs, w1: results }) => {
  const rates = results.map((r) => Math.round(r.stepsPerSecond));
  const row = {
    engine: engine.name,
    browser: session.version,
    module: wasmModule(results[0].arch),
    arch: results[0].arch,
    readyMs: { median: median(readyMs), all: readyMs },
    // Each run's median of its 5 repetitions; the median of the runs.
    W1: { median: median(rates), runs: rates },
  };
  console.error(
    `${row.browser}: ${row.module}, ready ${row.readyMs.median} ms (median of ${OPENS}: ` +
      `${readyMs.join(', ')}), W1 ${row.W1.median} steps/s (median of ${W1_ROUNDS}: ${rates.join(', ')})`,
  );
  return row;
});
console.log(JSON.stringify({ date: new Date().toISOString(), load, engines }, null, 2));
