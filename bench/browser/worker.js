// Benchmarks the engine inside a module worker, as the playground runs it: GEMM GFLOP/s for the
// three product forms (and the W3 layer shapes) against the roofline (the SIMD multiply-add peak
// and the micro-kernel alone), training steps/s for the skeleton run and for the
// workloads W1–W3 of bench/workloads/workloads.json. Every measurement follows a warm-up long
// enough for V8 to tier the wasm up from Liftoff to TurboFan; 5 repetitions, median, min, max.
import createCore from './core.mjs';
import { engineWasm } from './relaxed-simd.mjs';
import { runRealData } from './real_data.js';
import './batches.js';

const { batchData } = globalThis.benchBatches;

// benchMatmul's `form`: C[m×n] = op(A)·op(B) with inner dimension k. Form 1 reads A stored
// [k, m], form 2 reads B stored [n, k] (PyTorch's [out, in] weights).
const FORMS = ['A*B', 'AT*B', 'A*BT'];

const shapes = [];
for (const n of [64, 256, 1024]) for (const form of [0, 1, 2]) shapes.push({ m: n, n, k: n, form });
// The products of one 784 → 256 layer on a batch of 64 (the W3 shapes):
shapes.push(
  { m: 64, n: 256, k: 784, form: 2 }, // forward: X[64,784] · Wᵀ, W stored [256,784]
  { m: 64, n: 784, k: 256, form: 0 }, // backward dX: dY[64,256] · W[256,784]
  { m: 256, n: 784, k: 64, form: 1 }, // backward dW: dYᵀ · X, dY stored [64,256], X [64,784]
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

// GFLOP/s of one roofline run (benchPeak / benchGemmKernel return { seconds, flops }).
const rate = ({ seconds, flops }) => flops / seconds / 1e9;
// Counts sized for ~20 ms per run at ~50 GFLOP/s.
const PEAK_ITERS = 2e7;
const KERNEL_REPS = 40000;

// Runs fn repeatedly for `ms` milliseconds (V8 tier-up).
function warm(fn, ms) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) fn();
}

// Steps/s of the tape-free step and, interleaved with it (same batches, alternating repetitions,
// so machine noise hits both alike), of the same Learner recording every step on the tape.
function workload(core, name, { batch, spec }) {
  const { x, y, yCols } = batchData({ batch, spec });
  const fast = new core.Learner(spec, 1);
  const tape = new core.Learner(spec, 1);
  try {
    tape.setTapeFree(false);
    for (const l of [fast, tape]) warm(() => l.trainOnBatch(x, batch, y, yCols, 10), 600);
    // About a quarter of a second per repetition, sized once the wasm is warm, by runs doubled
    // until one lasts 25 ms: a browser's clock may tick in whole milliseconds (WebKit's does),
    // and ten W1 steps take a fiftieth of one.
    let probeSteps = 5;
    let probeMs = 0;
    while (probeMs < 25) {
      probeSteps *= 2;
      const t0 = performance.now();
      fast.trainOnBatch(x, batch, y, yCols, probeSteps);
      probeMs = performance.now() - t0;
    }
    const steps = Math.max(10, Math.round((250 * probeSteps) / probeMs));
    const rates = [];
    const tapeRates = [];
    const rate = (l) => {
      const t0 = performance.now();
      l.trainOnBatch(x, batch, y, yCols, steps);
      return steps / ((performance.now() - t0) / 1000);
    };
    for (let r = 0; r < 5; r++) {
      rates.push(rate(fast));
      tapeRates.push(rate(tape));
    }
    const s = stats(rates);
    return {
      workload: name,
      batch,
      stepsPerSecond: s.median,
      min: s.min,
      max: s.max,
      samplesPerSecond: s.median * batch,
      tapeStepsPerSecond: median(tapeRates),
    };
  } finally {
    fast.delete();
    tape.delete();
  }
}

try {
  // The module the page loads (web/src/engine/wasm.ts), unless ?module=simd128 asks for core.wasm.
  const params = new URL(self.location.href).searchParams;
  const wasm = params.get('module') === 'simd128' ? 'core.wasm' : engineWasm();
  const core = await createCore({
    locateFile: (path, dir) => dir + (path.endsWith('.wasm') ? wasm : path),
  });
  const workloads = await (await fetch('./workloads.json')).json();
  const results = {
    arch: core.simdArch(),
    userAgent: navigator.userAgent,
    gemm: [],
    training: {},
    workloads: [],
  };
  // ?only=workloads (BENCH_ONLY=workloads for bench/bench-browser.mjs): W1–W3 alone; ?only=W1
  // (bench-engines.mjs), W2 or W3: that one alone. The roofline's peak and kernel run either way.
  const only = params.get('only');
  const workloadNames = ['W1', 'W2', 'W3'].filter(
    (name) => !only?.startsWith('W') || only === name,
  );
  // The roofline (issue 3). Every GEMM (and micro-kernel) repetition runs between two runs of the
  // SIMD multiply-add peak and is reported against their mean, so that each fraction compares two
  // figures measured under the same machine load; fractionOfPeak is the median of those ratios.
  warm(() => core.benchPeak(PEAK_ITERS / 10), 400);
  warm(() => core.benchGemmKernel(KERNEL_REPS / 10), 400);
  const peaks = [rate(core.benchPeak(PEAK_ITERS))];
  const againstPeak = (measure) => {
    const before = peaks[peaks.length - 1];
    const gflops = measure();
    peaks.push(rate(core.benchPeak(PEAK_ITERS)));
    return { gflops, fraction: gflops / ((before + peaks[peaks.length - 1]) / 2) };
  };
  const repeat = (measure) => {
    const runs = Array.from({ length: 5 }, () => againstPeak(measure));
    const s = stats(runs.map((r) => r.gflops));
    return {
      gflops: s.median,
      min: s.min,
      max: s.max,
      fractionOfPeak: median(runs.map((r) => r.fraction)),
    };
  };
  const kernel = repeat(() => rate(core.benchGemmKernel(KERNEL_REPS)));
  for (const { m, n, k, form } of only ? [] : shapes) {
    const flops = 2 * m * n * k;
    const reps = Math.max(1, Math.round(3e8 / flops));
    warm(() => core.benchMatmul(m, n, k, reps, form), 400);
    const row = repeat(() => (flops * reps) / core.benchMatmul(m, n, k, reps, form) / 1e9);
    results.gemm.push({ m, n, k, form: FORMS[form], ...row });
  }
  const peak = stats(peaks);
  results.roofline = {
    what: 'single-thread wasm SIMD128 multiply + add peak (benchPeak); the GEMM micro-kernel alone on L1 panels (benchGemmKernel)',
    peak: { gflops: peak.median, min: peak.min, max: peak.max },
    kernel,
  };
  // The skeleton run: the page's default scene (docs/scenes/circle.json) as the engine's config.
  const { format: _, ...skeleton } = await (await fetch('./circle.json')).json();
  const t = only ? null : new core.Trainer(skeleton);
  if (t)
    try {
      warm(() => t.run(2000), 600);
      const rates = [];
      for (let r = 0; r < 5; r++) {
        const steps = 100000;
        const t0 = performance.now();
        t.run(steps);
        rates.push(steps / ((performance.now() - t0) / 1000));
      }
      const s = stats(rates);
      results.training = {
        network: '2-4-4-1 tanh/sigmoid, BCE, SGD, batch 10 (Trainer.run on circle data)',
        stepsPerSecond: s.median,
        min: s.min,
        max: s.max,
      };
    } finally {
      t.delete();
    }
  for (const name of workloadNames) results.workloads.push(workload(core, name, workloads[name]));
  // Real data: wall time from the bytes to the last epoch, as a user waits for it.
  if (!only)
    results.realData = await runRealData(
      core,
      async (file) => new Uint8Array(await (await fetch(`./data/${file}`)).arrayBuffer()),
    );
  postMessage(results);
} catch (e) {
  postMessage({ error: String(e && e.message ? e.message : e) });
}
