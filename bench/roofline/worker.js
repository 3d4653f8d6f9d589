// The GEMM roofline on CPU time (bench/bench-roofline.mjs): the SIMD multiply-add peak, the
// micro-kernel alone and the issue-3 GEMM shapes, interleaved round by round. Each run is timed by
// this thread's own CPU time, which the harness reads from /proc around it (a synchronous request
// before and after), so that other jobs on a shared machine do not count as our time.
import createCore from './core.mjs';
import { hasRelaxedSimd } from './relaxed-simd.mjs';

const cpuNs = (what) => {
  const req = new XMLHttpRequest();
  req.open('GET', `/cpu?${what}`, false);
  req.send();
  return Number(req.responseText);
};
const cpuSeconds = (fn) => {
  cpuNs('start');
  fn();
  return cpuNs('stop') * 1e-9;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// form: 0 A·B, 1 Aᵀ·B, 2 A·Bᵀ (benchMatmul); the W3 shapes are one 784 → 256 layer on a batch of 64.
const FORMS = ['A*B', 'AT*B', 'A*BT'];
const SHAPES = [
  { m: 256, n: 256, k: 256, form: 0 },
  { m: 256, n: 256, k: 256, form: 1 },
  { m: 256, n: 256, k: 256, form: 2 },
  { m: 64, n: 256, k: 784, form: 2 },
  { m: 64, n: 784, k: 256, form: 0 },
  { m: 256, n: 784, k: 64, form: 1 },
];

// Each build of the module the harness names (core.wasm, core-fma.wasm where relaxed SIMD runs, any
// variant), its runs' names prefixed with its own.
const runsOf = (core, prefix) => [
  { name: `${prefix}peak`, run: () => core.benchPeak(2e7).flops },
  { name: `${prefix}kernel`, run: () => core.benchGemmKernel(40000).flops },
  ...SHAPES.map(({ m, n, k, form }) => ({
    name: `${prefix}${m}x${n}x${k} ${FORMS[form]}`,
    // Each benchMatmul call also allocates and fills its operands with random numbers (for 256³,
    // about a sixth of 21 products' time), so the rate is taken from the difference of two calls:
    // 24 products less 4 leaves 20 products' CPU time and no setup.
    rate: () => {
      const few = cpuSeconds(() => core.benchMatmul(m, n, k, 4, form));
      const many = cpuSeconds(() => core.benchMatmul(m, n, k, 24, form));
      return (2 * m * n * k * 20) / (many - few) / 1e9;
    },
  })),
];

// With the workloads (ROOFLINE_WORKLOADS=1): W1–W3 training steps, ~0.1 s per run, in steps/s.
const STEPS = { W1: 20000, W2: 1000, W3: 30 };
const workloadRuns = (core, prefix, workloads) =>
  Object.entries(STEPS).map(([name, steps]) => {
    const w = workloads[name];
    const { x, y, yCols } = globalThis.benchBatches.batchData(w);
    const learner = new core.Learner(w.spec, 1);
    return {
      name: `${prefix}${name}`,
      unit: 'steps/s',
      run: () => (learner.trainOnBatch(x, w.batch, y, yCols, steps), steps),
    };
  });

onmessage = async ({ data: { rounds, modules, workloads } }) => {
  if (workloads) await import('./batches.js');
  try {
    const runs = [];
    for (const { prefix, url, relaxed } of modules) {
      if (relaxed && !hasRelaxedSimd()) continue;
      const core = await createCore({
        locateFile: (path, dir) => (path.endsWith('.wasm') ? url : dir + path),
      });
      runs.push(...runsOf(core, prefix));
      if (workloads) runs.push(...workloadRuns(core, prefix, workloads));
    }
    const t0 = performance.now();
    while (performance.now() - t0 < 1500) for (const r of runs) (r.run ?? r.rate)(); // V8 tier-up
    const rates = runs.map(() => []);
    for (let i = 0; i < rounds; i++)
      runs.forEach((r, j) => {
        if (r.rate) return rates[j].push(r.rate());
        let count = 0;
        const s = cpuSeconds(() => (count = r.run()));
        rates[j].push(r.unit ? count / s : count / s / 1e9);
      });
    // The roofline is the faster of the two peaks (they should agree: two multiply ports and two
    // add ports, or two fused ports, 16 flops per cycle either way).
    const peak = Math.max(...runs.map((r, j) => (r.name.endsWith('peak') ? median(rates[j]) : 0)));
    postMessage(
      runs.map((r, j) => ({
        name: r.name,
        ...(r.unit ? { unit: r.unit, rate: median(rates[j]) } : { gflops: median(rates[j]) }),
        min: Math.min(...rates[j]),
        max: Math.max(...rates[j]),
        ...(r.unit ? {} : { fractionOfPeak: median(rates[j]) / peak }),
      })),
    );
  } catch (e) {
    postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
