import { describe, expect, it } from 'vitest';
import circle from '../../docs/scenes/circle.json' with { type: 'json' };
import {
  ACTIVATION_ARGS,
  ACTIVATIONS,
  DATASET_CATALOGUE,
  DATASETS,
  datasetScene,
  DEFAULT_PICKED_CLASSES,
  defaultScene,
  FEATURES,
  INITS,
  LOSS_ARGS,
  LOSSES,
  OPTIMIZER_ARGS,
  OPTIMIZERS,
  SCENE_FORMAT,
  SCHEDULERS,
  sceneToEngineConfig,
  SHIPPED_CATALOGUE,
  SHIPPED_DATASETS,
  shippedScene,
  takesClasses,
  type GeneratedData,
  type Scene,
} from '../src/scene/index.ts';
import { checkScene, splitSizes } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

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
    data: {
      name: 'spirals',
      samples: 400,
      noise: 0.1,
      classes: 2,
      trainFraction: 0.6,
      validationFraction: 0.2,
      features: ['x1', 'x2', 'x1*x2', 'sin(x1)'],
      standardize: true,
    },
    model: {
      inputs: 4,
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
    training: {
      batchSize: 25,
      dropLast: true,
      shuffle: false,
      evaluateEvery: 2,
      earlyStopping: { patience: 5, minDelta: 0.001, restoreBest: false },
    },
  };
}

/** "scene.a.b[1]" as a regular expression matching the start of an error message. */
function naming(path: string): RegExp {
  return new RegExp(`^${`scene.${path}`.replace(/[.[\]()]/g, (c) => `\\${c}`)}: `);
}

describe('defaultScene', () => {
  it('is docs/scenes/circle.json, a fresh copy at each call', () => {
    expect(defaultScene()).toStrictEqual(circle);
    const scene = defaultScene();
    scene.model.layers[0]!.units = 8;
    scene.data.noise = 0.2;
    expect(defaultScene()).toStrictEqual(circle);
  });

  it('is valid and survives a JSON round trip unchanged', () => {
    const scene = defaultScene();
    expect(checkScene(scene)).toStrictEqual(scene);
    expect(checkScene(JSON.parse(JSON.stringify(scene)))).toStrictEqual(scene);
  });

  it('returns a fresh object each time', () => {
    const a = defaultScene();
    a.model.layers[0]!.units = 8;
    expect(defaultScene().model.layers[0]!.units).toBe(4);
  });
});

describe('the accepted names', () => {
  // The lists come from the engine's catalogue; scene-drift.test.ts checks each against its
  // core.d.mts union.
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

describe('checkScene', () => {
  it('keeps every field of a scene that uses them all', () => {
    const scene = everything();
    expect(checkScene(scene)).toStrictEqual(scene);
    expect(checkScene(JSON.parse(JSON.stringify(scene)))).toStrictEqual(scene);
  });

  it.each<[string, unknown]>([
    ['an activation object without arguments', { units: 4, activation: { name: 'ReLU' } }],
    ['SiLU', { units: 4, activation: 'SiLU' }],
    ['dropout 0', { units: 4, activation: 'Tanh', dropout: 0 }],
  ])('accepts a hidden layer with %s', (_, layer) => {
    const scene = edited('model.layers[0]', layer);
    expect(checkScene(scene)).toEqual(scene);
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
    expect(checkScene(scene)).toEqual(scene);
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
    expect(checkScene(scene)).toEqual(scene);
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
    expect(checkScene(scene)).toEqual(scene);
  });

  it('returns a copy that shares nothing with its input', () => {
    const input = everything();
    const output = checkScene(input);
    output.model.layers[0]!.units = 7;
    (output.model.layers[0]!.activation as { negative_slope: number }).negative_slope = 0.5;
    (output.data as GeneratedData).samples = 100;
    output.data.features![0] = 'x2';
    output.training.earlyStopping!.patience = 1;
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
    expect(() => checkScene(value)).toThrow(new RegExp(`^${field}:`));
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
    expect(() => checkScene(edited(path, value, base))).toThrow(naming(path));
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
    ['init.b', -0.5, { ...everything(), init: { weight: 'uniform', a: 0 } }],
    ['optimizer.nesterov', true, { ...everything(), optimizer: { name: 'SGD', lr: 0.1 } }],
  ])('rejects a bad %s (%s) in a rich scene, naming it', (path, value, base = everything()) => {
    expect(() => checkScene(edited(path, value, base))).toThrow(naming(path));
  });

  it.each<[string, unknown]>([
    ['scheduler', { name: 'ExponentialLR' }],
    ['scheduler', { name: 'CosineAnnealingLR', eta_min: 0 }],
    ['init', { weight: 'constant' }],
  ])('rejects a %s without its required argument (%j)', (path, value) => {
    expect(() => checkScene(edited(path, value))).toThrow(/needs it|missing/);
  });

  it('says what is accepted', () => {
    expect(() => checkScene(edited('model.layers[0].activation', 'Tanhh'))).toThrow(
      `scene.model.layers[0].activation: expected one of ${ACTIVATIONS.join(', ')}, ` +
        'or an object {name, ...arguments}, got "Tanhh"',
    );
    expect(() => checkScene(edited('loss.name', 'CE'))).toThrow(
      `scene.loss.name: expected one of ${LOSSES.join(', ')}, got "CE"`,
    );
    expect(() => checkScene(edited('optimizer.momentun', 0.9))).toThrow(
      'scene.optimizer.momentun: unknown field for SGD; accepted: name, lr, momentum, ' +
        'dampening, nesterov, weight_decay, no_decay_bias',
    );
    expect(() => checkScene(edited('optimizer.momentum', 1))).toThrow(
      'scene.optimizer.momentum: expected a number in [0, 1), got 1',
    );
    expect(() => checkScene(edited('scheduler', { name: 'StepLR' }))).toThrow(
      'scene.scheduler.step_size: missing; expected an integer in [1, 1000000] (StepLR needs it)',
    );
    expect(() => checkScene(edited('model.layers[2].activation', 'Tanh'))).toThrow(
      /^scene\.loss\.name: BCELoss takes probabilities: .*must be Sigmoid \(got Tanh\).*BCEWithLogitsLoss/,
    );
    expect(() => checkScene(edited('model.layers[2].units', 2))).toThrow(
      /^scene\.model\.layers\[2\]\.units: \(the output layer\) must be 1 for BCELoss/,
    );
    expect(() => checkScene({ ...defaultScene(), loss: { name: 'CrossEntropyLoss' } })).toThrow(
      /^scene\.model\.layers\[2\]\.units: \(the output layer\) must be 2 for CrossEntropyLoss/,
    );
  });
});

describe('sceneToEngineConfig', () => {
  it('maps every field of the default scene', () => {
    const { format, ...config } = circle;
    expect(format).toBe(SCENE_FORMAT);
    expect(sceneToEngineConfig(defaultScene())).toStrictEqual(config);
  });

  it('maps every optional field', () => {
    const { format, ...config } = everything();
    expect(format).toBe(SCENE_FORMAT);
    expect(sceneToEngineConfig(everything())).toStrictEqual(config);
  });

  it('copies, so editing the config leaves the scene alone', () => {
    const scene = everything();
    const config = sceneToEngineConfig(scene);
    config.model.layers[0]!.units = 9;
    (config.model.layers[0]!.activation as { negative_slope: number }).negative_slope = 0.3;
    config.data.samples = 9;
    config.data.features![1] = 'x1';
    config.training.earlyStopping!.minDelta = 1;
    config.optimizer.betas![1] = 0.5;
    config.scheduler!.step_size = 3;
    config.init!.bias = 3;
    config.loss.reduction = 'mean';
    expect(scene).toStrictEqual(everything());
  });
});

describe('datasets', () => {
  it('list every generator and feature once, in the engine order, with a catalogue entry', () => {
    expect(new Set(DATASETS).size).toBe(12);
    expect(new Set(FEATURES).size).toBe(7);
    expect(Object.keys(DATASET_CATALOGUE)).toEqual([...DATASETS]);
  });

  it('describe each dataset: task, features, classes range', () => {
    const summary = Object.fromEntries(
      DATASETS.map((name) => {
        const { task, features, classes } = DATASET_CATALOGUE[name];
        return [name, `${task} ${features}-D ${classes.min}-${classes.max}`];
      }),
    );
    expect(summary).toEqual({
      circle: 'classification 2-D 2-2',
      xor: 'classification 2-D 2-2',
      gauss: 'classification 2-D 2-2',
      spiral: 'classification 2-D 2-2',
      moons: 'classification 2-D 2-2',
      blobs: 'classification 2-D 2-6',
      spirals: 'classification 2-D 2-5',
      checkerboard: 'classification 2-D 2-2',
      plane: 'regression 2-D 0-0',
      multigauss: 'regression 2-D 0-0',
      sine: 'regression 1-D 0-0',
      polynomial: 'regression 1-D 0-0',
    });
    for (const name of DATASETS) {
      expect(DATASET_CATALOGUE[name].description).toMatch(/^\S.{10,80}\.$/);
    }
  });
});

describe('datasetScene', () => {
  it('is the default scene for the circle', () => {
    expect(datasetScene({ name: 'circle' })).toStrictEqual(defaultScene());
  });

  it.each(DATASETS.map((name) => [name]))('builds a valid scene for %s', (name) => {
    const scene = datasetScene({ name });
    expect(checkScene(scene)).toStrictEqual(scene);
    const info = DATASET_CATALOGUE[name];
    const output = scene.model.layers.at(-1)!;
    expect(scene.model.inputs).toBe(info.features);
    if (info.task === 'regression') {
      expect(output).toEqual({ units: 1, activation: 'Identity' });
      expect(scene.loss).toEqual({ name: 'MSELoss' });
      expect(scene.data).not.toHaveProperty('classes');
    } else if (takesClasses(name)) {
      expect(scene.data).toMatchObject({ classes: DEFAULT_PICKED_CLASSES });
      expect(output).toEqual({ units: DEFAULT_PICKED_CLASSES, activation: 'Identity' });
      expect(scene.loss).toEqual({ name: 'CrossEntropyLoss' });
    } else {
      expect(output).toEqual({ units: 1, activation: 'Sigmoid' });
      expect(scene.loss).toEqual({ name: 'BCELoss' });
    }
  });

  it.each([2, 3, 4, 5, 6])('gives blobs with %i classes the matching output layer', (classes) => {
    const scene = checkScene(datasetScene({ name: 'blobs', classes }));
    expect(scene.data).toMatchObject({ name: 'blobs', classes });
    expect(scene.model.layers.at(-1)!.units).toBe(classes === 2 ? 1 : classes);
    expect(scene.loss.name).toBe(classes === 2 ? 'BCELoss' : 'CrossEntropyLoss');
  });

  it('keeps the chosen noise, validation hold-out and seed', () => {
    const scene = datasetScene({ name: 'sine', noise: 0.3, validationFraction: 0.2, seed: 9 });
    expect(scene.seed).toBe(9);
    expect(scene.data).toStrictEqual({
      name: 'sine',
      samples: 500,
      noise: 0.3,
      trainFraction: 0.5,
      validationFraction: 0.2,
    });
    expect(scene.model.inputs).toBe(1);
  });
});

describe('checkScene: data and training', () => {
  it.each<[string, Partial<Scene>]>([
    ['a validation split', { data: { ...defaultScene().data, validationFraction: 0.2 } }],
    [
      'input features, standardised',
      {
        data: { ...defaultScene().data, features: ['x1^2', 'x2^2'], standardize: true },
        model: { ...defaultScene().model, inputs: 2 },
      },
    ],
    [
      'one feature',
      {
        data: { ...defaultScene().data, features: ['sin(x1)'] },
        model: { ...defaultScene().model, inputs: 1 },
      },
    ],
    [
      'blobs with explicit 2 classes',
      { data: { ...defaultScene().data, name: 'blobs', classes: 2 } },
    ],
    ['circle with its own 2 classes', { data: { ...defaultScene().data, classes: 2 } }],
    [
      'every training option',
      {
        training: {
          batchSize: 250,
          dropLast: true,
          shuffle: false,
          evaluateEvery: 3,
          earlyStopping: { patience: 0 },
          augmentation: { jitter: 0.1, mixup: 0.2 },
          ensemble: { members: 3, bootstrap: true },
        },
      },
    ],
    ['HuberLoss on two classes', { loss: { name: 'HuberLoss' } }],
  ])('accepts %s', (_, change) => {
    const scene = { ...defaultScene(), ...change };
    expect(checkScene(scene)).toStrictEqual(scene);
  });

  it('accepts supplied data, checking what it can without the rows', () => {
    const scene = edited('data', { name: 'supplied', trainFraction: 0.7 });
    expect(checkScene(scene)).toStrictEqual(scene);
    // Its shape, when given, is checked like a generator's.
    const shape = { rows: 100, features: 2, classes: 2 };
    expect(checkScene(scene, shape)).toStrictEqual(scene);
    expect(() => checkScene(scene, { ...shape, features: 4 })).toThrow(
      /^scene\.model\.inputs: must be 4 \(the number of input features\), got 2: the supplied data has 4 features per row$/,
    );
    expect(() => checkScene(scene, { ...shape, classes: 3 })).toThrow(naming('loss.name'));
    expect(() => checkScene(scene, { ...shape, rows: 1 })).toThrow(naming('data.trainFraction'));
  });

  it.each<[string, unknown, unknown?]>([
    ['data.name', 'Circle'],
    ['data.classes', 3],
    ['data.classes', 0],
    ['data.classes', 7, { ...defaultScene(), data: { ...defaultScene().data, name: 'blobs' } }],
    ['data.classes', 6, { ...defaultScene(), data: { ...defaultScene().data, name: 'spirals' } }],
    ['data.classes', 1, { ...defaultScene(), data: { ...defaultScene().data, name: 'spirals' } }],
    ['data.classes', 2.5, { ...defaultScene(), data: { ...defaultScene().data, name: 'blobs' } }],
    ['data.classes', 2, datasetScene({ name: 'plane' })],
    ['data.validationFraction', -0.1],
    ['data.validationFraction', 0.95],
    ['data.validationFraction', '0.2'],
    ['data.validationFraction', 0.5],
    ['data.validationFraction', 0.001],
    [
      'data.validationFraction',
      0.45,
      { ...defaultScene(), data: { ...defaultScene().data, trainFraction: 0.55, samples: 10 } },
    ],
    ['data.features', []],
    ['data.features', 'x1'],
    ['data.features', ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)', 'x1']],
    [
      'data.features[1]',
      'x3',
      { ...defaultScene(), data: { ...defaultScene().data, features: ['x1', 'x2'] } },
    ],
    [
      'data.features[1]',
      'x1',
      { ...defaultScene(), data: { ...defaultScene().data, features: ['x1', 'x2'] } },
    ],
    ['data.features', ['x1'], datasetScene({ name: 'sine' })],
    ['data.standardize', 'yes'],
    ['data.shuffle', true],
    ['data.samples', 100, edited('data', { name: 'supplied', trainFraction: 0.5 })],
    ['data.samples', REMOVE],
    ['data.noise', REMOVE],
    ['data.trainFraction', REMOVE],
    ['training.dropLast', 'no'],
    ['training.shuffle', 0],
    ['training.evaluateEvery', 0],
    ['training.evaluateEvery', 1.5],
    ['training.earlyStopping', 5],
    ['training.earlyStopping.patience', REMOVE, edited('training.earlyStopping', { patience: 2 })],
    ['training.augmentation.jitter', -0.1, edited('training.augmentation', {})],
    ['training.augmentation.mixup', 'a lot', edited('training.augmentation', {})],
    ['training.augmentation.cutout', 1, edited('training.augmentation', {})],
    ['training.ensemble.members', 17, edited('training.ensemble', { members: 2 })],
    ['training.ensemble.members', REMOVE, edited('training.ensemble', { members: 2 })],
    ['training.ensemble.bootstrap', 'yes', edited('training.ensemble', { members: 2 })],
    ['training.earlyStopping.patience', -1, edited('training.earlyStopping', { patience: 2 })],
    ['training.earlyStopping.minDelta', -1, edited('training.earlyStopping', { patience: 2 })],
    ['training.earlyStopping.restoreBest', 1, edited('training.earlyStopping', { patience: 2 })],
    ['training.earlyStopping.delta', 0.1, edited('training.earlyStopping', { patience: 2 })],
    ['training.epochs', 10],
  ])('rejects a bad %s (%j), naming it', (path, value, base = defaultScene()) => {
    expect(() => checkScene(edited(path, value, base))).toThrow(naming(path));
  });

  it.each<[string, string, Partial<Scene>]>([
    [
      'inputs that do not match the features',
      'model.inputs',
      { data: { ...defaultScene().data, features: ['x1', 'x2', 'x1*x2'] } },
    ],
    ['two inputs for 1-D data', 'model.inputs', { data: datasetScene({ name: 'sine' }).data }],
    ['BCELoss on three classes', 'loss.name', { data: datasetScene({ name: 'spirals' }).data }],
    [
      'two outputs for three classes',
      'model.layers[1].units',
      {
        data: datasetScene({ name: 'blobs' }).data,
        model: {
          inputs: 2,
          layers: [
            { units: 4, activation: 'Tanh' },
            { units: 2, activation: 'Identity' },
          ],
        },
        loss: { name: 'CrossEntropyLoss' },
      },
    ],
    [
      'a class loss on a regression',
      'loss.name',
      { ...datasetScene({ name: 'plane' }), loss: { name: 'CrossEntropyLoss' } },
    ],
    [
      'BCELoss on a regression',
      'loss.name',
      {
        ...datasetScene({ name: 'plane' }),
        loss: { name: 'BCELoss' },
      },
    ],
    [
      'two outputs on a regression',
      'model.layers[1].units',
      {
        data: datasetScene({ name: 'multigauss' }).data,
        model: {
          inputs: 2,
          layers: [
            { units: 4, activation: 'Tanh' },
            { units: 2, activation: 'Identity' },
          ],
        },
        loss: { name: 'MSELoss' },
      },
    ],
    [
      'mixup with NLLLoss',
      'training.augmentation.mixup',
      {
        model: {
          inputs: 2,
          layers: [{ units: 2, activation: { name: 'LogSoftmax', dim: 1 } }],
        },
        loss: { name: 'NLLLoss' },
        training: { batchSize: 10, augmentation: { mixup: 0.2 } },
      },
    ],
    [
      'drop_last with a batch larger than the training set',
      'training.batchSize',
      { training: { batchSize: 251, dropLast: true } },
    ],
  ])('rejects %s, naming %s', (_, path, change) => {
    expect(() => checkScene({ ...defaultScene(), ...change })).toThrow(naming(path));
  });

  it('says what is accepted', () => {
    expect(() => checkScene(edited('data.name', 'circles'))).toThrow(
      `scene.data.name: expected one of ${DATASETS.join(', ')}, supplied, got "circles"`,
    );
    expect(() => checkScene(edited('data.features', ['x1', 'cos(x1)']))).toThrow(
      `scene.data.features[1]: expected one of ${FEATURES.join(', ')}, got "cos(x1)"`,
    );
    const spirals = datasetScene({ name: 'spirals' });
    expect(() => checkScene(edited('data.classes', 9, spirals))).toThrow(
      'scene.data.classes: expected an integer in [2, 5], got 9',
    );
    expect(() => checkScene(edited('data.classes', 3))).toThrow(
      'scene.data.classes: circle has exactly 2 classes; only blobs (2 to 6) and spirals ' +
        '(2 to 5) take data.classes, got 3',
    );
    expect(() => checkScene({ ...defaultScene(), data: spirals.data })).toThrow(
      'scene.loss.name: BCELoss, which handles two classes only, cannot take the 3 classes of ' +
        'spirals with 3 classes: use one of CrossEntropyLoss, NLLLoss, MultiMarginLoss with one ' +
        'output per class',
    );
    expect(() =>
      checkScene({
        ...datasetScene({ name: 'sine' }),
        loss: { name: 'L1Loss' },
        model: defaultScene().model,
      }),
    ).toThrow(
      'scene.model.inputs: must be 1 (the number of input features), got 2: sine has 1 feature per row',
    );
    expect(() =>
      checkScene({ ...datasetScene({ name: 'plane' }), loss: { name: 'CrossEntropyLoss' } }),
    ).toThrow(
      'scene.loss.name: CrossEntropyLoss needs classes; this data is a regression: use ' +
        'MSELoss, L1Loss, HuberLoss',
    );
    expect(() => checkScene(edited('data.validationFraction', 0.5))).toThrow(
      'scene.data.validationFraction: 0.5 with data.trainFraction 0.5 leaves nothing for the ' +
        'test set (the two must add up to less than 1)',
    );
    expect(() => checkScene(edited('training', { batchSize: 300, dropLast: true }))).toThrow(
      'scene.training.batchSize: 300 is larger than the 250 training rows, so dropLast would ' +
        'leave no batch; lower it or turn training.dropLast off',
    );
    expect(() => checkScene(edited('training.earlyStopping', { patience: 2, delta: 1 }))).toThrow(
      'scene.training.earlyStopping.delta: unknown field; accepted: patience, minDelta, restoreBest',
    );
    expect(() => checkScene(edited('init', { weight: 'uniform', a: 0.5, b: 0.1 }))).toThrow(
      'scene.init.b: must be at least init.a (U(a, b) needs a ≤ b; a is 0.5)',
    );
    expect(() =>
      checkScene(
        edited('optimizer', {
          name: 'SGD',
          lr: 0.1,
          nesterov: true,
          momentum: 0.9,
          dampening: 0.1,
        }),
      ),
    ).toThrow('scene.optimizer.nesterov: needs momentum > 0 and dampening 0 (as torch.optim.SGD)');
  });
});

describe('splitSizes', () => {
  it.each<[number, number, number | undefined, [number, number, number]]>([
    [500, 0.5, undefined, [250, 0, 250]],
    [500, 0.5, 0.2, [250, 100, 150]],
    [10, 0.55, 0.25, [5, 2, 3]],
    [7, 0.5, 0.3, [3, 2, 2]],
    [180, 0.7, undefined, [126, 0, 54]],
    [10, 0.7, 0.1, [7, 1, 2]],
  ])('cuts %i rows at %f / %s as the engine does', (rows, train, validation, [a, b, c]) => {
    const split =
      validation === undefined
        ? { trainFraction: train }
        : { trainFraction: train, validationFraction: validation };
    expect(splitSizes(split, { rows, features: 2, classes: 2 })).toEqual({
      train: a,
      validation: b,
      test: c,
    });
  });

  it('holds out validation rows only when the test set comes separately', () => {
    const shape = { rows: 100, features: 2, classes: 2, separateTest: true };
    expect(splitSizes({ trainFraction: 0.5 }, shape)).toEqual({
      train: 100,
      validation: 0,
      test: null,
    });
    expect(splitSizes({ trainFraction: 0.5, validationFraction: 0.25 }, shape)).toEqual({
      train: 75,
      validation: 25,
      test: null,
    });
  });
});

describe('shipped datasets', () => {
  it('makes scenes with bench/real_data.js\u2019s settings that validate', () => {
    for (const name of SHIPPED_DATASETS) {
      const scene = shippedScene(name);
      expect(checkScene(scene)).toEqual(scene);
      expect(scene.data).toMatchObject({ name: 'supplied', dataset: name });
      expect(scene.model.inputs).toBe(SHIPPED_CATALOGUE[name].shape.features);
      expect(scene.model.layers.at(-1)!.units).toBe(SHIPPED_CATALOGUE[name].shape.classes);
    }
    const digits = shippedScene('digits');
    expect(digits.model.layers.map((l) => l.units)).toEqual([64, 10]);
    expect(digits.optimizer).toEqual({ name: 'Adam', lr: 0.003 });
    expect(digits.training.batchSize).toBe(32);
    const iris = shippedScene('iris');
    expect(iris.model.layers.map((l) => l.units)).toEqual([16, 3]);
    expect(iris.data.standardize).toBe(true);
    expect(iris.optimizer).toEqual({ name: 'Adam', lr: 0.01 });
    expect(iris.training.batchSize).toBe(16);
    const fashion = shippedScene('fashion');
    expect(fashion.model.layers.map((l) => l.units)).toEqual([256, 128, 10]);
    expect(fashion.data.validationFraction).toBe(0.1);
    expect(fashion.optimizer).toEqual({ name: 'Adam', lr: 0.001 });
    expect(fashion.training.batchSize).toBe(64);
    expect(SHIPPED_CATALOGUE.fashion.files).toEqual({
      data: 'fashion-train.nnpd',
      test: 'fashion-test.nnpd',
    });
  });

  it('checks the model against the named dataset\u2019s shape', () => {
    const scene = shippedScene('digits');
    expect(() => checkScene({ ...scene, model: { ...scene.model, inputs: 4 } })).toThrow(
      /^scene\.model\.inputs: must be 64 /,
    );
    expect(() => checkScene({ ...scene, data: { ...scene.data, dataset: 'mnist' } })).toThrow(
      /^scene\.data\.dataset: expected one of digits, iris, fashion/,
    );
    expect(() =>
      checkScene({ ...defaultScene(), data: { ...defaultScene().data, dataset: 'iris' } }),
    ).toThrow(/^scene\.data\.dataset: only for data\.name "supplied"/);
  });

  it('keeps data.dataset out of the engine config', () => {
    const config = sceneToEngineConfig(shippedScene('iris'));
    expect(config.data).toEqual({
      name: 'supplied',
      trainFraction: 0.7,
      validationFraction: 0.1,
      standardize: true,
    });
  });
});
