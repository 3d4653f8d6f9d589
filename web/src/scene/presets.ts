// Ready-made scenes: the default scene, the page's scene for each generator and for each shipped
// dataset.
import type { DatasetName, LayerSpec } from '../wasm/core.mjs';
import { DATASET_CATALOGUE, type ShippedDataset, takesClasses } from './datasets.ts';
import circle from '../../../docs/scenes/circle.json' with { type: 'json' };
import { type GeneratedScene, SCENE_FORMAT, SUPPLIED, type ShippedScene } from './types.ts';
import { validateScene } from './validate.ts';

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

/**
 * The default scene, the first the page shows: circle data, 2 → 4 Tanh → 4 Tanh → 1 Sigmoid,
 * BCELoss, SGD lr 0.1, batch 10, seed 1. Written once, in docs/scenes/circle.json, which the C++
 * tests' skeleton run (tests/test_config.h), the benchmarks and the e2e tests read too. Each call
 * returns a fresh, checked copy.
 */
export function defaultScene(): GeneratedScene {
  return validateScene(circle) as GeneratedScene;
}

/** What the page's dataset picker chooses; the rest of the scene follows from it. Absent fields
 *  keep the default scene's values (no validation set). */
export interface DatasetChoice {
  name: DatasetName;
  /** blobs and spirals only; default DEFAULT_PICKED_CLASSES. */
  classes?: number;
  noise?: number;
  validationFraction?: number;
  seed?: number;
  /** Points in total. */
  samples?: number;
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
  const base = scene.data;
  const classes = takesClasses(name)
    ? (choice.classes ?? DEFAULT_PICKED_CLASSES)
    : info.classes.min;
  scene.data = {
    name,
    samples: choice.samples ?? base.samples,
    noise: choice.noise ?? base.noise,
    ...(takesClasses(name) ? { classes } : {}),
    trainFraction: choice.trainFraction ?? base.trainFraction,
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
