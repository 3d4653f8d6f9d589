// Types for the Embind module built from wasm/bindings.cpp (emcc 3.1.6 has no --emit-tsd).
// Keep in step with wasm/bindings.cpp (and adapters.h) and core/src/spec/spec_json.cpp (which reads the configs):
// web/test/engine.test.ts exercises every binding.
//
// The vocabulary is torch's: class names, and their keyword arguments spelled as torch spells
// them (snake_case), exactly as in parity fixtures (docs/parity.md). Optional fields take
// PyTorch's defaults.

export type ActivationName =
  | 'Identity'
  | 'Sigmoid'
  | 'Tanh'
  | 'ReLU'
  | 'LeakyReLU'
  | 'ELU'
  | 'GELU'
  | 'SiLU'
  | 'Softplus'
  | 'Softmax'
  | 'LogSoftmax';
export type LossName =
  | 'MSELoss'
  | 'L1Loss'
  | 'HuberLoss'
  | 'BCELoss'
  | 'BCEWithLogitsLoss'
  | 'CrossEntropyLoss'
  | 'NLLLoss'
  | 'MultiMarginLoss';
export type OptimizerName = 'SGD' | 'Adagrad' | 'RMSprop' | 'Adam' | 'AdamW';
export type SchedulerName = 'StepLR' | 'ExponentialLR' | 'CosineAnnealingLR' | 'LinearLR';
export type InitName =
  | 'default'
  | 'zeros'
  | 'constant'
  | 'uniform'
  | 'xavier_uniform'
  | 'xavier_normal'
  | 'kaiming_uniform'
  | 'kaiming_normal';
export type DatasetName =
  | 'circle'
  | 'xor'
  | 'gauss'
  | 'spiral'
  | 'moons'
  | 'blobs'
  | 'spirals'
  | 'checkerboard'
  | 'plane'
  | 'multigauss'
  | 'sine'
  | 'polynomial';
/** TensorFlow Playground's input features for 2-D data. */
export type FeatureName = 'x1' | 'x2' | 'x1^2' | 'x2^2' | 'x1*x2' | 'sin(x1)' | 'sin(x2)';

/** An activation module: the class name with its keyword arguments. */
export interface ActivationSpec {
  name: ActivationName;
  /** LeakyReLU (default 0.01). */
  negative_slope?: number;
  /** ELU (default 1). */
  alpha?: number;
  /** GELU: "none" (exact, erf) or "tanh". */
  approximate?: 'none' | 'tanh';
  /** Softplus (defaults 1 and 20). */
  beta?: number;
  threshold?: number;
  /** Softmax/LogSoftmax: only the feature axis (1) is supported. */
  dim?: 1;
}

export interface LayerSpec {
  /** Output units of nn.Linear(previous, units). */
  units: number;
  /** Applied after the Linear layer; a bare name means default arguments. */
  activation: ActivationName | ActivationSpec;
  /** Inverted dropout after the activation while training (0 ≤ p < 1). */
  dropout?: number;
}

export interface ModelSpec {
  inputs: number;
  /** Hidden layers, then the output layer. */
  layers: LayerSpec[];
}

export interface LossSpec {
  name: LossName;
  reduction?: 'mean' | 'sum';
  /** HuberLoss. */
  delta?: number;
  /** CrossEntropyLoss. */
  label_smoothing?: number;
  /** MultiMarginLoss (p = 1). */
  margin?: number;
}

export interface OptimizerSpec {
  name: OptimizerName;
  lr?: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weight_decay?: number;
  lr_decay?: number;
  initial_accumulator_value?: number;
  eps?: number;
  alpha?: number;
  centered?: boolean;
  betas?: [number, number];
  amsgrad?: boolean;
  /** Biases in a second parameter group with weight_decay 0. */
  no_decay_bias?: boolean;
}

export interface SchedulerSpec {
  name: SchedulerName;
  step_size?: number;
  gamma?: number;
  T_max?: number;
  eta_min?: number;
  start_factor?: number;
  end_factor?: number;
  total_iters?: number;
}

export interface InitSpec {
  /** torch.nn.init scheme for weights; "default" is nn.Linear's U(±1/√fan_in) for weights and biases. */
  weight?: InitName;
  /** For "constant". */
  constant?: number;
  /** For "uniform": U(a, b) whatever the fan-in (torch.nn.init.uniform_; defaults 0 and 1). */
  a?: number;
  b?: number;
  /** Bias value for every scheme except "default". */
  bias?: number;
}

/** Everything that turns a batch into an update (the keys of a parity fixture). */
export interface LearnerSpec {
  model: ModelSpec;
  loss: LossSpec;
  optimizer: OptimizerSpec;
  scheduler?: SchedulerSpec | null;
  /** max_norm of clip_grad_norm_ (null: off). */
  clip_grad_norm?: number | null;
  /** clip_value of clip_grad_value_ (null: off). */
  clip_grad_value?: number | null;
  /** objective += l1·Σ|w| over weight matrices. */
  l1?: number;
  init?: InitSpec;
}

/** A whole training run; the page's scene is translated into this. */
export interface EngineConfig extends LearnerSpec {
  /** Seeds data generation, the split, initialisation, dropout and the per-epoch shuffle (PCG32). */
  seed: number;
  data: {
    /** A generator, or "supplied" when the data is passed to the Trainer. */
    name: DatasetName | 'supplied';
    /** Points generated in total, before the split (generators only). */
    samples?: number;
    /** 0 … 1, TensorFlow Playground's slider / 100 (generators only). */
    noise?: number;
    /** blobs (2–6) and spirals (2–5). */
    classes?: number;
    /** Fraction of points for training (default 0.5). */
    trainFraction?: number;
    /** Fraction for validation (default 0); the test set takes the rest. */
    validationFraction?: number;
    /** 2-D data: the network's inputs (default the raw x1, x2). */
    features?: FeatureName[];
    /** Standardise inputs with the training split's mean and std. */
    standardize?: boolean;
    /** Two classes as targets −1/+1 (TF Playground's) for a regression loss on one output. */
    signedLabels?: boolean;
  };
  training: {
    batchSize: number;
    /** torch DataLoader's drop_last. */
    dropLast?: boolean;
    /** false: one fixed order every epoch, as TensorFlow Playground. */
    shuffle?: boolean;
    /** Epochs between evaluations (history, early stopping). Default 1. */
    evaluateEvery?: number;
    earlyStopping?: { patience: number; minDelta?: number; restoreBest?: boolean };
    /** Gaussian input noise (std) and mixup α, on training batches only. */
    augmentation?: { jitter?: number; mixup?: number };
    /** K networks (1–16) from their own seeds, optionally each on a bootstrap resample; predictions averaged. */
    ensemble?: { members: number; bootstrap?: boolean };
  };
}

/** Rows of raw inputs with one target per row: a class index (classes ≥ 2) or a value (classes 0). */
export interface SuppliedDataset {
  x: Float32Array | number[];
  y: Float32Array | number[];
  features: number;
  classes: number;
}

/** A shipped dataset file (web/public/data/*.nnpd, docs/datasets.md), read by the engine. */
export interface NnpdDataset {
  nnpd: Uint8Array | ArrayBuffer;
  /** Names the file in error messages. */
  name?: string;
}

export type SuppliedData = (SuppliedDataset | NnpdDataset) & {
  /** A separate test set; without it the test set is cut from the data by the split fractions. */
  test?: SuppliedDataset | NnpdDataset;
};

export interface DatasetInfo {
  name: string;
  title: string;
  classNames: string[];
  /** Images: pixel (r, c) is feature r·width + c; 0 otherwise. */
  width: number;
  height: number;
  rows: number;
  features: number;
  classes: number;
  source: string;
  license: string;
}

export interface Metrics {
  loss: number;
  /** NaN for regression or an empty set. */
  accuracy: number;
}

export interface Progress {
  /** Early stopping ended the run; run() takes no more steps. */
  stopped: boolean;
  /** Optimiser steps taken so far. */
  step: number;
  /** Completed passes over the training set. */
  epoch: number;
  /** Training examples consumed so far. */
  samples: number;
  /** Mean mini-batch objective over the steps of the last run() call (NaN if none). */
  batchLoss: number;
}

export interface Evaluation {
  train: Metrics;
  /** NaN fields when there is no validation set. */
  validation: Metrics;
  test: Metrics;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/** One evaluation of Trainer.history(): the metrics, when, the learning rate then, and the
 *  gradient norm of the last step before it. */
export type HistoryRecord = Evaluation & {
  epoch: number;
  step: number;
  lr: number;
  gradNorm: number;
};

export interface ClassPredictions {
  classes: number;
  predicted: Int32Array;
  actual: Int32Array;
}

export interface Trainer {
  /** Takes `steps` optimiser steps inside wasm; throws Error("diverged at step N …") on NaN/Inf loss. */
  run(steps: number): Progress;
  /** Whole epochs (stops early with progress.stopped). */
  runEpochs(epochs: number): Progress;
  progress(): Progress;
  /** One record per recordEvery() evaluations (every training.evaluateEvery epochs), at most
   *  8192 of them (Trainer::kHistoryRecords). */
  history(): HistoryRecord[];
  /** The records from index `first` on (history().slice(first) without converting the rest). */
  historyFrom(first: number): HistoryRecord[];
  /** Evaluations per history record: 1, doubled each time the history is full (every second
   *  record is then dropped, so the indices of the records kept change). */
  recordEvery(): number;
  /** The epoch with the lowest monitored loss so far (validation if any, else train); −1 before any. */
  bestEpoch(): number;
  /** Ensemble size (training.ensemble.members); evaluate() then reports the ensemble. */
  members(): number;
  /** One member's own evaluation (0 … members − 1). */
  evaluateMember(member: number): Evaluation;
  /** A member's parameters by torch name ("0.weight" [out, in] row-major, "0.bias" …): a saved model is a scene plus these. */
  parameters(member: number): Record<string, Float32Array>;
  /** Sets every parameter of a member (all names required; unknown names or wrong lengths throw). */
  setParameters(member: number, params: Record<string, Float32Array | number[]>): void;
  /** Mean loss and accuracy on the full train and test sets (no dropout, no gradient). */
  evaluate(): Evaluation;
  /**
   * P(class 1) on a resolution×resolution grid (logits and log-probabilities are converted;
   * a regression loss gives the raw output), row 0 at yMax, row-major; a copy.
   */
  predictGrid(
    resolution: number,
    xMin: number,
    xMax: number,
    yMin: number,
    yMax: number,
  ): Float32Array;
  /** counts[actual·classes + predicted] on a split (one output counts as class 1 at ≥ 0.5, or ≥ 0 for BCEWithLogitsLoss). */
  confusion(split: 'train' | 'test'): { classes: number; counts: Int32Array };
  /**
   * Every class's probability on the grid, resolution² × k floats (k = outputs; an ensemble: the
   * members' mean; a one-output binary model gives P(class 1); a regression its raw output), row 0 at yMax.
   */
  predictGridClasses(
    resolution: number,
    xMin: number,
    xMax: number,
    yMin: number,
    yMax: number,
  ): Float32Array;
  /** Network outputs (an ensemble: its mean probabilities) for n rows of raw inputs, n × outputs; a copy. */
  predict(x: Float32Array | number[], n: number): Float32Array;
  /** Every class's probability for n rows of raw inputs, n × outputs, as the plot shows them (an
   *  ensemble: the members' mean; one output: P(class 1); a regression: the raw output); a copy. */
  predictProbabilities(x: Float32Array | number[], n: number): Float32Array;
  /** [x1, x2, target] per training point (1-D data: [x, target, target]; more features: empty); a copy. */
  trainPoints(): Float32Array;
  validationPoints(): Float32Array;
  /** [x, y, label] per test point; a copy. */
  testPoints(): Float32Array;
  /** The test rows' raw inputs, rows × features (an image's pixels row-major); a copy. */
  testInputs(): Float32Array;
  /** The test rows' targets as the data holds them, rows × targets (a regression's values); a copy. */
  testTargets(): Float32Array;
  /** Each test row's predicted and actual class (member 0, as confusion()); empty arrays and
   *  classes 0 for a regression. */
  testPredictions(): ClassPredictions;
  /** The learning rate now (the schedule's, after its last step). */
  learningRate(): number;
  /** The one route for changes mid-run, without a reset: the learning rate (it becomes the
   *  schedule's new base), regularisation, and dropout (every layer's p; the output layer's must be 0). */
  setHyperparameters(h: {
    lr?: number;
    l1?: number;
    weight_decay?: number;
    dropout?: number[];
  }): void;
  /** A member's gradients from its last step by torch name (as parameters(); after clipping; zeros before the first step). */
  gradients(member: number): Record<string, Float32Array>;
  /**
   * Every unit's post-activation output of member 0 on a resolution×resolution grid of the plane
   * (2-D data only), evaluation mode, through the scene's features and standardisation: map u
   * is [u·r², (u+1)·r²), row 0 at yMax, u over the network inputs, then each layer's units
   * (the output layer last). Resolution 1 … 256; a copy.
   */
  neuronMaps(
    resolution: number,
    xMin: number,
    xMax: number,
    yMin: number,
    yMax: number,
  ): Float32Array;
  /** Frees the C++ object; the handle is unusable afterwards. */
  delete(): void;
}

/** One model with its loss and optimiser; the caller supplies every batch (PyTorch's step). */
export interface Learner {
  /** named_parameters() order: "0.weight", "0.bias", "2.weight", … */
  parameterNames(): string[];
  /** Weight data is [out, in] row-major, bias [out], as PyTorch stores them. */
  setParameter(name: string, data: Float32Array | number[]): void;
  parameter(name: string): Float32Array;
  /** .grad after the last computeGradients (before clipping). */
  gradient(name: string): Float32Array;
  /** zero_grad, forward, loss (+ L1), backward; returns the objective. y: n × yCols (class indices as numbers when yCols = 1). */
  computeGradients(
    x: Float32Array | number[],
    n: number,
    y: Float32Array | number[],
    yCols: number,
  ): number;
  /** Clip by norm, clip by value, optimizer.step(), scheduler.step(). */
  applyUpdate(): void;
  step(x: Float32Array | number[], n: number, y: Float32Array | number[], yCols: number): number;
  /** `steps` (1 … 1e9) steps on the same batch inside wasm; returns the last objective (benchmarks, overfitting one batch). */
  trainOnBatch(
    x: Float32Array | number[],
    n: number,
    y: Float32Array | number[],
    yCols: number,
    steps: number,
  ): number;
  lr(): number;
  steps(): number;
  /** false: record every step on the autograd tape instead of the tape-free MLP step (same results; for benchmarks). */
  setTapeFree(on: boolean): void;
  /** Whether steps skip the tape (true unless setTapeFree(false)). */
  tapeFree(): boolean;
  delete(): void;
}

/** Rosenblatt's perceptron on a generated 2-D two-class dataset, trained by the perceptron rule. */
export interface Perceptron {
  /** Up to `epochs` (0 … 10,000) more epochs; stops at convergence (an epoch with no mistake) or a detected cycle. */
  run(epochs: number): {
    epochs: number;
    /** Mistakes (updates) in the last epoch. */
    mistakes: number;
    converged: boolean;
    cycling: boolean;
    cycleLength: number;
    accuracy: number;
    w1: number;
    w2: number;
    bias: number;
  };
  points(): Float32Array;
  delete(): void;
}

export interface CoreModule {
  /** xsimd architecture the kernels were compiled for, e.g. "wasm/4". */
  simdArch(): string;
  /** The allocator's bytes in use: what emmalloc has taken from the heap, less what is free in it
   *  (walks the free blocks: for measurements, not for every frame). */
  heapInUse(): number;
  /** Emscripten's runtime: the heap as bytes (replaced when the memory grows). */
  HEAP8: Int8Array;
  /** Embind's live handles on JS values (val) that C++ holds or hands to JS. */
  count_emval_handles(): number;
  /** Throws Error with a message naming the bad field when the config is invalid. */
  Trainer: new (config: EngineConfig | string, data?: SuppliedData) => Trainer;
  /** spec: a LearnerSpec or a whole parity fixture (extra keys are ignored); seed: for init and dropout. */
  Learner: new (spec: LearnerSpec | string, seed: number) => Learner;
  /**
   * Every problem of a scene (docs/scene.schema.json; an object or its JSON text), [] when there
   * is none: its fields against the catalogue, then the rules that tie them together and to the
   * data. For data.name "supplied" without rows of its own, pass the data's shape to check the
   * model, loss and split against it (without it, those are left to the Trainer).
   */
  validateScene(scene: object | string, shape?: DataShape | null): Problem[];
  /** The rows each set gets from data of `shape`, as the Trainer cuts them (⌊rows·fraction⌋;
   *  with a separate test set the validation fraction of the rows is held out and test is null).
   *  Sets may come out empty: validateScene says whether that is allowed. */
  splitSizes(
    split: { trainFraction: number; validationFraction?: number },
    shape: DataShape,
  ): SplitSizes;
  /** Reads a .nnpd file's header and trailer (throws Error naming the problem for a bad file). */
  datasetInfo(bytes: Uint8Array | ArrayBuffer, name: string): DatasetInfo;
}

/** A problem of a scene: the path of the field to change ("optimizer.lr",
 *  "model.layers[2].units"; "" for the scene itself) and a message naming it. */
export interface Problem {
  path: string;
  message: string;
}

/** The sizes of the train, validation and test sets (splitSizes). */
export interface SplitSizes {
  train: number;
  validation: number;
  /** null: a separate test set (its size is the supplied test set's). */
  test: number | null;
}

/** The rows supplied data brings, as validateScene needs them. */
export interface DataShape {
  rows: number;
  features: number;
  /** 0 for a regression. */
  classes: number;
  /** The test set comes separately (SuppliedData.test). */
  separateTest?: boolean;
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

/** One keyword argument of a class (torch's name), e.g. SGD's momentum. */
export interface CatalogueArg {
  name: string;
  /** number: in `range` (an integer when range.integer); choice: one of `choices`; pair: [a, b],
   *  each in `range` (Adam's betas). */
  type: 'number' | 'boolean' | 'choice' | 'pair';
  /** torch's default; absent where torch has none (StepLR's step_size). */
  default?: number | boolean | string | [number, number];
  /** A scene must give it: an argument without a default, and every optimiser's lr. */
  required?: boolean;
  range?: Range;
  choices?: string[];
}

/** What the engine accepts (core/include/nnp/catalogue.h): names in its order, each class's
 *  keyword arguments with torch's defaults and the playground's ranges, the generators, the input
 *  features and the limits of the other fields. */
export interface EngineCatalogue {
  /** The scene format the engine reads. */
  format: string;
  /** The fields each part of a scene takes (a class's keyword arguments are in its entry);
   *  data's dataset and rows and the scene's format are the page's, not the engine config's. */
  fields: {
    scene: string[];
    data: string[];
    rows: string[];
    model: string[];
    layer: string[];
    init: string[];
    training: string[];
    earlyStopping: string[];
    augmentation: string[];
    ensemble: string[];
  };
  activations: { name: ActivationName; args: CatalogueArg[] }[];
  /** target: what the loss compares the outputs with — a number (a regression), a 0/1 label on
   *  one output (two classes), or a class index with one output per class. mixup: takes mixup's
   *  blended targets. */
  losses: {
    name: LossName;
    args: CatalogueArg[];
    target: 'value' | 'binary' | 'index';
    mixup: boolean;
  }[];
  /** loss.reduction values a training run accepts. */
  reductions: ('mean' | 'sum')[];
  optimizers: { name: OptimizerName; args: CatalogueArg[] }[];
  schedulers: { name: SchedulerName; args: CatalogueArg[] }[];
  /** args: init.constant / init.a, init.b, used by this scheme only; bias: takes init.bias. */
  inits: { name: InitName; args: CatalogueArg[]; bias: boolean }[];
  /** The generators, in the order the page lists them. */
  datasets: {
    name: DatasetName;
    title: string;
    task: 'classification' | 'regression';
    /** Raw features per point: 2 (a point of the plane) or 1 (x of a curve). */
    features: 1 | 2;
    /** Fixed when min = max (0 … 0 for a regression); default: when data.classes is absent. */
    classes: { min: number; max: number; default: number };
    description: string;
  }[];
  /** TensorFlow Playground's input features for 2-D data (data.features). */
  features: FeatureName[];
  limits: CatalogueLimits;
  /** Bytes a scene may take, as the engine estimates them (core/src/spec/memory_estimate.cpp). */
  memoryBudget: number;
}

/** The ranges of a scene's fields that are not a class's keyword argument. */
export interface CatalogueLimits {
  seed: Range;
  samples: Range;
  noise: Range;
  trainFraction: Range;
  validationFraction: Range;
  /** model.inputs, and the features of a scene's own rows (a CSV file's columns but its target). */
  inputs: Range;
  /** Supplied data's rows, each set (a CSV file's, a scene's own, an image dataset's). */
  rows: Range;
  /** The length of model.layers. */
  layers: Range;
  units: Range;
  dropout: Range;
  /** The classes of a scene's own rows (0: a regression). */
  classes: Range;
  clip_grad_norm: Range;
  clip_grad_value: Range;
  l1: Range;
  /** init.constant, init.a, init.b and init.bias. */
  initValue: Range;
  batchSize: Range;
  evaluateEvery: Range;
  patience: Range;
  minDelta: Range;
  jitter: Range;
  mixup: Range;
  members: Range;
}

/**
 * core-tools.mjs's module (core-tools.wasm, core-tools-fma.wasm): the page's module plus what only
 * scripts, tests and benchmarks call.
 */
export interface ToolsCoreModule extends CoreModule {
  /** The engine's catalogue (web/src/scene/engine-catalogue.json is this, committed). */
  catalogue(): EngineCatalogue;
  /** Seconds for `reps` (1 … 10⁶) products C = op(A)·op(B) (form 0 A·B, 1 Aᵀ·B, 2 A·Bᵀ), m×k by k×n
   *  (each matrix within the memory budget, 2·m·n·k·reps ≤ 10¹²). For benchmarks. */
  benchMatmul(m: number, n: number, k: number, reps: number, form: number): number;
  /**
   * The roofline: `iters` (1…1e9) rounds of independent SIMD multiplies and adds held in registers,
   * this machine's single-thread multiply-add peak. checksum is 11.625 + 6·iters (below 2²⁴).
   */
  benchPeak(iters: number): RooflineRun;
  /** The GEMM micro-kernel alone, `reps` (1…1e9) times on L1-resident packed panels. */
  benchGemmKernel(reps: number): RooflineRun;
  /** The perceptron lesson's class (the page's modules leave it out: the perceptron lab has its
   *  own, in core-labs.wasm). */
  Perceptron: new (
    dataset: DatasetName,
    samples: number,
    noise: number,
    seed: number,
    lr: number,
  ) => Perceptron;
}

/** One timed roofline run: GFLOP/s = flops / seconds / 1e9. */
export interface RooflineRun {
  seconds: number;
  flops: number;
  checksum: number;
}

export interface CoreOptions {
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the module's own error lines go (console.warn by default). */
  printErr?: (text: string) => void;
  /** Instantiates the module itself (engine/core-instance.ts: from a module compiled before):
   *  calls `receive` with the instance; returns `{}` when that happens later. */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => WebAssembly.Exports | Record<string, never>;
}

export default function createCore(options?: CoreOptions): Promise<CoreModule>;
