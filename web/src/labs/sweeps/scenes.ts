// The learning-rate and batch-size lab's scenes: one network on one dataset, trained (a) at eight
// log-spaced learning rates, (b) once with the rate growing every step (the range test: PyTorch's
// ExponentialLR stepped per batch), (c) with the whole training set, mini-batches and single
// samples per step. Each run is a whole scene, so the engine trains it as the playground would
// and the tests train the same scenes headless.
import { SCENE_FORMAT, type GeneratedScene } from '../../scene/index.ts';

/** The lab's settings (in the link). */
export interface SweepSettings {
  /** Epochs of each learning-rate run and of each batch-size run. */
  epochs: number;
  /** The learning rate of the batch-size runs. */
  batchLr: number;
  /** The mini-batch's size in the batch-size runs. */
  miniBatch: number;
}

export const DEFAULT_SWEEP: SweepSettings = { epochs: 40, batchLr: 0.1, miniBatch: 20 };
export const SWEEP_EPOCHS = { min: 5, max: 500 } as const;
/** Sizes that divide the 100 training rows, so every step of an epoch has the same batch. */
export const MINI_BATCHES = [5, 10, 20, 25, 50] as const;
export const BATCH_LRS = [0.01, 0.03, 0.1, 0.3, 1] as const;

/** The learning rates of the sweep: 8 log-spaced from 10⁻³ to 10 (a factor of 10^(4/7)). */
export const SWEEP_RATES: readonly number[] = Array.from({ length: 8 }, (_, i) =>
  Number((10 ** (-3 + (4 * i) / 7)).toPrecision(3)),
);

/** The range test: from this rate to about this one, over this many steps. */
export const RANGE_TEST = { start: 1e-4, end: 10, steps: 300 } as const;

/** ExponentialLR's gamma that takes RANGE_TEST.start to RANGE_TEST.end in RANGE_TEST.steps. */
export const RANGE_GAMMA = Number(
  ((RANGE_TEST.end / RANGE_TEST.start) ** (1 / RANGE_TEST.steps)).toPrecision(6),
);

/** Two noisy moons (100 training points), 2 → 16 → 16 → 2 Tanh, SGD, cross-entropy. */
export function sweepBase(lr: number, batchSize: number): GeneratedScene {
  return {
    format: SCENE_FORMAT,
    seed: 3,
    data: { name: 'moons', samples: 200, noise: 0.2, trainFraction: 0.5 },
    model: {
      inputs: 2,
      layers: [
        { units: 16, activation: 'Tanh' },
        { units: 16, activation: 'Tanh' },
        { units: 2, activation: 'Identity' },
      ],
    },
    loss: { name: 'CrossEntropyLoss' },
    optimizer: { name: 'SGD', lr },
    training: { batchSize },
  };
}

/** The sweep's scenes, one per rate of SWEEP_RATES, mini-batches of 16. */
export function rateScenes(): GeneratedScene[] {
  return SWEEP_RATES.map((lr) => sweepBase(lr, 16));
}

/** The range test's scene: the rate multiplied by RANGE_GAMMA after every step. */
export function rangeScene(): GeneratedScene {
  const scene = sweepBase(RANGE_TEST.start, 16);
  scene.scheduler = { name: 'ExponentialLR', gamma: RANGE_GAMMA };
  return scene;
}

/** The training rows of sweepBase's data (200 × trainFraction 0.5): the full batch. */
export const FULL_BATCH = 100;

export interface BatchRun {
  id: 'full' | 'mini' | 'one';
  title: string;
  batchSize: number;
  scene: GeneratedScene;
}

/** Full batch, mini-batches and batch 1, at the same learning rate. */
export function batchRuns(settings: SweepSettings): BatchRun[] {
  const runs: [BatchRun['id'], string, number][] = [
    ['full', 'Full batch', FULL_BATCH],
    ['mini', `Mini-batch of ${settings.miniBatch}`, settings.miniBatch],
    ['one', 'Batch of 1 (pure SGD)', 1],
  ];
  return runs.map(([id, title, batchSize]) => ({
    id,
    title,
    batchSize,
    scene: sweepBase(settings.batchLr, batchSize),
  }));
}
