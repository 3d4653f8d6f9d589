// The scenes of the PyTorch-export parity test (pytorch-export.test.ts): every loss, optimiser
// (with each of its options and no_decay_bias), scheduler, regulariser (clipping by norm and by
// value, L1, weight decay, dropout), activation, initialisation, generator, input pipeline,
// supplied rows, batch and order option, augmentation and ensembles — the parity fixtures'
// coverage (docs/parity.md) carried over to whole scenes.
import blobsEnsemble from '../../docs/scenes/blobs-5-ensemble.json';
import circle from '../../docs/scenes/circle.json';
import sineEarlyStopping from '../../docs/scenes/sine-early-stopping.json';
import spirals3 from '../../docs/scenes/spirals-3.json';
import xorFeatures from '../../docs/scenes/xor-features.json';
import { SCENE_FORMAT, type Scene, type SceneRows } from '../src/scene/types.ts';
import type { LayerSpec } from '../src/wasm/core.mjs';

export interface ExportCase {
  name: string;
  scene: Scene;
  /** Steps the engine takes before the export (the page's position). */
  before: number;
  /** Steps both then take, compared step by step. */
  after: number;
}

/** Blobs with three classes, a 2-5-4-3 network, cross-entropy and plain SGD: 30 training rows, so
 *  batches of 8 make epochs of 4 steps and the runs below cross epoch ends (new shuffles). */
const BASE: Scene = {
  format: SCENE_FORMAT,
  seed: 7,
  data: { name: 'blobs', samples: 60, noise: 0.2, classes: 3, trainFraction: 0.5 },
  model: {
    inputs: 2,
    layers: [
      { units: 5, activation: 'Tanh' },
      { units: 4, activation: 'ReLU' },
      { units: 3, activation: 'Identity' },
    ],
  },
  loss: { name: 'CrossEntropyLoss' },
  optimizer: { name: 'SGD', lr: 0.1 },
  training: { batchSize: 8 },
};

const hidden: LayerSpec[] = [
  { units: 5, activation: 'Tanh' },
  { units: 4, activation: 'ReLU' },
];

/** Two classes on one output (circle). */
const binary = (output: LayerSpec['activation'], loss: Scene['loss']): Partial<Scene> => ({
  data: { name: 'circle', samples: 60, noise: 0.1, trainFraction: 0.5 },
  model: { inputs: 2, layers: [...hidden, { units: 1, activation: output }] },
  loss,
});

/** A regression on one output (plane). */
const regression = (loss: Scene['loss']): Partial<Scene> => ({
  data: { name: 'plane', samples: 60, noise: 0.1, trainFraction: 0.5 },
  model: { inputs: 2, layers: [...hidden, { units: 1, activation: 'Identity' }] },
  loss,
});

const scene = (over: Partial<Scene>): Scene => ({ ...BASE, ...over });

/** Rows for the supplied-data cases: three features, two classes, from a fixed formula. */
function rows(count: number, offset: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = Math.sin(1.3 * (i + offset)),
      b = Math.cos(0.7 * (i + offset)),
      c = ((i * 7) % 11) / 11;
    x.push(a, b, c);
    y.push(a + b * c > 0.2 ? 1 : 0);
  }
  return { x, y };
}

const OWN_ROWS: SceneRows = { features: 3, classes: 2, ...rows(40, 0), source: 'formula' };
const OWN_ROWS_WITH_TEST: SceneRows = { ...OWN_ROWS, test: rows(12, 100) };

const supplied = (data: SceneRows, validationFraction?: number): Partial<Scene> => ({
  data: {
    name: 'supplied',
    trainFraction: 0.6,
    ...(validationFraction ? { validationFraction } : {}),
    rows: data,
  },
  model: { inputs: 3, layers: [...hidden, { units: 2, activation: 'Identity' }] },
});

const generator = (name: string, task: 'classes' | 'value', inputs = 2): Partial<Scene> => ({
  data: { name, samples: 50, noise: 0.2, trainFraction: 0.6 } as Scene['data'],
  model: {
    inputs,
    layers: [...hidden, { units: task === 'classes' ? 2 : 1, activation: 'Identity' }],
  },
  loss: task === 'classes' ? { name: 'CrossEntropyLoss' } : { name: 'MSELoss' },
});

const c = (name: string, over: Partial<Scene>, before = 5, after = 6): ExportCase => ({
  name,
  scene: scene(over),
  before,
  after,
});

export const CASES: ExportCase[] = [
  // Losses, each reduction.
  c('loss-mse-mean', regression({ name: 'MSELoss' })),
  c('loss-mse-sum', {
    ...regression({ name: 'MSELoss', reduction: 'sum' }),
    optimizer: { name: 'SGD', lr: 0.01 },
  }),
  c('loss-l1', regression({ name: 'L1Loss' })),
  c('loss-huber-delta0.5-sum', {
    ...regression({ name: 'HuberLoss', delta: 0.5, reduction: 'sum' }),
    optimizer: { name: 'SGD', lr: 0.02 },
  }),
  c('loss-bce', binary('Sigmoid', { name: 'BCELoss' })),
  c('loss-bce-sum', binary('Sigmoid', { name: 'BCELoss', reduction: 'sum' })),
  c('loss-bcewithlogits', binary('Identity', { name: 'BCEWithLogitsLoss' })),
  c('loss-mse-signed-labels', {
    ...binary('Tanh', { name: 'MSELoss' }),
    data: { name: 'xor', samples: 60, noise: 0, trainFraction: 0.5, signedLabels: true },
  }),
  c('loss-ce', {}),
  c('loss-ce-ls0.1-sum', {
    loss: { name: 'CrossEntropyLoss', label_smoothing: 0.1, reduction: 'sum' },
  }),
  c('loss-nll', {
    model: { inputs: 2, layers: [...hidden, { units: 3, activation: 'LogSoftmax' }] },
    loss: { name: 'NLLLoss' },
  }),
  c('loss-nll-sum', {
    model: { inputs: 2, layers: [...hidden, { units: 3, activation: 'LogSoftmax' }] },
    loss: { name: 'NLLLoss', reduction: 'sum' },
    optimizer: { name: 'SGD', lr: 0.02 },
  }),
  c('loss-multimargin-margin0.5', { loss: { name: 'MultiMarginLoss', margin: 0.5 } }),
  // Activations.
  c('act-mixed-1', {
    model: {
      inputs: 2,
      layers: [
        { units: 6, activation: { name: 'LeakyReLU', negative_slope: 0.1 } },
        { units: 6, activation: { name: 'ELU', alpha: 0.7 } },
        { units: 5, activation: 'GELU' },
        { units: 5, activation: { name: 'GELU', approximate: 'tanh' } },
        { units: 3, activation: 'Identity' },
      ],
    },
  }),
  c('act-mixed-2', {
    model: {
      inputs: 2,
      layers: [
        { units: 6, activation: 'SiLU' },
        { units: 6, activation: { name: 'Softplus', beta: 2, threshold: 10 } },
        { units: 5, activation: 'Sigmoid' },
        { units: 5, activation: 'Softmax' },
        { units: 4, activation: 'LogSoftmax' },
        { units: 3, activation: 'Softmax' },
      ],
    },
    loss: { name: 'MultiMarginLoss' },
  }),
  // Optimisers with every option; no_decay_bias with each.
  c('opt-sgd-momentum-dampening-wd', {
    optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9, dampening: 0.5, weight_decay: 0.01 },
  }),
  c('opt-sgd-nesterov-nodecaybias', {
    optimizer: {
      name: 'SGD',
      lr: 0.1,
      momentum: 0.9,
      nesterov: true,
      weight_decay: 0.1,
      no_decay_bias: true,
    },
  }),
  c('opt-sgd-wd-nodecaybias', {
    optimizer: { name: 'SGD', lr: 0.1, weight_decay: 0.1, no_decay_bias: true },
  }),
  c('opt-adagrad-all', {
    optimizer: {
      name: 'Adagrad',
      lr: 0.05,
      lr_decay: 0.01,
      initial_accumulator_value: 0.1,
      eps: 1e-6,
      weight_decay: 0.01,
    },
  }),
  c('opt-adagrad-nodecaybias', {
    optimizer: { name: 'Adagrad', lr: 0.05, weight_decay: 0.1, no_decay_bias: true },
  }),
  c('opt-rmsprop-all', {
    optimizer: {
      name: 'RMSprop',
      lr: 0.01,
      alpha: 0.9,
      eps: 1e-6,
      momentum: 0.5,
      weight_decay: 0.01,
    },
  }),
  c('opt-rmsprop-centered-momentum-nodecaybias', {
    optimizer: {
      name: 'RMSprop',
      lr: 0.01,
      centered: true,
      momentum: 0.5,
      weight_decay: 0.1,
      no_decay_bias: true,
    },
  }),
  c('opt-adam', { optimizer: { name: 'Adam', lr: 0.01 } }),
  c('opt-adam-all-nodecaybias', {
    optimizer: {
      name: 'Adam',
      lr: 0.01,
      betas: [0.8, 0.9],
      eps: 0.01,
      weight_decay: 0.1,
      amsgrad: true,
      no_decay_bias: true,
    },
  }),
  c('opt-adamw-all', {
    optimizer: {
      name: 'AdamW',
      lr: 0.01,
      betas: [0.9, 0.9],
      eps: 1e-6,
      weight_decay: 0.1,
      amsgrad: true,
    },
  }),
  c('opt-adamw-nodecaybias', {
    optimizer: { name: 'AdamW', lr: 0.01, weight_decay: 0.1, no_decay_bias: true },
  }),
  // Schedulers.
  c('sched-steplr-sgd', {
    optimizer: { name: 'SGD', lr: 0.1 },
    scheduler: { name: 'StepLR', step_size: 2, gamma: 0.5 },
  }),
  c('sched-steplr-adagrad', {
    optimizer: { name: 'Adagrad', lr: 0.05 },
    scheduler: { name: 'StepLR', step_size: 3, gamma: 0.7 },
  }),
  c('sched-exponential-momentum', {
    optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9 },
    scheduler: { name: 'ExponentialLR', gamma: 0.9 },
  }),
  c('sched-cosine-adam', {
    optimizer: { name: 'Adam', lr: 0.01 },
    scheduler: { name: 'CosineAnnealingLR', T_max: 4, eta_min: 0.001 },
  }),
  c('sched-linear-adamw-nodecaybias', {
    optimizer: { name: 'AdamW', lr: 0.01, no_decay_bias: true },
    scheduler: { name: 'LinearLR', start_factor: 0.25, end_factor: 1, total_iters: 8 },
  }),
  c('sched-linear-rmsprop', {
    optimizer: { name: 'RMSprop', lr: 0.01, momentum: 0.5 },
    scheduler: { name: 'LinearLR' },
  }),
  // Regularisers.
  c('clip-norm', { clip_grad_norm: 0.5, optimizer: { name: 'SGD', lr: 0.5 } }),
  c('clip-value-momentum', {
    clip_grad_value: 0.02,
    optimizer: { name: 'SGD', lr: 0.5, momentum: 0.9 },
  }),
  c('clip-both-adam', {
    clip_grad_norm: 0.1,
    clip_grad_value: 0.02,
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('l1-sgd', { l1: 0.01 }),
  c('l1-adamw-nodecaybias-clip', {
    l1: 0.01,
    clip_grad_norm: 0.5,
    optimizer: { name: 'AdamW', lr: 0.01, no_decay_bias: true },
  }),
  c('dropout-sgd', {
    model: {
      inputs: 2,
      layers: [
        { units: 6, activation: 'Tanh', dropout: 0.3 },
        { units: 5, activation: 'ReLU', dropout: 0.2 },
        { units: 3, activation: 'Identity' },
      ],
    },
  }),
  c('dropout-adam', {
    model: {
      inputs: 2,
      layers: [
        { units: 6, activation: 'Tanh' },
        { units: 5, activation: 'ReLU', dropout: 0.5 },
        { units: 3, activation: 'Identity' },
      ],
    },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  // Initialisation (the replay of a stateful optimiser starts from it).
  c('init-xavier-uniform', {
    init: { weight: 'xavier_uniform', bias: 0.1 },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('init-xavier-normal', {
    init: { weight: 'xavier_normal' },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('init-kaiming-uniform', {
    init: { weight: 'kaiming_uniform' },
    model: {
      inputs: 2,
      layers: [
        { units: 5, activation: { name: 'LeakyReLU', negative_slope: 0.2 } },
        { units: 3, activation: 'Identity' },
      ],
    },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('init-kaiming-normal', {
    init: { weight: 'kaiming_normal', bias: -0.1 },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('init-uniform', {
    init: { weight: 'uniform', a: -0.5, b: 0.5 },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  // Not Adam: a constant init keeps units symmetric, their gradients cancel to rounding noise,
  // and Adam's g/√v turns that noise into steps of ±lr (a float32 rounding difference, not a rule).
  c('init-constant', {
    init: { weight: 'constant', constant: 0.1 },
    optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9 },
  }),
  c('init-zeros', { init: { weight: 'zeros', bias: 0.1 }, optimizer: { name: 'Adam', lr: 0.01 } }),
  // Every generator.
  c('data-circle', generator('circle', 'classes')),
  c('data-xor', generator('xor', 'classes')),
  c('data-gauss', generator('gauss', 'classes')),
  c('data-spiral', generator('spiral', 'classes')),
  c('data-moons', generator('moons', 'classes')),
  c('data-spirals-4', {
    ...generator('spirals', 'classes'),
    data: { name: 'spirals', samples: 50, noise: 0.2, classes: 4, trainFraction: 0.6 },
    model: { inputs: 2, layers: [...hidden, { units: 4, activation: 'Identity' }] },
  }),
  c('data-checkerboard', generator('checkerboard', 'classes')),
  c('data-plane', generator('plane', 'value')),
  c('data-multigauss', generator('multigauss', 'value')),
  c('data-sine', generator('sine', 'value', 1)),
  c('data-polynomial', generator('polynomial', 'value', 1)),
  // The input pipeline and the split.
  c('features-standardize-validation', {
    data: {
      name: 'circle',
      samples: 60,
      noise: 0.1,
      trainFraction: 0.5,
      validationFraction: 0.2,
      features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'],
      standardize: true,
    },
    model: { inputs: 7, layers: [...hidden, { units: 2, activation: 'Identity' }] },
  }),
  c('supplied-rows', supplied(OWN_ROWS)),
  c('supplied-rows-test-validation', supplied(OWN_ROWS_WITH_TEST, 0.25)),
  c('supplied-rows-test-adam', {
    ...supplied(OWN_ROWS_WITH_TEST),
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  // Shipped datasets: the script reads their .nnpd files.
  c('shipped-iris-standardize', {
    data: { name: 'supplied', dataset: 'iris', trainFraction: 0.6, standardize: true },
    model: { inputs: 4, layers: [...hidden, { units: 3, activation: 'Identity' }] },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('shipped-digits', {
    data: { name: 'supplied', dataset: 'digits', trainFraction: 0.7, validationFraction: 0.1 },
    model: { inputs: 64, layers: [...hidden, { units: 10, activation: 'Identity' }] },
    training: { batchSize: 32 },
  }),
  c('shipped-fashion-test-set', {
    data: { name: 'supplied', dataset: 'fashion', trainFraction: 0.8, validationFraction: 0.1 },
    model: {
      inputs: 784,
      layers: [
        { units: 8, activation: 'ReLU' },
        { units: 10, activation: 'Identity' },
      ],
    },
    training: { batchSize: 64 },
  }),
  // Batches and order.
  c('batch1-adam', { training: { batchSize: 1 }, optimizer: { name: 'Adam', lr: 0.01 } }, 33, 6),
  c('droplast', { training: { batchSize: 8, dropLast: true } }, 5, 6),
  c('no-shuffle-momentum', {
    training: { batchSize: 8, shuffle: false },
    optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9 },
  }),
  c('full-batch', { training: { batchSize: 30 } }, 3, 3),
  c('early-stopping-evaluate-every', {
    training: { batchSize: 8, evaluateEvery: 2, earlyStopping: { patience: 50, minDelta: 0.001 } },
  }),
  // Augmentation and ensembles.
  c('jitter', { training: { batchSize: 8, augmentation: { jitter: 0.1 } } }),
  c('mixup-ce', { training: { batchSize: 8, augmentation: { mixup: 0.4 } } }),
  c('mixup-small-alpha-bce-adam', {
    ...binary('Identity', { name: 'BCEWithLogitsLoss' }),
    training: { batchSize: 8, augmentation: { jitter: 0.05, mixup: 0.3 } },
    optimizer: { name: 'Adam', lr: 0.01 },
  }),
  c('ensemble-3', { training: { batchSize: 8, ensemble: { members: 3 } } }),
  c('ensemble-bootstrap-adam-dropout', {
    training: { batchSize: 8, ensemble: { members: 2, bootstrap: true } },
    optimizer: { name: 'Adam', lr: 0.01 },
    model: {
      inputs: 2,
      layers: [
        { units: 5, activation: 'Tanh', dropout: 0.2 },
        { units: 3, activation: 'Identity' },
      ],
    },
  }),
  // The documented scenes (docs/scenes), as the page opens them, a few epochs in.
  ...(
    [
      ['docs-blobs-5-ensemble', blobsEnsemble],
      ['docs-circle', circle],
      ['docs-sine-early-stopping', sineEarlyStopping],
      ['docs-spirals-3', spirals3],
      ['docs-xor-features', xorFeatures],
    ] as const
  ).map(([name, documented]): ExportCase => ({
    name,
    scene: documented as Scene,
    before: 60,
    after: 5,
  })),
  // Longer: the replay of Adam's state over 10 epochs, and everything at once.
  c('long-adam-replay', { optimizer: { name: 'Adam', lr: 0.01 } }, 40, 8),
  c('kitchen-sink', {
    model: {
      inputs: 2,
      layers: [
        { units: 6, activation: { name: 'GELU', approximate: 'tanh' }, dropout: 0.1 },
        { units: 5, activation: { name: 'ELU', alpha: 0.7 } },
        { units: 3, activation: 'Identity' },
      ],
    },
    loss: { name: 'CrossEntropyLoss', label_smoothing: 0.1 },
    optimizer: {
      name: 'Adam',
      lr: 0.01,
      betas: [0.9, 0.9],
      weight_decay: 0.01,
      amsgrad: true,
      no_decay_bias: true,
    },
    scheduler: { name: 'CosineAnnealingLR', T_max: 4, eta_min: 0.001 },
    clip_grad_norm: 0.1,
    clip_grad_value: 0.02,
    l1: 0.01,
    init: { weight: 'xavier_uniform' },
    training: {
      batchSize: 8,
      augmentation: { jitter: 0.05, mixup: 0.2 },
      ensemble: { members: 2 },
    },
  }),
];
