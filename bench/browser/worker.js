// Benchmarks the engine inside a module worker: GEMM GFLOP/s and skeleton training steps/s.
import createCore from './core.mjs';

const skeleton = {
  seed: 1,
  data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 },
  network: {
    inputs: 2,
    layers: [
      { units: 4, activation: 'Tanh' },
      { units: 4, activation: 'Tanh' },
      { units: 1, activation: 'Sigmoid' },
    ],
  },
  loss: { name: 'BCELoss' },
  optimizer: { name: 'SGD', lr: 0.1 },
  batchSize: 10,
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const core = await createCore();
  const results = { arch: core.simdArch(), userAgent: navigator.userAgent, gemm: [], training: {} };
  for (const n of [64, 256, 1024]) {
    const reps = Math.max(1, Math.round(2e9 / (2 * n ** 3)));
    const runs = [];
    for (let r = 0; r < 5; r++) runs.push((2 * n ** 3 * reps) / core.benchMatmul(n, n, n, reps) / 1e9);
    results.gemm.push({ n, form: 'A*B', gflops: median(runs), min: Math.min(...runs), max: Math.max(...runs) });
  }
  const t = new core.Trainer(skeleton);
  t.run(20000); // warm-up
  const rates = [];
  for (let r = 0; r < 5; r++) {
    const steps = 100000;
    const t0 = performance.now();
    t.run(steps);
    rates.push(steps / ((performance.now() - t0) / 1000));
  }
  t.delete();
  results.training = { network: '2-4-4-1 tanh/sigmoid, BCE, SGD, batch 10', stepsPerSecond: median(rates), min: Math.min(...rates), max: Math.max(...rates) };
  postMessage(results);
} catch (e) {
  postMessage({ error: String(e && e.message ? e.message : e) });
}
