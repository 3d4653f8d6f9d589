// Trains the shipped real datasets (web/public/data, docs/datasets.md) to their targets and times
// it. Shared by the Node runner (bench/bench-real-data.mjs) and the browser benchmark worker.
// `load(name)` returns the bytes of web/public/data/<name>.

export const REAL_DATA_RUNS = [
  {
    name: 'digits',
    target: 0.95,
    files: { data: 'digits.nnpd' },
    epochs: 40,
    config: {
      seed: 1,
      data: { name: 'supplied', trainFraction: 0.7, validationFraction: 0.1 },
      training: { batchSize: 32 },
      model: {
        inputs: 64,
        layers: [
          { units: 64, activation: 'ReLU' },
          { units: 10, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.003 },
    },
  },
  {
    name: 'fashion-mnist subset',
    target: 0.84,
    files: { data: 'fashion-train.nnpd', test: 'fashion-test.nnpd' },
    epochs: 12,
    config: {
      seed: 1,
      data: { name: 'supplied', validationFraction: 0.1 },
      training: { batchSize: 64 },
      model: {
        inputs: 784,
        layers: [
          { units: 256, activation: 'ReLU' },
          { units: 128, activation: 'ReLU' },
          { units: 10, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.001 },
    },
  },
];

export async function runRealData(core, load, now = () => performance.now()) {
  const results = [];
  for (const run of REAL_DATA_RUNS) {
    const data = { nnpd: await load(run.files.data), name: run.files.data };
    if (run.files.test) data.test = { nnpd: await load(run.files.test), name: run.files.test };
    const t0 = now();
    const trainer = new core.Trainer(run.config, data);
    try {
      trainer.runEpochs(run.epochs);
      const seconds = (now() - t0) / 1000;
      const e = trainer.evaluate();
      const p = trainer.progress();
      results.push({
        dataset: run.name,
        epochs: p.epoch,
        steps: p.step,
        testAccuracy: e.test.accuracy,
        validationAccuracy: e.validation.accuracy,
        target: run.target,
        met: e.test.accuracy >= run.target,
        seconds,
        network: [run.config.model.inputs, ...run.config.model.layers.map((l) => l.units)].join(
          '-',
        ),
        optimizer: `${run.config.optimizer.name} lr ${run.config.optimizer.lr}, batch ${run.config.training.batchSize}`,
      });
    } finally {
      trainer.delete();
    }
  }
  return results;
}
