// TensorFlow Playground links: its hash (`#activation=tanh&batchSize=10&…`, grammar and keys in
// ../shared/docs/anchors.md §A.7) read as one of our scenes, with a note on what differs.
//
// The mapping (anchors.md §A.4 and the import table after §A.7):
//   - hidden layers: networkShape widths (`networkShape=` is none), each with `activation`;
//   - output: 1 Tanh unit on TF's −1/+1 labels (data.signedLabels) for classification, 1 Identity
//     unit for regression; MSELoss;
//   - SGD with lr = learningRate / 2 (our MSELoss is mean((p−t)²), TF's is ½·mean, so our gradient
//     is twice TF's; halving lr makes each step the size of TF's), and penalty rates doubled to
//     match: L1 → l1 = 2·rate, L2 → weight_decay = 2·rate with no_decay_bias (weights only);
//   - init: TF's U(−0.5, 0.5) weights whatever the fan-in (torch.nn.init.uniform_) with 0.1
//     biases, or zeros with `initZero`;
//   - data: dataset / regDataset by problem, noise / 100, percTrainData / 100, 500 points (1200
//     for a regression), TF's input features in its INPUTS order, fixed order (shuffle false),
//     batchSize; the seed string hashed (FNV-1a) to our numeric seed.
// Absent keys take TF's defaults; unknown or malformed values keep the default and are listed.
// `<id>_hide=true` keys are collected (with `hideText=true` as "text") for the embedding work.
// Pure module (no DOM).
import type { FeatureName, LayerSpec } from '../wasm/core.mjs';
import { LIMITS, SCENE_FORMAT, type GeneratedScene } from '../scene/index.ts';

/** What a TF Playground link opens as. */
export interface TfpImport {
  scene: GeneratedScene;
  /** The `<id>` of every `<id>_hide=true` key in the link's order ("text" for hideText=true). */
  hide: string[];
  /** TF's view options (this page has no such switches yet). */
  view: { showTestData: boolean; discretize: boolean };
  /** What differs from TF Playground, one sentence each. */
  differences: string[];
  /** Keys and values that were unknown or malformed and so ignored (the default kept). */
  ignored: string[];
}

/** TF's state keys (PROPS order, anchors.md §A.7). */
export const TFP_KEYS = [
  'activation',
  'regularization',
  'batchSize',
  'dataset',
  'regDataset',
  'learningRate',
  'regularizationRate',
  'noise',
  'networkShape',
  'seed',
  'showTestData',
  'discretize',
  'percTrainData',
  'x',
  'y',
  'xTimesY',
  'xSquared',
  'ySquared',
  'cosX',
  'sinX',
  'cosY',
  'sinY',
  'collectStats',
  'tutorial',
  'problem',
  'initZero',
  'hideText',
] as const;

/** The controls TF can hide (HIDABLE_CONTROLS, anchors.md §A.6). */
export const TFP_HIDABLE = [
  'showTestData',
  'discretize',
  'playButton',
  'stepButton',
  'resetButton',
  'learningRate',
  'activation',
  'regularization',
  'regularizationRate',
  'problem',
  'dataset',
  'percTrainData',
  'noise',
  'batchSize',
  'numHiddenLayers',
] as const;

/** TF's INPUTS in its order, with our feature names. */
const INPUTS: readonly (readonly [string, FeatureName])[] = [
  ['x', 'x1'],
  ['y', 'x2'],
  ['xSquared', 'x1^2'],
  ['ySquared', 'x2^2'],
  ['xTimesY', 'x1*x2'],
  ['sinX', 'sin(x1)'],
  ['sinY', 'sin(x2)'],
];

const ACTIVATION = { relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Identity' } as const;
const CLASS_DATASETS = { circle: 'circle', xor: 'xor', gauss: 'gauss', spiral: 'spiral' } as const;
const REG_DATASETS = { 'reg-plane': 'plane', 'reg-gauss': 'multigauss' } as const;

/** True when `hash` (with or without '#') uses TF Playground's keys. */
export function isTfpHash(hash: string): boolean {
  const keys = splitHash(hash).map(([key]) => key);
  return keys.some((key) => (TFP_KEYS as readonly string[]).includes(key) || key.endsWith('_hide'));
}

/** TF's grammar: split on '&', each pair on '=' keeping the first two parts; no URL-decoding. */
function splitHash(hash: string): [string, string | undefined][] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return [];
  return body.split('&').map((pair) => {
    const [key = '', value] = pair.split('=');
    return [key, value];
  });
}

/** 32-bit FNV-1a of the UTF-16 code units: TF's seed string → our numeric seed. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** Reads a TF Playground hash (with or without '#'). Never throws: what it cannot use it lists. */
export function importTfpHash(hash: string): TfpImport {
  const ignored: string[] = [];
  const values = new Map<string, string>();
  const hide: string[] = [];
  for (const [key, value] of splitHash(hash)) {
    if (key === '') continue;
    if (value === undefined) {
      ignored.push(`"${key}" has no value`);
    } else if (key.endsWith('_hide')) {
      const id = key.slice(0, -'_hide'.length);
      const known =
        (TFP_HIDABLE as readonly string[]).includes(id) ||
        INPUTS.some(([input]) => input === id) ||
        /^numNodes\d+$/.test(id);
      if (!known) ignored.push(`${key}=${value}: "${id}" is not a control TF Playground can hide`);
      else if (value === 'true' && !hide.includes(id)) hide.push(id);
    } else if ((TFP_KEYS as readonly string[]).includes(key)) {
      values.set(key, value);
    } else {
      ignored.push(`unknown key "${key}"`);
    }
  }

  const bad = (key: string, value: string, why: string, kept: string): void => {
    ignored.push(`${key}=${value}: ${why}; kept ${kept}`);
  };
  /** An enum value; TF ignores an unknown one. */
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = values.get(key);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    bad(key, value, `expected one of ${allowed.join(', ')}`, fallback);
    return fallback;
  };
  /** A number, as TF's `+value`, checked to be finite and to pass `ok`. */
  const numeric = (
    key: string,
    fallback: number,
    ok: (n: number) => boolean,
    expected: string,
  ): number => {
    const value = values.get(key);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || !ok(n)) {
      bad(key, value, `expected ${expected}`, String(fallback));
      return fallback;
    }
    return n;
  };
  /** TF's booleans: "false" is false, any other non-empty value true. */
  const flag = (key: string, fallback: boolean): boolean => {
    const value = values.get(key);
    if (value === undefined || value === '') return fallback;
    return value !== 'false';
  };

  const activation =
    ACTIVATION[choice('activation', ['relu', 'tanh', 'sigmoid', 'linear'], 'tanh')];
  const regularization = choice('regularization', ['none', 'L1', 'L2'], 'none');
  const problem = choice('problem', ['classification', 'regression'], 'classification');
  const classDataset = choice('dataset', ['circle', 'xor', 'gauss', 'spiral'], 'circle');
  const regDataset = choice('regDataset', ['reg-plane', 'reg-gauss'], 'reg-plane');
  const regression = problem === 'regression';

  const learningRate = numeric(
    'learningRate',
    0.03,
    (n) => n / 2 >= LIMITS.lr.min && n / 2 <= LIMITS.lr.max,
    `a number in [${2 * LIMITS.lr.min}, ${2 * LIMITS.lr.max}] (halved here)`,
  );
  let rate = numeric('regularizationRate', 0, (n) => n >= 0, 'a number ≥ 0');
  const rateLimit = regularization === 'L1' ? LIMITS.l1.max : LIMITS.weight_decay.max;
  if (regularization !== 'none' && 2 * rate > rateLimit) {
    ignored.push(
      `regularizationRate=${values.get('regularizationRate')}: doubled it exceeds this ` +
        `playground's limit ${rateLimit}; clamped to ${rateLimit / 2}`,
    );
    rate = rateLimit / 2;
  }
  const batchSize = numeric(
    'batchSize',
    10,
    (n) => Number.isInteger(n) && n >= LIMITS.batchSize.min && n <= LIMITS.batchSize.max,
    `an integer in [${LIMITS.batchSize.min}, ${LIMITS.batchSize.max}]`,
  );
  let noise = numeric('noise', 0, () => true, 'a percentage');
  if (noise < 0) {
    ignored.push(`noise=${values.get('noise')}: below 0; set to 0, as TF does`);
    noise = 0;
  } else if (noise > 100 * LIMITS.noise.max) {
    ignored.push(
      `noise=${values.get('noise')}: above this playground's ${100 * LIMITS.noise.max} %; ` +
        `clamped to ${100 * LIMITS.noise.max}`,
    );
    noise = 100 * LIMITS.noise.max;
  }
  const percTrainData = numeric(
    'percTrainData',
    50,
    (n) => n >= 100 * LIMITS.trainFraction.min && n <= 100 * LIMITS.trainFraction.max,
    `a percentage in [${100 * LIMITS.trainFraction.min}, ${100 * LIMITS.trainFraction.max}]`,
  );

  let hidden = [4, 2];
  const shape = values.get('networkShape');
  if (shape === '') {
    hidden = [];
  } else if (shape !== undefined) {
    const widths = shape.split(',').map((w) => (w.trim() === '' ? NaN : Number(w)));
    const { units, layers } = LIMITS;
    if (
      widths.length > layers.max - 1 ||
      !widths.every((w) => Number.isInteger(w) && w >= units.min && w <= units.max)
    ) {
      bad(
        'networkShape',
        shape,
        `expected up to ${layers.max - 1} comma-separated widths, each an integer in ` +
          `[${units.min}, ${units.max}]`,
        '4,2',
      );
    } else {
      hidden = widths;
    }
  }

  const features = INPUTS.filter(([key]) => flag(key, key === 'x' || key === 'y')).map(
    ([, name]) => name,
  );
  if (features.length === 0) {
    ignored.push('no input feature is on (TF would have no inputs); kept x, y');
    features.push('x1', 'x2');
  }
  for (const key of ['cosX', 'cosY']) {
    if (flag(key, false)) ignored.push(`${key}=${values.get(key)}: not implemented in TF either`);
  }
  if (values.has('tutorial')) {
    ignored.push(`tutorial=${values.get('tutorial')}: tutorials are not part of this page`);
  }
  if (flag('hideText', false)) hide.push('text');
  const initZero = flag('initZero', false);
  const seedText = values.get('seed');
  const seed = seedText === undefined ? 1 : hashSeed(seedText);

  const layers: LayerSpec[] = hidden.map((units) => ({ units, activation }));
  layers.push({ units: 1, activation: regression ? 'Identity' : 'Tanh' });
  const raw = features.length === 2 && features[0] === 'x1' && features[1] === 'x2';
  const scene: GeneratedScene = {
    format: SCENE_FORMAT,
    seed,
    data: {
      name: regression ? REG_DATASETS[regDataset] : CLASS_DATASETS[classDataset],
      samples: regression ? 1200 : 500,
      noise: round(noise / 100),
      trainFraction: round(percTrainData / 100),
      ...(raw ? {} : { features }),
      ...(regression ? {} : { signedLabels: true }),
    },
    model: { inputs: features.length, layers },
    loss: { name: 'MSELoss' },
    optimizer: { name: 'SGD', lr: round(learningRate / 2) },
    init: initZero
      ? { weight: 'zeros', bias: 0 }
      : { weight: 'uniform', a: -0.5, b: 0.5, bias: 0.1 },
    training: { batchSize, shuffle: false },
  };
  if (rate > 0 && regularization === 'L2') {
    scene.optimizer.weight_decay = round(2 * rate);
    scene.optimizer.no_decay_bias = true;
  } else if (rate > 0 && regularization === 'L1') {
    scene.l1 = round(2 * rate);
  }

  const differences: string[] = [];
  differences.push(
    `The loss is MSELoss, mean((output − target)²), not TF's ½·mean: the loss reads 2× TF's ` +
      `for the same errors, and its gradient is 2× too, so the learning rate is halved (${learningRate} → ` +
      `${scene.optimizer.lr}) to take TF's step size.`,
  );
  if (rate > 0 && regularization === 'L2') {
    differences.push(
      `L2 is SGD's weight_decay ${scene.optimizer.weight_decay} (2 × ${rate}, for the halved ` +
        'learning rate) on weights only, applied with the gradient in one step; TF subtracts ' +
        'lr·rate·w after the gradient step (decoupled), which differs slightly.',
    );
  } else if (rate > 0 && regularization === 'L1') {
    differences.push(
      `L1 is l1 ${scene.l1} (2 × ${rate}, for the halved learning rate) added to the loss over ` +
        'the weights; TF applies it after the gradient step and clamps a weight that crosses 0 ' +
        'to 0, marking the link dead. Here weights can cross 0.',
    );
  }
  differences.push(
    `The points come from this playground's ${scene.data.name} generator seeded with ${seed}` +
      (seedText === undefined
        ? ' (the link has no seed)'
        : ` (a hash of TF's seed "${seedText}"): the same distribution, not TF's points`) +
      ', and so do the initial weights.',
  );
  differences.push(
    'The data order is fixed (no shuffle), as in TF; a last partial batch is trained as a ' +
      'smaller batch instead of carrying its gradients into the next epoch.',
  );
  const view = { showTestData: flag('showTestData', false), discretize: flag('discretize', false) };
  if (!view.showTestData || view.discretize) {
    differences.push(
      'Test points are always shown and the boundary is never discretised here' +
        ` (the link has showTestData=${view.showTestData}, discretize=${view.discretize}).`,
    );
  }
  return { scene, hide, view, differences, ignored };
}
