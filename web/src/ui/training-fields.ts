// The training controls as data: every field's torch name, one-line hint, where it lives in the
// scene and when it applies. Pure (no DOM): training-panel.ts draws them, and a write returns the
// next scene for the page's applyScene, which validates it.
import { defaultWeightDecay } from '../engine/hyperparameters.ts';
import {
  INITS,
  LOSS_ARGS,
  OPTIMIZER_ARGS,
  OPTIMIZERS,
  REDUCTIONS,
  SCHEDULER_ARGS,
  SCHEDULERS,
  splitSizes,
  type Scene,
} from '../scene/index.ts';
import type {
  InitName,
  LossName,
  LossSpec,
  OptimizerName,
  OptimizerSpec,
  SchedulerName,
  SchedulerSpec,
} from '../wasm/core.mjs';
import { classesOf, lossesFor, sceneShape, switchLoss } from './loss-choice.ts';

/** TensorFlow Playground's learning rates. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

export type GroupId =
  | 'loss'
  | 'optimizer'
  | 'scheduler'
  | 'init'
  | 'regularization'
  | 'augmentation'
  | 'earlyStopping'
  | 'ensemble'
  | 'clipping'
  | 'batching';

export const GROUPS: readonly { id: GroupId; title: string }[] = [
  { id: 'loss', title: 'Loss' },
  { id: 'optimizer', title: 'Optimiser' },
  { id: 'regularization', title: 'Regularisation' },
  { id: 'scheduler', title: 'Learning-rate schedule' },
  { id: 'init', title: 'Initialisation' },
  { id: 'batching', title: 'Batches' },
  { id: 'clipping', title: 'Gradient clipping' },
  { id: 'augmentation', title: 'Augmentation' },
  { id: 'earlyStopping', title: 'Early stopping' },
  { id: 'ensemble', title: 'Ensemble' },
];

interface Base {
  /** The data-control id (TF Playground's where one exists); the element id is "tc-" + id. */
  id: string;
  group: GroupId;
  /** The torch name, shown as the label. */
  label: string;
  /** One line, shown on hover and keyboard focus. */
  hint: string;
  /** The scene path its errors name (validateScene's "scene.<path>: …"). */
  path: string;
  shown(scene: Scene): boolean;
}

export interface NumberField extends Base {
  kind: 'number';
  integer?: boolean;
  /** torch's default, shown when the field is empty (empty = leave it out = the default). */
  placeholder(scene: Scene): string;
  read(scene: Scene): number | undefined;
  write(scene: Scene, value: number | undefined): Scene;
}

export interface CheckField extends Base {
  kind: 'check';
  read(scene: Scene): boolean;
  write(scene: Scene, value: boolean): Scene;
}

export interface SelectField extends Base {
  kind: 'select';
  options(scene: Scene): readonly { value: string; label: string }[];
  read(scene: Scene): string;
  /** The next scene, and a note on anything else the choice changed. */
  write(scene: Scene, value: string): { scene: Scene; note: string | null };
}

export type Field = NumberField | CheckField | SelectField;

const always = () => true;
const names = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
const clone = (scene: Scene): Scene => structuredClone(scene);

/** Sets `key` of `target` to `value`, or removes it for undefined (exactOptionalPropertyTypes). */
function put<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

type Where = Omit<Base, 'shown'> & { shown?: (scene: Scene) => boolean };

/** A number field: `get` reads it from a scene, `set` writes it into the copy the write makes. */
function numeric(
  where: Where & {
    integer?: boolean;
    placeholder: string | ((scene: Scene) => string);
    get: (scene: Scene) => number | undefined;
    set: (next: Scene, value: number | undefined) => void;
  },
): NumberField {
  const { get, set, placeholder, shown, integer, ...base } = where;
  return {
    ...base,
    kind: 'number',
    ...(integer ? { integer } : {}),
    shown: shown ?? always,
    placeholder: typeof placeholder === 'string' ? () => placeholder : placeholder,
    read: get,
    write: (scene, value) => {
      const next = clone(scene);
      set(next, value);
      return next;
    },
  };
}

/** A checkbox, built as `numeric` is. */
function checkbox(
  where: Where & {
    get: (scene: Scene) => boolean;
    set: (next: Scene, value: boolean) => void;
  },
): CheckField {
  const { get, set, shown, ...base } = where;
  return {
    ...base,
    kind: 'check',
    shown: shown ?? always,
    read: get,
    write: (scene, value) => {
      const next = clone(scene);
      set(next, value);
      return next;
    },
  };
}

// ---- loss ------------------------------------------------------------------------------------

type LossArg = 'delta' | 'label_smoothing' | 'margin';

function lossArg(id: string, key: LossArg, placeholder: string, hint: string): NumberField {
  return numeric({
    id,
    group: 'loss',
    label: key,
    hint,
    path: `loss.${key}`,
    shown: (s) => (LOSS_ARGS[s.loss.name] as readonly string[]).includes(key),
    placeholder,
    get: (s) => s.loss[key],
    set: (next, value) => put<LossSpec, LossArg>(next.loss, key, value),
  });
}

const lossFields: Field[] = [
  {
    kind: 'select',
    id: 'loss',
    group: 'loss',
    label: 'loss',
    hint: 'What the network is trained to make small; the choices depend on the task.',
    path: 'loss.name',
    shown: always,
    options: (s) => names(lossesFor(classesOf(s))),
    read: (s) => s.loss.name,
    write: (s, value) => switchLoss(s, value as LossName),
  },
  {
    kind: 'select',
    id: 'reduction',
    group: 'loss',
    label: 'reduction',
    hint: 'mean: the batch’s average loss; sum: its total, so the step grows with the batch size.',
    path: 'loss.reduction',
    shown: always,
    options: () => names(REDUCTIONS),
    read: (s) => s.loss.reduction ?? 'mean',
    write: (s, value) => {
      const next = clone(s);
      put(next.loss, 'reduction', value === 'mean' ? undefined : (value as 'sum'));
      return { scene: next, note: null };
    },
  },
  lossArg('delta', 'delta', '1.0', 'Where HuberLoss turns from squared to absolute error.'),
  lossArg(
    'labelSmoothing',
    'label_smoothing',
    '0.0',
    'Moves this share of each target onto the other classes, so the model is never told to be 100 % sure.',
  ),
  lossArg('margin', 'margin', '1', 'How far the true class’s score must lead every other one.'),
];

// ---- optimiser -------------------------------------------------------------------------------

type OptimizerArg = Exclude<keyof OptimizerSpec, 'name' | 'betas'>;
const takes = (s: Scene, key: keyof OptimizerSpec) =>
  (OPTIMIZER_ARGS[s.optimizer.name] as readonly string[]).includes(key);

/** The optimiser's arguments as a plain record (they are numbers or booleans). */
const optimizerRecord = (scene: Scene) => scene.optimizer as unknown as Record<string, unknown>;

function optimizerNumber(
  id: string,
  key: OptimizerArg,
  placeholder: string | ((s: Scene) => string),
  hint: string,
  group: GroupId = 'optimizer',
): NumberField {
  return numeric({
    id,
    group,
    label: key,
    hint,
    path: `optimizer.${key}`,
    shown: (s) => takes(s, key),
    placeholder,
    get: (s) => s.optimizer[key] as number | undefined,
    set: (next, value) => put(optimizerRecord(next), key, value),
  });
}

function optimizerCheck(
  id: string,
  key: OptimizerArg,
  hint: string,
  group: GroupId = 'optimizer',
): CheckField {
  return checkbox({
    id,
    group,
    label: key,
    hint,
    path: `optimizer.${key}`,
    shown: (s) => takes(s, key),
    get: (s) => s.optimizer[key] === true,
    set: (next, value) => put(optimizerRecord(next), key, value ? true : undefined),
  });
}

function beta(index: 0 | 1, fallback: number, hint: string): NumberField {
  return numeric({
    id: `beta${index + 1}`,
    group: 'optimizer',
    label: `betas[${index}]`,
    hint,
    path: `optimizer.betas[${index}]`,
    shown: (s) => takes(s, 'betas'),
    placeholder: String(fallback),
    get: (s) => s.optimizer.betas?.[index],
    set: (next, value) => {
      const betas: [number, number] = [...(next.optimizer.betas ?? [0.9, 0.999])];
      betas[index] = value ?? fallback;
      put(next.optimizer, 'betas', betas[0] === 0.9 && betas[1] === 0.999 ? undefined : betas);
    },
  });
}

/** Changes the optimiser, keeping what every optimiser takes (lr, weight_decay, no_decay_bias). */
export function switchOptimizer(scene: Scene, name: OptimizerName): Scene {
  const next = clone(scene);
  const { lr, weight_decay, no_decay_bias } = scene.optimizer;
  next.optimizer = { name, lr };
  if (weight_decay !== undefined) next.optimizer.weight_decay = weight_decay;
  if (no_decay_bias !== undefined) next.optimizer.no_decay_bias = no_decay_bias;
  return next;
}

const optimizerFields: Field[] = [
  {
    kind: 'select',
    id: 'optimizer',
    group: 'optimizer',
    label: 'optimizer',
    hint: 'The torch.optim rule that turns gradients into weight changes.',
    path: 'optimizer.name',
    shown: always,
    options: () => names(OPTIMIZERS),
    read: (s) => s.optimizer.name,
    write: (s, value) => ({ scene: switchOptimizer(s, value as OptimizerName), note: null }),
  },
  // lr is drawn by the panel as a select of LEARNING_RATES beside a free entry.
  numeric({
    id: 'learningRate',
    group: 'optimizer',
    label: 'lr',
    hint: 'The step size: too small learns slowly, too large overshoots and diverges. Changes the running network.',
    path: 'optimizer.lr',
    placeholder: '',
    get: (s) => s.optimizer.lr,
    set: (next, value) => (next.optimizer.lr = value ?? Number.NaN), // Required: the validator names it.
  }),
  optimizerNumber(
    'momentum',
    'momentum',
    () => '0',
    'Keeps this share of the last update, so steps build up speed along a steady slope.',
  ),
  optimizerNumber(
    'dampening',
    'dampening',
    () => '0',
    'Scales down the new gradient’s share of the momentum buffer.',
  ),
  optimizerCheck(
    'nesterov',
    'nesterov',
    'Nesterov momentum: the gradient is taken where the momentum is about to carry the weights.',
  ),
  optimizerNumber(
    'lrDecay',
    'lr_decay',
    () => '0',
    'Adagrad’s own decay: step k uses lr / (1 + (k − 1)·lr_decay).',
  ),
  optimizerNumber(
    'initialAccumulatorValue',
    'initial_accumulator_value',
    () => '0',
    'The starting sum of squared gradients: larger makes the first steps smaller.',
  ),
  optimizerNumber(
    'alpha',
    'alpha',
    () => '0.99',
    'How slowly RMSprop’s running average of squared gradients forgets.',
  ),
  optimizerCheck(
    'centered',
    'centered',
    'Divides by the gradient’s variance instead of its raw second moment.',
  ),
  beta(0, 0.9, 'How slowly the running mean of the gradient forgets (momentum).'),
  beta(1, 0.999, 'How slowly the running mean of the squared gradient forgets.'),
  optimizerNumber(
    'eps',
    'eps',
    (s) => (s.optimizer.name === 'Adagrad' ? '1e-10' : '1e-8'),
    'Added to the denominator so a tiny gradient history cannot make a huge step.',
  ),
  optimizerCheck(
    'amsgrad',
    'amsgrad',
    'Divides by the largest second moment seen so far, so the step size never grows again.',
  ),
];

// ---- regularisation --------------------------------------------------------------------------

const regularizationFields: Field[] = [
  numeric({
    id: 'l1',
    group: 'regularization',
    label: 'l1',
    hint: 'Adds l1·Σ|w| over the weights to the loss: pushes weights to exactly 0. Changes the running network.',
    path: 'l1',
    placeholder: '0',
    get: (s) => s.l1,
    set: (next, value) => put(next, 'l1', value),
  }),
  optimizerNumber(
    'weightDecay',
    'weight_decay',
    (s) => String(defaultWeightDecay(s.optimizer.name)),
    'Shrinks every weight towards 0 each step (L2). Changes the running network.',
    'regularization',
  ),
  optimizerCheck(
    'noDecayBias',
    'no_decay_bias',
    'Puts the biases in a second parameter group with weight_decay 0, as is usual.',
    'regularization',
  ),
];

/** How weight_decay acts for the chosen optimiser: L2 in the gradient, or decoupled (AdamW). */
export function weightDecayNote(scene: Scene): string {
  switch (scene.optimizer.name) {
    case 'AdamW':
      return 'AdamW’s weight_decay is decoupled: w ← w − lr·weight_decay·w after the Adam step, the same for every weight (default 0.01).';
    case 'Adam':
      return 'Adam’s weight_decay is L2: weight_decay·w is added to the gradient, so Adam’s per-weight scaling shrinks it where gradients are large (AdamW decouples it).';
    case 'SGD':
      return 'For SGD, weight_decay·w added to the gradient is exactly L2 regularisation (and the same as decoupled decay).';
    default:
      return `${scene.optimizer.name}’s weight_decay is L2: weight_decay·w is added to the gradient before the adaptive scaling.`;
  }
}

// ---- scheduler -------------------------------------------------------------------------------

type SchedulerArg = Exclude<keyof SchedulerSpec, 'name'>;

/** A scheduler's required arguments when it is chosen (it steps once per optimiser step). */
const SCHEDULER_START: Record<SchedulerName, Omit<SchedulerSpec, 'name'>> = {
  StepLR: { step_size: 500 },
  ExponentialLR: { gamma: 0.999 },
  CosineAnnealingLR: { T_max: 2000 },
  LinearLR: {},
};

const SCHEDULER_DEFAULTS: Partial<Record<SchedulerArg, string>> = {
  gamma: '0.1',
  eta_min: '0',
  start_factor: '0.3333',
  end_factor: '1.0',
  total_iters: '5',
};

const SCHEDULER_HINTS: Record<SchedulerArg, string> = {
  step_size: 'StepLR multiplies lr by gamma every step_size optimiser steps.',
  gamma: 'The factor lr is multiplied by (every step for ExponentialLR).',
  T_max: 'Optimiser steps of the half cosine from lr down to eta_min.',
  eta_min: 'The learning rate at the bottom of the cosine.',
  start_factor: 'LinearLR starts at lr·start_factor …',
  end_factor: '… and moves linearly to lr·end_factor …',
  total_iters: '… over this many optimiser steps.',
};

function schedulerArg(key: SchedulerArg, integer: boolean): NumberField {
  return numeric({
    id: key === 'T_max' ? 'tMax' : key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()),
    group: 'scheduler',
    label: key,
    hint: SCHEDULER_HINTS[key],
    path: `scheduler.${key}`,
    integer,
    shown: (s) => {
      if (!s.scheduler) return false;
      const { required, optional } = SCHEDULER_ARGS[s.scheduler.name];
      return [...required, ...optional].includes(key);
    },
    placeholder: (s) =>
      s.scheduler && SCHEDULER_ARGS[s.scheduler.name].required.includes(key)
        ? 'required'
        : (SCHEDULER_DEFAULTS[key] ?? ''),
    get: (s) => s.scheduler?.[key],
    set: (next, value) => next.scheduler && put(next.scheduler, key, value),
  });
}

const schedulerFields: Field[] = [
  {
    kind: 'select',
    id: 'scheduler',
    group: 'scheduler',
    label: 'lr_scheduler',
    hint: 'Changes lr as training goes on; stepped once per optimiser step.',
    path: 'scheduler.name',
    shown: always,
    options: () => [{ value: 'none', label: 'none' }, ...names(SCHEDULERS)],
    read: (s) => s.scheduler?.name ?? 'none',
    write: (s, value) => {
      const next = clone(s);
      if (value === 'none') delete next.scheduler;
      else {
        const name = value as SchedulerName;
        next.scheduler =
          s.scheduler?.name === name ? s.scheduler : { name, ...SCHEDULER_START[name] };
      }
      return { scene: next, note: null };
    },
  },
  schedulerArg('step_size', true),
  schedulerArg('gamma', false),
  schedulerArg('T_max', true),
  schedulerArg('eta_min', false),
  schedulerArg('start_factor', false),
  schedulerArg('end_factor', false),
  schedulerArg('total_iters', true),
];

// ---- initialisation --------------------------------------------------------------------------

const INIT_LABELS: Record<InitName, string> = {
  default: 'default: U(±1/√fan_in)',
  zeros: 'zeros_',
  constant: 'constant_',
  uniform: 'uniform_: U(a, b)',
  xavier_uniform: 'xavier_uniform_',
  xavier_normal: 'xavier_normal_',
  kaiming_uniform: 'kaiming_uniform_',
  kaiming_normal: 'kaiming_normal_',
};

/** The symmetry problem, for the schemes that give every unit of a layer the same weights. */
export function initNote(scene: Scene): string | null {
  const weight = scene.init?.weight ?? 'default';
  if (weight === 'zeros') {
    return 'Symmetry problem: with every weight 0, all units of a layer compute the same thing and get the same gradient, so they stay identical (and through Tanh no gradient reaches the hidden layers at all): the network cannot learn.';
  }
  if (weight === 'constant') {
    return 'Symmetry problem: every unit of a layer starts with the same weights, gets the same gradient and stays a copy of the others, so a layer acts as a single unit.';
  }
  return null;
}

/** A number of scene.init, shown for the schemes in `schemes`. */
function initNumber(
  key: 'constant' | 'a' | 'b' | 'bias',
  id: string,
  label: string,
  hint: string,
  placeholder: string,
  schemes: readonly InitName[],
): Field {
  return numeric({
    id,
    group: 'init',
    label,
    hint,
    path: `init.${key}`,
    shown: (s) => schemes.includes(s.init?.weight ?? 'default'),
    placeholder,
    get: (s) => s.init?.[key],
    set: (next, value) => next.init && put(next.init, key, value),
  });
}

const initFields: Field[] = [
  {
    kind: 'select',
    id: 'init',
    group: 'init',
    label: 'nn.init',
    hint: 'How the weights start; xavier suits Tanh/Sigmoid, kaiming suits ReLU.',
    path: 'init.weight',
    shown: always,
    options: () => INITS.map((value) => ({ value, label: INIT_LABELS[value] })),
    read: (s) => s.init?.weight ?? 'default',
    write: (s, value) => {
      const next = clone(s);
      const weight = value as InitName;
      if (weight === 'default') delete next.init;
      else {
        next.init = { weight };
        if (weight === 'constant') next.init.constant = s.init?.constant ?? 0.5;
        if (weight === 'uniform') {
          next.init.a = s.init?.a ?? -0.5; // TF Playground's range
          next.init.b = s.init?.b ?? 0.5;
        }
        if (s.init?.bias !== undefined) next.init.bias = s.init.bias;
      }
      return { scene: next, note: null };
    },
  },
  initNumber('constant', 'initConstant', 'val', 'constant_’s value for every weight.', 'required', [
    'constant',
  ]),
  initNumber(
    'a',
    'initA',
    'a',
    'uniform_’s lower end: every weight starts in U(a, b), whatever the layer’s fan-in.',
    '0',
    ['uniform'],
  ),
  initNumber('b', 'initB', 'b', 'uniform_’s upper end (at least a).', '1', ['uniform']),
  initNumber(
    'bias',
    'initBias',
    'bias',
    'Every bias starts at this value (default 0) with any scheme but nn.Linear’s own.',
    '0',
    INITS.filter((name) => name !== 'default'),
  ),
];

// ---- batches ---------------------------------------------------------------------------------

/** Training rows of the scene's data, or null when the scene does not say (a CSV's rows). */
export function trainingRows(scene: Scene): number | null {
  const shape = sceneShape(scene);
  if (!shape) return null;
  try {
    return splitSizes(scene.data, shape).train;
  } catch {
    return null;
  }
}

/** Optimiser steps in one epoch: ⌈rows / batch⌉, or ⌊rows / batch⌋ with drop_last. */
export function stepsPerEpoch(rows: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(rows / batchSize) : Math.ceil(rows / batchSize);
}

const batchFields: Field[] = [
  numeric({
    id: 'batchSize',
    group: 'batching',
    label: 'batch_size',
    hint: 'Examples per optimiser step: 1 is pure SGD, the whole training set is full-batch gradient descent.',
    path: 'training.batchSize',
    integer: true,
    placeholder: 'required',
    get: (s) => s.training.batchSize,
    set: (next, value) => (next.training.batchSize = value ?? Number.NaN),
  }),
  checkbox({
    id: 'dropLast',
    group: 'batching',
    label: 'drop_last',
    hint: 'Skips the last, smaller batch of each epoch when the rows do not divide evenly.',
    path: 'training.dropLast',
    get: (s) => s.training.dropLast === true,
    set: (next, value) => put(next.training, 'dropLast', value ? true : undefined),
  }),
  checkbox({
    id: 'shuffle',
    group: 'batching',
    label: 'shuffle',
    hint: 'A new random order every epoch; off: one fixed order, as TensorFlow Playground.',
    path: 'training.shuffle',
    get: (s) => s.training.shuffle !== false,
    set: (next, value) => put(next.training, 'shuffle', value ? undefined : false),
  }),
];

// ---- clipping, augmentation, early stopping, ensembles ---------------------------------------

function clipField(id: string, key: 'clip_grad_norm' | 'clip_grad_value', hint: string): Field {
  return numeric({
    id,
    group: 'clipping',
    label: key,
    hint,
    path: key,
    placeholder: 'off',
    get: (s) => s[key] ?? undefined,
    set: (next, value) => put(next, key, value),
  });
}

type TrainingPart = 'augmentation' | 'earlyStopping' | 'ensemble';

const part = (scene: Scene, name: TrainingPart) =>
  scene.training[name] as Record<string, unknown> | undefined;

/** A number inside training.<part>; the part is removed when it ends up empty (or, with `off`,
 *  when this field is cleared or set to `off`). */
function partNumber(
  name: TrainingPart,
  key: string,
  opts: Omit<Where, 'group' | 'path'> & { placeholder: string; integer?: boolean; off?: number },
): NumberField {
  const { off, ...where } = opts;
  return numeric({
    ...where,
    group: name,
    path: `training.${name}.${key}`,
    get: (s) => part(s, name)?.[key] as number | undefined,
    set: (next, value) => {
      const fields = { ...part(next, name) };
      put(fields, key, value);
      const cleared = off !== undefined && (value === undefined || value === off);
      if (cleared || Object.keys(fields).length === 0) delete next.training[name];
      else (next.training as Record<string, unknown>)[name] = fields;
    },
  });
}

/** A checkbox inside training.<part>, shown while the part is on. */
function partCheck(
  name: TrainingPart,
  key: string,
  opts: Omit<Where, 'group' | 'path' | 'shown'> & { fallback: boolean },
): CheckField {
  const { fallback, ...where } = opts;
  return checkbox({
    ...where,
    group: name,
    path: `training.${name}.${key}`,
    shown: (s) => part(s, name) !== undefined,
    get: (s) => (part(s, name)?.[key] ?? fallback) === true,
    set: (next, value) => {
      const fields = part(next, name);
      if (fields) put(fields, key, value === fallback ? undefined : value);
    },
  });
}

const restFields: Field[] = [
  clipField(
    'clipGradNorm',
    'clip_grad_norm',
    'clip_grad_norm_: rescales the whole gradient when its 2-norm exceeds this.',
  ),
  clipField(
    'clipGradValue',
    'clip_grad_value',
    'clip_grad_value_: clamps every gradient entry to ±this.',
  ),
  partNumber('augmentation', 'jitter', {
    id: 'jitter',
    label: 'jitter σ',
    hint: 'Adds Gaussian noise of this standard deviation to every training input, each batch.',
    placeholder: '0',
  }),
  partNumber('augmentation', 'mixup', {
    id: 'mixup',
    label: 'mixup α',
    hint: 'Blends pairs of training rows and their targets with λ ~ Beta(α, α) (Zhang et al. 2018).',
    placeholder: '0',
  }),
  partNumber('earlyStopping', 'patience', {
    id: 'patience',
    label: 'patience',
    hint: 'Stops after this many evaluations without improvement (validation loss, else training loss); empty: off.',
    placeholder: 'off',
    integer: true,
    off: 0,
  }),
  partNumber('earlyStopping', 'minDelta', {
    id: 'minDelta',
    label: 'min_delta',
    hint: 'An improvement must lower the loss by more than this.',
    placeholder: '0',
    shown: (s) => s.training.earlyStopping !== undefined,
  }),
  partCheck('earlyStopping', 'restoreBest', {
    id: 'restoreBest',
    label: 'restore best',
    hint: 'When it stops, puts back the weights of the best evaluation.',
    fallback: true,
  }),
  partNumber('ensemble', 'members', {
    id: 'members',
    label: 'members',
    hint: 'Trains this many networks from their own seeds and averages their predictions.',
    placeholder: '1',
    integer: true,
    off: 1,
  }),
  partCheck('ensemble', 'bootstrap', {
    id: 'bootstrap',
    label: 'bootstrap',
    hint: 'Each member trains on its own resample of the training set (bagging).',
    fallback: false,
  }),
];

export const FIELDS: readonly Field[] = [
  ...lossFields,
  ...optimizerFields,
  ...regularizationFields,
  ...schedulerFields,
  ...initFields,
  ...batchFields,
  ...restFields,
];

/** Reads what a number field holds: undefined when empty; throws naming the path otherwise. */
export function parseNumber(field: NumberField, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new Error(`scene.${field.path}: expected a number, got "${trimmed}"`);
  }
  return value;
}

/** What validateScene does not know: the batch must fit in the training set. Checked first, so
 *  the message gives the training set's range. */
export function checkBatch(scene: Scene): void {
  const rows = trainingRows(scene);
  const batch = scene.training.batchSize;
  if (rows !== null && !(Number.isInteger(batch) && batch >= 1 && batch <= rows)) {
    throw new Error(
      `scene.training.batchSize: expected an integer in [1, ${rows}] (the training set has ${rows} rows), got ${batch}`,
    );
  }
}
