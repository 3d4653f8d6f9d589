// The scene document's types: a Scene is the engine's LearnerSpec plus the seed, the data (a
// generator's or supplied rows) and the training options, all plain JSON.
import type {
  ActivationName,
  DatasetName,
  EngineConfig,
  FeatureName,
  LayerSpec,
  LearnerSpec,
  LossSpec,
  ModelSpec,
  OptimizerSpec,
} from '../wasm/core.mjs';
import type { ShippedDataset } from './datasets.ts';

export const SCENE_FORMAT = 'nn-playground/scene@1';

/** data.name of a scene whose rows are passed to the Trainer beside the config. */
export const SUPPLIED = 'supplied';

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

/** A scene whose rows are a shipped dataset's. */
export type ShippedScene = Scene & { data: SuppliedSceneData & { dataset: ShippedDataset } };

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

/** The rows a scene trains on (a generator's, its own or supplied data's): the engine's type. */
export type { DataShape } from '../wasm/core.mjs';

export const activationName = (a: LayerSpec['activation']): ActivationName =>
  typeof a === 'string' ? a : a.name;
