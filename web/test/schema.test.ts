// docs/scene.schema.json (JSON Schema 2020-12, checked with ajv) against web/src/scene/: the
// schema accepts every scene checkScene accepts, rejects what checkScene rejects except the
// few rules JSON Schema cannot express (listed in the schema's description and below), and its
// name lists, keyword arguments, fields and ranges are the engine catalogue's
// (web/src/scene/engine-catalogue.json, which web/test/catalogue.test.ts holds to the engine).
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  DATASET_CATALOGUE,
  DATASETS,
  datasetScene,
  defaultScene,
  SCENE_FORMAT,
  SHIPPED_DATASETS,
  shippedScene,
  SUPPLIED,
  takesClasses,
  type Scene,
} from '../src/scene/index.ts';
import {
  argOf,
  CATALOGUE,
  entryOf,
  namesOf,
  type CatalogueArg,
  type Range,
} from '../src/scene/engine-catalogue.ts';
import { checkScene } from '../src/engine/scene-rules.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

type Json = Record<string, unknown>;

const docs = new URL('../../docs/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('scene.schema.json', docs), 'utf8')) as Json;
// Strict (unknown keywords, tuples, numbers), except for ajv's own strictTypes and strictRequired,
// which want "type" beside every "properties" and every "required" name among them, also in the
// conditions of if/then rules: ajv's style rules, not JSON Schema's.
const ajv = new Ajv2020({
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allErrors: true,
});
const validate = ajv.compile(schema);

const exampleFiles = readdirSync(new URL('scenes/', docs))
  .filter((f) => f.endsWith('.json'))
  .sort();
const examples = exampleFiles.map(
  (f) => [f, JSON.parse(readFileSync(new URL(`scenes/${f}`, docs), 'utf8')) as unknown] as const,
);

function schemaErrors(scene: unknown): string {
  if (validate(scene)) return '';
  return (validate.errors ?? [])
    .map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ');
}
const schemaAccepts = (scene: unknown) => validate(scene);

function sceneError(scene: unknown): string {
  try {
    checkScene(scene);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** A JSON copy of `base` with the field at `path` ("model.layers[1].units") set, or removed. */
const REMOVE = Symbol('remove');
function edited(base: unknown, path: string, value: unknown): Json {
  const scene = JSON.parse(JSON.stringify(base)) as Json;
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop()!;
  let node = scene;
  for (const key of keys) node = node[key] as Json;
  if (value === REMOVE && Array.isArray(node)) node.splice(Number(last), 1);
  else if (value === REMOVE) delete node[last];
  else node[last] = value;
  return scene;
}

/** Scenes that use every optional field and many classes' keyword arguments. */
function richScenes(): Scene[] {
  const base = defaultScene();
  return [
    {
      format: SCENE_FORMAT,
      seed: 2 ** 32 - 1,
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
          { units: 6, activation: { name: 'ELU', alpha: 0.5 } },
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
        batchSize: 16,
        dropLast: true,
        shuffle: false,
        evaluateEvery: 5,
        earlyStopping: { patience: 10, minDelta: 0.001, restoreBest: true },
        augmentation: { jitter: 0.05, mixup: 0 },
        ensemble: { members: 3, bootstrap: true },
      },
    },
    {
      ...base,
      seed: 0,
      data: { name: 'blobs', samples: 10_000, noise: 0.5, classes: 6, trainFraction: 0.05 },
      model: {
        inputs: 2,
        layers: [
          { units: 256, activation: { name: 'Softmax', dim: 1 } },
          { units: 6, activation: 'Identity' },
        ],
      },
      loss: { name: 'CrossEntropyLoss', label_smoothing: 0.1, reduction: 'mean' },
      optimizer: {
        name: 'SGD',
        lr: 10,
        momentum: 0.9,
        dampening: 0,
        nesterov: true,
        weight_decay: 1,
      },
      scheduler: { name: 'CosineAnnealingLR', T_max: 1000, eta_min: 0.001 },
      clip_grad_value: 0.5,
      init: { weight: 'constant', constant: -10, bias: 10 },
      training: { batchSize: 10_000, augmentation: { mixup: 0.4 } },
    },
    {
      ...base,
      data: { name: 'sine', samples: 10, noise: 0, trainFraction: 0.5, validationFraction: 0.2 },
      model: { inputs: 1, layers: [{ units: 1, activation: { name: 'Identity' } }] },
      loss: { name: 'HuberLoss', delta: 0.5 },
      optimizer: {
        name: 'RMSprop',
        lr: 1e-6,
        alpha: 0.9,
        eps: 1e-8,
        momentum: 0.5,
        centered: true,
        weight_decay: 0,
      },
      scheduler: null,
      clip_grad_norm: null,
      init: { weight: 'default' },
      training: { batchSize: 1, evaluateEvery: 10_000, earlyStopping: { patience: 0 } },
    },
    {
      ...base,
      data: { name: 'circle', samples: 100, noise: 0, classes: 2, trainFraction: 0.5 },
      model: {
        inputs: 2,
        layers: [
          { units: 3, activation: 'SiLU' },
          { units: 2, activation: 'Identity' },
        ],
      },
      loss: { name: 'MultiMarginLoss', margin: 2 },
      optimizer: {
        name: 'Adagrad',
        lr: 0.1,
        lr_decay: 0.01,
        initial_accumulator_value: 0.1,
        eps: 1e-10,
      },
      scheduler: { name: 'LinearLR', start_factor: 0.5, end_factor: 1, total_iters: 10 },
      init: { weight: 'kaiming_normal' },
    },
    {
      ...base,
      data: { name: 'supplied', trainFraction: 0.7, validationFraction: 0.1, standardize: true },
      model: {
        inputs: 64,
        layers: Array.from({ length: 16 }, (_, i) => ({
          units: i === 15 ? 10 : 32,
          activation: i === 15 ? ('Identity' as const) : ('ReLU' as const),
        })),
      },
      loss: { name: 'CrossEntropyLoss' },
      optimizer: { name: 'Adam', lr: 0.001, betas: [0, 0.5], amsgrad: false },
      scheduler: { name: 'ExponentialLR', gamma: 0.99 },
      training: { batchSize: 32, augmentation: { mixup: 10, jitter: 10 } },
    },
    {
      ...base,
      data: {
        name: 'multigauss',
        samples: 200,
        noise: 0.2,
        trainFraction: 0.95,
        features: ['x1^2', 'x2^2'],
      },
      model: { inputs: 2, layers: [{ units: 1, activation: 'Identity' }] },
      loss: { name: 'L1Loss' },
    },
    {
      ...base,
      loss: { name: 'BCEWithLogitsLoss' },
      model: {
        inputs: 2,
        layers: [
          { units: 4, activation: 'ReLU', dropout: 0.95 },
          { units: 1, activation: 'Identity', dropout: 0 },
        ],
      },
    },
  ];
}

/** A scene carrying three rows of its own and a separate test set (a CSV file, added points). */
function rowsScene(): Scene {
  return {
    ...defaultScene(),
    data: {
      name: 'supplied',
      trainFraction: 0.5,
      validationFraction: 0.3,
      rows: {
        features: 2,
        classes: 2,
        x: [0.5, -1, 2, 3.5, -4, 0],
        y: [0, 1, 1],
        test: { x: [1, 1], y: [0] },
        source: 'points.csv',
        classNames: ['no', 'yes'],
      },
    },
  };
}

/** Every scene the schema is checked on and must accept: the page's, the docs', the rich ones. */
function validScenes(): Array<readonly [string, unknown]> {
  const scenes: Array<readonly [string, unknown]> = [['defaultScene()', defaultScene()]];
  for (const name of DATASETS) {
    scenes.push([`datasetScene(${name})`, datasetScene({ name })]);
    const { min, max } = DATASET_CATALOGUE[name].classes;
    if (takesClasses(name)) {
      for (let classes = min; classes <= max; classes++) {
        scenes.push([
          `datasetScene(${name}, ${classes} classes)`,
          datasetScene({ name, classes, noise: 0.3, validationFraction: 0.2, seed: 9 }),
        ]);
      }
    }
  }
  for (const [file, scene] of examples) scenes.push([`docs/scenes/${file}`, scene]);
  richScenes().forEach((scene, i) => scenes.push([`rich scene ${i}`, scene]));
  for (const name of SHIPPED_DATASETS) scenes.push([`shippedScene(${name})`, shippedScene(name)]);
  scenes.push(['rows in the scene', rowsScene()]);
  return scenes;
}

describe('docs/scene.schema.json', () => {
  it('is a draft 2020-12 schema that ajv compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it('has the new example scenes', () => {
    expect(exampleFiles).toEqual(
      expect.arrayContaining([
        'blobs-5-ensemble.json',
        'circle.json',
        'sine-early-stopping.json',
        'spirals-3.json',
        'xor-features.json',
      ]),
    );
  });

  it.each(validScenes())('accepts %s, as checkScene does', (_, scene) => {
    expect(sceneError(scene)).toBe('');
    expect(schemaErrors(scene)).toBe('');
  });

  it('accepts what datasetScene makes for all 12 datasets', () => {
    expect(DATASETS).toHaveLength(12);
    for (const name of DATASETS) expect(schemaErrors(datasetScene({ name })), name).toBe('');
  });
});

describe('the schema and checkScene agree on bad scenes', () => {
  const base = defaultScene();
  const rich = richScenes()[0]!;
  const nll = {
    ...base,
    model: {
      inputs: 2,
      layers: [
        { units: 4, activation: 'Tanh' },
        { units: 2, activation: 'LogSoftmax' },
      ],
    },
    loss: { name: 'NLLLoss' },
  };
  const sine = datasetScene({ name: 'sine' });
  const blobs = datasetScene({ name: 'blobs', classes: 4 });
  const supplied = { ...base, data: { name: SUPPLIED, trainFraction: 0.5 } };
  const bad: Array<[string, unknown]> = [
    ['not an object', [base]],
    ['an older format', edited(base, 'format', 'nn-playground/scene@0')],
    ['a newer format', edited(base, 'format', 'nn-playground/scene@2')],
    ['no format', edited(base, 'format', REMOVE)],
    ['an unknown top-level field', edited(base, 'epochs', 10)],
    ['no seed', edited(base, 'seed', REMOVE)],
    ['a negative seed', edited(base, 'seed', -1)],
    ['a fractional seed', edited(base, 'seed', 1.5)],
    ['a seed past 32 bits', edited(base, 'seed', 2 ** 32)],
    ['a string seed', edited(base, 'seed', '1')],
    ['an unknown dataset', edited(base, 'data.name', 'spiralz')],
    ['no data', edited(base, 'data', REMOVE)],
    ['too few samples', edited(base, 'data.samples', 9)],
    ['too many samples', edited(base, 'data.samples', 10_001)],
    ['generated data without noise', edited(base, 'data.noise', REMOVE)],
    ['generated data without samples', edited(base, 'data.samples', REMOVE)],
    ['too much noise', edited(base, 'data.noise', 0.6)],
    ['classes on circle other than 2', edited(base, 'data.classes', 3)],
    ['classes on a regression', edited(sine, 'data.classes', 2)],
    ['7 blobs', edited(blobs, 'data.classes', 7)],
    ['6 spirals', edited(datasetScene({ name: 'spirals' }), 'data.classes', 6)],
    ['1 blob', edited(blobs, 'data.classes', 1)],
    ['samples for supplied data', edited(supplied, 'data.samples', 100)],
    ['noise for supplied data', edited(supplied, 'data.noise', 0)],
    ['classes for supplied data', edited(supplied, 'data.classes', 2)],
    ['a shipped dataset on generated data', edited(base, 'data.dataset', 'digits')],
    ['an unknown shipped dataset', edited(supplied, 'data.dataset', 'mnist')],
    ['an unknown data field', edited(base, 'data.rows', 100)],
    ['no trainFraction', edited(base, 'data.trainFraction', REMOVE)],
    ['a tiny trainFraction', edited(base, 'data.trainFraction', 0.01)],
    ['a big validationFraction', edited(base, 'data.validationFraction', 0.95)],
    ['features on a curve', edited(sine, 'data.features', ['x1'])],
    ['an unknown feature', edited(base, 'data.features', ['x1', 'x3'])],
    ['a feature twice', edited(base, 'data.features', ['x1', 'x1'])],
    ['no features listed', edited(base, 'data.features', [])],
    ['standardize as a string', edited(base, 'data.standardize', 'yes')],
    ['0 inputs', edited(base, 'model.inputs', 0)],
    ['65 inputs', edited(base, 'model.inputs', 65)],
    ['inputs that do not fit the data', edited(base, 'model.inputs', 3)],
    ['inputs that do not fit a curve', edited(sine, 'model.inputs', 2)],
    [
      'inputs that do not fit the features',
      edited(edited(base, 'data.features', ['x1', 'x2', 'x1*x2']), 'model.inputs', 2),
    ],
    ['no layers', edited(base, 'model.layers', [])],
    [
      '17 layers',
      edited(base, 'model.layers', [
        ...Array.from({ length: 16 }, () => ({ units: 2, activation: 'Tanh' })),
        { units: 1, activation: 'Sigmoid' },
      ]),
    ],
    ['a layer of 0 units', edited(base, 'model.layers[0].units', 0)],
    ['a layer of 257 units', edited(base, 'model.layers[0].units', 257)],
    ['fractional units', edited(base, 'model.layers[0].units', 1.5)],
    ['an unknown activation', edited(base, 'model.layers[0].activation', 'Tanhh')],
    ['an activation object without a name', edited(base, 'model.layers[0].activation', {})],
    [
      'an argument the activation does not take',
      edited(base, 'model.layers[0].activation', { name: 'Tanh', alpha: 1 }),
    ],
    [
      'a steep negative_slope',
      edited(base, 'model.layers[0].activation', { name: 'LeakyReLU', negative_slope: 2 }),
    ],
    [
      'an unknown GELU approximation',
      edited(base, 'model.layers[0].activation', { name: 'GELU', approximate: 'fast' }),
    ],
    [
      'a Softmax over rows',
      edited(base, 'model.layers[0].activation', { name: 'Softmax', dim: 0 }),
    ],
    [
      'a Softplus beta of 0',
      edited(base, 'model.layers[0].activation', { name: 'Softplus', beta: 0 }),
    ],
    ['too much dropout', edited(base, 'model.layers[0].dropout', 0.96)],
    ['an unknown layer field', edited(base, 'model.layers[0].bias', false)],
    ['an unknown loss', edited(base, 'loss.name', 'BCELosss')],
    ['a loss argument it does not take', edited(base, 'loss.margin', 1)],
    ['an unknown reduction', edited(base, 'loss.reduction', 'none')],
    ['a Huber delta of 0', { ...base, loss: { name: 'HuberLoss', delta: 0 } }],
    [
      'label smoothing above 1',
      edited(blobs, 'loss', { name: 'CrossEntropyLoss', label_smoothing: 1.5 }),
    ],
    ['a regression with BCELoss', edited(sine, 'loss.name', 'BCELoss')],
    ['4 classes with BCELoss', edited(blobs, 'loss.name', 'BCELoss')],
    ['an optimiser without lr', edited(base, 'optimizer.lr', REMOVE)],
    ['lr 0', edited(base, 'optimizer.lr', 0)],
    ['lr 11', edited(base, 'optimizer.lr', 11)],
    ['an unknown optimiser', edited(base, 'optimizer.name', 'LBFGS')],
    ['SGD with betas', edited(base, 'optimizer.betas', [0.9, 0.999])],
    ['one beta', { ...base, optimizer: { name: 'Adam', lr: 0.01, betas: [0.9] } }],
    ['three betas', { ...base, optimizer: { name: 'Adam', lr: 0.01, betas: [0.9, 0.9, 0.9] } }],
    ['beta1 = 1', { ...base, optimizer: { name: 'Adam', lr: 0.01, betas: [1, 0.999] } }],
    ['momentum 1', edited(base, 'optimizer.momentum', 1)],
    ['nesterov without momentum', edited(base, 'optimizer.nesterov', true)],
    [
      'nesterov with dampening',
      {
        ...base,
        optimizer: { name: 'SGD', lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true },
      },
    ],
    ['an RMSprop alpha above 1', { ...base, optimizer: { name: 'RMSprop', lr: 0.01, alpha: 2 } }],
    ['Adam with alpha', { ...base, optimizer: { name: 'Adam', lr: 0.01, alpha: 0.5 } }],
    ['weight decay above 1', edited(base, 'optimizer.weight_decay', 2)],
    ['a scheduler by name only', edited(base, 'scheduler', 'StepLR')],
    ['an unknown scheduler', edited(base, 'scheduler', { name: 'OneCycleLR' })],
    ['StepLR without step_size', edited(base, 'scheduler', { name: 'StepLR', gamma: 0.5 })],
    ['StepLR with T_max', edited(base, 'scheduler', { name: 'StepLR', step_size: 10, T_max: 10 })],
    ['ExponentialLR without gamma', edited(base, 'scheduler', { name: 'ExponentialLR' })],
    ['a gamma of 0', edited(base, 'scheduler', { name: 'ExponentialLR', gamma: 0 })],
    ['clip_grad_norm 0', edited(base, 'clip_grad_norm', 0)],
    ['a negative clip_grad_value', edited(base, 'clip_grad_value', -1)],
    ['clip_grad_value as a string', edited(base, 'clip_grad_value', 'off')],
    ['l1 above 1', edited(base, 'l1', 2)],
    ['an unknown init', edited(base, 'init', { weight: 'orthogonal' })],
    ['constant init without a value', edited(base, 'init', { weight: 'constant' })],
    ['a constant with xavier', edited(base, 'init', { weight: 'xavier_normal', constant: 1 })],
    ['a bias with the default init', edited(base, 'init', { weight: 'default', bias: 0 })],
    ['a bias without a weight scheme', edited(base, 'init', { bias: 0 })],
    ['a constant of 11', edited(base, 'init', { weight: 'constant', constant: 11 })],
    ['an unknown init field', edited(base, 'init', { gain: 2 })],
    ['no training', edited(base, 'training', REMOVE)],
    ['no batch size', edited(base, 'training', {})],
    ['a batch of 0', edited(base, 'training.batchSize', 0)],
    ['dropLast as 1', edited(base, 'training.dropLast', 1)],
    ['shuffle as a string', edited(base, 'training.shuffle', 'true')],
    ['evaluating every 0 epochs', edited(base, 'training.evaluateEvery', 0)],
    ['early stopping without patience', edited(base, 'training.earlyStopping', {})],
    ['negative patience', edited(base, 'training.earlyStopping', { patience: -1 })],
    [
      'an unknown early-stopping field',
      edited(base, 'training.earlyStopping', { patience: 5, monitor: 'loss' }),
    ],
    ['mixup above 10', edited(base, 'training.augmentation', { mixup: 11 })],
    ['negative jitter', edited(base, 'training.augmentation', { jitter: -0.1 })],
    ['mixup with NLLLoss', edited(nll, 'training.augmentation', { mixup: 0.2 })],
    [
      'mixup with MultiMarginLoss',
      edited(edited(nll, 'loss', { name: 'MultiMarginLoss' }), 'training.augmentation', {
        mixup: 0.2,
      }),
    ],
    ['an ensemble of 17', edited(base, 'training.ensemble', { members: 17 })],
    ['an ensemble without members', edited(base, 'training.ensemble', { bootstrap: true })],
    ['bootstrap as a string', edited(base, 'training.ensemble', { members: 2, bootstrap: 'y' })],
    ['an unknown training field', edited(base, 'training.epochs', 100)],
    ['a bad field deep in a rich scene', edited(rich, 'optimizer.betas[1]', 1)],
  ];

  it.each(bad)('both reject %s', (_, scene) => {
    expect(sceneError(scene)).not.toBe('');
    expect(schemaAccepts(scene)).toBe(false);
  });

  it('rejects the valid mixup 0 with NLLLoss in neither', () => {
    const scene = edited(nll, 'training.augmentation', { mixup: 0 });
    expect(sceneError(scene)).toBe('');
    expect(schemaErrors(scene)).toBe('');
  });
});

describe('what only checkScene checks (arithmetic and the last layer)', () => {
  const base = defaultScene();
  const last = 'model.layers[2]';
  const gaps: Array<[string, unknown, RegExp]> = [
    [
      'fractions that leave no test set',
      edited(base, 'data.validationFraction', 0.5),
      /^scene\.data\.validationFraction: .*leaves nothing for the test set/,
    ],
    [
      'a split that leaves the training set empty',
      edited(edited(base, 'data.samples', 10), 'data.trainFraction', 0.05),
      /^scene\.data\.trainFraction: .*leaves the training set empty/,
    ],
    [
      'dropout on the output layer',
      edited(base, `${last}.dropout`, 0.5),
      /^scene\.model\.layers\[2\]\.dropout: /,
    ],
    [
      'two outputs for BCELoss',
      edited(base, `${last}.units`, 2),
      /^scene\.model\.layers\[2\]\.units/,
    ],
    [
      'BCELoss without a Sigmoid output',
      edited(base, `${last}.activation`, 'Tanh'),
      /^scene\.loss\.name: BCELoss takes probabilities: the output layer's activation must be Sigmoid/,
    ],
    [
      'a batch larger than the training set with dropLast',
      edited(base, 'training', { batchSize: 300, dropLast: true }),
      /^scene\.training\.batchSize: 300 is larger than the 250 training rows/,
    ],
  ];

  it.each(gaps)('checkScene rejects %s; the schema cannot', (_, scene, message) => {
    expect(sceneError(scene)).toMatch(message);
    expect(schemaErrors(scene)).toBe('');
  });

  it('the schema says so in its description', () => {
    const text = schema.description as string;
    for (const words of ['trainFraction', 'output layer', 'dropout', 'Sigmoid', 'dropLast']) {
      expect(text).toContain(words);
    }
  });

  /** Whether checkScene's message is one of the rules the schema leaves to it. */
  function isKnownGap(message: string, scene: Json): boolean {
    const layers = (scene.model as { layers?: unknown[] } | undefined)?.layers;
    const outputLayer = Array.isArray(layers) ? `model.layers[${layers.length - 1}]` : '';
    return [
      /^scene\.data\.(train|validation)Fraction: .*(leaves|add up)/,
      /^scene\.training\.batchSize: .* is larger than the .* training rows/,
      // A scene's own rows: their counts against features and classes, and class indices.
      /^scene\.data\.rows\.(test\.)?(x|y(\[\d+\])?|classNames): expected (an array of \d+|a class index)/,
      /^scene\.model\.inputs: must be \d+ .*: the supplied data has/,
      /^scene\.loss\.name: BCELoss takes probabilities: the output layer's activation/,
      new RegExp(
        `^scene\\.${outputLayer.replace(/[.[\]]/g, '\\$&')}\\.(units|dropout|activation): `,
      ),
    ].some((pattern) => pattern.test(message));
  }

  it('on every field of every valid scene set to odd values, never disagrees otherwise', () => {
    const values: unknown[] = [
      REMOVE,
      null,
      true,
      'x',
      'Tanh',
      -1,
      0,
      0.5,
      1,
      1.5,
      2,
      3,
      7,
      100,
      2 ** 32,
      [],
      [1],
      {},
    ];
    /** Every path of a JSON value: "seed", "data.name", "model.layers[0].units", … */
    function paths(value: unknown, prefix = ''): string[] {
      if (Array.isArray(value)) {
        return value.flatMap((v, i) => [`${prefix}[${i}]`, ...paths(v, `${prefix}[${i}]`)]);
      }
      if (typeof value === 'object' && value !== null) {
        return Object.entries(value).flatMap(([k, v]) => {
          const path = prefix ? `${prefix}.${k}` : k;
          return [path, ...paths(v, path)];
        });
      }
      return [];
    }
    let checked = 0;
    const disagreements: string[] = [];
    for (const [label, scene] of validScenes()) {
      for (const path of paths(scene)) {
        for (const value of values) {
          const variant = edited(scene, path, value);
          const error = sceneError(variant);
          const accepted = schemaAccepts(variant);
          checked++;
          if (!error && !accepted) {
            disagreements.push(`${label} ${path}=${String(value)}: only the schema rejects`);
          } else if (error && accepted && !isKnownGap(error, variant)) {
            disagreements.push(`${label} ${path}=${String(value)}: only checkScene: ${error}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe('the schema keeps to the engine catalogue (no drift)', () => {
  const defs = schema.$defs as Record<string, Json>;
  const props = (def: Json) => def.properties as Record<string, Json>;
  /** The names each per-name rule (if name = X then propertyNames …) allows. */
  function argsByName(def: Json): Record<string, string[]> {
    const rules = (def.allOf as Json[]).filter((rule) => {
      const then = rule.then as Json | undefined;
      return then?.propertyNames !== undefined;
    });
    return Object.fromEntries(
      rules.map((rule) => {
        const name = ((rule.if as Json).properties as Record<string, Json>).name!.const as string;
        const then = rule.then as Json;
        const allowed = (then.propertyNames as Json).enum as string[];
        return [name, allowed.filter((key) => key !== 'name')];
      }),
    );
  }
  type Classes = readonly { name: string; args: readonly CatalogueArg[] }[];
  const argNames = (list: Classes) =>
    Object.fromEntries(list.map((entry) => [entry.name, entry.args.map((a) => a.name)]));

  it('lists the names the catalogue lists', () => {
    expect(defs.activationName!.enum).toEqual(namesOf(CATALOGUE.activations));
    expect(props(defs.loss!).name!.enum).toEqual(namesOf(CATALOGUE.losses));
    expect(props(defs.loss!).reduction!.enum).toEqual(CATALOGUE.reductions);
    expect(props(defs.optimizer!).name!.enum).toEqual(namesOf(CATALOGUE.optimizers));
    expect(props(defs.scheduler!).name!.enum).toEqual(namesOf(CATALOGUE.schedulers));
    expect(props(defs.init!).weight!.enum).toEqual(namesOf(CATALOGUE.inits));
    expect(props(defs.data!).name!.enum).toEqual([...namesOf(CATALOGUE.datasets), SUPPLIED]);
    expect((props(defs.data!).features!.items as Json).enum).toEqual(CATALOGUE.features);
    expect(props(defs.data!).features!.maxItems).toBe(CATALOGUE.features.length);
    const gelu = argOf(entryOf(CATALOGUE.activations, 'GELU'), 'approximate')!;
    expect(props(defs.activation!).approximate!.enum).toEqual(gelu.choices);
    expect(props(schema).format!.const).toBe(CATALOGUE.format);
  });

  it('gives each class the keyword arguments the catalogue gives it', () => {
    expect(argsByName(defs.activation!)).toEqual(argNames(CATALOGUE.activations));
    expect(argsByName(defs.loss!)).toEqual(argNames(CATALOGUE.losses));
    expect(argsByName(defs.optimizer!)).toEqual(argNames(CATALOGUE.optimizers));
    expect(argsByName(defs.scheduler!)).toEqual(argNames(CATALOGUE.schedulers));
    for (const { name, args } of CATALOGUE.schedulers) {
      const rule = (defs.scheduler!.allOf as Json[]).find(
        (r) => ((r.if as Json).properties as Record<string, Json>).name!.const === name,
      )!;
      const required = args.filter((a) => a.required).map((a) => a.name);
      expect((rule.then as Json).required ?? [], name).toEqual(required);
    }
    // An optimiser's lr is required in a scene.
    expect(defs.optimizer!.required).toEqual(['name', 'lr']);
    for (const { args } of CATALOGUE.optimizers) {
      expect(args.filter((a) => a.required).map((a) => a.name)).toEqual(['lr']);
    }
    // Every argument a class takes is described once, with its range, among the properties.
    for (const [def, list] of [
      [defs.activation!, CATALOGUE.activations],
      [defs.loss!, CATALOGUE.losses],
      [defs.optimizer!, CATALOGUE.optimizers],
      [defs.scheduler!, CATALOGUE.schedulers],
    ] as const) {
      const all = new Set(list.flatMap((entry) => entry.args.map((a) => a.name)));
      expect(Object.keys(props(def)).sort()).toEqual(['name', ...all].sort());
    }
  });

  it('has the fields the catalogue lists, and closes every object', () => {
    const { fields } = CATALOGUE;
    const training = props(defs.training!);
    expect(Object.keys(props(schema))).toEqual(fields.scene);
    expect(Object.keys(props(defs.data!))).toEqual(fields.data);
    expect(Object.keys(props(defs.model!))).toEqual(fields.model);
    expect(Object.keys(props(defs.layer!))).toEqual(fields.layer);
    expect(Object.keys(props(defs.init!))).toEqual(fields.init);
    expect(Object.keys(training)).toEqual(fields.training);
    expect(Object.keys(props(training.earlyStopping!))).toEqual(fields.earlyStopping);
    expect(Object.keys(props(training.augmentation!))).toEqual(fields.augmentation);
    expect(Object.keys(props(training.ensemble!))).toEqual(fields.ensemble);
    let objects = 0;
    (function walk(node: unknown): void {
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      if (typeof node !== 'object' || node === null) return;
      const json = node as Json;
      if (json.type === 'object') {
        expect(json.additionalProperties, JSON.stringify(json).slice(0, 80)).toBe(false);
        objects++;
      }
      Object.values(json).forEach(walk);
    })(schema);
    expect(objects).toBe(15);
  });

  it('ties the rules between parts to the catalogue', () => {
    const rules = JSON.stringify(schema.allOf);
    const losses = (keep: (l: (typeof CATALOGUE.losses)[number]) => boolean) =>
      namesOf(CATALOGUE.losses.filter(keep));
    expect(rules).toContain(JSON.stringify(losses((l) => l.target === 'value')));
    expect(rules).toContain(JSON.stringify(losses((l) => l.target === 'index')));
    expect(rules).toContain(JSON.stringify(losses((l) => !l.mixup)));
    const regression = CATALOGUE.datasets.filter((d) => d.task === 'regression');
    expect(rules).toContain(JSON.stringify(namesOf(regression)));
    // One inputs rule per possible features count.
    for (let n = 1; n <= CATALOGUE.features.length; n++) {
      expect(rules).toContain(`"features":{"minItems":${n},"maxItems":${n}}`);
    }
  });

  it('takes its ranges from the catalogue, every one of them', () => {
    const training = props(defs.training!);
    const sub = (name: string) => props(training[name]!);
    const clip = (name: string) => (props(schema)[name]!.anyOf as Json[])[1]!;
    const limits = CATALOGUE.limits;
    const where: Array<[string, Range, Json]> = [];
    const at = (key: string, range: Range, ...nodes: Json[]) =>
      nodes.forEach((node) => where.push([key, range, node]));
    const limitNodes: Record<keyof typeof limits, Json[]> = {
      seed: [props(schema).seed!],
      samples: [props(defs.data!).samples!],
      noise: [props(defs.data!).noise!],
      trainFraction: [props(defs.data!).trainFraction!],
      validationFraction: [props(defs.data!).validationFraction!],
      inputs: [props(defs.model!).inputs!],
      rows: [], // supplied rows' count: the engine's rule (validate_scene), not the schema's
      layers: [],
      units: [props(defs.layer!).units!],
      dropout: [props(defs.layer!).dropout!],
      classes: [],
      clip_grad_norm: [clip('clip_grad_norm')],
      clip_grad_value: [clip('clip_grad_value')],
      l1: [props(schema).l1!],
      initValue: [props(defs.init!).bias!],
      batchSize: [training.batchSize!],
      evaluateEvery: [training.evaluateEvery!],
      patience: [sub('earlyStopping').patience!],
      minDelta: [sub('earlyStopping').minDelta!],
      jitter: [sub('augmentation').jitter!],
      mixup: [sub('augmentation').mixup!],
      members: [sub('ensemble').members!],
    };
    for (const [key, nodes] of Object.entries(limitNodes)) {
      at(key, limits[key as keyof typeof limits], ...nodes);
    }
    // Every class's arguments: one property per name, so classes sharing a name share its range.
    for (const [def, list] of [
      [defs.activation!, CATALOGUE.activations],
      [defs.loss!, CATALOGUE.losses],
      [defs.optimizer!, CATALOGUE.optimizers],
      [defs.scheduler!, CATALOGUE.schedulers],
      [defs.init!, CATALOGUE.inits],
    ] as const) {
      for (const entry of list) {
        for (const arg of entry.args) {
          if (!arg.range) continue;
          const node = props(def)[arg.name]!;
          const label = `${entry.name}.${arg.name}`;
          if (arg.type === 'pair') {
            for (const item of node.prefixItems as Json[]) at(label, arg.range, item);
          } else if (!(arg.range.min === arg.range.max && node.const === arg.range.min)) {
            at(label, arg.range, node);
          }
        }
      }
    }
    expect(where.length).toBeGreaterThan(40);
    for (const [key, range, node] of where) {
      expect(node.type, key).toBe(range.integer ? 'integer' : 'number');
      expect(node[range.minOpen ? 'exclusiveMinimum' : 'minimum'], key).toBe(range.min);
      expect(node[range.maxOpen ? 'exclusiveMaximum' : 'maximum'], key).toBe(range.max);
      expect(node[range.minOpen ? 'minimum' : 'exclusiveMinimum'], key).toBeUndefined();
      expect(node[range.maxOpen ? 'maximum' : 'exclusiveMaximum'], key).toBeUndefined();
    }
    const layers = props(defs.model!).layers!;
    expect([layers.minItems, layers.maxItems]).toEqual([limits.layers.min, limits.layers.max]);
    // data.classes: the widest range the generators take, narrowed per dataset.
    const classes = props(defs.data!).classes!;
    const taking = CATALOGUE.datasets.filter((d) => d.classes.min !== d.classes.max);
    expect([classes.minimum, classes.maximum]).toEqual([
      Math.min(...taking.map((d) => d.classes.min)),
      Math.max(...taking.map((d) => d.classes.max)),
    ]);
    for (const { name, classes: range } of taking) {
      const rule = (defs.data!.allOf as Json[]).find(
        (r) => ((r.if as Json).properties as Record<string, Json>).name!.const === name,
      )!;
      expect((rule.then as Json).properties, name).toEqual({
        classes: { minimum: range.min, maximum: range.max },
      });
    }
  });
});
