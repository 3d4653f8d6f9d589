// Peer libraries on the workloads of bench/workloads/workloads.json, one library per dedicated
// worker. A classic worker (not a module worker): the peers ship UMD/global builds loaded with
// importScripts, and the TF.js wasm backend's ES builds import bare specifiers that a worker cannot
// map. Same batches (mulberry32, seed 1) and the same timing protocol as bench/browser/worker.js:
// a warm-up of 600 ms, then 5 repetitions of about a quarter of a second; median, min, max.
/* global tf, brain, convnetjs */
self.window = self; // convnet.js attaches itself to `window`

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

// The same batches as bench/browser/worker.js (bench/batches.js).
importScripts('./batches.js');
const { rng, batchData } = self.benchBatches;

function warm(fn, ms) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) fn();
}
async function warmAsync(fn, ms) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) await fn();
}

// step(n) runs n optimiser steps synchronously.
function timeSteps(step) {
  const probe = performance.now();
  step(10);
  const per = Math.max((performance.now() - probe) / 10, 1e-4);
  const steps = Math.max(10, Math.round(250 / per));
  warm(() => step(Math.max(1, steps >> 3)), 600);
  const rates = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    step(steps);
    rates.push(steps / ((performance.now() - t0) / 1000));
  }
  return { ...stats(rates), stepsPerRep: steps };
}
async function timeStepsAsync(step) {
  const probe = performance.now();
  await step(10);
  const per = Math.max((performance.now() - probe) / 10, 1e-4);
  const steps = Math.max(10, Math.round(250 / per));
  await warmAsync(() => step(Math.max(1, steps >> 3)), 600);
  const rates = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    await step(steps);
    rates.push(steps / ((performance.now() - t0) / 1000));
  }
  return { ...stats(rates), stepsPerRep: steps };
}

// Multiply-adds × 2 of one forward + backward (dX skipped for the first layer) — the same
// convention for every system, so "effective GFLOP/s" compares like with like.
function stepFlops({ batch, spec }) {
  let fan = spec.model.inputs;
  let f = 0;
  spec.model.layers.forEach((l, i) => {
    const mk = batch * fan * l.units;
    f += 2 * mk * (i === 0 ? 2 : 3);
    fan = l.units;
  });
  return f;
}

function result(system, name, wl, t, extra = {}) {
  const flops = stepFlops(wl);
  return {
    system,
    workload: name,
    batch: wl.batch,
    stepsPerSecond: t.median,
    min: t.min,
    max: t.max,
    samplesPerSecond: t.median * wl.batch,
    gflops: (t.median * flops) / 1e9,
    stepsPerRep: t.stepsPerRep,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------- TF.js
// params: torch layout, [W0 [out,in], b0, W1, b1, ...] as Float32Arrays.
function tfModel(wl, params) {
  const d = batchData(wl);
  const acts = wl.spec.model.layers.map((l) => l.activation);
  const x = tf.tensor2d(d.x, [d.batch, d.inputs]);
  const y = d.classes
    ? tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(d.y), 'int32'), d.outputs).toFloat())
    : tf.tensor2d(d.y, [d.batch, d.outputs]);
  // TF's dense layout is [in, out] (tf.layers' kernel): transpose the torch [out, in] weights once.
  const kernels = [];
  const biases = [];
  let fan = d.inputs;
  wl.spec.model.layers.forEach((l, i) => {
    const w = tf.tidy(() => tf.tensor2d(params[2 * i], [l.units, fan]).transpose());
    kernels.push(w);
    biases.push(tf.tensor1d(params[2 * i + 1]));
    fan = l.units;
  });
  return { d, acts, x, y, kernels, biases };
}

function tfOptimizer(spec) {
  const o = spec.optimizer;
  if (o.name === 'SGD') return tf.train.sgd(o.lr);
  // torch.optim.Adam's defaults (TF.js's epsilon default is 1e-7).
  return tf.train.adam(o.lr, 0.9, 0.999, 1e-8);
}

const FUSED = { ReLU: 'relu', Identity: 'linear' };

// Fast path: tf.variable parameters, optimizer.minimize inside tf.tidy, with tf.fused.matMul
// (matmul + bias + ReLU in one kernel, as tf.layers.dense does internally). Tanh has no fused
// form with a gradient, so W1 is fused matmul+bias then tf.tanh.
function tfMinimize(wl, params) {
  const m = tfModel(wl, params);
  const vars = [];
  const W = m.kernels.map((k) => tf.variable(k));
  const b = m.biases.map((v) => tf.variable(v));
  W.forEach((w, i) => vars.push(w, b[i]));
  const opt = tfOptimizer(wl.spec);
  const loss = () => {
    let h = m.x;
    m.acts.forEach((a, i) => {
      const fused = FUSED[a];
      h = tf.fused.matMul({ a: h, b: W[i], bias: b[i], activation: fused ?? 'linear' });
      if (!fused) h = a === 'Tanh' ? tf.tanh(h) : tf.sigmoid(h);
    });
    return m.d.classes ? tf.losses.softmaxCrossEntropy(m.y, h) : tf.losses.meanSquaredError(m.y, h);
  };
  const initialLoss = tf.tidy(() => loss().dataSync()[0]);
  const step = (n) => {
    for (let s = 0; s < n; s++)
      tf.tidy(() => {
        opt.minimize(loss, false, vars);
      });
  };
  const t = timeSteps(step);
  const finalLoss = tf.tidy(() => loss().dataSync()[0]);
  const leaked = tf.memory().numTensors;
  return { t, initialLoss, finalLoss, tensors: leaked };
}

// tf.layers: model.trainOnBatch (asynchronous: one Promise per step, plus the layers bookkeeping).
async function tfTrainOnBatch(wl, params) {
  const m = tfModel(wl, params);
  const model = tf.sequential();
  m.acts.forEach((a, i) => {
    const units = wl.spec.model.layers[i].units;
    model.add(
      tf.layers.dense({
        units,
        activation: { ReLU: 'relu', Tanh: 'tanh', Identity: 'linear' }[a],
        ...(i === 0 ? { inputShape: [m.d.inputs] } : {}),
      }),
    );
  });
  model.setWeights(m.kernels.flatMap((k, i) => [k, m.biases[i]]));
  model.compile({
    optimizer: tfOptimizer(wl.spec),
    loss: m.d.classes ? (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp) : 'meanSquaredError',
  });
  const initialLoss = await model.evaluate(m.x, m.y, { batchSize: m.d.batch }).data();
  const step = async (n) => {
    for (let s = 0; s < n; s++) await model.trainOnBatch(m.x, m.y);
  };
  const t = await timeStepsAsync(step);
  return { t, initialLoss: initialLoss[0] };
}

const FORMS = [
  ['A*B', false, false],
  ['AT*B', true, false],
  ['A*BT', false, true],
];
function tfGemm() {
  const out = [];
  for (const n of [64, 256, 1024]) {
    const random = rng(n);
    const a = tf.tensor2d(
      Float32Array.from({ length: n * n }, () => random() * 2 - 1),
      [n, n],
    );
    const b = tf.tensor2d(
      Float32Array.from({ length: n * n }, () => random() * 2 - 1),
      [n, n],
    );
    for (const [form, ta, tb] of FORMS) {
      const flops = 2 * n * n * n;
      const reps = Math.max(1, Math.round(3e8 / flops));
      const run = () => {
        for (let r = 0; r < reps; r++) tf.matMul(a, b, ta, tb).dispose();
      };
      warm(run, 400);
      const runs = [];
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        run();
        runs.push((flops * reps) / ((performance.now() - t0) / 1000) / 1e9);
      }
      const s = stats(runs);
      out.push({ m: n, n, k: n, form, gflops: s.median, min: s.min, max: s.max });
    }
    // What a TF.js user can do instead of the transpose flags: form the transpose, then A·B
    // (the transpose is timed too).
    for (const [form, ta, tb] of FORMS.slice(1)) {
      const flops = 2 * n * n * n;
      const reps = Math.max(1, Math.round(3e8 / flops));
      const run = () => {
        for (let r = 0; r < reps; r++)
          tf.tidy(() => tf.matMul(ta ? tf.transpose(a) : a, tb ? tf.transpose(b) : b)).dispose();
      };
      warm(run, 400);
      const runs = [];
      for (let r = 0; r < 5; r++) {
        const t0 = performance.now();
        run();
        runs.push((flops * reps) / ((performance.now() - t0) / 1000) / 1e9);
      }
      const s = stats(runs);
      out.push({
        m: n,
        n,
        k: n,
        form: `${form} via tf.transpose`,
        gflops: s.median,
        min: s.min,
        max: s.max,
      });
    }
    a.dispose();
    b.dispose();
  }
  return out;
}

async function runTf(backend, workloads, params) {
  importScripts('./nm/@tensorflow/tfjs/dist/tf.min.js');
  const info = { library: '@tensorflow/tfjs', version: tf.version.tfjs, backend };
  if (backend === 'wasm') {
    importScripts('./nm/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js');
    tf.wasm.setWasmPaths(
      new URL('./nm/@tensorflow/tfjs-backend-wasm/dist/', self.location.href).href,
    );
    info.wasmBackendVersion = tf.wasm.version_wasm;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
  await tf.ready();
  info.activeBackend = tf.getBackend();
  if (backend === 'wasm') {
    info.WASM_HAS_SIMD_SUPPORT = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    info.WASM_HAS_MULTITHREAD_SUPPORT = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    info.crossOriginIsolated = self.crossOriginIsolated;
  }
  info.flags = { ...tf.env().getFlags() };
  const system = `TF.js-${backend}`;
  const results = [];
  for (const name of ['W1', 'W2', 'W3']) {
    const r = tfMinimize(workloads[name], params[name]);
    results.push(
      result(system, name, workloads[name], r.t, {
        method: 'optimizer.minimize in tf.tidy (tf.variable + tf.fused.matMul)',
        initialLoss: r.initialLoss,
        finalLoss: r.finalLoss,
        liveTensors: r.tensors,
      }),
    );
  }
  for (const name of ['W1', 'W2', 'W3']) {
    const r = await tfTrainOnBatch(workloads[name], params[name]);
    results.push(
      result(`${system} (layers)`, name, workloads[name], r.t, {
        method: 'tf.sequential + model.trainOnBatch',
        initialLoss: r.initialLoss,
      }),
    );
  }
  const gemm = backend === 'wasm' ? tfGemm() : [];
  info.flagsAfter = { ...tf.env().getFlags() };
  return { info, results, gemm };
}

// ------------------------------------------------------------------------------------- brain.js
// brain.NeuralNetwork has no mini-batches: trainPattern is one per-sample SGD update (error
// target − output, tanh' — the gradient of ½(y−t)², i.e. torch's MSE scaled by batch/2). One
// "step" here is the 10 samples of the batch, each its own update; momentum set to 0.
function runBrain(workloads, params) {
  importScripts('./nm/brain.js/browser.min.js');
  const wl = workloads.W1;
  const d = batchData(wl);
  const sizes = [d.inputs, ...wl.spec.model.layers.map((l) => l.units)];
  const net = new brain.NeuralNetwork({
    hiddenLayers: sizes.slice(1, -1),
    activation: 'tanh',
    learningRate: wl.spec.optimizer.lr,
  });
  // The constructor's validation rejects momentum 0 ("out of normal training range"): set it after.
  net.trainOpts.momentum = 0;
  net.sizes = sizes;
  net.initialize();
  for (let layer = 1; layer < sizes.length; layer++) {
    const w = params.W1[2 * (layer - 1)];
    const b = params.W1[2 * (layer - 1) + 1];
    for (let node = 0; node < sizes[layer]; node++) {
      net.weights[layer][node] = Float32Array.from(
        w.subarray(node * sizes[layer - 1], (node + 1) * sizes[layer - 1]),
      );
      net.biases[layer][node] = b[node];
    }
  }
  const patterns = [];
  for (let i = 0; i < d.batch; i++)
    patterns.push({
      input: d.x.subarray(i * d.inputs, (i + 1) * d.inputs),
      output: d.y.subarray(i, i + 1),
    });
  const mse = () => {
    let s = 0;
    for (const p of patterns) s += (net.run(p.input)[0] - p.output[0]) ** 2;
    return s / patterns.length;
  };
  const initialLoss = mse();
  const step = (n) => {
    for (let s = 0; s < n; s++)
      for (let i = 0; i < patterns.length; i++) net.trainPattern(patterns[i]);
  };
  const t = timeSteps(step);
  return {
    info: { library: 'brain.js', version: '1.6.1 (browser.min.js)' },
    results: [
      result('brain.js', 'W1', wl, t, {
        method: 'NeuralNetwork.trainPattern × batch (per-sample SGD, momentum 0)',
        initialLoss,
        finalLoss: mse(),
      }),
    ],
  };
}

// ------------------------------------------------------------------------------------ ConvNetJS
// Trainer({method:'sgd', batch_size:10, momentum:0, l2_decay:0}) accumulates 10 per-sample
// gradients and applies their mean; the regression loss is ½(y−t)². Its `regression` layer adds
// its own fc, so the output tanh is spliced in between that fc and the loss.
function runConvnet(workloads, params) {
  importScripts('./nm/convnetjs/build/convnet-min.js');
  const wl = workloads.W1;
  const d = batchData(wl);
  const layers = wl.spec.model.layers;
  const defs = [{ type: 'input', out_sx: 1, out_sy: 1, out_depth: d.inputs }];
  layers
    .slice(0, -1)
    .forEach((l) => defs.push({ type: 'fc', num_neurons: l.units, activation: 'tanh' }));
  defs.push({ type: 'regression', num_neurons: layers.at(-1).units });
  const net = new convnetjs.Net();
  net.makeLayers(defs);
  const regression = net.layers.length - 1;
  net.layers.splice(
    regression,
    0,
    new convnetjs.TanhLayer({ in_sx: 1, in_sy: 1, in_depth: layers.at(-1).units }),
  );
  const fcs = net.layers.filter((L) => L.layer_type === 'fc');
  fcs.forEach((L, i) => {
    const w = params.W1[2 * i];
    const b = params.W1[2 * i + 1];
    L.filters.forEach((f, j) => f.w.set(w.subarray(j * f.w.length, (j + 1) * f.w.length)));
    L.biases.w.set(b);
  });
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd',
    learning_rate: wl.spec.optimizer.lr,
    batch_size: d.batch,
    momentum: 0,
    l2_decay: 0,
    l1_decay: 0,
  });
  const vols = [];
  const targets = [];
  for (let i = 0; i < d.batch; i++) {
    const v = new convnetjs.Vol(1, 1, d.inputs, 0);
    v.w.set(d.x.subarray(i * d.inputs, (i + 1) * d.inputs));
    vols.push(v);
    targets.push([d.y[i]]);
  }
  const mse = () => {
    let s = 0;
    for (let i = 0; i < d.batch; i++) s += (net.forward(vols[i], false).w[0] - targets[i][0]) ** 2;
    return s / d.batch;
  };
  const initialLoss = mse();
  const step = (n) => {
    for (let s = 0; s < n; s++)
      for (let i = 0; i < d.batch; i++) trainer.train(vols[i], targets[i]);
  };
  const t = timeSteps(step);
  return {
    info: {
      library: 'convnetjs',
      version: '0.3.0 (build/convnet-min.js)',
      weightsAreFloat64: !(fcs[0].filters[0].w instanceof Float32Array),
    },
    results: [
      result('ConvNetJS', 'W1', wl, t, {
        method: 'Trainer.train per sample, batch_size 10 (mean of 10 gradients per update)',
        initialLoss,
        finalLoss: mse(),
      }),
    ],
  };
}

onmessage = async (e) => {
  const { lib, workloads, params } = e.data;
  try {
    let r;
    if (lib === 'tfjs-wasm') r = await runTf('wasm', workloads, params);
    else if (lib === 'tfjs-cpu') r = await runTf('cpu', workloads, params);
    else if (lib === 'brain') r = runBrain(workloads, params);
    else if (lib === 'convnet') r = runConvnet(workloads, params);
    else throw new Error(`unknown library ${lib}`);
    postMessage(r);
  } catch (err) {
    postMessage({ error: `${lib}: ${err && err.stack ? err.stack : err}` });
  }
};
