// The benchmark batches, shared by bench/browser/worker.js (a module worker: `import`),
// bench/peers/worker.js (a classic worker: `importScripts`) and bench/peers/index.html, so every
// system trains on the same numbers. Written as a plain script that sets one global, which works
// in all three.
(() => {
  // mulberry32: a small deterministic generator, so every run sees the same batches.
  function rng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // One batch of a workload (bench/workloads/workloads.json): inputs uniform in [−1, 1], then
  // targets (class indices for CrossEntropyLoss, else uniform in [−1, 1]), from one generator seeded 1.
  function batchData({ batch, spec }) {
    const random = rng(1);
    const inputs = spec.model.inputs;
    const outputs = spec.model.layers.at(-1).units;
    const classes = spec.loss.name === 'CrossEntropyLoss';
    const yCols = classes ? 1 : outputs;
    const x = Float32Array.from({ length: batch * inputs }, () => random() * 2 - 1);
    const y = Float32Array.from({ length: batch * yCols }, () =>
      classes ? Math.floor(random() * outputs) : random() * 2 - 1,
    );
    return { x, y, batch, yCols, inputs, outputs, classes };
  }

  globalThis.benchBatches = { rng, batchData };
})();
