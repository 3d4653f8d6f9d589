// The scene document: everything needed to reproduce a run, as versioned JSON.
// Pure module (no DOM, no wasm). The learner part (model, loss, optimizer, scheduler, clipping, l1,
// init) is the engine's LearnerSpec vocabulary from ./wasm/core.d.mts — torch's class names and
// keyword arguments — so a scene reads like a parity fixture; data, training and seed are the page's.
import type {
  ActivationName,
  ActivationSpec,
  DatasetName,
  EngineConfig,
  InitName,
  InitSpec,
  LayerSpec,
  LearnerSpec,
  LossName,
  LossSpec,
  ModelSpec,
  OptimizerName,
  OptimizerSpec,
  SchedulerName,
  SchedulerSpec,
} from './wasm/core.mjs';

export const SCENE_FORMAT = 'nn-playground/scene@1';

/** A checked list of every member of the union T: a missing or unknown name is a type error. */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ): readonly T[] => list;
}

// The accepted names, in core.d.mts's (and the engine's) order.
export const ACTIVATIONS = allOf<ActivationName>()([
  'Identity',
  'Sigmoid',
  'Tanh',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'GELU',
  'SiLU',
  'Softplus',
  'Softmax',
  'LogSoftmax',
]);
export const LOSSES = allOf<LossName>()([
  'MSELoss',
  'L1Loss',
  'HuberLoss',
  'BCELoss',
  'BCEWithLogitsLoss',
  'CrossEntropyLoss',
  'NLLLoss',
  'MultiMarginLoss',
]);
export const OPTIMIZERS = allOf<OptimizerName>()(['SGD', 'Adagrad', 'RMSprop', 'Adam', 'AdamW']);
export const SCHEDULERS = allOf<SchedulerName>()([
  'StepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'LinearLR',
]);
export const INITS = allOf<InitName>()([
  'default',
  'zeros',
  'constant',
  'xavier_uniform',
  'xavier_normal',
  'kaiming_uniform',
  'kaiming_normal',
]);
export const DATASETS = allOf<DatasetName>()(['circle']);
export const REDUCTIONS = allOf<NonNullable<LossSpec['reduction']>>()(['mean', 'sum']);
export const GELU_APPROXIMATIONS = allOf<NonNullable<ActivationSpec['approximate']>>()([
  'none',
  'tanh',
]);

type Args<S> = Exclude<keyof S, 'name'>;

/** The keyword arguments each activation takes (a bare name means torch's defaults). */
export const ACTIVATION_ARGS: Record<ActivationName, readonly Args<ActivationSpec>[]> = {
  Identity: [],
  Sigmoid: [],
  Tanh: [],
  ReLU: [],
  LeakyReLU: ['negative_slope'],
  ELU: ['alpha'],
  GELU: ['approximate'],
  SiLU: [],
  Softplus: ['beta', 'threshold'],
  Softmax: ['dim'],
  LogSoftmax: ['dim'],
};

/** The keyword arguments each loss takes. */
export const LOSS_ARGS: Record<LossName, readonly Args<LossSpec>[]> = {
  MSELoss: ['reduction'],
  L1Loss: ['reduction'],
  HuberLoss: ['reduction', 'delta'],
  BCELoss: ['reduction'],
  BCEWithLogitsLoss: ['reduction'],
  CrossEntropyLoss: ['reduction', 'label_smoothing'],
  NLLLoss: ['reduction'],
  MultiMarginLoss: ['reduction', 'margin'],
};

/** The keyword arguments each optimiser takes (lr first: a scene always sets it). */
export const OPTIMIZER_ARGS: Record<OptimizerName, readonly Args<OptimizerSpec>[]> = {
  SGD: ['lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'no_decay_bias'],
  Adagrad: ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'no_decay_bias'],
  RMSprop: ['lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered', 'no_decay_bias'],
  Adam: ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'no_decay_bias'],
  AdamW: ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'no_decay_bias'],
};

/** The keyword arguments each scheduler takes; `required` ones have no torch default. */
export const SCHEDULER_ARGS: Record<
  SchedulerName,
  { required: readonly Args<SchedulerSpec>[]; optional: readonly Args<SchedulerSpec>[] }
> = {
  StepLR: { required: ['step_size'], optional: ['gamma'] },
  ExponentialLR: { required: ['gamma'], optional: [] },
  CosineAnnealingLR: { required: ['T_max'], optional: ['eta_min'] },
  LinearLR: { required: [], optional: ['start_factor', 'end_factor', 'total_iters'] },
};

/** Losses whose target is a class index: the network needs one output per class. */
export const CLASS_LOSSES: readonly LossName[] = ['CrossEntropyLoss', 'NLLLoss', 'MultiMarginLoss'];

/** Features per point and classes of each dataset. */
export const DATASET_SHAPES: Record<DatasetName, { features: number; classes: number }> = {
  circle: { features: 2, classes: 2 },
};

/** The optimiser of a scene: always with an explicit learning rate (the page shows and edits it). */
export type SceneOptimizer = OptimizerSpec & { lr: number };

export interface Scene extends LearnerSpec {
  /** Format tag and version; a different version is rejected, never guessed at. */
  format: typeof SCENE_FORMAT;
  /** Seeds data, initial weights, dropout and the shuffle: same scene, same run. */
  seed: number;
  data: {
    /** Which toy dataset generator to use. */
    name: DatasetName;
    /** Points generated in total, before the train/test split. */
    samples: number;
    /** 0 … 0.5, like TensorFlow Playground's noise slider / 100. */
    noise: number;
    /** Fraction of the points used for training; the rest is the test set. */
    trainFraction: number;
  };
  /** Input features, then hidden layers and the output layer: each is nn.Linear followed by an
   *  activation (a name, or {name, ...torch kwargs}) and optional dropout. */
  model: ModelSpec;
  /** The loss class with its keyword arguments. */
  loss: LossSpec;
  optimizer: SceneOptimizer;
  // Optional (absent: off / torch's default), as in LearnerSpec: scheduler (stepped once per
  // optimiser step), clip_grad_norm, clip_grad_value, l1, init.
  training: {
    /** Examples per optimiser step. */
    batchSize: number;
  };
}

/** Circle data, 2 → 4 Tanh → 4 Tanh → 1 Sigmoid, BCELoss, SGD lr 0.1, batch 10, seed 1. */
export function defaultScene(): Scene {
  return {
    format: SCENE_FORMAT,
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
    training: { batchSize: 10 },
  };
}

/** A deep copy of the learner part of `spec` (only the fields it has). */
function copyLearner(spec: LearnerSpec): LearnerSpec {
  const copy: LearnerSpec = {
    model: {
      inputs: spec.model.inputs,
      layers: spec.model.layers.map((layer) => ({
        ...layer,
        activation:
          typeof layer.activation === 'string' ? layer.activation : { ...layer.activation },
      })),
    },
    loss: { ...spec.loss },
    optimizer: { ...spec.optimizer },
  };
  if (spec.optimizer.betas) copy.optimizer.betas = [...spec.optimizer.betas];
  if (spec.scheduler !== undefined) copy.scheduler = spec.scheduler && { ...spec.scheduler };
  if (spec.clip_grad_norm !== undefined) copy.clip_grad_norm = spec.clip_grad_norm;
  if (spec.clip_grad_value !== undefined) copy.clip_grad_value = spec.clip_grad_value;
  if (spec.l1 !== undefined) copy.l1 = spec.l1;
  if (spec.init !== undefined) copy.init = { ...spec.init };
  return copy;
}

/** Translates a (validated) scene into the engine's constructor argument. */
export function sceneToEngineConfig(scene: Scene): EngineConfig {
  return {
    seed: scene.seed,
    data: { ...scene.data },
    ...copyLearner(scene),
    batchSize: scene.training.batchSize,
  };
}

// ---- validation ---------------------------------------------------------------------------

type Fields = Record<string, unknown>;

function where(path: string): string {
  return path ? `scene.${path}` : 'scene';
}

function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(path: string, expected: string, value: unknown): never {
  if (value === undefined) throw new Error(`${where(path)}: missing; expected ${expected}`);
  throw new Error(`${where(path)}: expected ${expected}, got ${shown(value)}`);
}

/** A field that is well-formed but does not fit with the rest of the scene. */
function reject(path: string, message: string): never {
  throw new Error(`${where(path)}: ${message}`);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose keys are all in `keys`; `owner` names what the keys are arguments of. */
function object(value: unknown, path: string, keys: readonly string[], owner = ''): Fields {
  if (!isObject(value)) fail(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      const field = where(path ? `${path}.${key}` : key);
      const args = keys.filter((k) => k !== 'name');
      if (owner && args.length === 0) {
        throw new Error(`${field}: unknown field; ${owner} takes no arguments (accepted: name)`);
      }
      throw new Error(
        `${field}: unknown field${owner ? ` for ${owner}` : ''}; accepted: ${keys.join(', ')}`,
      );
    }
  }
  return value;
}

/** A closed, half-open or open interval of numbers, or of integers. */
export interface Range {
  min: number;
  max: number;
  /** The bounds themselves are excluded. */
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
}

function real(min: number, max: number, open: { minOpen?: boolean; maxOpen?: boolean } = {}) {
  return { min, max, ...open } satisfies Range;
}

function int(min: number, max: number) {
  return { min, max, integer: true } satisfies Range;
}

export function describeRange(range: Range): string {
  const kind = range.integer ? 'an integer' : 'a number';
  return `${kind} in ${range.minOpen ? '(' : '['}${range.min}, ${range.max}${range.maxOpen ? ')' : ']'}`;
}

function number(value: unknown, path: string, range: Range): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (range.integer && !Number.isInteger(value)) ||
    value < range.min ||
    value > range.max ||
    (range.minOpen && value === range.min) ||
    (range.maxOpen && value === range.max)
  ) {
    fail(path, describeRange(range), value);
  }
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function oneOf<T extends string | number>(value: unknown, path: string, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    fail(
      path,
      `one of ${allowed.map((v) => (typeof v === 'string' ? v : shown(v))).join(', ')}`,
      value,
    );
  }
  return value as T;
}

/** Limits a scene may take. The engine re-checks what it depends on; these are a playground's
 *  ranges (sometimes narrower than torch's) and must stay within what the engine accepts. */
export const LIMITS = {
  seed: int(0, 2 ** 32 - 1),
  samples: int(10, 10_000),
  noise: real(0, 0.5),
  trainFraction: real(0.05, 0.95),
  inputs: int(1, 64),
  layers: int(1, 16),
  units: int(1, 256),
  dropout: real(0, 0.95),
  // activations
  negative_slope: real(0, 1),
  alpha: real(0, 10), // ELU
  beta: real(0, 100, { minOpen: true }), // Softplus
  threshold: real(0, 100), // Softplus
  // losses
  delta: real(0, 100, { minOpen: true }),
  label_smoothing: real(0, 1),
  margin: real(0, 100),
  // optimisers
  lr: real(1e-6, 10),
  momentum: real(0, 1, { maxOpen: true }),
  dampening: real(0, 1),
  weight_decay: real(0, 1),
  lr_decay: real(0, 1),
  initial_accumulator_value: real(0, 10),
  eps: real(0, 1),
  rmspropAlpha: real(0, 1),
  beta1: real(0, 1, { maxOpen: true }),
  beta2: real(0, 1, { maxOpen: true }),
  // schedulers
  step_size: int(1, 1_000_000),
  gamma: real(0, 10, { minOpen: true }),
  T_max: int(1, 1_000_000),
  eta_min: real(0, 10),
  start_factor: real(0, 1, { minOpen: true }),
  end_factor: real(0, 1),
  total_iters: int(1, 1_000_000),
  // the rest of the learner
  clip_grad_norm: real(0, 1000, { minOpen: true }),
  clip_grad_value: real(0, 1000, { minOpen: true }),
  l1: real(0, 1),
  initValue: real(-10, 10),
  batchSize: int(1, 10_000),
} as const;

type Check<T> = (value: unknown, path: string) => T;

/** Validates the keyword arguments `keys` present in `fields` into `spec` (absent ones stay
 *  absent, so a round trip does not add defaults). */
function args<S extends object>(
  fields: Fields,
  path: string,
  spec: S,
  keys: readonly Args<S>[],
  checks: { [K in Args<S>]-?: Check<NonNullable<S[K]>> },
): S {
  for (const key of keys) {
    const value = fields[key as string];
    if (value !== undefined) spec[key] = checks[key](value, `${path}.${String(key)}`);
  }
  return spec;
}

const activationChecks: { [K in Args<ActivationSpec>]-?: Check<NonNullable<ActivationSpec[K]>> } = {
  negative_slope: (v, p) => number(v, p, LIMITS.negative_slope),
  alpha: (v, p) => number(v, p, LIMITS.alpha),
  approximate: (v, p) => oneOf(v, p, GELU_APPROXIMATIONS),
  beta: (v, p) => number(v, p, LIMITS.beta),
  threshold: (v, p) => number(v, p, LIMITS.threshold),
  dim: (v, p) => (v === 1 ? 1 : fail(p, '1 (the feature axis; the only one supported)', v)),
};

function activation(value: unknown, path: string): LayerSpec['activation'] {
  if (typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value)) {
    return value as ActivationName;
  }
  if (!isObject(value)) {
    fail(path, `one of ${ACTIVATIONS.join(', ')}, or an object {name, ...arguments}`, value);
  }
  const name = oneOf(value.name, `${path}.name`, ACTIVATIONS);
  const keys = ACTIVATION_ARGS[name];
  const fields = object(value, path, ['name', ...keys], name);
  return args<ActivationSpec>(fields, path, { name }, keys, activationChecks);
}

function model(value: unknown): ModelSpec {
  const m = object(value, 'model', ['inputs', 'layers']);
  const inputs = number(m.inputs, 'model.inputs', LIMITS.inputs);
  if (
    !Array.isArray(m.layers) ||
    m.layers.length < LIMITS.layers.min ||
    m.layers.length > LIMITS.layers.max
  ) {
    fail(
      'model.layers',
      `an array of ${LIMITS.layers.min} to ${LIMITS.layers.max} layers`,
      m.layers,
    );
  }
  const layers = (m.layers as unknown[]).map((raw, i): LayerSpec => {
    const path = `model.layers[${i}]`;
    const fields = object(raw, path, ['units', 'activation', 'dropout']);
    const layer: LayerSpec = {
      units: number(fields.units, `${path}.units`, LIMITS.units),
      activation: activation(fields.activation, `${path}.activation`),
    };
    if (fields.dropout !== undefined) {
      layer.dropout = number(fields.dropout, `${path}.dropout`, LIMITS.dropout);
    }
    return layer;
  });
  return { inputs, layers };
}

const lossChecks: { [K in Args<LossSpec>]-?: Check<NonNullable<LossSpec[K]>> } = {
  reduction: (v, p) => oneOf(v, p, REDUCTIONS),
  delta: (v, p) => number(v, p, LIMITS.delta),
  label_smoothing: (v, p) => number(v, p, LIMITS.label_smoothing),
  margin: (v, p) => number(v, p, LIMITS.margin),
};

function loss(value: unknown): LossSpec {
  if (!isObject(value)) fail('loss', 'an object {name, ...arguments}', value);
  const name = oneOf(value.name, 'loss.name', LOSSES);
  const fields = object(value, 'loss', ['name', ...LOSS_ARGS[name]], name);
  return args<LossSpec>(fields, 'loss', { name }, LOSS_ARGS[name], lossChecks);
}

function betas(value: unknown, path: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    fail(
      path,
      `a pair [beta1, beta2], each ${describeRange(LIMITS.beta1).replace(/^a /, '')}`,
      value,
    );
  }
  return [
    number(value[0], `${path}[0]`, LIMITS.beta1),
    number(value[1], `${path}[1]`, LIMITS.beta2),
  ];
}

function optimizerChecks(name: OptimizerName): {
  [K in Args<OptimizerSpec>]-?: Check<NonNullable<OptimizerSpec[K]>>;
} {
  return {
    lr: (v, p) => number(v, p, LIMITS.lr),
    momentum: (v, p) => number(v, p, LIMITS.momentum),
    dampening: (v, p) => number(v, p, LIMITS.dampening),
    nesterov: boolean,
    weight_decay: (v, p) => number(v, p, LIMITS.weight_decay),
    lr_decay: (v, p) => number(v, p, LIMITS.lr_decay),
    initial_accumulator_value: (v, p) => number(v, p, LIMITS.initial_accumulator_value),
    eps: (v, p) => number(v, p, LIMITS.eps),
    alpha: (v, p) => number(v, p, name === 'RMSprop' ? LIMITS.rmspropAlpha : LIMITS.alpha),
    centered: boolean,
    betas,
    amsgrad: boolean,
    no_decay_bias: boolean,
  };
}

function optimizer(value: unknown): SceneOptimizer {
  if (!isObject(value)) fail('optimizer', 'an object {name, lr, ...arguments}', value);
  const name = oneOf(value.name, 'optimizer.name', OPTIMIZERS);
  const keys = OPTIMIZER_ARGS[name];
  const fields = object(value, 'optimizer', ['name', ...keys], name);
  const lr = number(fields.lr, 'optimizer.lr', LIMITS.lr);
  const spec = args<OptimizerSpec>(fields, 'optimizer', { name }, keys, optimizerChecks(name));
  if (spec.nesterov && !((spec.momentum ?? 0) > 0 && (spec.dampening ?? 0) === 0)) {
    reject(
      'optimizer.nesterov',
      `true needs momentum > 0 and dampening 0 (as torch.optim.SGD), ` +
        `got momentum ${spec.momentum ?? 0} and dampening ${spec.dampening ?? 0}`,
    );
  }
  return { ...spec, lr };
}

const schedulerChecks: { [K in Args<SchedulerSpec>]-?: Check<NonNullable<SchedulerSpec[K]>> } = {
  step_size: (v, p) => number(v, p, LIMITS.step_size),
  gamma: (v, p) => number(v, p, LIMITS.gamma),
  T_max: (v, p) => number(v, p, LIMITS.T_max),
  eta_min: (v, p) => number(v, p, LIMITS.eta_min),
  start_factor: (v, p) => number(v, p, LIMITS.start_factor),
  end_factor: (v, p) => number(v, p, LIMITS.end_factor),
  total_iters: (v, p) => number(v, p, LIMITS.total_iters),
};

function scheduler(value: unknown): SchedulerSpec | null {
  if (value === null) return null;
  if (!isObject(value)) fail('scheduler', 'an object {name, ...arguments} or null', value);
  const name = oneOf(value.name, 'scheduler.name', SCHEDULERS);
  const { required, optional } = SCHEDULER_ARGS[name];
  const keys = [...required, ...optional];
  const fields = object(value, 'scheduler', ['name', ...keys], name);
  for (const key of required) {
    if (fields[key] === undefined) {
      fail(`scheduler.${key}`, `${describeRange(LIMITS[key])} (${name} needs it)`, undefined);
    }
  }
  return args<SchedulerSpec>(fields, 'scheduler', { name }, keys, schedulerChecks);
}

function init(value: unknown): InitSpec {
  const fields = object(value, 'init', ['weight', 'constant', 'bias']);
  const spec: InitSpec = {};
  if (fields.weight !== undefined) spec.weight = oneOf(fields.weight, 'init.weight', INITS);
  const weight = spec.weight ?? 'default';
  if (weight === 'constant') {
    if (fields.constant === undefined) {
      fail(
        'init.constant',
        `${describeRange(LIMITS.initValue)} (weight "constant" needs it)`,
        undefined,
      );
    }
    spec.constant = number(fields.constant, 'init.constant', LIMITS.initValue);
  } else if (fields.constant !== undefined) {
    reject('init.constant', `only used with init.weight "constant" (weight is "${weight}")`);
  }
  if (fields.bias !== undefined) {
    if (weight === 'default') {
      reject(
        'init.bias',
        `not used with init.weight "default" (nn.Linear's biases are U(±1/√fan_in)); ` +
          `set init.weight to one of ${INITS.filter((n) => n !== 'default').join(', ')}`,
      );
    }
    spec.bias = number(fields.bias, 'init.bias', LIMITS.initValue);
  }
  return spec;
}

/** A number or null ("off"), when present. */
function clip(fields: Fields, key: 'clip_grad_norm' | 'clip_grad_value'): number | null {
  const value = fields[key];
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(key, `${describeRange(LIMITS[key])}, or null for no clipping`, value);
  }
  return number(value, key, LIMITS[key]);
}

const activationName = (a: LayerSpec['activation']): ActivationName =>
  typeof a === 'string' ? a : a.name;

/** What the engine would reject (or turn into NaN) given the data, checked with page paths. */
function checkCombination(scene: Scene): void {
  const shape = DATASET_SHAPES[scene.data.name];
  const { layers } = scene.model;
  const last = layers.length - 1;
  const output = layers[last]!;
  const train = Math.floor(scene.data.samples * scene.data.trainFraction);
  if (train < 1 || train >= scene.data.samples) {
    reject(
      'data.trainFraction',
      `${scene.data.trainFraction} of ${scene.data.samples} samples leaves the train or the test ` +
        'set empty; raise data.samples or move the fraction towards 0.5',
    );
  }
  if (scene.model.inputs !== shape.features) {
    fail(
      'model.inputs',
      `${shape.features} (${scene.data.name} points have ${shape.features} features)`,
      scene.model.inputs,
    );
  }
  const classes = CLASS_LOSSES.includes(scene.loss.name);
  const units = classes ? shape.classes : 1;
  if (output.units !== units) {
    const why = classes
      ? `one per ${scene.data.name} class, as ${scene.loss.name} takes class scores`
      : `${scene.loss.name} compares one output with the 0/1 label`;
    fail(`model.layers[${last}].units`, `${units} for the output layer (${why})`, output.units);
  }
  if (scene.loss.name === 'BCELoss' && activationName(output.activation) !== 'Sigmoid') {
    fail(
      `model.layers[${last}].activation`,
      'Sigmoid for the output layer, as loss.name BCELoss takes probabilities ' +
        '(or use BCEWithLogitsLoss on raw outputs)',
      output.activation,
    );
  }
  if ((output.dropout ?? 0) > 0) {
    fail(
      `model.layers[${last}].dropout`,
      '0 on the output layer (dropout there would rescale the outputs the loss sees)',
      output.dropout,
    );
  }
}

const TOP_FIELDS = [
  'format',
  'seed',
  'data',
  'model',
  'loss',
  'optimizer',
  'scheduler',
  'clip_grad_norm',
  'clip_grad_value',
  'l1',
  'init',
  'training',
] as const;

/**
 * Checks an untrusted value (parsed JSON, a message, a URL) and returns a fresh, well-typed copy
 * holding the same fields (absent optional fields stay absent). Throws an Error whose message
 * starts with the path of the first bad field and says what is accepted, e.g.
 * "scene.model.layers[1].activation: expected one of Identity, Sigmoid, …, got "Tanhh"".
 */
export function validateScene(input: unknown): Scene {
  const top = object(input, '', TOP_FIELDS);
  if (top.format !== SCENE_FORMAT) fail('format', `"${SCENE_FORMAT}"`, top.format);
  const seed = number(top.seed, 'seed', LIMITS.seed);

  const d = object(top.data, 'data', ['name', 'samples', 'noise', 'trainFraction']);
  const data = {
    name: oneOf(d.name, 'data.name', DATASETS),
    samples: number(d.samples, 'data.samples', LIMITS.samples),
    noise: number(d.noise, 'data.noise', LIMITS.noise),
    trainFraction: number(d.trainFraction, 'data.trainFraction', LIMITS.trainFraction),
  };

  const learner: LearnerSpec = {
    model: model(top.model),
    loss: loss(top.loss),
    optimizer: optimizer(top.optimizer),
  };
  if (top.scheduler !== undefined) learner.scheduler = scheduler(top.scheduler);
  if (top.clip_grad_norm !== undefined) learner.clip_grad_norm = clip(top, 'clip_grad_norm');
  if (top.clip_grad_value !== undefined) learner.clip_grad_value = clip(top, 'clip_grad_value');
  if (top.l1 !== undefined) learner.l1 = number(top.l1, 'l1', LIMITS.l1);
  if (top.init !== undefined) learner.init = init(top.init);

  const t = object(top.training, 'training', ['batchSize']);
  const scene: Scene = {
    format: SCENE_FORMAT,
    seed,
    data,
    ...(learner as LearnerSpec & { optimizer: SceneOptimizer }),
    training: { batchSize: number(t.batchSize, 'training.batchSize', LIMITS.batchSize) },
  };
  checkCombination(scene);
  return scene;
}
