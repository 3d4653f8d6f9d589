// The scene document: everything needed to reproduce a run, as versioned JSON.
// Pure module (no DOM, no wasm); names follow torch.nn / torch.optim like the engine contract.
import type {
  ActivationName,
  DatasetName,
  EngineConfig,
  LayerSpec,
  LossName,
  OptimizerName,
} from './wasm/core.mjs';

export const SCENE_FORMAT = 'nn-playground/scene@1';

export const ACTIVATIONS: readonly ActivationName[] = ['Identity', 'Sigmoid', 'Tanh', 'ReLU'];
export const LOSSES: readonly LossName[] = ['MSELoss', 'BCELoss'];
export const OPTIMIZERS: readonly OptimizerName[] = ['SGD'];
export const DATASETS: readonly DatasetName[] = ['circle'];

export interface Scene {
  /** Format tag and version; a different version is rejected, never guessed at. */
  format: typeof SCENE_FORMAT;
  /** Seeds data, initial weights and the shuffle: same scene, same run. */
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
  network: {
    /** Input features per point (x, y for the 2-D datasets). */
    inputs: number;
    /** Hidden layers, then the output layer: each is nn.Linear followed by an activation. */
    layers: LayerSpec[];
  };
  loss: { name: LossName };
  optimizer: {
    name: OptimizerName;
    /** Learning rate. */
    lr: number;
  };
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
    network: {
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

/** Translates a (validated) scene into the engine's constructor argument. */
export function sceneToEngineConfig(scene: Scene): EngineConfig {
  return {
    seed: scene.seed,
    data: { ...scene.data },
    network: {
      inputs: scene.network.inputs,
      layers: scene.network.layers.map((layer) => ({ ...layer })),
    },
    loss: { name: scene.loss.name },
    optimizer: { name: scene.optimizer.name, lr: scene.optimizer.lr },
    batchSize: scene.training.batchSize,
  };
}

// ---- validation ---------------------------------------------------------------------------

type Fields = Record<string, unknown>;

function where(path: string): string {
  return path ? `scene.${path}` : 'scene';
}

function fail(path: string, expected: string, value: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  throw new Error(`${where(path)}: expected ${expected}, got ${shown}`);
}

function object(value: unknown, path: string, keys: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'an object', value);
  }
  const fields = value as Fields;
  for (const key of Object.keys(fields)) {
    if (!keys.includes(key))
      throw new Error(`${where(path ? `${path}.${key}` : key)}: unknown field`);
  }
  return fields;
}

function number(value: unknown, path: string, min: number, max: number, integer = false): number {
  const kind = integer ? 'an integer' : 'a number';
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value))
  ) {
    fail(path, `${kind} in [${min}, ${max}]`, value);
  }
  if (value < min || value > max) fail(path, `${kind} in [${min}, ${max}]`, value);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

/** Limits a scene may take; the engine re-checks what it depends on. */
export const LIMITS = {
  samples: [10, 10_000],
  noise: [0, 0.5],
  trainFraction: [0.05, 0.95],
  inputs: [1, 64],
  layers: [1, 16],
  units: [1, 256],
  lr: [1e-6, 10],
  batchSize: [1, 10_000],
} as const;

/**
 * Checks an untrusted value (parsed JSON, a message, a URL) and returns a fresh, well-typed copy.
 * Throws an Error whose message starts with the path of the first bad field, e.g.
 * "scene.network.layers[1].activation: expected one of …".
 */
export function validateScene(input: unknown): Scene {
  const top = object(input, '', [
    'format',
    'seed',
    'data',
    'network',
    'loss',
    'optimizer',
    'training',
  ]);
  if (top.format !== SCENE_FORMAT) fail('format', `"${SCENE_FORMAT}"`, top.format);
  const seed = number(top.seed, 'seed', 0, 2 ** 32 - 1, true);

  const d = object(top.data, 'data', ['name', 'samples', 'noise', 'trainFraction']);
  const data = {
    name: oneOf(d.name, 'data.name', DATASETS),
    samples: number(d.samples, 'data.samples', ...LIMITS.samples, true),
    noise: number(d.noise, 'data.noise', ...LIMITS.noise),
    trainFraction: number(d.trainFraction, 'data.trainFraction', ...LIMITS.trainFraction),
  };

  const n = object(top.network, 'network', ['inputs', 'layers']);
  const inputs = number(n.inputs, 'network.inputs', ...LIMITS.inputs, true);
  const [minLayers, maxLayers] = LIMITS.layers;
  if (!Array.isArray(n.layers) || n.layers.length < minLayers || n.layers.length > maxLayers) {
    fail('network.layers', `an array of ${minLayers} to ${maxLayers} layers`, n.layers);
  }
  const layers = (n.layers as unknown[]).map((raw, i): LayerSpec => {
    const path = `network.layers[${i}]`;
    const layer = object(raw, path, ['units', 'activation']);
    return {
      units: number(layer.units, `${path}.units`, ...LIMITS.units, true),
      activation: oneOf(layer.activation, `${path}.activation`, ACTIVATIONS),
    };
  });

  const l = object(top.loss, 'loss', ['name']);
  const o = object(top.optimizer, 'optimizer', ['name', 'lr']);
  const t = object(top.training, 'training', ['batchSize']);
  return {
    format: SCENE_FORMAT,
    seed,
    data,
    network: { inputs, layers },
    loss: { name: oneOf(l.name, 'loss.name', LOSSES) },
    optimizer: {
      name: oneOf(o.name, 'optimizer.name', OPTIMIZERS),
      lr: number(o.lr, 'optimizer.lr', ...LIMITS.lr),
    },
    training: { batchSize: number(t.batchSize, 'training.batchSize', ...LIMITS.batchSize, true) },
  };
}
