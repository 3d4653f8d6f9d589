import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_ARGS,
  ACTIVATIONS,
  defaultScene,
  INITS,
  LOSS_ARGS,
  LOSSES,
  OPTIMIZER_ARGS,
  OPTIMIZERS,
  SCENE_FORMAT,
  SCHEDULERS,
  sceneToEngineConfig,
  validateScene,
  type Scene,
} from '../src/scene.ts';

const REMOVE = Symbol('remove the field');

/** A JSON copy of `base` (the default scene) with the field at `path` ("model.layers[1].units")
 *  set to `value`, or removed. */
function edited(path: string, value: unknown, base: unknown = defaultScene()): unknown {
  const scene = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop() ?? '';
  let node = scene;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return scene;
}

/** A scene using every optional field and kwargs of several classes. */
function everything(): Scene {
  return {
    format: SCENE_FORMAT,
    seed: 7,
    data: { name: 'circle', samples: 400, noise: 0.1, trainFraction: 0.6 },
    model: {
      inputs: 2,
      layers: [
        { units: 8, activation: { name: 'LeakyReLU', negative_slope: 0.1 }, dropout: 0.2 },
        { units: 8, activation: { name: 'GELU', approximate: 'tanh' } },
        { units: 6, activation: { name: 'Softplus', beta: 2, threshold: 10 } },
        { units: 6, activation: { name: 'ELU' } },
        { units: 2, activation: { name: 'LogSoftmax', dim: 1 } },
      ],
    },
    loss: { name: 'NLLLoss', reduction: 'sum' },
    optimizer: {
      name: 'AdamW',
      lr: 0.01,
      betas: [0.9, 0.99],
      eps: 1e-7,
      weight_decay: 0.05,
      amsgrad: true,
      no_decay_bias: true,
    },
    scheduler: { name: 'StepLR', step_size: 100, gamma: 0.5 },
    clip_grad_norm: 1,
    clip_grad_value: null,
    l1: 0.001,
    init: { weight: 'xavier_uniform', bias: 0.1 },
    training: { batchSize: 25 },
  };
}

/** "scene.a.b[1]" as a regular expression matching the start of an error message. */
function naming(path: string): RegExp {
  return new RegExp(`^${`scene.${path}`.replace(/[.[\]()]/g, (c) => `\\${c}`)}: `);
}

describe('defaultScene', () => {
  it('is the walking-skeleton setup', () => {
    const scene = defaultScene();
    expect(scene.format).toBe(SCENE_FORMAT);
    expect(scene.seed).toBe(1);
    expect(scene.data).toEqual({ name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 });
    expect(scene.model.inputs).toBe(2);
    expect(scene.model.layers).toEqual([
      { units: 4, activation: 'Tanh' },
      { units: 4, activation: 'Tanh' },
      { units: 1, activation: 'Sigmoid' },
    ]);
    expect(scene.loss).toEqual({ name: 'BCELoss' });
    expect(scene.optimizer).toEqual({ name: 'SGD', lr: 0.1 });
    expect(scene.training.batchSize).toBe(10);
    for (const key of ['scheduler', 'clip_grad_norm', 'clip_grad_value', 'l1', 'init']) {
      expect(scene).not.toHaveProperty(key);
    }
  });

  it('is valid and survives a JSON round trip unchanged', () => {
    const scene = defaultScene();
    expect(validateScene(scene)).toStrictEqual(scene);
    expect(validateScene(JSON.parse(JSON.stringify(scene)))).toStrictEqual(scene);
  });

  it('returns a fresh object each time', () => {
    const a = defaultScene();
    a.model.layers[0]!.units = 8;
    expect(defaultScene().model.layers[0]!.units).toBe(4);
  });
});

describe('the accepted names', () => {
  // The type system already checks that each list holds every name of its core.d.mts union and
  // nothing else; engine.test.ts checks them against the engine's own lists.
  it('have no duplicates', () => {
    for (const list of [ACTIVATIONS, LOSSES, OPTIMIZERS, SCHEDULERS, INITS]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('have an argument list for every class', () => {
    expect(Object.keys(ACTIVATION_ARGS)).toEqual([...ACTIVATIONS]);
    expect(Object.keys(LOSS_ARGS)).toEqual([...LOSSES]);
    expect(Object.keys(OPTIMIZER_ARGS)).toEqual([...OPTIMIZERS]);
  });
});

describe('validateScene', () => {
  it('keeps every field of a scene that uses them all', () => {
    const scene = everything();
    expect(validateScene(scene)).toStrictEqual(scene);
    expect(validateScene(JSON.parse(JSON.stringify(scene)))).toStrictEqual(scene);
  });

  it.each<[string, unknown]>([
    ['an activation object without arguments', { units: 4, activation: { name: 'ReLU' } }],
    ['SiLU', { units: 4, activation: 'SiLU' }],
    ['dropout 0', { units: 4, activation: 'Tanh', dropout: 0 }],
  ])('accepts a hidden layer with %s', (_, layer) => {
    const scene = edited('model.layers[0]', layer);
    expect(validateScene(scene)).toEqual(scene);
  });

  it.each<[string, Record<string, unknown>]>([
    [
      'SGD',
      { name: 'SGD', lr: 0.1, momentum: 0.9, dampening: 0, nesterov: true, weight_decay: 1e-4 },
    ],
    [
      'Adagrad',
      { name: 'Adagrad', lr: 0.1, lr_decay: 0.01, initial_accumulator_value: 0.1, eps: 1e-10 },
    ],
    ['RMSprop', { name: 'RMSprop', lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true }],
    ['Adam', { name: 'Adam', lr: 0.001, betas: [0.8, 0.9], amsgrad: false }],
  ])('accepts %s with its arguments', (_, optimizer) => {
    const scene = edited('optimizer', optimizer);
    expect(validateScene(scene)).toEqual(scene);
  });

  it.each<[string, unknown]>([
    ['StepLR', { name: 'StepLR', step_size: 10 }],
    ['ExponentialLR', { name: 'ExponentialLR', gamma: 0.99 }],
    ['CosineAnnealingLR', { name: 'CosineAnnealingLR', T_max: 500, eta_min: 0.001 }],
    ['LinearLR', { name: 'LinearLR', start_factor: 0.1, end_factor: 1, total_iters: 100 }],
    ['LinearLR with defaults', { name: 'LinearLR' }],
    ['null (no schedule)', null],
  ])('accepts the scheduler %s', (_, scheduler) => {
    const scene = edited('scheduler', scheduler);
    expect(validateScene(scene)).toEqual(scene);
  });

  it.each<[string, Partial<Scene>]>([
    ['HuberLoss', { loss: { name: 'HuberLoss', delta: 0.5 } }],
    [
      'CrossEntropyLoss on logits',
      {
        loss: { name: 'CrossEntropyLoss', label_smoothing: 0.1 },
        model: { inputs: 2, layers: [{ units: 2, activation: 'Identity' }] },
      },
    ],
    [
      'MultiMarginLoss',
      {
        loss: { name: 'MultiMarginLoss', margin: 0.5 },
        model: { inputs: 2, layers: [{ units: 2, activation: 'Identity' }] },
      },
    ],
    [
      'BCEWithLogitsLoss',
      {
        loss: { name: 'BCEWithLogitsLoss' },
        model: { inputs: 2, layers: [{ units: 1, activation: 'Identity' }] },
      },
    ],
    ['constant init', { init: { weight: 'constant', constant: 0.1, bias: 0 } }],
    ['an empty init', { init: {} }],
  ])('accepts %s', (_, change) => {
    const scene = { ...defaultScene(), ...change };
    expect(validateScene(scene)).toEqual(scene);
  });

  it('returns a copy that shares nothing with its input', () => {
    const input = everything();
    const output = validateScene(input);
    output.model.layers[0]!.units = 7;
    (output.model.layers[0]!.activation as { negative_slope: number }).negative_slope = 0.5;
    output.data.samples = 100;
    output.optimizer.betas![0] = 0.5;
    output.scheduler!.gamma = 0.9;
    output.init!.bias = 1;
    expect(input).toStrictEqual(everything());
  });

  it.each<[string, unknown]>([
    ['scene', null],
    ['scene', 'circle'],
    ['scene', []],
  ])('rejects a non-object naming "%s"', (field, value) => {
    expect(() => validateScene(value)).toThrow(new RegExp(`^${field}:`));
  });

  it.each<[string, unknown, unknown?]>([
    ['format', 'nn-playground/scene@2'],
    ['format', REMOVE],
    ['seed', 1.5],
    ['seed', -1],
    ['data', null],
    ['data.name', 'spiral-ish'],
    ['data.samples', '500'],
    ['data.samples', 0],
    ['data.noise', 0.9],
    ['data.noise', Number.NaN],
    ['data.trainFraction', 1],
    [
      'data.trainFraction',
      0.05,
      { ...defaultScene(), data: { ...defaultScene().data, samples: 10 } },
    ],
    ['network', { inputs: 2, layers: [] }],
    ['model', REMOVE],
    ['model.inputs', 0],
    ['model.inputs', 3],
    ['model.layers', []],
    ['model.layers', 'Tanh'],
    ['model.layers[1]', 4],
    ['model.layers[1].units', 0],
    ['model.layers[2].units', 2.5],
    ['model.layers[2].units', 2],
    ['model.layers[0].activation', 'Tanhh'],
    ['model.layers[0].activation', REMOVE],
    ['model.layers[0].activation', 3],
    ['model.layers[2].activation', 'Tanh'],
    ['model.layers[0].bias', false],
    ['model.layers[0].dropout', 1],
    ['model.layers[0].dropout', -0.1],
    ['model.layers[2].dropout', 0.5],
    ['loss', 'BCELoss'],
    ['loss.name', 'CrossEntropy'],
    ['loss.reduction', 'none'],
    ['loss.delta', 1],
    ['optimizer.name', 'Adamm'],
    ['optimizer.lr', -1],
    ['optimizer.lr', 0],
    ['optimizer.lr', REMOVE],
    ['optimizer.lr', Number.POSITIVE_INFINITY],
    ['optimizer.momentun', 0.9],
    ['optimizer.momentum', 1],
    ['optimizer.betas', [0.9, 0.999]],
    ['optimizer.nesterov', true],
    ['scheduler', 'StepLR'],
    ['clip_grad_norm', 0],
    ['clip_grad_norm', 'off'],
    ['clip_grad_value', -1],
    ['l1', -0.1],
    ['l1', null],
    ['init', 'xavier_uniform'],
    ['training', REMOVE],
    ['training.batchSize', 0],
    ['optimiser', { lr: 1 }],
  ])('rejects a bad %s (%s), naming it', (path, value, base = defaultScene()) => {
    expect(() => validateScene(edited(path, value, base))).toThrow(naming(path));
  });

  it.each<[string, unknown, unknown?]>([
    ['model.layers[0].activation.negative_slope', 2],
    ['model.layers[0].activation.alpha', 0.5],
    ['model.layers[1].activation.approximate', 'sigmoid'],
    ['model.layers[2].activation.beta', 0],
    ['model.layers[3].activation.name', REMOVE],
    ['model.layers[0].activation.name', 'Swish'],
    ['model.layers[4].activation.dim', 0],
    ['loss.label_smoothing', 0.1],
    ['optimizer.betas', [0.9]],
    ['optimizer.betas[1]', 1],
    ['optimizer.betas[0]', 'x'],
    ['optimizer.momentum', 0.9],
    ['optimizer.eps', -1],
    ['scheduler.step_size', REMOVE],
    ['scheduler.step_size', 0],
    ['scheduler.gamma', 0],
    ['scheduler.T_max', 10],
    ['init.constant', 0.5],
    ['scheduler.name', REMOVE],
    ['init.weight', 'xavier'],
    ['init.scale', 2],
    ['init.bias', 0.1, { ...defaultScene(), init: {} }],
    ['init.bias', 20],
  ])('rejects a bad %s (%s) in a rich scene, naming it', (path, value, base = everything()) => {
    expect(() => validateScene(edited(path, value, base))).toThrow(naming(path));
  });

  it.each<[string, unknown]>([
    ['scheduler', { name: 'ExponentialLR' }],
    ['scheduler', { name: 'CosineAnnealingLR', eta_min: 0 }],
    ['init', { weight: 'constant' }],
  ])('rejects a %s without its required argument (%j)', (path, value) => {
    expect(() => validateScene(edited(path, value))).toThrow(/needs it|missing/);
  });

  it('says what is accepted', () => {
    expect(() => validateScene(edited('model.layers[0].activation', 'Tanhh'))).toThrow(
      `scene.model.layers[0].activation: expected one of ${ACTIVATIONS.join(', ')}, ` +
        'or an object {name, ...arguments}, got "Tanhh"',
    );
    expect(() => validateScene(edited('loss.name', 'CE'))).toThrow(
      `scene.loss.name: expected one of ${LOSSES.join(', ')}, got "CE"`,
    );
    expect(() => validateScene(edited('optimizer.momentun', 0.9))).toThrow(
      'scene.optimizer.momentun: unknown field for SGD; accepted: name, lr, momentum, ' +
        'dampening, nesterov, weight_decay, no_decay_bias',
    );
    expect(() => validateScene(edited('optimizer.momentum', 1))).toThrow(
      'scene.optimizer.momentum: expected a number in [0, 1), got 1',
    );
    expect(() => validateScene(edited('scheduler', { name: 'StepLR' }))).toThrow(
      'scene.scheduler.step_size: missing; expected an integer in [1, 1000000] (StepLR needs it)',
    );
    expect(() => validateScene(edited('model.layers[2].activation', 'Tanh'))).toThrow(
      /^scene\.model\.layers\[2\]\.activation: expected Sigmoid .*BCEWithLogitsLoss/,
    );
    expect(() => validateScene(edited('model.layers[2].units', 2))).toThrow(
      /^scene\.model\.layers\[2\]\.units: expected 1 for the output layer/,
    );
    expect(() => validateScene({ ...defaultScene(), loss: { name: 'CrossEntropyLoss' } })).toThrow(
      /^scene\.model\.layers\[2\]\.units: expected 2 for the output layer/,
    );
  });
});

describe('sceneToEngineConfig', () => {
  it('maps every field of the default scene', () => {
    expect(sceneToEngineConfig(defaultScene())).toStrictEqual({
      seed: 1,
      data: { name: 'circle', samples: 500, noise: 0, trainFraction: 0.5 },
      model: {
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
    });
  });

  it('maps every optional field', () => {
    const { format, training, ...learner } = everything();
    expect(format).toBe(SCENE_FORMAT);
    expect(sceneToEngineConfig(everything())).toStrictEqual({
      ...learner,
      batchSize: training.batchSize,
    });
  });

  it('copies, so editing the config leaves the scene alone', () => {
    const scene = everything();
    const config = sceneToEngineConfig(scene);
    config.model.layers[0]!.units = 9;
    (config.model.layers[0]!.activation as { negative_slope: number }).negative_slope = 0.3;
    config.data.samples = 9;
    config.optimizer.betas![1] = 0.5;
    config.scheduler!.step_size = 3;
    config.init!.bias = 3;
    config.loss.reduction = 'mean';
    expect(scene).toStrictEqual(everything());
  });
});
