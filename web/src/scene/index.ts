// The scene document: everything needed to reproduce a run, as versioned JSON.
// Pure module (no DOM, no wasm). The learner part (model, loss, optimizer, scheduler, clipping, l1,
// init) is the engine's LearnerSpec vocabulary from ./wasm/core.d.mts — torch's class names and
// keyword arguments — so a scene reads like a parity fixture; data and training are the engine's
// EngineConfig vocabulary too (a generator or supplied data, split fractions, input features;
// batch size, drop_last, shuffle, evaluation period, early stopping, augmentation, ensembles).
import type {
  ActivationName,
  ActivationSpec,
  DatasetName,
  EngineConfig,
  FeatureName,
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
  SuppliedData,
} from '../wasm/core.mjs';

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
  'uniform',
  'xavier_uniform',
  'xavier_normal',
  'kaiming_uniform',
  'kaiming_normal',
]);
export const DATASETS = allOf<DatasetName>()([
  'circle',
  'xor',
  'gauss',
  'spiral',
  'moons',
  'blobs',
  'spirals',
  'checkerboard',
  'plane',
  'multigauss',
  'sine',
  'polynomial',
]);
/** data.name of a scene whose rows are passed to the Trainer beside the config. */
export const SUPPLIED = 'supplied';
export const FEATURES = allOf<FeatureName>()([
  'x1',
  'x2',
  'x1^2',
  'x2^2',
  'x1*x2',
  'sin(x1)',
  'sin(x2)',
]);
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
/** Losses that take a class index only, so mixup's blended targets cannot reach them. */
export const MIXUP_REJECTS: readonly LossName[] = ['NLLLoss', 'MultiMarginLoss'];
/** The losses a regression (a number as the target) accepts. */
export const REGRESSION_LOSSES: readonly LossName[] = ['MSELoss', 'L1Loss', 'HuberLoss'];

export type Task = 'classification' | 'regression';

/** What the page needs to know about a generator (core/include/nnp/generators.h). */
export interface CatalogueEntry {
  /** Display name. */
  title: string;
  task: Task;
  /** Raw features per point: 2 (a point of the plane) or 1 (x of a curve). */
  features: 1 | 2;
  /** How many classes it can have: fixed when min = max, and 0 … 0 for a regression. */
  classes: { min: number; max: number };
  /** One line for the page. */
  description: string;
}

/** Every generator, in the engine's order (the page's order), with its shape and a description. */
export const DATASET_CATALOGUE: Record<DatasetName, CatalogueEntry> = {
  circle: {
    title: 'Circle',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'A disc of one class inside a ring of the other.',
  },
  xor: {
    title: 'XOR',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Four quadrants labelled by the sign of x₁·x₂.',
  },
  gauss: {
    title: 'Two Gaussians',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two Gaussian clouds that noise spreads into each other.',
  },
  spiral: {
    title: 'Spiral',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two interleaved spiral arms.',
  },
  moons: {
    title: 'Moons',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'Two interleaving half circles.',
  },
  blobs: {
    title: 'Blobs',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 6 },
    description: '2 to 6 Gaussian clusters set around a circle, one class each.',
  },
  spirals: {
    title: 'Spirals',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 5 },
    description: '2 to 5 interleaved spiral arms, one class each.',
  },
  checkerboard: {
    title: 'Checkerboard',
    task: 'classification',
    features: 2,
    classes: { min: 2, max: 2 },
    description: 'A 4×4 checkerboard: the label is the colour of the square.',
  },
  plane: {
    title: 'Plane',
    task: 'regression',
    features: 2,
    classes: { min: 0, max: 0 },
    description: 'A tilted plane: the target is (x₁ + x₂) / 10.',
  },
  multigauss: {
    title: 'Gaussian bumps',
    task: 'regression',
    features: 2,
    classes: { min: 0, max: 0 },
    description: 'Six cone-shaped bumps of either sign.',
  },
  sine: {
    title: 'Sine',
    task: 'regression',
    features: 1,
    classes: { min: 0, max: 0 },
    description: 'A curve: y = sin(x) over two periods.',
  },
  polynomial: {
    title: 'Cubic',
    task: 'regression',
    features: 1,
    classes: { min: 0, max: 0 },
    description: 'A curve: the cubic y = (x³ − 27x) / 54.',
  },
};

/** The class count a scene for `name` uses when data.classes is absent (the engine's default). */
export function defaultClasses(name: DatasetName): number {
  return DATASET_CATALOGUE[name].classes.min;
}

/** True for the generators whose class count is chosen by data.classes (blobs, spirals). */
export function takesClasses(name: DatasetName): boolean {
  const { min, max } = DATASET_CATALOGUE[name].classes;
  return min !== max;
}

/** The optimiser of a scene: always with an explicit learning rate (the page shows and edits it). */
export type SceneOptimizer = OptimizerSpec & { lr: number };

/** How the points are split and turned into network inputs (generated or supplied data alike). */
export interface SceneSplit {
  /** Fraction of the points used for training. */
  trainFraction: number;
  /** Fraction held out for validation (absent: none); the test set takes the rest. */
  validationFraction?: number;
  /** 2-D data: TensorFlow Playground's input features (absent: the raw x1, x2). */
  features?: FeatureName[];
  /** Standardise each input with the training split's mean and standard deviation. */
  standardize?: boolean;
  /** Two classes as targets −1 and +1 (TensorFlow Playground's labels) for a regression loss on
   *  one output; class 1 when the output is ≥ 0. Absent: targets 0 and 1. */
  signedLabels?: boolean;
}

/** Points drawn by one of the engine's generators. */
export interface GeneratedData extends SceneSplit {
  name: DatasetName;
  /** Points generated in total, before the split. */
  samples: number;
  /** 0 … 0.5, like TensorFlow Playground's noise slider / 100. */
  noise: number;
  /** blobs (2–6) and spirals (2–5) only; absent: 2. */
  classes?: number;
}

/** Rows passed to the Trainer beside the scene (a real dataset, a CSV): see SuppliedData. */
export interface SuppliedSceneData extends SceneSplit {
  name: typeof SUPPLIED;
  /** The shipped dataset (web/public/data) the rows come from, so the scene can travel in a
   *  link; absent: rows from elsewhere (a CSV), which cannot. */
  dataset?: ShippedDataset;
  /** Rows carried in the scene itself (a small CSV file, points added by clicking), so the
   *  scene reproduces them from a link; absent for a shipped dataset's or a large file's rows. */
  rows?: SceneRows;
}

/**
 * Rows inside a scene: plain number arrays, so the scene stays JSON (and a link). The page keeps
 * them here while a run uses them; a link carries them only when they are small (state/url.ts,
 * LINK_NUMBERS), and the engine gets them as SuppliedData (rowsToSupplied).
 */
export interface SceneRows {
  /** Raw features per row (2: points of the plane, drawn as such). */
  features: number;
  /** 0: a regression (y holds values); else y holds class indices 0 … classes−1. */
  classes: number;
  /** rows × features, row-major. */
  x: number[];
  y: number[];
  /** A separate test set (the points a generator's split held out, when points were added). */
  test?: { x: number[]; y: number[] };
  /** What the rows are, for the page: "blobs.csv", "Circle + 3 points". */
  source?: string;
  /** Label of each class index (a CSV's labels). */
  classNames?: string[];
}

/** The real datasets the page ships (web/public/data, docs/datasets.md). */
export const SHIPPED_DATASETS = ['digits', 'iris', 'fashion'] as const;
export type ShippedDataset = (typeof SHIPPED_DATASETS)[number];

export interface ShippedEntry {
  title: string;
  description: string;
  /** Files under ./data/: the rows, and a separate test set if any. */
  files: { data: string; test?: string };
  shape: DataShape;
}

export const SHIPPED_CATALOGUE: Record<ShippedDataset, ShippedEntry> = {
  digits: {
    title: 'Handwritten digits (8×8)',
    description: '1,797 images of 8×8 pixels, digits 0–9 (sklearn\u2019s load_digits).',
    files: { data: 'digits.nnpd' },
    shape: { rows: 1797, features: 64, classes: 10 },
  },
  iris: {
    title: 'Iris',
    description: '150 flowers, 4 measurements each, 3 species (Fisher, 1936).',
    files: { data: 'iris.nnpd' },
    shape: { rows: 150, features: 4, classes: 3 },
  },
  fashion: {
    title: 'Fashion-MNIST (10k subset)',
    description: '10,000 training and 2,000 test images of 28×28 pixels, 10 kinds of clothing.',
    files: { data: 'fashion-train.nnpd', test: 'fashion-test.nnpd' },
    shape: { rows: 10000, features: 784, classes: 10, separateTest: true },
  },
};

/** A scene whose rows are a shipped dataset's. */
export type ShippedScene = Scene & { data: SuppliedSceneData & { dataset: ShippedDataset } };

/** The playground's scene for a shipped dataset (bench/real_data.js's settings, which reach
 *  ≥ 95 % on digits and ≥ 84 % on Fashion-MNIST). */
export function shippedScene(name: ShippedDataset, seed = 1): ShippedScene {
  const relu = (units: number): LayerSpec => ({ units, activation: 'ReLU' });
  const out = (units: number): LayerSpec => ({ units, activation: 'Identity' });
  const base = { format: SCENE_FORMAT, seed, loss: { name: 'CrossEntropyLoss' } } as const;
  switch (name) {
    case 'digits':
      return {
        ...base,
        data: { name: SUPPLIED, dataset: name, trainFraction: 0.7, validationFraction: 0.1 },
        model: { inputs: 64, layers: [relu(64), out(10)] },
        loss: { name: 'CrossEntropyLoss' },
        optimizer: { name: 'Adam', lr: 0.003 },
        training: { batchSize: 32 },
      };
    case 'iris':
      return {
        ...base,
        data: {
          name: SUPPLIED,
          dataset: name,
          trainFraction: 0.7,
          validationFraction: 0.1,
          standardize: true,
        },
        model: { inputs: 4, layers: [relu(16), out(3)] },
        loss: { name: 'CrossEntropyLoss' },
        optimizer: { name: 'Adam', lr: 0.01 },
        training: { batchSize: 16 },
      };
    case 'fashion':
      return {
        ...base,
        // trainFraction is not used with a separate test set (validation is cut from the rows).
        data: { name: SUPPLIED, dataset: name, trainFraction: 0.5, validationFraction: 0.1 },
        model: { inputs: 784, layers: [relu(256), relu(128), out(10)] },
        loss: { name: 'CrossEntropyLoss' },
        optimizer: { name: 'Adam', lr: 0.001 },
        training: { batchSize: 64 },
      };
  }
}

export type SceneData = GeneratedData | SuppliedSceneData;

/** The engine's training options: mini-batches, order, evaluation and early stopping. */
export type SceneTraining = EngineConfig['training'];
export type EarlyStopping = NonNullable<SceneTraining['earlyStopping']>;
export type Augmentation = NonNullable<SceneTraining['augmentation']>;
export type Ensemble = NonNullable<SceneTraining['ensemble']>;

export interface Scene extends LearnerSpec {
  /** Format tag and version; a different version is rejected, never guessed at. */
  format: typeof SCENE_FORMAT;
  /** Seeds data, the split, initial weights, dropout and the shuffle: same scene, same run. */
  seed: number;
  data: SceneData;
  /** Input features, then hidden layers and the output layer: each is nn.Linear followed by an
   *  activation (a name, or {name, ...torch kwargs}) and optional dropout. */
  model: ModelSpec;
  /** The loss class with its keyword arguments. */
  loss: LossSpec;
  optimizer: SceneOptimizer;
  // Optional (absent: off / torch's default), as in LearnerSpec: scheduler (stepped once per
  // optimiser step), clip_grad_norm, clip_grad_value, l1, init.
  /** batchSize (examples per optimiser step); optional dropLast, shuffle (default true),
   *  evaluateEvery (epochs, default 1), earlyStopping {patience, minDelta?, restoreBest?},
   *  augmentation {jitter?, mixup?} and ensemble {members, bootstrap?}. */
  training: SceneTraining;
}

/** A scene whose data comes from a generator. */
export type GeneratedScene = Scene & { data: GeneratedData };

/** Circle data, 2 → 4 Tanh → 4 Tanh → 1 Sigmoid, BCELoss, SGD lr 0.1, batch 10, seed 1. */
export function defaultScene(): GeneratedScene {
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

/** What the page's dataset picker chooses; the rest of the scene follows from it. */
export interface DatasetChoice {
  name: DatasetName;
  /** blobs and spirals only; default DEFAULT_PICKED_CLASSES. */
  classes?: number;
  /** default 0. */
  noise?: number;
  /** default none. */
  validationFraction?: number;
  /** default 1. */
  seed?: number;
  /** Points in total; default 500. */
  samples?: number;
  /** default 0.5. */
  trainFraction?: number;
}

/** The class count the picker starts blobs and spirals with: more than two is why they exist. */
export const DEFAULT_PICKED_CLASSES = 3;

/** Tanh hidden layers that learn each dataset within a few hundred epochs of SGD at lr 0.1. */
const HIDDEN_UNITS: Record<DatasetName, readonly number[]> = {
  circle: [4, 4],
  xor: [4, 4],
  gauss: [4, 4],
  spiral: [16, 16, 16],
  moons: [4, 4],
  blobs: [4, 4],
  spirals: [16, 16, 16],
  checkerboard: [16, 16],
  plane: [4, 4],
  multigauss: [16, 16],
  sine: [16, 16],
  polynomial: [4, 4],
};

/**
 * The playground's scene for a dataset: the default scene's optimiser, batch size and split, the
 * inputs the data has (2, or 1 for a curve), hidden layers big enough for it, and the output layer
 * and loss its task needs — 1 Sigmoid with BCELoss for two classes, k Identity logits with
 * CrossEntropyLoss for k > 2 classes, 1 Identity with MSELoss for a regression.
 * datasetScene({ name: 'circle' }) is defaultScene().
 */
export function datasetScene(choice: DatasetChoice): GeneratedScene {
  const { name } = choice;
  const info = DATASET_CATALOGUE[name];
  const scene = defaultScene();
  const classes = takesClasses(name)
    ? (choice.classes ?? DEFAULT_PICKED_CLASSES)
    : info.classes.min;
  scene.data = {
    name,
    samples: choice.samples ?? 500,
    noise: choice.noise ?? 0,
    ...(takesClasses(name) ? { classes } : {}),
    trainFraction: choice.trainFraction ?? 0.5,
    ...(choice.validationFraction ? { validationFraction: choice.validationFraction } : {}),
  };
  if (choice.seed !== undefined) scene.seed = choice.seed;
  const hidden: LayerSpec[] = HIDDEN_UNITS[name].map((units) => ({ units, activation: 'Tanh' }));
  let output: LayerSpec;
  if (info.task === 'regression') {
    output = { units: 1, activation: 'Identity' };
    scene.loss = { name: 'MSELoss' };
  } else if (classes > 2) {
    output = { units: classes, activation: 'Identity' };
    scene.loss = { name: 'CrossEntropyLoss' };
  } else {
    output = { units: 1, activation: 'Sigmoid' };
    scene.loss = { name: 'BCELoss' };
  }
  scene.model = { inputs: info.features, layers: [...hidden, output] };
  return scene;
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

function copyTraining(training: SceneTraining): SceneTraining {
  const copy: SceneTraining = { ...training };
  if (training.earlyStopping) copy.earlyStopping = { ...training.earlyStopping };
  if (training.augmentation) copy.augmentation = { ...training.augmentation };
  if (training.ensemble) copy.ensemble = { ...training.ensemble };
  return copy;
}

function copyData(data: SceneData): SceneData {
  const copy: SceneData = { ...data };
  if (copy.name === SUPPLIED && copy.rows) copy.rows = { ...copy.rows };
  if (data.features) copy.features = [...data.features];
  return copy;
}

/** Translates a (validated) scene into the engine's constructor argument. */
export function sceneToEngineConfig(scene: Scene): EngineConfig {
  const data = copyData(scene.data);
  if (data.name === SUPPLIED) {
    // The page's, not the engine's (the rows go to the Trainer as SuppliedData).
    delete data.dataset;
    delete data.rows;
  }
  return {
    seed: scene.seed,
    data,
    ...copyLearner(scene),
    training: copyTraining(scene.training),
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
  validationFraction: real(0, 0.9),
  inputs: int(1, 784), // Fashion-MNIST's 28×28 pixels
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
  evaluateEvery: int(1, 10_000),
  patience: int(0, 100_000),
  minDelta: real(0, 1000),
  jitter: real(0, 10),
  mixup: real(0, 10),
  members: int(1, 16),
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
  const fields = object(value, 'init', ['weight', 'constant', 'a', 'b', 'bias']);
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
  for (const key of ['a', 'b'] as const) {
    if (fields[key] === undefined) continue;
    if (weight !== 'uniform') {
      reject(`init.${key}`, `only used with init.weight "uniform" (weight is "${weight}")`);
    }
    spec[key] = number(fields[key], `init.${key}`, LIMITS.initValue);
  }
  if ((spec.a ?? 0) > (spec.b ?? 1)) {
    reject('init.b', `must be at least init.a (U(a, b) needs a ≤ b; a is ${spec.a ?? 0})`);
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

export const activationName = (a: LayerSpec['activation']): ActivationName =>
  typeof a === 'string' ? a : a.name;

// ---- data and training ------------------------------------------------------------------------

/** The fields each part of a scene accepts (docs/scene.schema.json lists the same). */
export const DATA_FIELDS = allOf<keyof EngineConfig['data'] | 'dataset' | 'rows'>()([
  'name',
  'samples',
  'noise',
  'classes',
  'trainFraction',
  'validationFraction',
  'features',
  'standardize',
  'signedLabels',
  'dataset',
  'rows',
]);
export const TRAINING_FIELDS = allOf<keyof SceneTraining>()([
  'batchSize',
  'dropLast',
  'shuffle',
  'evaluateEvery',
  'earlyStopping',
  'augmentation',
  'ensemble',
]);
export const EARLY_STOPPING_FIELDS = allOf<keyof EarlyStopping>()([
  'patience',
  'minDelta',
  'restoreBest',
]);
export const AUGMENTATION_FIELDS = allOf<keyof Augmentation>()(['jitter', 'mixup']);
export const ENSEMBLE_FIELDS = allOf<keyof Ensemble>()(['members', 'bootstrap']);
const GENERATOR_ONLY = ['samples', 'noise', 'classes'] as const;

function classRange(name: DatasetName): string {
  const { min, max } = DATASET_CATALOGUE[name].classes;
  return `${min} to ${max}`;
}

function features(value: unknown, path: string): FeatureName[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > FEATURES.length) {
    fail(
      path,
      `an array of 1 to ${FEATURES.length} feature names from ${FEATURES.join(', ')} ` +
        '(or leave it out for the raw x1, x2)',
      value,
    );
  }
  const list = (value as unknown[]).map((name, i) => oneOf(name, `${path}[${i}]`, FEATURES));
  list.forEach((name, i) => {
    if (list.indexOf(name) !== i) reject(`${path}[${i}]`, `"${name}" is listed twice`);
  });
  return list;
}

function data(value: unknown): SceneData {
  const d = object(value, 'data', DATA_FIELDS);
  const name = oneOf(d.name, 'data.name', [...DATASETS, SUPPLIED]);
  const split: SceneSplit = {
    trainFraction: number(d.trainFraction, 'data.trainFraction', LIMITS.trainFraction),
  };
  if (d.validationFraction !== undefined) {
    split.validationFraction = number(
      d.validationFraction,
      'data.validationFraction',
      LIMITS.validationFraction,
    );
  }
  if (d.features !== undefined) split.features = features(d.features, 'data.features');
  if (d.standardize !== undefined) split.standardize = boolean(d.standardize, 'data.standardize');
  if (d.signedLabels !== undefined) {
    split.signedLabels = boolean(d.signedLabels, 'data.signedLabels');
  }
  if (name === SUPPLIED) {
    for (const key of GENERATOR_ONLY) {
      if (d[key] !== undefined) {
        reject(`data.${key}`, `only for generated data; supplied data brings its own rows`);
      }
    }
    if (d.rows !== undefined) {
      if (d.dataset !== undefined) {
        reject('data.rows', 'rows of their own and data.dataset exclude each other');
      }
      return { name, ...split, rows: sceneRows(d.rows) };
    }
    if (d.dataset === undefined) return { name, ...split };
    return { name, dataset: oneOf(d.dataset, 'data.dataset', SHIPPED_DATASETS), ...split };
  }
  if (d.dataset !== undefined) {
    reject('data.dataset', `only for data.name "supplied"; ${name} is generated`);
  }
  if (d.rows !== undefined) {
    reject('data.rows', `only for data.name "supplied"; ${name} is generated`);
  }
  const generated: GeneratedData = {
    name,
    samples: number(d.samples, 'data.samples', LIMITS.samples),
    noise: number(d.noise, 'data.noise', LIMITS.noise),
    ...split,
  };
  if (d.classes !== undefined) {
    const { min, max } = DATASET_CATALOGUE[name].classes;
    if (takesClasses(name)) {
      generated.classes = number(d.classes, 'data.classes', int(min, max));
    } else if (d.classes !== min || min === 0) {
      const has = min === 0 ? 'no classes: it is a regression' : `exactly ${min} classes`;
      reject(
        'data.classes',
        `${name} has ${has}; only ${DATASETS.filter(takesClasses)
          .map((n) => `${n} (${classRange(n)})`)
          .join(' and ')} take data.classes, got ${shown(d.classes)}`,
      );
    } else {
      generated.classes = min;
    }
  }
  return generated;
}

const ROWS_FIELDS = allOf<keyof SceneRows>()([
  'features',
  'classes',
  'x',
  'y',
  'test',
  'source',
  'classNames',
]);

/** x and y of `count` rows checked against features and classes. */
function rowValues(
  r: Fields,
  path: string,
  features: number,
  classes: number,
): { x: number[]; y: number[] } {
  const { x, y } = r;
  if (!Array.isArray(y) || y.length < 1) fail(`${path}.y`, 'an array of one target per row', y);
  const rows = (y as unknown[]).length;
  if (!Array.isArray(x) || x.length !== rows * features) {
    fail(`${path}.x`, `an array of ${rows} × ${features} numbers (row-major)`, shownLength(x));
  }
  (x as unknown[]).forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      fail(`${path}.x[${i}]`, 'a finite number', v);
    }
  });
  (y as unknown[]).forEach((v, i) => {
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (classes === 0 || (Number.isInteger(v) && v >= 0 && v < classes));
    if (!ok) {
      fail(
        `${path}.y[${i}]`,
        classes === 0 ? 'a finite number' : `a class index 0 … ${classes - 1}`,
        v,
      );
    }
  });
  return { x: x as number[], y: y as number[] };
}

function shownLength(value: unknown): unknown {
  return Array.isArray(value) ? `an array of ${value.length}` : value;
}

function sceneRows(value: unknown): SceneRows {
  const path = 'data.rows';
  const r = object(value, path, ROWS_FIELDS);
  const features = number(r.features, `${path}.features`, LIMITS.inputs);
  const classes = number(r.classes, `${path}.classes`, int(0, 50));
  if (classes === 1) reject(`${path}.classes`, '0 for a regression, else 2 to 50 classes');
  const rows: SceneRows = { features, classes, ...rowValues(r, path, features, classes) };
  if (rows.y.length < 2) reject(`${path}.y`, `needs at least 2 rows, got ${rows.y.length}`);
  if (r.test !== undefined) {
    const t = object(r.test, `${path}.test`, ['x', 'y']);
    rows.test = rowValues(t, `${path}.test`, features, classes);
  }
  if (r.source !== undefined) {
    if (typeof r.source !== 'string') fail(`${path}.source`, 'a string', r.source);
    rows.source = r.source;
  }
  if (r.classNames !== undefined) {
    const names = r.classNames;
    if (
      !Array.isArray(names) ||
      names.length !== classes ||
      !names.every((n) => typeof n === 'string')
    ) {
      fail(`${path}.classNames`, `an array of ${classes} strings, one per class`, names);
    }
    rows.classNames = names as string[];
  }
  return rows;
}

/** The shape of a scene's own rows. */
export function rowsShape(rows: SceneRows): DataShape {
  return {
    rows: rows.y.length,
    features: rows.features,
    classes: rows.classes,
    ...(rows.test ? { separateTest: true } : {}),
  };
}

/** A scene's own rows as the engine's SuppliedData. */
export function rowsToSupplied(rows: SceneRows): SuppliedData {
  const set = (x: number[], y: number[]) => ({
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    features: rows.features,
    classes: rows.classes,
  });
  const data: SuppliedData = set(rows.x, rows.y);
  if (rows.test) data.test = set(rows.test.x, rows.test.y);
  return data;
}

/** The shape of any scene's data when the page knows it: generated, own rows or shipped. */
export function sceneShape(data: SceneData): DataShape | null {
  if (data.name !== SUPPLIED) return generatedShape(data);
  if (data.rows) return rowsShape(data.rows);
  return data.dataset ? SHIPPED_CATALOGUE[data.dataset].shape : null;
}

function training(value: unknown): SceneTraining {
  const t = object(value, 'training', TRAINING_FIELDS);
  const spec: SceneTraining = {
    batchSize: number(t.batchSize, 'training.batchSize', LIMITS.batchSize),
  };
  if (t.dropLast !== undefined) spec.dropLast = boolean(t.dropLast, 'training.dropLast');
  if (t.shuffle !== undefined) spec.shuffle = boolean(t.shuffle, 'training.shuffle');
  if (t.evaluateEvery !== undefined) {
    spec.evaluateEvery = number(t.evaluateEvery, 'training.evaluateEvery', LIMITS.evaluateEvery);
  }
  if (t.earlyStopping !== undefined) {
    const path = 'training.earlyStopping';
    const e = object(t.earlyStopping, path, EARLY_STOPPING_FIELDS);
    const stopping: EarlyStopping = {
      patience: number(e.patience, `${path}.patience`, LIMITS.patience),
    };
    if (e.minDelta !== undefined) {
      stopping.minDelta = number(e.minDelta, `${path}.minDelta`, LIMITS.minDelta);
    }
    if (e.restoreBest !== undefined) {
      stopping.restoreBest = boolean(e.restoreBest, `${path}.restoreBest`);
    }
    spec.earlyStopping = stopping;
  }
  if (t.augmentation !== undefined) {
    const path = 'training.augmentation';
    const a = object(t.augmentation, path, AUGMENTATION_FIELDS);
    const augmentation: Augmentation = {};
    if (a.jitter !== undefined)
      augmentation.jitter = number(a.jitter, `${path}.jitter`, LIMITS.jitter);
    if (a.mixup !== undefined) augmentation.mixup = number(a.mixup, `${path}.mixup`, LIMITS.mixup);
    spec.augmentation = augmentation;
  }
  if (t.ensemble !== undefined) {
    const path = 'training.ensemble';
    const e = object(t.ensemble, path, ENSEMBLE_FIELDS);
    const ensemble: Ensemble = { members: number(e.members, `${path}.members`, LIMITS.members) };
    if (e.bootstrap !== undefined) ensemble.bootstrap = boolean(e.bootstrap, `${path}.bootstrap`);
    spec.ensemble = ensemble;
  }
  return spec;
}

// ---- the scene against its data -----------------------------------------------------------

/** The rows a scene trains on: a generator's (from the scene) or supplied data's. */
export interface DataShape {
  /** Rows in total (with a separate test set: the rows that give train and validation). */
  rows: number;
  /** Raw features per row. */
  features: number;
  /** 0 for a regression, else the number of classes. */
  classes: number;
  /** The test set comes separately (SuppliedData.test). */
  separateTest?: boolean;
}

/** The shape of supplied rows, as validateScene needs it; null for an .nnpd file (the engine
 *  reads it: core.datasetInfo gives its rows, features and classes). */
export function suppliedShape(supplied: SuppliedData): DataShape | null {
  if ('nnpd' in supplied) return null;
  return {
    rows: supplied.y.length,
    features: supplied.features,
    classes: supplied.classes,
    separateTest: supplied.test !== undefined && supplied.test !== null,
  };
}

/** The shape of a generated scene's data; null for supplied data (it is not in the scene). */
export function generatedShape(data: SceneData): DataShape | null {
  if (data.name === SUPPLIED) return null;
  const info = DATASET_CATALOGUE[data.name];
  return {
    rows: data.samples,
    features: info.features,
    classes: data.classes ?? defaultClasses(data.name),
  };
}

export interface SplitSizes {
  train: number;
  validation: number;
  /** null: a separate test set (its size is the supplied test set's). */
  test: number | null;
}

/**
 * The sizes of the train, validation and test sets, cut as the engine cuts them
 * (core/src/data/datasets.cpp: ⌊rows·trainFraction⌋ train rows, ⌊rows·validationFraction⌋
 * validation rows, the rest for testing; with a separate test set, the validation fraction of the
 * rows is held out and the rest trains). Throws naming the fraction that leaves a set empty.
 */
/** ⌊rows·fraction⌋ as the engine takes it: without the floating-point shortfall that makes
 *  180 × 0.7 = 125.99… (core/src/data/datasets.cpp, rows_of). */
function rowsOf(rows: number, fraction: number): number {
  return Math.floor(rows * fraction + 1e-9);
}

/** Train and validation fractions must leave something for the test set. */
function checkFractionSum({ trainFraction, validationFraction = 0 }: SceneSplit): void {
  if (!(trainFraction + validationFraction < 1)) {
    reject(
      'data.validationFraction',
      `${validationFraction} with data.trainFraction ${trainFraction} leaves nothing for the ` +
        'test set (the two must add up to less than 1)',
    );
  }
}

export function splitSizes(split: SceneSplit, shape: DataShape): SplitSizes {
  const { trainFraction: train, validationFraction: validation = 0 } = split;
  const { rows } = shape;
  const of = `of ${rows} ${rows === 1 ? 'row' : 'rows'}`;
  if (shape.separateTest) {
    const trainRows = validation > 0 ? rowsOf(rows, 1 - validation) : rows;
    if (trainRows < 1 || rows - trainRows < (validation > 0 ? 1 : 0)) {
      reject(
        'data.validationFraction',
        `${validation} ${of} leaves the ${trainRows < 1 ? 'training' : 'validation'} set empty`,
      );
    }
    return { train: trainRows, validation: rows - trainRows, test: null };
  }
  checkFractionSum(split);
  const trainRows = rowsOf(rows, train);
  const validationRows = rowsOf(rows, validation);
  const testRows = rows - trainRows - validationRows;
  if (trainRows < 1) {
    reject(
      'data.trainFraction',
      `${train} ${of} leaves the training set empty; raise the fraction or use more rows`,
    );
  }
  if (validation > 0 && validationRows < 1) {
    reject(
      'data.validationFraction',
      `${validation} ${of} leaves the validation set empty; raise the fraction, use more ` +
        'rows, or leave the fraction out for no validation set',
    );
  }
  if (testRows < 1) {
    reject(
      validation > 0 ? 'data.validationFraction' : 'data.trainFraction',
      `${validation > 0 ? validation : train} ${of} leaves the test set empty; lower the ` +
        'fraction or use more rows',
    );
  }
  return { train: trainRows, validation: validationRows, test: testRows };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the engine would reject (or turn into NaN) given the data, checked with page paths.
 *  Mirrors core/src/train/trainer.cpp (validate_against_data) and the split's rules. */
function checkCombination(scene: Scene, shape: DataShape | null): void {
  const { data, model, loss, training } = scene;
  const { layers } = model;
  const last = layers.length - 1;
  const output = layers[last]!;
  const units = `model.layers[${last}].units`;
  if ((output.dropout ?? 0) > 0) {
    fail(
      `model.layers[${last}].dropout`,
      '0 on the output layer (dropout there would rescale the outputs the loss sees)',
      output.dropout,
    );
  }
  if ((training.augmentation?.mixup ?? 0) > 0 && MIXUP_REJECTS.includes(loss.name)) {
    reject(
      'training.augmentation.mixup',
      `mixes targets into class probabilities, which ${loss.name} cannot take: use ` +
        'CrossEntropyLoss, a BCE loss or a regression loss (or mixup 0)',
    );
  }
  if (!shape) {
    // Supplied data the caller did not describe (nor whether its test set comes separately):
    // what needs its shape is left to the engine.
    return;
  }
  const sizes = splitSizes(data, shape);
  const what =
    data.name === SUPPLIED
      ? 'the supplied data'
      : takesClasses(data.name)
        ? `${data.name} with ${shape.classes} classes`
        : data.name;

  if (data.features && shape.features !== 2) {
    reject(
      'data.features',
      `apply to 2-D data only; ${what} has ${plural(shape.features, 'feature')} per point ` +
        '(leave data.features out)',
    );
  }
  const inputs = data.features?.length ?? shape.features;
  if (model.inputs !== inputs) {
    const why = data.features
      ? 'one per entry of data.features'
      : `${what} points have ${plural(shape.features, 'feature')}`;
    fail('model.inputs', `${inputs} (${why})`, model.inputs);
  }

  if (shape.classes === 0) {
    if (!REGRESSION_LOSSES.includes(loss.name)) {
      fail(
        'loss.name',
        `one of ${REGRESSION_LOSSES.join(', ')} (${what} is a regression: ` +
          'its target is a number, not a class)',
        loss.name,
      );
    }
    if (output.units !== 1) {
      fail(units, '1 for the output layer (a regression predicts one number)', output.units);
    }
  } else if (CLASS_LOSSES.includes(loss.name)) {
    if (output.units !== shape.classes) {
      fail(
        units,
        `${shape.classes} for the output layer (one per class of ${what}, as ${loss.name} ` +
          'takes class scores)',
        output.units,
      );
    }
  } else {
    if (shape.classes !== 2) {
      fail(
        'loss.name',
        `one of ${CLASS_LOSSES.join(', ')} (${loss.name} handles two classes only; ${what} ` +
          `has ${shape.classes}: use one output per class)`,
        loss.name,
      );
    }
    if (output.units !== 1) {
      fail(
        units,
        `1 for the output layer (${loss.name} compares one output with the 0/1 label)`,
        output.units,
      );
    }
  }
  if (loss.name === 'BCELoss' && activationName(output.activation) !== 'Sigmoid') {
    fail(
      `model.layers[${last}].activation`,
      'Sigmoid for the output layer, as loss.name BCELoss takes probabilities ' +
        '(or use BCEWithLogitsLoss on raw outputs)',
      output.activation,
    );
  }
  if (training.dropLast && training.batchSize > sizes.train) {
    reject(
      'training.batchSize',
      `${training.batchSize} is larger than the ${sizes.train} training rows, so ` +
        'training.dropLast would leave no batch; lower it or turn dropLast off',
    );
  }
}

export const TOP_FIELDS = [
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
 *
 * A generated dataset's shape is known, so the model, loss and split are checked against it.
 * For data.name "supplied", pass the supplied data's shape (suppliedShape) to check the same;
 * without it those checks are left to the engine.
 */
export function validateScene(input: unknown, supplied?: DataShape | null): Scene {
  const top = object(input, '', TOP_FIELDS);
  if (top.format !== SCENE_FORMAT) fail('format', `"${SCENE_FORMAT}"`, top.format);
  const seed = number(top.seed, 'seed', LIMITS.seed);
  const sceneData = data(top.data);

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

  const scene: Scene = {
    format: SCENE_FORMAT,
    seed,
    data: sceneData,
    ...(learner as LearnerSpec & { optimizer: SceneOptimizer }),
    training: training(top.training),
  };
  const shape =
    sceneData.name !== SUPPLIED ? generatedShape(sceneData) : (supplied ?? sceneShape(sceneData));
  checkCombination(scene, shape);
  return scene;
}
